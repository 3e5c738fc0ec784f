"""The number rules' shortcuts for texts dense in figures tell exactly what reading every clause
tells: a shortcut that changed a flag would be a bug, however fast."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hostile
from reviewer.document import parse_text
from reviewer.flags import run_flags
from reviewer.flags.engine import RuleContext
from reviewer.flags.match import BigramIndex
from reviewer.flags.quantities import quantities
from reviewer.flags.rules import numbers

# rate words, pieces of them (占比重: two words overlapping), percentages, clause marks, words of
# change and of a base
PIECES = ["率", "覆盖", "占比", "比重", "比例", "占", "比", "重", "101%", "100%", "150.5%", "99%",
          "以上", "，", "。", "；", "的", "增长", "到", "完成率", "超过", "12", "覆盖率达", "工作",
          "\n"]
TITLE = "某某镇人民政府关于2024年度法治政府建设情况的报告\n一、主要工作\n"


@contextlib.contextmanager
def _every_clause_read():
    """The rule without its shortcut: every clause read for its rate words."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(numbers, "_rate_words_at", lambda ctx: None)
        yield


def _over_100(text: str) -> list[tuple[int, int, str]]:
    doc = parse_text(text, "<shortcut>")
    return [(f.start, f.end, f.message) for f in run_flags(doc, ["numbers.over_100"])]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=400))
def test_over_100_finds_what_reading_each_clause_finds(pieces):
    text = TITLE + "".join(pieces) + "\n"
    quick = _over_100(text)
    with _every_clause_read():
        assert _over_100(text) == quick


def test_a_rate_word_cut_by_the_clause_reach_is_found_either_way():
    """占比重 holds 占比 and 比重; when a clause's reach starts between 占 and 比 the clause names
    比重, which a reading of the whole text never matched on its own (it matched 占比)."""
    reach = numbers._reach()
    text = TITLE + "，占比重" + "工" * (reach - 2) + "150%\n"
    quick = _over_100(text)
    assert [text[s:e] for s, e, _ in quick] == ["150%"]
    with _every_clause_read():
        assert _over_100(text) == quick


def test_the_shortcut_is_taken_for_words_and_left_for_patterns(monkeypatch):
    ctx = RuleContext(parse_text(TITLE + "覆盖率达101%\n", "<shortcut>"))
    assert numbers._rate_words_at(ctx) is not None
    monkeypatch.setattr(numbers, "words", lambda name, key: ("(?<!利)率",))
    assert numbers._rate_words_at(ctx) is None


# figures of every kind the reader knows: counts, approximate counts, magnitudes, ranges of one
# unit and of two, shares, sums of money, bare numbers and years
FIGURE_PIECES = ["12", "3.5", "800", "万", "亿", "余", "多", "次", "人", "件", "个", "%", "元",
                 "公里", "-", "—", "～", "至", "年", "2024", "，", "、", "其中", "共", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), min_size=1, max_size=300))
def test_the_runs_quantities_are_the_counts_the_reader_finds(pieces):
    """The checks take the text's counts from the one reading of all its figures they share
    with the ranges: the same counts, in the same order, as reading the counts alone."""
    text = TITLE + "".join(pieces) + "\n"
    ctx = RuleContext(parse_text(text, "<quantities>"))
    assert ctx.quantities == quantities(ctx.text)


def test_the_runs_quantities_on_the_seeds_are_the_counts_the_reader_finds():
    for name in ("hutiaoxia-2025", "baixiang-2024"):
        ctx = RuleContext(parse_text(hostile.seed_text(name), name))
        assert ctx.quantities and ctx.quantities == quantities(ctx.text)


@pytest.mark.parametrize("shape", ["real", "headings", "numbering_gaps", "brackets"])
def test_the_runs_parts_of_a_kind_are_the_outlines(shape):
    """The checks find the parts of each kind from one walk of the outline for all kinds: the
    same parts, in the same order, as the outline's own walk for each set of kinds."""
    doc = parse_text(hostile.make(shape, 40_000), f"<{shape}>")
    ctx = RuleContext(doc)
    kinds = sorted({k for sec in doc.walk() for k in sec.kinds})
    assert len(kinds) >= (3 if shape == "real" else 1)
    asked = [(k,) for k in kinds] + [tuple(kinds)] + list(zip(kinds, kinds[1:], strict=False))
    asked += [("plan", "targets", "shortcomings"), ("nothing-of-this-kind",)]
    for wanted in asked:
        assert ctx.sections_of_kind(*wanted) == doc.sections_of_kind(*wanted), wanted


PLAN_WORDS = ["加强执法队伍建设", "完善行政复议体制", "推进严格规范公正文明执法", "深化法治宣传教育",
              "健全依法决策机制", "强化行政权力监督", "提升基层治理能力", "优化法治化营商环境"]


def _plan(n: int) -> list[str]:
    """``n`` distinct plan items, each sharing words with the others (a merged file's plans)."""
    def own(i: int) -> str:  # words of the item's own: 第一二三项
        return "".join("零一二三四五六七八九"[int(d)] for d in str(i))

    return [f"{PLAN_WORDS[i % 8]}，{PLAN_WORDS[(i * 3 + 1) % 8]}第{own(i)}项{'队伍' * (i % 5)}"
            for i in range(n)]


def test_a_ranking_scoring_at_most_so_many_scores_them_all_below_that():
    """Below the bound on candidates scored (every real report), a query's best candidate and
    its score are those of scoring every candidate."""
    plan = _plan(12)
    index = BigramIndex(plan + ["执法队伍素质有待提高"])
    free, bound = index.ranking(plan), index.ranking(plan, max_scored=30)
    for problem in ("执法队伍素质有待提高", "行政复议", "法治宣传教育不够深入", "营商环境"):
        assert bound.best(problem, "") == free.best(problem, "")


def test_a_ranking_over_its_bound_scores_the_candidates_sharing_most():
    """Over the bound (a file of many reports merged), a query scores only the candidates whose
    shared bigrams weigh most: the one that takes up its words is among them, scored as alone."""
    plan = _plan(400)
    index = BigramIndex(plan)
    problem = plan[123]
    free, bound = index.ranking(plan), index.ranking(plan, max_scored=10)
    assert len(index.ranking(plan)._postings["执法"]) > 10  # the bound is reached
    assert bound.best(problem, "") == free.best(problem, "")
    assert bound.best(problem, "")[0] == 123
