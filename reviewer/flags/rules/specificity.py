"""Specificity: claims without figures, vague quantities, plans without targets or deadlines,
and shortcomings no plan item addresses."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from reviewer.document import Paragraph, Section
from reviewer.flags.data import load, pattern
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.flags.match import BigramIndex
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# a passage this short is a transition, not an account of work
_MIN_PASSAGE = 60
# parts that give an account of work done (kinds.toml: done); passages inside them that are not
# (a shortcomings paragraph, thanks, closing words) have their own kind at their offsets
_DONE = kinds_where("done")
_EXCERPT = 12
_CLAUSE_MARKS = "，,；;。！？"


def _bodies(ctx: RuleContext, kinds: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The body text of every paragraph in sections of ``kinds``, without a heading that opens it."""
    heading_end = {h.para_start: h.end for h in ctx.doc.headings}
    for p in ctx.doc.paragraphs:
        if ctx.kind_at(p.start) not in kinds:
            continue
        start = heading_end.get(p.start, p.start)
        while start < p.end and ctx.text[start] in " \u3000":
            start += 1
        if start < p.end:
            yield start, p.end


@rule("specificity.no_figures", "specificity", "warning")
def no_figures(ctx: RuleContext) -> Iterator[Hit]:
    """An account of work done that gives no figure at all."""
    figure = pattern("words", "figure")
    for start, end in _bodies(ctx, _DONE):
        if end - start >= _MIN_PASSAGE and not figure.search(ctx.text, start, end):
            yield Hit(start, end, t("flags.no_figures", excerpt=ctx.text[start:start + _EXCERPT]),
                      t("flags.no_figures_fix"))


@rule("specificity.vague_quantity", "specificity", "info")
def vague_quantity(ctx: RuleContext) -> Iterator[Hit]:
    """A vague quantity (多次, 若干, 一定成效) where a claim of work done could give a figure."""
    vague = pattern("words", "vague")
    problems = pattern("words", "problem_words")
    text = ctx.text
    for start, end in _bodies(ctx, _DONE):
        for m in vague.finditer(text, start, end):
            clause_start, clause_end = _clause(ctx, m.start(), start, end)
            if problems.search(text, clause_start, clause_end):
                continue
            yield Hit(m.start(), m.end(), t("flags.vague_quantity", quote=m.group(0)),
                      t("flags.vague_quantity_fix"))


def _clause(ctx: RuleContext, pos: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``pos`` (between ，；。 marks), within ``start``..``end`` (the marks are
    found once for the whole text: a paragraph of one endless clause is not searched again for
    every match in it)."""
    return (ctx.after_mark(_CLAUSE_MARKS, pos, start),
            ctx.next_mark(_CLAUSE_MARKS, pos, end))


def _items(sections: list[Section], ctx: RuleContext) -> list[tuple[int, int, int]]:
    """(heading start, heading end, item end) of every leaf item; a section without sub-items
    counts its paragraphs as items."""
    out = []
    for sec in sections:
        leaves = [leaf for leaf in sec.leaves() if leaf is not sec]
        if leaves:
            out.extend((leaf.heading.start, leaf.heading.end,
                        _item_end(ctx, leaf.heading.para_end, leaf.end)) for leaf in leaves)
            continue
        body_end = _item_end(ctx, sec.heading.para_end, sec.end)
        out.extend((p.start, p.end, p.end) for p in _paragraphs_in(ctx, sec.heading.end, body_end))
    return out


def _paragraphs_in(ctx: RuleContext, start: int, end: int) -> list[Paragraph]:
    """Paragraphs starting in ``start``..``end`` (found by bisection: a long report has tens of
    thousands)."""
    paragraphs = ctx.doc.paragraphs
    first = bisect.bisect_left(paragraphs, start, key=lambda p: p.start)
    last = bisect.bisect_left(paragraphs, end, key=lambda p: p.start)
    return paragraphs[first:last]


def _item_end(ctx: RuleContext, after: int, end: int) -> int:
    """Where an item's text ends: the last section of a report runs to the end of the file, but
    its closing words and signature (2024年，…取得了一定成绩 / 柏香镇党政办公室) are not part
    of its last item."""
    closing = pattern("words", "closing")
    for p in _paragraphs_in(ctx, after + 1, end):
        if closing.match(ctx.text, p.start, p.end):
            return p.start
    return end


@rule("specificity.unmeasurable_plan", "specificity", "warning")
def unmeasurable_plan(ctx: RuleContext) -> Iterator[Hit]:
    """A plan item with neither a measurable target nor a deadline."""
    measurable = pattern("words", "measurable")
    deadline = pattern("words", "deadline")
    aims = pattern("words", "plan_not_items")
    text = ctx.text
    for start, head_end, end in _items(ctx.doc.sections_of_kind("plan"), ctx):
        if aims.search(text, start, head_end):
            continue
        if measurable.search(text, start, end) or deadline.search(text, start, end):
            continue
        yield Hit(start, head_end, t("flags.unmeasurable_plan"), t("flags.unmeasurable_plan_fix"))


def _problem_items(ctx: RuleContext) -> list[tuple[int, int, int]]:
    """Shortcoming items, leaving out the sub-parts that analyse causes."""
    causes = pattern("words", "cause_markers")
    items = _items(ctx.doc.sections_of_kind("shortcomings"), ctx)
    out = []
    for item in items:
        chain = ctx.doc.section_at(item[0])
        if any(causes.search(s.heading.title) for s in chain[1:]):
            continue
        out.append(item)
    return out


def _with_context(ctx: RuleContext, start: int, end: int) -> str:
    """A plan item's text after the headings above it: under （五）强化保障措施, 二是加强队伍建设
    is about 保障 too."""
    above = [s.heading.title for s in ctx.doc.section_at(start)[1:] if s.heading.start < start]
    return "\n".join([*above, ctx.text[start:end]])


@rule("specificity.unaddressed_shortcoming", "specificity", "warning")
def unaddressed_shortcoming(ctx: RuleContext) -> Iterator[Hit]:
    """A shortcoming that no plan item takes up (character-bigram similarity, no segmentation)."""
    plans = _items(ctx.doc.sections_of_kind("plan"), ctx)
    problems = _problem_items(ctx)
    if not plans or not problems:
        return
    text = ctx.text
    threshold = float(load("words")["addressed_similarity"])
    index = BigramIndex(text[p.start:p.end] for p in ctx.doc.paragraphs)
    ranking = index.ranking([_with_context(ctx, s, e) for s, _, e in plans],
                            int(load("words")["addressed_max_shared"]),
                            within=[text[start:end] for start, _, end in problems])
    for start, head_end, end in problems:
        best, score = ranking.best(text[start:head_end], text[head_end:end])
        if score < threshold:
            s, h, _ = plans[best]
            yield Hit(start, head_end,
                      t("flags.unaddressed_shortcoming", closest=text[s:h][:30],
                        score=f"{score:.2f}"),
                      t("flags.unaddressed_shortcoming_fix"))
