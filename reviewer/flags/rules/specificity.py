"""Specificity: claims without figures, vague quantities, plans without targets or deadlines,
and shortcomings no plan item addresses.

Each rule reads the year's own account of its work (:meth:`Document.review_spans`: no five-year
review, no shortcomings paragraph, thanks or closing words) and the plan for the plan year
(:meth:`Document.plan_sections`), and the genre's settings (its profile's ``[flags]`` table):
what one account of work is (a paragraph in a rule-of-law report, a numbered item in a work
report), which vague words are set phrases of the genre (一批 in a work report), whether the
paragraphs of a plan without sub-items are promises of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from reviewer.document import Paragraph, Section
from reviewer.document.structure import stands_as_group_heading
from reviewer.flags.data import load, pattern, words
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.flags.match import BigramIndex, bigrams
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# a passage this short is a transition, not an account of work
_MIN_PASSAGE = 60
_EXCERPT = 12
_CLAUSE_MARKS = "，,；;。！？"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
# the end of a sentence of a plan group's body (each of its measures)
_SENTENCE_ENDS = re.compile("[。；;！？!?]")
# a promise with fewer subject bigrams than this is too general to be matched with done work
_MIN_PROMISE_GRAMS = 4
_DONE_SHOWN = 40


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _cut(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``start..end`` inside the sorted, disjoint ``spans``."""
    i = max(bisect.bisect_right(spans, (start, start)) - 1, 0)
    out = []
    while i < len(spans) and spans[i][0] < end:
        s, e = max(spans[i][0], start), min(spans[i][1], end)
        if s < e:
            out.append((s, e))
        i += 1
    return out


def _catch_all(ctx: RuleContext, start: int, end: int) -> bool:
    """A paragraph that sums up many lesser fields in one breath (此外，审计、统计、档案…工作
    取得新进步): no account of one piece of work. It opens like one (此外), or its first
    sentence lists many short fields."""
    text = ctx.text
    if pattern("words", "catch_all_openers").match(text, start, end):
        return True
    first = text.find("。", start, end)
    return _catch_all_list().search(text, start, first if first >= 0 else end) is not None


@cache
def _catch_all_list() -> re.Pattern[str]:
    """A run of short fields (two to four characters each) set apart by 顿号: 审计、统计、档案、
    民族、宗教、侨务."""
    least = int(load("words")["catch_all_items"])
    return re.compile(rf"(?:[\u4e00-\u9fff]{{2,4}}、){{{least - 1},}}[\u4e00-\u9fff]{{2,4}}(?![\u4e00-\u9fff])")


def _leads(ctx: RuleContext) -> list[tuple[int, int]]:
    """The introductions of parts that have sub-items: the text between a heading and its first
    child sums the part up (镇党委、政府主要负责人切实履行…同部署、同推进), the items give the
    account."""
    out = [(sec.heading.end, sec.children[0].heading.start) for sec in ctx.doc.walk()
           if sec.children and sec.children[0].heading.start > sec.heading.end]
    return sorted(out)


def _paragraph_accounts(ctx: RuleContext) -> list[tuple[int, int]]:
    """Every paragraph of the year's account of work done, without a heading that opens it:
    read once per run for the rules that read them all (a text of thousands of parts has
    thousands)."""
    return ctx.shared("paragraph_accounts", lambda c: list(_read_paragraph_accounts(c)))


def _read_paragraph_accounts(ctx: RuleContext) -> Iterator[tuple[int, int]]:
    """:func:`_paragraph_accounts`, read."""
    spans = ctx.review_spans()
    if not spans:
        return
    heading_end = {h.para_start: h.end for h in ctx.doc.headings}
    leads = _leads(ctx)
    paragraphs = ctx.doc.paragraphs
    ends = [p.end for p in paragraphs]
    # only the paragraphs that reach into the account are read (found by bisection, each once):
    # a report of thousands of lines outside it reads none of them
    k = 0
    for span_start, span_end in spans:
        k = max(k, bisect.bisect_right(ends, span_start))
        while k < len(paragraphs) and paragraphs[k].start < span_end:
            p = paragraphs[k]
            k += 1
            if _within(leads, p.start):
                continue
            start = heading_end.get(p.start, p.start)
            for s, e in _cut(spans, start, p.end):
                while s < e and ctx.text[s] in " \u3000":
                    s += 1
                if s < e and not _catch_all(ctx, s, e):
                    yield s, e


