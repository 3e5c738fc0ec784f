"""Structure: the parts the genre asks for, their order, their numbering, the plan's year."""

from __future__ import annotations

import bisect
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
        counts = [len(ctx.doc.sentences_in(leaf.heading.end, leaf.end)) for leaf in _leaves(sec)]
        if counts and min(counts) >= min_sentences:
            continue
        key = "no_causes_promised" if markers.search(sec.heading.title) else "no_causes"
        yield Hit(*_heading_span(sec), t(f"flags.{key}"), t("flags.no_causes_fix"))


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing run of ``ranks`` (earliest elements kept on ties).

    Ranks take a handful of values (a genre's kinds), so each element looks back at the best run
    ending in each value rather than at every element before it: thousands of parts cost
    thousands of steps."""
    n = len(ranks)
    if not n:
        return set()
    prev = [-1] * n
    # per rank value: the length of the longest run ending in it so far, and its earliest end
    ending: dict[int, tuple[int, int]] = {}
    best_len, best_end = 0, -1
    for i, rank in enumerate(ranks):
        length, before = 0, -1
        for value, (run, end) in ending.items():
            if value <= rank and (run > length or (run == length and end < before)):
                length, before = run, end
        prev[i] = before
        length += 1
        if length > ending.get(rank, (0, -1))[0]:
            ending[rank] = (length, i)
        if length > best_len:
            best_len, best_end = length, i
    keep = set()
    i = best_end
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
    # for each part: the nearest kept part before it of a later rank, and after it of an earlier
    # rank, found in one pass each way over the few rank values
    earlier: list[Section | None] = [None] * len(placed)
    later: list[Section | None] = [None] * len(placed)
    last_kept: dict[int, int] = {}
    for i, rank in enumerate(ranks):
        if i not in keep:
            j = max((k for r, k in last_kept.items() if r > rank), default=-1)
            earlier[i] = placed[j] if j >= 0 else None
        else:
            last_kept[rank] = i
    next_kept: dict[int, int] = {}
    for i in range(len(ranks) - 1, -1, -1):
        if i not in keep:
            j = min((k for r, k in next_kept.items() if r < ranks[i]), default=-1)
            later[i] = placed[j] if j >= 0 else None
        else:
            next_kept[ranks[i]] = i
    for i, sec in enumerate(placed):
        if i in keep:
            continue
        if earlier[i] is not None:
            message = t("flags.order_before", kind=_kind(sec.kind), other=_kind(earlier[i].kind))
        elif later[i] is not None:
            message = t("flags.order_after", kind=_kind(sec.kind), other=_kind(later[i].kind))
        else:
            continue
        yield Hit(*_heading_span(sec), message, t("flags.order_fix",
                                                  order="、".join(_kind(k) for k in order)))


# a paragraph opening with a number: the number as written (一二…十 or digits)
_OPENING_NUMBER = {
    "cn": re.compile(r"[（(]?\s*([一二三四五六七八九十]+)\s*[、.．）)是]"),
    "arabic": re.compile(r"[（(]?\s*(\d+)\s*[、.．）)是]"),
}


def _written_between(ctx: RuleContext, style: str, numbers: range, start: int, end: int) -> bool:
    """Whether a paragraph between two headings starts with one of the numbers said to be
    missing: the heading is there, only not read as one (``8.6个重大科技专项``). One look at each
    paragraph between the two, found by bisection."""
    arabic = style.startswith("arabic")
    labels = {str(n) if arabic else cn_numeral(n) for n in numbers}
    if not labels:
        return False
    opening = _OPENING_NUMBER["arabic" if arabic else "cn"]
    paragraphs = ctx.doc.paragraphs
    first = bisect.bisect_right(paragraphs, start, key=lambda p: p.start)
    for p in paragraphs[first:bisect.bisect_left(paragraphs, end, first, key=lambda p: p.start)]:
        m = opening.match(ctx.text, p.start)
        if m and m.group(1) in labels:
            return True
    return False


@rule("structure.numbering", "structure", "warning")
def numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Heading numbers that skip or repeat. A list restarting at 1 is a new list, not an error."""
    headings = ctx.doc.headings
    # the heading before each of the same style and level, in one pass
    previous: list[int | None] = []
    last: dict[tuple[str, int], int] = {}
    for i, g in enumerate(headings):
        previous.append(last.get((g.style, g.level)))
        last[(g.style, g.level)] = i
    for issue in ctx.doc.numbering_issues:
        if issue.kind not in ("gap", "repeat", "restart"):
            continue
        h = headings[issue.heading_index]
        if issue.kind == "restart" and h.number == 1:
            continue
        if issue.kind == "gap":
            j = previous[issue.heading_index]
            before = headings[j] if j is not None else None
            since = before.start if before else 0
            missing = range(before.number + 1 if before else 1, h.number)
            if _written_between(ctx, h.style, missing, since, h.start):
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
