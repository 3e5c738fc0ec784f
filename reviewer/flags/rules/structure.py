"""Structure: the parts the genre asks for, their order, their numbering, the plan's year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from reviewer.document import UNKNOWN, Section
from reviewer.document.structure import cn_numeral
from reviewer.flags.data import load, pattern, words
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.flags.match import bigrams
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# how many unrecognised parts the note names, and how much of each heading
_PARTS_SHOWN = 4
_TITLE_SHOWN = 16
_CLAUSE_MARKS = "，,；;。！？\n"
# a heading with fewer subject bigrams than this says too little to be checked against its text
_MIN_HEADING_GRAMS = 2
# the last paragraphs, where a signature stands
_TAIL = 6


def _kind(kind: str) -> str:
    return t(f"kinds.{kind}")


def _heading_span(sec: Section) -> tuple[int, int]:
    return sec.heading.start, sec.heading.end


def _unrecognised(ctx: RuleContext) -> list[Section]:
    """Top-level parts whose kind is not known well enough to say what the report lacks: kind
    ``unknown``, or decided on evidence weaker than ``words.toml``'s ``recognised_confidence``."""
    least = float(load("words")["recognised_confidence"])
    return [s for s in ctx.doc.sections if s.kind == UNKNOWN or s.confidence < least]


@rule("structure.missing_section", "structure", "error")
def missing_section(ctx: RuleContext) -> Iterator[Hit]:
    """A mandatory part is missing; the flag sits on the heading the part should precede.

    Only when every top-level part has a recognised kind: a part whose kind could not be told
    may be the one said to be missing (``structure.unrecognised`` names such parts instead)."""
    if ctx.profile is None or not ctx.doc.sections or _unrecognised(ctx):
        return
    order = list(ctx.profile.order)
    tops = ctx.doc.sections
    for kind in ctx.doc.missing_kinds():
        rank = order.index(kind) if kind in order else len(order)
        after = [s for s in tops if s.kind in order and order.index(s.kind) > rank]
        span = _heading_span(after[0]) if after else _heading_span(tops[-1])
        yield Hit(*span, t("flags.missing_section", kind=_kind(kind)),
                  t("flags.missing_section_fix", kind=_kind(kind)))


@rule("structure.unrecognised", "structure", "info")
def unrecognised(ctx: RuleContext) -> Iterator[Hit]:
    """The genre's mandatory parts were not all found, and some top-level parts could not be
    recognised: one note naming them, so that the reviewer checks the structure by eye."""
    if ctx.profile is None or not ctx.doc.missing_kinds():
        return
    if not ctx.doc.sections:
        yield Hit(*ctx.title_span, t("flags.no_parts"), t("flags.unrecognised_fix"))
        return
    parts = _unrecognised(ctx)
    if not parts:
        return
    shown = "、".join(f"“{_short(p.heading.title)}”" for p in parts[:_PARTS_SHOWN])
    more = t("flags.and_more", count=len(parts) - _PARTS_SHOWN) if len(parts) > _PARTS_SHOWN else ""
    missing = "、".join(_kind(k) for k in ctx.doc.missing_kinds())
    yield Hit(*_heading_span(parts[0]),
              t("flags.unrecognised", parts=shown + more, missing=missing),
              t("flags.unrecognised_fix"),
              occurrences=tuple(_heading_span(p) for p in parts))


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_SHOWN else title[:_TITLE_SHOWN] + "…"


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
            if before and before[-1].number == h.number - 1:
                continue  # numbered on from the previous part's items: 1.–7. under （一）, 8. on
            since = before[-1].start if before else 0
            if any(_written_between(ctx, h.style, n, since, h.start)
                   for n in range(before[-1].number + 1 if before else 1, h.number)):
                continue
        yield Hit(h.start, h.title_start, t(f"flags.numbering_{issue.kind}",
                                            numbering=h.numbering.strip()),
                  t("flags.numbering_fix"))