def _item_accounts(ctx: RuleContext) -> Iterator[tuple[int, int, int]]:
    """(heading start, heading end, item end) of every numbered item of the year's account of
    work (a leaf below a top-level part), for a genre whose accounts are items."""
    spans = ctx.review_spans()
    starts = [s for s, _ in spans]
    for leaf in ctx.doc.walk():
        if leaf.children or leaf.parent is None:
            continue
        i = bisect.bisect_right(starts, leaf.heading.start) - 1
        if i >= 0 and spans[i][0] <= leaf.heading.start < spans[i][1]:
            end = _item_end(ctx, leaf.heading.para_end, min(leaf.end, spans[i][1]))
            yield leaf.heading.start, leaf.heading.end, end


def _any_between(sorted_positions: list[int], lo: int, hi: int) -> bool:
    """Whether one of ``sorted_positions`` lies in ``lo..hi``."""
    i = bisect.bisect_left(sorted_positions, lo)
    return i < len(sorted_positions) and sorted_positions[i] < hi


class _CountableWork:
    """Which countable work a passage reports (``words.toml``'s ``countable_work``: sessions,
    inspections, reviews, consultations, cases…), and where the year's account gives a figure
    for each kind of it."""

    def __init__(self, ctx: RuleContext):
        self.ctx = ctx
        self.text = ctx.text
        self.kinds = [re.compile(p) for p in load("words")["countable_work"]]
        self.any = pattern("words", "countable_work")
        self.system = pattern("words", "countable_system")
        self.principle = pattern("words", "principle_verbs")
        self.act = pattern("words", "act_verbs")
        self.means = pattern("words", "means_clause")
        self.arrangement = pattern("words", "arrangement_clause")
        self.figure = pattern("words", "figure")
        self._counted: dict[int, list[int]] | None = None

    def _clauses(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        pos = start
        for m in [*_CLAUSE_END.finditer(self.text, start, end), None]:
            stop = m.start() if m else end
            if stop > pos:
                yield pos, stop
            pos = stop + 1

    def _kind(self, found: str) -> int:
        return next((i for i, rx in enumerate(self.kinds) if rx.fullmatch(found)), -1)

    def in_clause(self, cs: int, ce: int) -> set[int]:
        """The kinds of countable work the clause ``cs..ce`` reports as work done."""
        text = self.text
        clause = text[cs:ce].strip(" \u3000")
        if self.means.search(clause) or self.arrangement.search(clause):
            return set()
        found = list(self.any.finditer(text, cs, ce))
        if not found:
            return set()
        # each list read once, in text order: a clause may be a whole long line
        systems = [m.start() for m in self.system.finditer(text, found[0].end(), ce)]
        last_system = systems[-1] if systems else -1
        principles = [m.end() for m in self.principle.finditer(text, cs, found[-1].start())]
        acts = [m.start() for m in self.act.finditer(text, cs, found[-1].start())]
        out = set()
        for m in found:
            if last_system >= m.end():
                continue  # 合法性审查机制, 学法用法制度: a system, not work done
            i = bisect.bisect_right(principles, m.start()) - 1
            if i >= 0 and not _any_between(acts, principles[i], m.start()):
                continue  # 加强…监督检查: a principle, not an account
            out.add(self._kind(m.group(0)))
        return out

    def reported(self, start: int, end: int) -> set[int]:
        """The kinds of countable work ``text[start:end]`` reports."""
        out: set[int] = set()
        for cs, ce in self._clauses(start, end):
            out |= self.in_clause(cs, ce)
        return out

    def counted_elsewhere(self, kinds: set[int], start: int, end: int) -> bool:
        """Whether the year's account gives a figure, outside ``start..end``, for every kind of
        work in ``kinds`` (学法 and 学习 counted in the responsibility part: 全年组织党委理论学习
        中心组学法12次、党内法规专题学习5次)."""
        if self._counted is None:
            self._counted = {}
            for s, e in self.ctx.review_spans():
                for cs, ce in self._clauses(s, e):
                    if self.figure.search(self.text, cs, ce):
                        for kind in self.in_clause(cs, ce):
                            self._counted.setdefault(kind, []).append(cs)
        return bool(kinds) and all(any(not start <= at < end for at in self._counted.get(k, ()))
                                   for k in kinds)

    def asks_for_figures(self, start: int, end: int, body: int | None = None) -> bool:
        """Whether ``text[start:end]`` (its text from ``body`` on) reports countable work that no
        figure of the year's account counts: not an organisational set-up (its first sentence
        sets up or staffs a body), not only principles and arrangements. In a genre whose
        every account of work asks for figures (the profile's
        ``figures_for_countable_work_only = false``: a work report's item is a whole field of
        work), always."""
        if not self.ctx.setting("figures_for_countable_work_only", True):
            return True
        body = start if body is None else body
        first = self.text.find("。", body, end)
        if pattern("words", "setup_opening").search(self.text, body, first if first >= 0 else end):
            return False
        kinds = self.reported(body, end)
        return bool(kinds) and not self.counted_elsewhere(kinds, start, end)


_SENTENCE = re.compile("[^。！？!?]+[。！？!?]?")
# how much of an account's opening is read as its subject, against a summary's units
_SUBJECT = 64


class _SummaryFigures:
    """Where a part's opening summary gives the figures of an account of the part: the text
    between a heading and its first item (a work report's —— bullets, a lead paragraph), read
    in units that hold figures, each with its subject's bigrams (``words.toml``:
    ``summary_bullets``, ``summary_figures``, ``summary_shared_grams``). Built once per report;
    an account is looked up by its subject's bigrams."""

    def __init__(self, ctx: RuleContext, figure: re.Pattern[str]):
        text = self.text = ctx.text
        self.least = int(load("words")["summary_shared_grams"])
        figures = int(load("words")["summary_figures"])
        bullets = words("words", "summary_bullets")
        self.parts: list[tuple[int, int]] = []  # the section each unit sums up
        self.index: dict[str, list[int]] = {}  # subject bigram → units

        def figured(start: int, end: int) -> bool:
            return sum(1 for _ in islice(figure.finditer(text, start, end), figures)) >= figures

        for sec in ctx.doc.walk():
            if not sec.children or sec.children[0].heading.start <= sec.heading.end:
                continue
            lead = (sec.heading.end, sec.children[0].heading.start)
            for p in _paragraphs_in(ctx, *lead):
                start = p.start
                while start < p.end and text[start] in " \u3000":
                    start += 1
                if text.startswith(bullets, start):
                    # a bullet: its first sentence names what the bullet's figures are of
                    if figured(start, p.end):
                        first = _SENTENCE.match(text, start, min(p.end, start + _SUBJECT))
                        self._add(sec, text[start:first.end()] if first else "")
                    continue
                for m in _SENTENCE.finditer(text, start, p.end):
                    if figured(m.start(), m.end()):
                        self._add(sec, text[m.start():min(m.end(), m.start() + _SUBJECT * 4)])

    def _add(self, sec: Section, subject: str) -> None:
        unit = len(self.parts)
        self.parts.append((sec.heading.start, sec.end))
        for g in _content_grams(subject):
            self.index.setdefault(g, []).append(unit)

    def gives(self, start: int, subject_end: int) -> bool:
        """Whether a summary of a part holding ``start`` gives, with a figure, the subject of
        ``text[start:subject_end]`` (its first sentence, at most ``_SUBJECT`` characters)."""
        if not self.parts:
            return False
        first = _SENTENCE.match(self.text, start, min(subject_end, start + _SUBJECT))
        shared: dict[int, int] = {}
        for g in _content_grams(self.text[start:first.end()] if first else ""):
            for unit in self.index.get(g, ()):
                lo, hi = self.parts[unit]
                if lo <= start < hi:
                    shared[unit] = shared.get(unit, 0) + 1
        return any(n >= self.least for n in shared.values())


@rule("specificity.no_figures", "specificity", "warning")
def no_figures(ctx: RuleContext) -> Iterator[Hit]:
    """An account of countable work done in the year that gives no figure at all: a paragraph,
    or in a genre whose accounts are numbered items (the profile's ``account = "item"``), a
    whole item. An organisational set-up (成立了依法治镇委员会…) and a statement of principles
    (严格执行…程序, 督促…依法行政) report nothing to count; work the year's account counts
    elsewhere needs no second figure (``words.toml``: ``countable_work`` and what makes a clause
    name none), nor does an account whose figures its part's opening summary gives
    (:class:`_SummaryFigures`). Quantities in words (三分之一, 两成, 翻一番, 十余个) are figures."""
    figure = pattern("words", "figure")
    text = ctx.text
    work = _CountableWork(ctx)
    summary = _SummaryFigures(ctx, figure)
    if ctx.setting("account", "paragraph") == "item":
        for start, head_end, end in _item_accounts(ctx):
            if (end - head_end >= _MIN_PASSAGE and not figure.search(text, start, end)
                    and work.asks_for_figures(start, end, head_end)
                    and not summary.gives(start, head_end)):
                yield Hit(start, head_end, t("flags.no_figures_item"), t("flags.no_figures_fix"))
        return
    for start, end in _paragraph_accounts(ctx):
        if (end - start >= _MIN_PASSAGE and not figure.search(text, start, end)
                and work.asks_for_figures(start, end) and not summary.gives(start, end)):
            yield Hit(start, end, t("flags.no_figures", excerpt=text[start:start + _EXCERPT]),
                      t("flags.no_figures_fix"))


@rule("specificity.vague_quantity", "specificity", "info")
def vague_quantity(ctx: RuleContext) -> Iterator[Hit]:
    """A vague quantity (多次, 若干, 一定成效) where a claim of work done could give a figure. A
    set phrase of the genre (the profile's ``not_vague``: 一批 in a work report) is none."""
    vague = pattern("words", "vague")
    problems = pattern("words", "problem_words")
    leaders = pattern("words", "cited_leaders")
    set_phrases = tuple(ctx.setting("not_vague", ()))
    text = ctx.text
    for start, end in _paragraph_accounts(ctx):
        for m in vague.finditer(text, start, end):
            if set_phrases and m.group(0).startswith(set_phrases):
                continue
            clause_start, clause_end = _clause(ctx, m.start(), start, end)
            if problems.search(text, clause_start, clause_end):
                continue
            if leaders.search(text, clause_start, clause_end):
                continue
            if _quoted_at(ctx, m.start(), clause_start):
                continue  # 由“多次跑”变为“一次结”: a slogan, not a count
            yield Hit(m.start(), m.end(), t("flags.vague_quantity", quote=m.group(0)),
                      t("flags.vague_quantity_fix"))


def _last(ctx: RuleContext, char: str, start: int, pos: int) -> int:
    """Where ``char`` last stands in ``start``..``pos``, or -1 (by bisection among all of them)."""
    marks = ctx.marks(char)
    i = bisect.bisect_left(marks, pos)
    return marks[i - 1] if i and marks[i - 1] >= start else -1


def _quoted_at(ctx: RuleContext, pos: int, start: int) -> bool:
    """Whether ``pos`` is inside a quotation opened earlier in its clause."""
    return _last(ctx, "“", start, pos) > _last(ctx, "”", start, pos)


def _clause(ctx: RuleContext, pos: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``pos`` (between ，；。 marks), within ``start``..``end`` (the marks are
    found once for the whole text: a paragraph of one endless clause is not searched again for
    every match in it)."""
    return (ctx.after_mark(_CLAUSE_MARKS, pos, start),
            ctx.next_mark(_CLAUSE_MARKS, pos, end))


def _items(sections: list[Section], ctx: RuleContext,
           paragraphs: bool = True) -> list[tuple[int, int, int]]:
    """(heading start, heading end, item end) of every leaf item; a section without sub-items
    counts its paragraphs as items (unless ``paragraphs`` is false). In a genre that keeps plan
    groups whole (``split_plan_items = false``) each child of a section is one item, its
    sub-points included. Items of a five-year period are left out: they are strategy, not the
    year's tasks."""
    whole_groups = ctx.profile is not None and not ctx.profile.split_plan_items
    out = []
    for sec in sections:
        if whole_groups and sec.children:  # a work report's （一）…（十）: each group is one item
            out.extend((c.heading.start, c.heading.end, _item_end(ctx, c.heading.para_end, c.end))
                       for c in sec.children if c.period != "five_year")
            continue
        leaves = [leaf for leaf in sec.leaves() if leaf is not sec and leaf.period != "five_year"]
        if leaves:
            out.extend((leaf.heading.start, leaf.heading.end,
                        _item_end(ctx, leaf.heading.para_end, leaf.end)) for leaf in leaves)
            continue
        if not paragraphs or sec.period == "five_year":
            continue
        body_end = _item_end(ctx, sec.heading.para_end, sec.end)
        out.extend(_paragraph_items(ctx, _paragraphs_in(ctx, sec.heading.end, body_end), body_end))
    return out


def _paragraph_items(ctx: RuleContext, paras: list[Paragraph], end: int
                     ) -> list[tuple[int, int, int]]:
    """The items of a section without sub-items: each paragraph, except that a line standing
    as a group's heading (its number lost: text pasted from Word) is no item of its own but
    heads the paragraphs after it, up to the next such line."""
    rules = ctx.profile.rules if ctx.profile is not None else None
    heads = [rules is not None and k + 1 < len(paras)
             and stands_as_group_heading(ctx.text, p, paras[k + 1], rules)
             for k, p in enumerate(paras)]
    out = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if not heads[k]:
            out.append((p.start, p.end, p.end))
            k += 1
            continue
        j = k + 1
        while j < len(paras) and not heads[j]:
            j += 1
        out.append((p.start, p.end, paras[j].start - 1 if j < len(paras) else end))
        k = j
    return out


def _paragraphs_in(ctx: RuleContext, start: int, end: int) -> list[Paragraph]:
    """Paragraphs starting in ``start``..``end`` (found by bisection: a long report has tens of
    thousands)."""
    paragraphs = ctx.doc.paragraphs
    starts = ctx.doc.starts(paragraphs)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
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


def _content_grams(text: str) -> set[str]:
    """The bigrams of ``text`` that carry its subject (加强, 推进, 工作… say nothing of it)."""
    common = set(words("words", "common_bigrams"))
    return {g for g in bigrams(text) if g not in common}


def _targets(ctx: RuleContext, plans: list[Section]) -> list[tuple[set[str], int, int]]:
    """The plan's own goals (its 工作目标 part, or the report's targets part): every clause
    that states a figure or a deadline, with its subject's bigrams."""
    aims = pattern("words", "plan_not_items")
    measurable = pattern("words", "measurable")
    parts = [s for plan in plans for s in plan.walk() if s is not plan
             and aims.search(s.heading.title)]
    parts += ctx.sections_of_kind("targets")
    out = []
    text = ctx.text
    for part in parts:
        pos = part.heading.end
        for m in [*_CLAUSE_END.finditer(text, pos, part.end), None]:
            stop = m.start() if m else part.end
            if stop > pos and measurable.search(text, pos, stop):
                out.append((_content_grams(text[pos:stop]), pos, stop))
            pos = stop + 1
    return out


@rule("specificity.unmeasurable_plan", "specificity", "warning")
def unmeasurable_plan(ctx: RuleContext) -> Iterator[Hit]:
    """A plan item made only of general wording (加强, 健全, 完善, 深化…): no measurable target,
    no deadline and nothing checkable next year (a thing to be set up, issued, equipped or
    budgeted, a concrete instrument or event: ``words.toml``'s ``checkable_verbs`` and
    ``checkable_things``), in itself or in the plan's own goals (its 工作目标 part, a work
    report's 主要预期目标): an item on 普法 is measured by a goal such as 普法覆盖率达100%.
    Items of a five-year period are strategy, not the year's tasks. In a genre whose plan
    groups are fields of work (``plan_group_measures`` in its profile), a group whose body sets
    out that many sentences of measures is judged by them, not by its heading: （五）有效防范
    化解重大经济金融风险 goes on 优化债务期限结构，降低利息负担，遏制增量、化解存量."""
    measurable = pattern("words", "measurable")
    deadline = pattern("words", "deadline")
    checkable = (pattern("words", "checkable_verbs"), pattern("words", "checkable_things"))
    aims = pattern("words", "plan_not_items")
    text = ctx.text
    plans = ctx.plan_sections()
    goals = _targets(ctx, plans)
    paragraphs = bool(ctx.setting("plan_paragraphs_are_items", True))
    promises = kinds_where("plan")
    group_measures = int(ctx.setting("plan_group_measures", 0))
    for start, head_end, end in _items(plans, ctx, paragraphs):
        if aims.search(text, start, head_end) or ctx.kind_at(start) not in promises:
            continue  # aims, and a plan's targets or principles (四个坚持), are no tasks
        if group_measures and len(_SENTENCE_ENDS.findall(text, head_end, end)) >= group_measures:
            continue  # a field of work whose body sets out its measures one by one
        if measurable.search(text, start, end) or deadline.search(text, start, end):
            continue
        if any(p.search(text, start, end) for p in checkable):
            continue  # 建立执法过错责任追究制度, 配备执法记录仪: next year can tell
        subject = _content_grams(text[start:head_end])
        if any(subject & grams for grams, _, _ in goals):
            continue
        yield Hit(start, head_end, t("flags.unmeasurable_plan"), t("flags.unmeasurable_plan_fix"))


def _problem_items(ctx: RuleContext) -> list[tuple[int, int, int]]:
    """Shortcoming items, leaving out the sub-parts that analyse causes."""
    causes = pattern("words", "cause_markers")
    items = _items(ctx.sections_of_kind("shortcomings"), ctx)
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


@cache
def _fields() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile("|".join(map(re.escape, names))))
                 for name, names in load("words")["fields"].items())


