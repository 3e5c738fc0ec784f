"""Headline targets of shapes found on pairs the comparison was never tuned on: the year's
account coming back after a sentence of the five years inside one paragraph, a target said done
without its figure, joint subjects of towns and villages, and names reviews use."""

from __future__ import annotations

from reviewer.compare import compare_documents
from reviewer.document import load_document

_OPENING = "政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"


def _pair(tmp_path, plan: str, review: str, *, heading: str = "一、过去一年的工作"):
    prior = tmp_path / "prior.txt"
    prior.write_text(_OPENING + "一、2023年工作回顾\n2023年，地区生产总值增长6%。\n"
                     "二、2024年工作安排\n" + plan + "\n（一）推动产业升级。新建学校5所。\n",
                     encoding="utf-8")
    current = tmp_path / "current.txt"
    current.write_text(_OPENING + heading + "\n" + review + "\n（一）产业升级。新建学校5所。\n"
                       + "\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，"
                       "城镇新增就业3万人。\n", encoding="utf-8")
    prior_doc, current_doc = load_document(str(prior)), load_document(str(current))
    return compare_documents(prior_doc, current_doc).targets, current_doc


def _got(targets):
    return {tr.indicator: (tr.value, tr.actual.value if tr.actual else None, tr.verdict)
            for tr in targets}


_PLAN = "今年主要预期目标是：地区生产总值增长5.5%，城镇新增就业2.5万人。"


def test_the_years_account_after_a_sentence_of_the_five_years_in_one_paragraph(tmp_path):
    targets, current = _pair(
        tmp_path, _PLAN,
        "2024年是“十四五”规划的关键之年。“十四五”以来，全市地区生产总值年均增长6.8%。"
        "过去一年，全市地区生产总值增长5.7%，城镇新增就业2.7万人。")
    assert _got(targets) == {"地区生产总值增长": (5.5, 5.7, "met"),
                             "城镇新增就业": (2.5, 2.7, "met")}
    gdp = next(tr for tr in targets if tr.indicator.startswith("地区生产总值"))
    assert "年均" not in gdp.actual.quote
    # the sentence of the five years stays out of the year's account
    text = current.text
    five = text.index("“十四五”以来")
    assert not any(a <= five < b for a, b in current.review_spans())
    assert any(a <= text.index("过去一年") < b for a, b in current.review_spans())


def test_without_the_years_words_the_five_years_run_on_to_the_paragraphs_end(tmp_path):
    """A later sentence naming no year of its own is still the five years' account."""
    targets, _ = _pair(
        tmp_path, _PLAN,
        "2024年是“十四五”规划的关键之年。“十四五”以来，全市地区生产总值年均增长6.8%。"
        "全市地区生产总值增长5.7%，城镇新增就业累计增加12万人。")
    assert _got(targets) == {"地区生产总值增长": (5.5, None, "not_reported"),
                             "城镇新增就业": (2.5, None, "not_reported")}