@rule("structure.mixed_brackets", "structure", "warning")
def mixed_brackets(ctx: RuleContext) -> Iterator[Hit]:
    """Headings bracketed in another style than the rest of the report: （一） against (一).
    One flag, with every heading so bracketed."""
    styles = Counter(h.bracket for h in ctx.doc.headings if h.bracket in ("full", "half"))
    majority = max(("full", "half"), key=lambda b: styles[b])
    odd = [ctx.doc.headings[i.heading_index] for i in ctx.doc.numbering_issues
           if i.kind == "mixed_bracket"]
    if odd:
        h = odd[0]
        yield Hit(h.start, h.title_start,
                  t("flags.mixed_brackets", numbering=h.numbering.strip(),
                    style=t(f"flags.bracket_{majority}")),
                  t("flags.replace_with", right=_rebracket(h.numbering.strip(), majority)),
                  occurrences=tuple((g.start, g.title_start) for g in odd))


def _rebracket(numbering: str, style: str) -> str:
    pairs = ("（", "）") if style == "full" else ("(", ")")
    inner = numbering.strip("（）() ")
    return f"{pairs[0]}{inner}{pairs[1]}"


@rule("structure.punct_after_numbering", "structure", "warning")
def punct_after_numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Punctuation after a bracketed number: （一）、 — the bracket already separates. One flag,
    with every heading so written."""
    issues = [i for i in ctx.doc.numbering_issues if i.kind == "punct_after"]
    if issues:
        heads = [ctx.doc.headings[i.heading_index] for i in issues]
        h = heads[0]
        yield Hit(h.start, h.title_start, t("flags.punct_after", found=issues[0].detail),
                  t("flags.replace_with", right=h.numbering.strip()),
                  occurrences=tuple((g.start, g.title_start) for g in heads))


@rule("structure.plan_year", "structure", "error")
def plan_year(ctx: RuleContext) -> Iterator[Hit]:
    """The plan part names a year other than the one the genre plans for. Only where the
    report's year is sure (its title, its congress date): a year guessed from the first lines
    is no ground for an error."""
    year = ctx.sure_year()
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


@rule("structure.no_issuer", "structure", "warning")
def no_issuer(ctx: RuleContext) -> Iterator[Hit]:
    """Nothing in the report names the body that issues it: no signature (落款) or document
    header, and a title that names a place but not its government (烟溪镇…情况报告)."""
    issuer = ctx.doc.metadata.get("issuer")
    if issuer is not None and issuer.start >= 0:
        return
    bodies = pattern("words", "issuing_bodies")
    title = ctx.doc.metadata.get("title")
    if title is not None and bodies.search(title.value):
        return
    signature = pattern("words", "signature_line")
    if any(signature.fullmatch(ctx.text, p.start, p.end) for p in ctx.doc.paragraphs[-_TAIL:]):
        return  # a signature the metadata did not take: 某市市场监督管理局
    yield Hit(*ctx.title_span, t("flags.no_issuer"), t("flags.no_issuer_fix"))


@rule("structure.heading_mismatch", "structure", "info")
def heading_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """Two sibling headings that belong to each other's text: none of the words of either
    recurs in its own section, most of them in the other's (a heading pasted over the wrong
    text). A slogan heading (压实主体责任) whose words recur nowhere is no slip."""
    text = ctx.text
    least = int(load("words")["heading_body_min"])
    enough = float(load("words")["heading_elsewhere"])
    common = set(words("words", "common_bigrams"))
    content = kinds_where("content")
    for parent in ctx.doc.walk():
        leaves = [c for c in parent.children if not c.children
                  and c.end - c.heading.end >= least and ctx.kind_at(c.heading.start) in content]
        if len(leaves) < 2:
            continue
        grams = [{g for g in bigrams(c.heading.title) if g not in common} for c in leaves]
        bodies = [text[c.heading.end:c.end] for c in leaves]
        lost = [i for i in range(len(leaves)) if len(grams[i]) >= _MIN_HEADING_GRAMS
                and not any(g in bodies[i] for g in grams[i])]
        for i in lost:
            for j in lost:
                if j != i and sum(g in bodies[j] for g in grams[i]) >= enough * len(grams[i]):
                    yield Hit(*_heading_span(leaves[i]),
                              t("flags.heading_mismatch", other=_short(leaves[j].heading.title)),
                              t("flags.heading_mismatch_fix"))
                    break