def _fields_of(text: str) -> set[str]:
    """The fields of work ``text`` names (``words.toml``'s ``[fields]``)."""
    return {name for name, rx in _fields() if rx.search(text)}


@rule("specificity.unaddressed_shortcoming", "specificity", "warning")
def unaddressed_shortcoming(ctx: RuleContext) -> Iterator[Hit]:
    """A shortcoming that no item of the plan for the plan year takes up: none shares its
    words (character-bigram similarity, no segmentation) nor its field of work (``words.toml``'s
    ``[fields]``: 依法行政意识不强 is taken up by 定期进行学习, 行政执法不严 by 执法监督检查)."""
    plans = _items(ctx.plan_sections(), ctx)
    problems = _problem_items(ctx)
    if not plans or not problems:
        return
    text = ctx.text
    threshold = float(load("words")["addressed_similarity"])
    index = BigramIndex(text[p.start:p.end] for p in ctx.doc.paragraphs)
    plan_texts = [_with_context(ctx, s, e) for s, _, e in plans]
    ranking = index.ranking(plan_texts, int(load("words")["addressed_max_shared"]),
                            within=[text[start:end] for start, _, end in problems],
                            max_scored=int(load("words")["addressed_max_scored"]))
    # the fields any plan item names: a shortcoming's fields are looked up once, not against
    # every item
    plan_fields = set().union(*(_fields_of(p) for p in plan_texts))
    for start, head_end, end in problems:
        best, score = ranking.best(text[start:head_end], text[head_end:end])
        fields = _fields_of(text[start:head_end]) or _fields_of(text[head_end:end])
        if score < threshold and not fields & plan_fields:
            s, h, _ = plans[best]
            yield Hit(start, head_end,
                      t("flags.unaddressed_shortcoming", closest=text[s:h][:30],
                        score=f"{score:.2f}"),
                      t("flags.unaddressed_shortcoming_fix"))


