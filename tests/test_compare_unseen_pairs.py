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
        "2024年是“十四五”规划的关键之年。“十四五”以来，地区生产总值年均增长6.8%，经济总量迈上新台阶。"
        "一年来，全市地区生产总值增长5.7%，城镇新增就业2.7万人。")
    assert _got(targets) == {"地区生产总值增长": (5.5, 5.7, "met"),
                             "城镇新增就业": (2.5, 2.7, "met")}
    gdp = next(tr for tr in targets if tr.indicator.startswith("地区生产总值"))
    assert "年均" not in gdp.actual.quote
    # the sentence of the five years stays out of the year's account
    text = current.text
    five = text.index("“十四五”以来")
    assert not any(a <= five < b for a, b in current.review_spans())
    assert any(a <= text.index("一年来") < b for a, b in current.review_spans())


def test_without_the_years_words_the_five_years_run_on_to_the_paragraphs_end(tmp_path):
    """A later sentence naming no year of its own is still the five years' account."""
    targets, _ = _pair(
        tmp_path, _PLAN,
        "2024年是“十四五”规划的关键之年。“十四五”以来，地区生产总值年均增长6.8%，经济总量迈上新台阶。"
        "全市地区生产总值增长5.7%，城镇新增就业累计增加12万人。")
    assert _got(targets) == {"地区生产总值增长": (5.5, None, "not_reported"),
                             "城镇新增就业": (2.5, None, "not_reported")}


def test_a_target_said_done_without_its_figure_is_met(tmp_path):
    plan = "今年主要预期目标是：一般公共预算收入增长4%，城镇新增就业2.5万人，单位地区生产总值能耗下降2%左右。"
    targets, _ = _pair(tmp_path, plan,
                       "2024年，一般公共预算收入完成全年目标，城镇新增就业超额完成年度任务，"
                       "单位地区生产总值能耗降幅完成年度计划。")
    assert _got(targets) == {"一般公共预算收入增长": (4, None, "met"),
                             "城镇新增就业": (2.5, None, "met"),
                             "单位地区生产总值能耗下降": (2, None, "met")}
    # said to fall short, or only expected, it is not met
    short, _ = _pair(tmp_path, plan,
                     "2024年，一般公共预算收入未完成年度目标，城镇新增就业预计可完成年度任务，"
                     "单位地区生产总值能耗下降1.5%。")
    got = _got(short)
    assert got["一般公共预算收入增长"][2] != "met"
    assert got["城镇新增就业"][2] != "met"
    assert got["单位地区生产总值能耗下降"] == (2, 1.5, "missed")


def test_a_growth_target_answered_only_by_a_change_of_its_rate_is_unclear(tmp_path):
    """企稳回升，增速比上年加快4.6个百分点: the growth moved, its rate is not given; a level
    alone (完成12.6亿元) is no rate either, and is left not reported."""
    plan = "今年主要预期目标是：一般公共预算收入增长5%，固定资产投资增长8%。"
    targets, _ = _pair(tmp_path, plan,
                       "2024年，一般公共预算收入完成12.6亿元；"
                       "固定资产投资企稳回升，增速比上年加快4.6个百分点。")
    assert _got(targets) == {"一般公共预算收入增长": (5, None, "not_reported"),
                             "固定资产投资增长": (8, None, "unclear")}
    # the level beside its rate, the rate beside its change: the rate answers
    rated, _ = _pair(tmp_path, plan,
                     "2024年，一般公共预算收入完成12.6亿元，增长4.2%；"
                     "固定资产投资企稳回升，增长8.3%，增速比上年加快4.6个百分点。")
    assert _got(rated) == {"一般公共预算收入增长": (5, 4.2, "missed"),
                           "固定资产投资增长": (8, 8.3, "met")}


def test_a_price_level_with_the_year_before_is_a_rise_of_zero(tmp_path):
    plan = "今年主要预期目标是：居民消费价格涨幅2%左右，社会消费品零售总额增长6%。"
    targets, _ = _pair(tmp_path, plan, "2024年，居民消费价格与上年持平，社会消费品零售总额与上年基本持平。")
    assert _got(targets) == {"居民消费价格涨幅": (2, None, "met"),
                             "社会消费品零售总额增长": (6, None, "missed")}
    # a rise as large as the year before's, or a steady growth, is no rise of zero
    rise, _ = _pair(tmp_path, plan, "2024年，居民消费价格涨幅与上年基本持平，社会消费品零售总额保持平稳增长。")
    assert {tr.verdict for tr in rise} <= {"unclear", "not_reported"}


def test_a_relative_target_the_review_states_in_words(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长5.5%，居民收入增长和经济增长同步。"
    faster, _ = _pair(tmp_path, plan,
                      "2024年，地区生产总值增长5.7%；居民人均可支配收入增速快于经济增速0.4个百分点。")
    got = {tr.indicator: tr.verdict for tr in faster}
    assert got == {"地区生产总值增长": "met", "居民收入增长": "met"}
    slower, _ = _pair(tmp_path, plan,
                      "2024年，地区生产总值增长5.7%；居民人均可支配收入增速低于经济增速0.3个百分点。")
    assert {tr.indicator: tr.verdict for tr in slower}["居民收入增长"] == "unclear"


def test_towns_and_villages_named_at_once_are_two_targets(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长6%，城乡居民人均可支配收入分别增长5.5%、7.5%。"
    targets, _ = _pair(tmp_path, plan,
                       "2024年，地区生产总值增长6.3%；城镇、农村居民人均可支配收入分别增长5.2%和7.9%。")
    assert _got(targets) == {"地区生产总值增长": (6, 6.3, "met"),
                             "城镇居民人均可支配收入增长": (5.5, 5.2, "missed"),
                             "农村居民人均可支配收入增长": (7.5, 7.9, "met")}
    # a subject named by its whole words keeps its own figure
    whole, _ = _pair(tmp_path, plan,
                     "2024年，地区生产总值增长6.3%；城镇居民人均可支配收入增长5.6%，"
                     "农村居民人均可支配收入增长7.2%。")
    assert _got(whole)["城镇居民人均可支配收入增长"] == (5.5, 5.6, "met")
    assert _got(whole)["农村居民人均可支配收入增长"] == (7.5, 7.2, "missed")


def test_the_short_name_of_retail_sales(tmp_path):
    targets, _ = _pair(tmp_path, "今年主要预期目标是：社会消费品零售总额增长6%。", "2024年，社零额增长7.2%。")
    assert _got(targets) == {"社会消费品零售总额增长": (6, 7.2, "met")}
