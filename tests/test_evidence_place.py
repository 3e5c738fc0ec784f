"""Evidence only from the year's review: the share of the comparison's evidence that lies in
the gold year's review of the corpus pairs (tests/gold/evidence_place.py; skips without the
corpus), and small reports written for each class of leak fixed."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from reviewer.document import parse_text

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import evidence_place  # noqa: E402

OPENING = "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
YEAR = ("过去一年，全区地区生产总值增长6.2%，建成学校8所，荣获全国文明城区称号。"
        "新建公园12个，完成了年度目标任务。\n")
PLAN = "今年要着力推动产业升级，力争新增企业1500家，确保完成各项任务。\n"


def _in_review(doc, quote: str) -> bool:
    i = doc.text.index(quote)
    return any(a <= i < b for a, b in doc.review_spans())


@pytest.mark.parametrize("turn", [
    "各位代表！经过五年接续奋斗，全区“十三五”顺利收官。五年来，我们累计建成学校40所，",
    "这一年，我们实现了“十三五”规划圆满收官。“十三五”时期，我们累计建成学校40所，",
])
def test_a_five_year_account_begun_inside_a_paragraph_of_the_year_is_no_evidence(turn):
    doc = parse_text(OPENING + "一、2020年工作回顾\n" + YEAR + YEAR.replace("12个", "15个")
                     + turn + "地区生产总值年均增长7%。\n二、2021年主要工作\n" + PLAN,
                     "t.txt", "gongzuo")
    assert doc.sections[0].kind == "achievements"
    assert _in_review(doc, "新建公园15个")
    assert not _in_review(doc, "累计建成学校40所")
    assert not _in_review(doc, "地区生产总值年均增长7%")
    # the paragraph's sentence before it stays the year's
    assert _in_review(doc, turn[:6])


def test_the_review_of_a_single_year_is_left_whole():
    doc = parse_text(OPENING + "一、2020年工作回顾\n" + YEAR * 2 + "二、2021年主要工作\n" + PLAN,
                     "t.txt", "gongzuo")
    (start, end), = doc.review_spans()
    assert doc.text[start:end].count("新建公园12个") == 2


@pytest.fixture(scope="module")
def records():
    measured = evidence_place.pairs()
    if not evidence_place.corpus_ready(measured):
        pytest.skip(f"the corpus of government work reports is not beside the repository "
                    f"({evidence_place.CORPUS}); set REVIEWER_CORPUS to its folder to run this test")
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    return [evidence_place.run_pair(*p) for p in measured]


def test_every_set_of_pairs_is_measured(records):
    sets = {r.set for r in records}
    assert sets == set(evidence_place.SETS)
    assert len(records) >= 80


@pytest.mark.parametrize("key", ["top1", "top3", "actual"])
def test_evidence_comes_from_the_years_review(records, key):
    from collections import Counter

    for name in evidence_place.SETS:
        counts = sum((getattr(r, key) for r in records if r.set == name), Counter())
        assert evidence_place.share(counts) >= 0.97, (name, key, counts)
    counts = sum((getattr(r, key) for r in records), Counter())
    # far above the share of the report's sentences that lie in the year's review (about a quarter)
    assert evidence_place.share(counts) >= 0.985, counts