@rule("specificity.plan_repeats_done", "specificity", "info")
def plan_repeats_done(ctx: RuleContext) -> Iterator[Hit]:
    """A plan item that promises what the year's account reports as done already: nearly all of
    its subject's bigrams recur in one sentence of the review that says the work is finished
    (建成, 已完成). A promise to go on (继续, 持续, 巩固) is no repeat."""
    text = ctx.text
    done = pattern("words", "done_words")
    ongoing = pattern("words", "ongoing_words")
    least = float(load("words")["repeat_coverage"])
    spans = ctx.review_spans()
    promises = []
    for start, head_end, _ in _items(ctx.plan_sections(), ctx,
                                     bool(ctx.setting("plan_paragraphs_are_items", True))):
        grams = _content_grams(text[start:head_end])
        if len(grams) >= _MIN_PROMISE_GRAMS and not ongoing.search(text, start, head_end):
            promises.append((start, head_end, grams))
    if not promises:
        return
    review = [(s.start, s.end) for s in ctx.doc.sentences()
              if _within(spans, s.start) and done.search(text, s.start, s.end)]
    for start, head_end, grams in promises:
        need = least * len(grams)
        for s, e in review:
            sentence = text[s:e]
            if sum(1 for g in grams if g in sentence) >= need:
                yield Hit(start, head_end,
                          t("flags.plan_repeats_done", done=sentence[:_DONE_SHOWN]),
                          t("flags.plan_repeats_done_fix"))
                break
