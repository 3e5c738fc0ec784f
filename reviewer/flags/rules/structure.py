"""Structure: the parts the genre asks for, their order, their numbering, the plan's year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from reviewer.document import Section
from reviewer.document.structure import cn_numeral
from reviewer.flags.data import load, pattern
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.i18n import t


def _kind(kind: str) -> str:
    return t(f"kinds.{kind}")


def _heading_span(sec: Section) -> tuple[int, int]:
    return sec.heading.start, sec.heading.end


@rule("structure.missing_section", "structure", "error")
def missing_section(ctx: RuleContext) -> Iterator[Hit]:
    """A mandatory part is missing; the flag sits on the heading the part should precede.

    A report with parts of unknown kind is not flagged: the part may be one of those."""
    if ctx.profile is None or ctx.doc.unknown_sections():
        return
    order = list(ctx.profile.order)
    tops = ctx.doc.sections
    for kind in ctx.profile.mandatory:
        if ctx.doc.sections_of_kind(kind):
            continue
        rank = order.index(kind) if kind in order else len(order)
        after = [s for s in tops if s.kind in order and order.index(s.kind) > rank]
        span = _heading_span(after[0]) if after else (
            _heading_span(tops[-1]) if tops else ctx.title_span)
        yield Hit(*span, t("flags.missing_section", kind=_kind(kind)),
                  t("flags.missing_section_fix", kind=_kind(kind)))


def _leaves(sec: Section) -> list[Section]:
    return list(sec.leaves())


@rule("structure.no_causes", "structure", "warning")
def no_causes(ctx: RuleContext) -> Iterator[Hit]:
    """A shortcomings part names problems but gives no causes.

    Causes count as given when a sub-heading or the text names them (原因, 由于, 根源…), or when
    every problem is explained in several sentences: an explanation that long carries its causes,
    a one-line restatement of the heading does not.
    """
    markers = pattern("words", "cause_markers")
    min_sentences = int(load("words")["cause_min_sentences"])
    text = ctx.text
    for sec in ctx.doc.sections_of_kind("shortcomings"):
        if any(markers.search(s.heading.title) for s in sec.walk() if s is not sec):
            continue
        if markers.search(text, sec.heading.end, sec.end):
            continue
        sentences = ctx.doc.sentences()
        counts = [sum(1 for s in sentences if leaf.heading.end <= s.start < leaf.end)
                  for leaf in _leaves(sec)]
        if counts and min(counts) >= min_sentences:
            continue
        key = "no_causes_promised" if markers.search(sec.heading.title) else "no_causes"
        yield Hit(*_heading_span(sec), t(f"flags.{key}"), t("flags.no_causes_fix"))


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing run of ``ranks`` (earliest elements kept on ties)."""
    n = len(ranks)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if ranks[j] <= ranks[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return set()
    i = max(range(n), key=lambda k: (best[k], -k))
    keep = set()
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


@rule("structure.section_order", "structure", "warning")
def section_order(ctx: RuleContext) -> Iterator[Hit]:
    """Parts out of the order the genre mandates: the fewest parts that, moved, restore it."""
    if ctx.profile is None:
        return
    order = list(ctx.profile.order)
    placed = [s for s in ctx.doc.sections if s.kind in order]
    ranks = [order.index(s.kind) for s in placed]
    keep = _longest_ordered(ranks)
    for i, sec in enumerate(placed):
        if i in keep:
            continue
        later = next((placed[j] for j in sorted(keep) if j > i and ranks[j] < ranks[i]), None)
        earlier = next((placed[j] for j in sorted(keep, reverse=True)
                        if j < i and ranks[j] > ranks[i]), None)
        if earlier is not None:
            message = t("flags.order_before", kind=_kind(sec.kind), other=_kind(earlier.kind))
        elif later is not None:
            message = t("flags.order_after", kind=_kind(sec.kind), other=_kind(later.kind))
        else:
            continue
        yield Hit(*_heading_span(sec), message, t("flags.order_fix",
                                                  order="、".join(_kind(k) for k in order)))


def _written_between(ctx: RuleContext, style: str, number: int, start: int, end: int) -> bool:
    """Whether a paragraph between two headings starts with the number said to be missing: the
    heading is there, only not read as one (``8.6个重大科技专项``)."""
    label = str(number) if style.startswith("arabic") else cn_numeral(number)
    head = re.compile(rf"[（(]?\s*{label}\s*[、.．）)是]")
    return any(head.match(ctx.text, p.start) for p in ctx.doc.paragraphs
               if start < p.start < end)


@rule("structure.numbering", "structure", "warning")
def numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Heading numbers that skip or repeat. A list restarting at 1 is a new list, not an error."""
    headings = ctx.doc.headings
    for issue in ctx.doc.numbering_issues:
        if issue.kind not in ("gap", "repeat", "restart"):
            continue
        h = headings[issue.heading_index]
        if issue.kind == "restart" and h.number == 1:
            continue
        if issue.kind == "gap":
            before = [g for g in headings[: issue.heading_index]
                      if g.style == h.style and g.level == h.level]
            since = before[-1].start if before else 0
            if any(_written_between(ctx, h.style, n, since, h.start)
                   for n in range(before[-1].number + 1 if before else 1, h.number)):
                continue
        yield Hit(h.start, h.title_start, t(f"flags.numbering_{issue.kind}",
                                            numbering=h.numbering.strip()),
                  t("flags.numbering_fix"))


@rule("structure.mixed_brackets", "structure", "warning")
def mixed_brackets(ctx: RuleContext) -> Iterator[Hit]:
    """A heading bracketed in another style than the rest of the report: （一） against (一)."""
    styles = Counter(h.bracket for h in ctx.doc.headings if h.bracket in ("full", "half"))
    majority = max(("full", "half"), key=lambda b: styles[b])
    for issue in ctx.doc.numbering_issues:
        if issue.kind != "mixed_bracket":
            continue
        h = ctx.doc.headings[issue.heading_index]
        fixed = _rebracket(h.numbering.strip(), majority)
        yield Hit(h.start, h.title_start,
                  t("flags.mixed_brackets", numbering=h.numbering.strip(),
                    style=t(f"flags.bracket_{majority}")),
                  t("flags.replace_with", right=fixed))


def _rebracket(numbering: str, style: str) -> str:
    pairs = ("（", "）") if style == "full" else ("(", ")")
    inner = numbering.strip("（）() ")
    return f"{pairs[0]}{inner}{pairs[1]}"


@rule("structure.punct_after_numbering", "structure", "warning")
def punct_after_numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Punctuation after a bracketed number: （一）、 — the bracket already separates."""
    for issue in ctx.doc.numbering_issues:
        if issue.kind != "punct_after":
            continue
        h = ctx.doc.headings[issue.heading_index]
        yield Hit(h.start, h.title_start, t("flags.punct_after", found=issue.detail),
                  t("flags.replace_with", right=h.numbering.strip()))


@rule("structure.plan_year", "structure", "error")
def plan_year(ctx: RuleContext) -> Iterator[Hit]:
    """The plan part names a year other than the one the genre plans for."""
    year = ctx.doc.year
    if ctx.profile is None or year is None:
        return
    expected = year + ctx.profile.plan_year_offset
    for sec in ctx.doc.sections_of_kind("plan"):
        m = re.search(r"(\d{4})\s*年", sec.heading.title)
        if m and int(m.group(1)) != expected:
            start = sec.heading.title_start + m.start(1)
            yield Hit(start, start + 4,
                      t("flags.plan_year", found=m.group(1), expected=expected, year=year),
                      t("flags.replace_with", right=str(expected)))
