"""The document model's contract for the layers above: kinds, periods, spans and the helpers."""

from __future__ import annotations

from reviewer.document import KINDS, SPAN_KINDS, UNKNOWN, Span, parse_text
from reviewer.profiles import kind_meanings, kinds_where

TEXT = (
    "各位代表：\n"
    "一、2024年工作回顾\n"
    "过去一年，全区地区生产总值增长5.2%。\n"
    "（一）2024年经济稳中有进\n"
    "全年新增企业1200家。\n"
    "（二）“十四五”时期成就\n"
    "五年来累计完成投资3000亿元。\n"
    "同时，我们也清醒看到，发展还存在不少困难。\n"
    "二、2025年工作安排\n"
    "（一）加快产业升级\n"
    "力争新增企业1500家。\n"
)


def _doc():
    return parse_text(TEXT, "t.txt", "gongzuo")


def test_kinds_are_data_with_meanings():
    meanings = kind_meanings()
    assert set(KINDS) | set(SPAN_KINDS) == set(meanings)
    assert UNKNOWN in KINDS and "appendix" in KINDS and "appendix" in SPAN_KINDS
    assert set(kinds_where("evidence")) == {"achievements", "responsibility", "highlights"}
    assert set(kinds_where("planned")) == {"plan", "targets"}
    assert UNKNOWN not in kinds_where("evidence") + kinds_where("plan")


def test_every_section_says_kind_reason_confidence_period():
    doc = _doc()
    for sec in doc.walk():
        assert sec.kind == sec.kinds[0]
        assert sec.reason
        assert 0.0 <= sec.confidence <= 1.0
        assert sec.period in ("year", "five_year", "mixed", "")


def test_kind_at_honours_spans_and_review_spans_leave_them_out():
    doc = _doc()
    start = TEXT.index("同时，我们也清醒看到")
    end = TEXT.index("二、2025年") - 1
    doc.spans = [Span("shortcomings", start, end, "test")]
    assert doc.kind_at(start + 3) == "shortcomings"
    assert doc.span_at(start) == doc.spans[0] and doc.span_at(start - 1) is None
    assert doc.kind_at(TEXT.index("全年新增")) == "achievements"
    review = doc.review_spans()
    assert review and all(not (a < end and start < b) for a, b in review)
    assert any(a <= TEXT.index("全年新增") < b for a, b in review)
    assert doc.spans_of("shortcomings") == doc.spans


def test_review_spans_skip_five_year_children_of_a_mixed_part():
    doc = _doc()
    review = doc.sections[0]
    review.set_kind(("achievements",), "test", 1.0, "mixed")
    year_child, five_child = review.children
    year_child.set_kind(("achievements",), "test", 1.0, "year")
    five_child.set_kind(("achievements",), "test", 1.0, "five_year")
    spans = doc.review_spans()
    # the part's own introduction and its child about the year, not the five-year child
    assert spans == [(review.start, five_child.start)]
    assert year_child.end <= five_child.start


def test_plan_sections_prefer_the_plan_year():
    doc = _doc()
    plans = doc.plan_sections()
    assert [s.title for s in plans] == ["2025年工作安排"]
    plans[0].set_kind(("plan",), "test", 1.0, "five_year")
    assert doc.plan_sections() == plans  # only a five-year plan: that one


def test_years_of_a_work_report():
    doc = _doc()
    assert doc.year_reviewed == 2024 and doc.plan_year == 2025
    assert doc.year == doc.plan_year  # a work report's own year is its session year


def test_missing_kinds_and_unknown_parts():
    doc = parse_text("各位代表：\n一、2024年工作回顾\n全年增长5%。\n", "t.txt", "gongzuo")
    assert doc.missing_kinds() == ("plan",)
    doc.sections[0].set_kind((UNKNOWN,), "test", 0.2, "")
    assert doc.unknown_sections() == [doc.sections[0]]
    assert doc.kind_at(doc.sections[0].start) == UNKNOWN
