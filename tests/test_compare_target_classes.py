"""Headline targets of the shapes reports still misread: names sharing a prefix, a year-end
figure against the year's average, estimates and prospects, the year's clause inside a review of
five years, targets of several years inside the year's list."""

from __future__ import annotations

from reviewer.compare import compare_documents, figures, headline_targets
from reviewer.document import load_document, parse_text

_OPENING = "政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"


def _pair(tmp_path, plan: str, review: str, *, heading: str = "一、2022年工作回顾"):
    prior = tmp_path / "prior.txt"
    prior.write_text(_OPENING + "一、2021年工作回顾\n2021年，地区生产总值增长8%。\n"
                     "二、2022年工作安排\n" + plan + "\n（一）推动产业升级。新建学校5所。\n",
                     encoding="utf-8")
    current = tmp_path / "current.txt"
    current.write_text(_OPENING + heading + "\n" + review
                       + "\n二、2023年工作安排\n今年做好以下工作。\n", encoding="utf-8")
    return compare_documents(load_document(str(prior)), load_document(str(current))).targets


def _got(targets):
    return {tr.indicator: (tr.value, tr.actual.value if tr.actual else None, tr.verdict)
            for tr in targets}


def test_names_sharing_a_prefix_each_get_the_full_name_and_their_own_figure(tmp_path):
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长6%左右；"
                              "单位地区生产总值能耗、水耗、电耗分别下降3%、2%、2%左右。",
                    "2022年，地区生产总值增长6.2%，单位地区生产总值能耗、水耗、电耗分别下降3.5%、"
                    "1.2%和2.4%，经济质量效益继续提升。")
    assert _got(targets) == {
        "地区生产总值增长": (6, 6.2, "met"),
        "单位地区生产总值能耗下降": (3, 3.5, "met"),
        "单位地区生产总值水耗下降": (2, 1.2, "missed"),
        "单位地区生产总值电耗下降": (2, 2.4, "met"),
    }
    water = next(tr for tr in targets if "水耗" in tr.indicator)
    assert water.actual.quote.startswith("单位地区生产总值能耗、水耗")


def test_a_prefix_ends_at_the_indicator_it_is_measured_by(tmp_path):
    """万元GDP建设用地、水耗: the short names take 万元GDP, not 万元GDP建设; targets listed one by
    one are found in a review listing them together."""
    targets = _pair(tmp_path, "今年主要预期目标是：万元GDP建设用地下降2%左右；万元GDP水耗下降3%左右；"
                              "万元GDP电耗下降1.5%左右。",
                    "每平方公里GDP产出30.35亿元，万元GDP建设用地、水耗、电耗分别下降6.1%、7.8%、"
                    "1.9%，综合能耗继续保持全市领先水平。")
    assert _got(targets) == {"万元GDP建设用地下降": (2, 6.1, "met"),
                             "万元GDP水耗下降": (3, 7.8, "met"),
                             "万元GDP电耗下降": (1.5, 1.9, "met")}
    # a short name alone, in a list not led by the prefix, is another indicator's
    alone = _pair(tmp_path, "今年主要预期目标是：万元GDP水耗下降3%左右。",
                  "工业用地、水耗、电耗分别下降6.1%、7.8%、1.9%。")
    assert _got(alone) == {"万元GDP水耗下降": (3, None, "not_reported")}


def test_a_year_end_figure_does_not_answer_a_target_of_the_years_average(tmp_path):
    plan = "今年主要预期目标是：城镇调查失业率5.5%左右，城镇登记失业率控制在3%以内。"
    end = _pair(tmp_path, plan, "2022年，年末城镇调查失业率降到5.5%，年末城镇登记失业率2.8%。")
    assert _got(end) == {"城镇调查失业率": (5.5, 5.5, "unclear"),
                         # a rate counted at the year's end is the year's figure
                         "城镇登记失业率": (3, 2.8, "met")}
    surveyed = next(tr for tr in end if tr.indicator == "城镇调查失业率")
    assert any("年末" in r for r in surveyed.reasons)
    # the year's average, where the review gives it, answers the target, before or after
    after = _pair(tmp_path, plan, "2022年，年末城镇调查失业率5.0%，全年平均5.8%。")
    assert _got(after)["城镇调查失业率"] == (5.5, 5.8, "unclear")
    before = _pair(tmp_path, plan, "2022年，城镇调查失业率全年平均为5.2%，年末为5.0%。")
    assert _got(before)["城镇调查失业率"] == (5.5, 5.2, "met")


def test_an_estimate_is_an_actual_and_a_prospect_says_nothing(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长6%以上，社会消费品零售总额增长7%。"
    estimated = _pair(tmp_path, plan, "初步预计，全年地区生产总值增长6.5%，社会消费品零售总额增长5%。")
    assert _got(estimated) == {"地区生产总值增长": (6, 6.5, "met"),
                               "社会消费品零售总额增长": (7, 5, "missed")}
    gdp = next(tr for tr in estimated if tr.indicator.startswith("地区生产总值"))
    assert gdp.actual.estimate and any("预计" in r for r in gdp.reasons)
    assert not next(tr for tr in estimated if "社会" in tr.indicator).actual.estimate
    # a prospect with no figure (有望领跑) reports no figure, and does not say the growth either
    prospect = _pair(tmp_path, plan, "地区生产总值全年增速有望继续领跑全市各区，消费市场加快恢复。")
    assert _got(prospect)["地区生产总值增长"] == (6, None, "not_reported")


def test_an_estimate_in_a_plan_is_no_target():
    doc = parse_text("二、2022年工作安排\n去年全年预计地区生产总值增长6%左右，城镇新增就业预计10万人。"
                     "今年城镇新增就业12万人以上，固定资产投资增长10%。\n（一）推动产业升级。\n", "p.txt")
    found = figures.targets_in(doc, 0, len(doc.text))
    assert [(tr.indicator, tr.value) for tr in found] == [("城镇新增就业", 12),
                                                         ("固定资产投资增长", 10)]


def test_the_years_clause_inside_a_review_of_five_years(tmp_path):
    """A 换届 report reviewing the five years whose paragraphs open on them: the sentences that
    open with the year reviewed give the year's figures; the year's after its quarters
    (一季度-9.9%，…，全年增速达到2%) is the year's."""
    review = ("五年来，地区生产总值年均增长6.5%，规模以上工业增加值年均增长8%。\n"
              "回首走过的路，最难忘的是：2022年，我们上下一心，夺取了疫情防控和经济社会发展双胜利。"
              "2022年，全区经济一季比一季好，GDP增速一季度-9.9%，上半年-6.2%，三季度成功转正，"
              "全年增速达到2%。五年来，社会消费品零售总额累计增长30%。\n"
              "五年来，我们坚持创新驱动发展。2022年新增上市企业9家，规模以上工业增加值增长3.1%。")
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长6.5%以上，规模以上工业增加值增长5%，"
                              "社会消费品零售总额增长7%。",
                    review, heading="一、过去五年和2022年工作回顾")
    assert _got(targets) == {"地区生产总值增长": (6.5, 2, "missed"),
                             "规模以上工业增加值增长": (5, 3.1, "missed"),
                             "社会消费品零售总额增长": (7, None, "not_reported")}


def test_targets_of_several_years_in_the_years_list_are_not_the_years():
    doc = parse_text("二、2022年工作安排\n今年主要预期目标是：地区生产总值增长6%左右；到2025年，单位地区生产总值"
                     "能耗比2020年下降13.5%，研发投入强度达到3%；城镇新增就业10万人以上；"
                     "到2025年城镇化率达到80%；到2022年底，新增公办学位5000个。\n"
                     "（一）推动产业升级。\n", "p.txt")
    assert doc.plan_year == 2022
    got = [(tr.indicator, tr.value) for tr in headline_targets(doc)]
    # 到2025年 in a 2022 plan is a later year's goal; 到2022年底 is the plan year's own
    assert got == [("地区生产总值增长", 6), ("城镇新增就业", 10), ("新增公办学位", 5000)]


def test_growth_named_by_another_of_its_names_is_found_in_the_review(tmp_path):
    """经济增长, GDP增长 and 地区生产总值增长 are one indicator: a target named one way is
    answered by a review naming it another (经济 is only a word for it, GDP too short a name
    to be looked for alone if it were not one of its names)."""
    for plan, review in [("经济增长6%左右", "全区地区生产总值增长6.2%"),
                         ("GDP增长6%左右", "全区经济增长6.2%"),
                         ("地区生产总值增长6%左右", "全区经济增长6.2%"),
                         ("经济增长6%左右、力争更高", "全区经济增长6.2%"),
                         ("GDP增长6%左右", "地区生产总值480亿元，比上年增长6.2%")]:
        targets = _pair(tmp_path, f"今年主要预期目标是：{plan}。",
                        f"2022年，{review}，规模以上工业增加值增长9%。")
        (tr,) = [tr for tr in targets if tr.value == 6]
        assert (tr.actual.value if tr.actual else None, tr.verdict) == (6.2, "met"), (plan, review)


def test_the_word_for_growth_counts_only_where_it_stands_alone_with_its_figure(tmp_path):
    """数字经济增长 is another indicator; 经济增长强劲 gives no figure of its own, and a clause
    naming the growth without a figure does not lend it the next clause's (规模以上工业…)."""
    for review in ["数字经济增长6.2%", "经济快速增长、势头强劲"]:
        targets = _pair(tmp_path, "今年主要预期目标是：经济增长6%左右。", f"2022年，{review}。")
        (tr,) = [tr for tr in targets if tr.value == 6]
        assert tr.actual is None and tr.verdict == "not_reported", review
    # named without a figure: said to be mentioned, its verdict unclear
    targets = _pair(tmp_path, "今年主要预期目标是：经济增长6%左右。",
                    "2022年，全区经济增长强劲，规模以上工业增加值增长6.2%。")
    (tr,) = [tr for tr in targets if tr.value == 6]
    assert (tr.actual.value, tr.actual.quote, tr.verdict) == (None, "全区经济增长强劲", "unclear")
    # 收入 alone is 居民人均可支配收入's word: not inside 一般公共预算收入 or 旅游收入
    targets = _pair(tmp_path, "今年主要预期目标是：居民人均可支配收入增长6%。",
                    "2022年，一般公共预算收入增长7%，实现旅游收入97亿元。")
    (tr,) = [tr for tr in targets if tr.value == 6]
    assert tr.actual is None and tr.verdict == "not_reported"


def test_a_parts_figure_does_not_answer_the_wholes_target(tmp_path):
    """城镇 and 农村居民人均可支配收入 are parts of 居民人均可支配收入: their figures are not its
    own (met on the rural figure alone would be said with confidence and wrongly), but it is
    spoken of, so its verdict is unclear, not "not reported"."""
    for review in ["城镇、农村居民人均可支配收入分别增长4.5%、6.4%",
                   "农村居民人均可支配收入增长6.5%"]:
        targets = _pair(tmp_path, "今年主要预期目标是：居民人均可支配收入增长5.5%左右。",
                        f"2022年，{review}。")
        (tr,) = [tr for tr in targets if tr.value == 5.5]
        assert tr.actual is not None and tr.actual.value is None and tr.verdict == "unclear", review
    # the part's own target is answered by it
    targets = _pair(tmp_path, "今年主要预期目标是：农村居民人均可支配收入增长7%。",
                    "2022年，农村居民人均可支配收入2.1万元，增长6.6%。")
    assert _got(targets)["农村居民人均可支配收入增长"] == (7, 6.6, "missed")


def test_names_reviews_use_for_research_intensity_and_the_economy(tmp_path):
    targets = _pair(tmp_path, "今年主要预期目标是：研发投入强度达到2.6%；全区生产总值增长5.5%左右。",
                    "2022年，研发经费投入强度达到2.7%；经济总量达到410亿元，增长5.6%。")
    assert _got(targets) == {"研发投入强度": (2.6, 2.7, "met"), "生产总值增长": (5.5, 5.6, "met")}


def test_a_later_clause_with_its_own_subject_lends_no_figure(tmp_path):
    """居民消费价格同比持平，规模以上工业增加值增长6%: the 6% is the industry's. A later clause
    that only goes on to the measure keeps giving it (…2150亿元、比上年增长8.7%；同口径增长…)."""
    targets = _pair(tmp_path, "今年主要预期目标是：居民消费价格涨幅3%左右。",
                    "2022年，居民消费价格同比持平，规模以上工业增加值增长6%。")
    (tr,) = [tr for tr in targets if tr.value == 3]
    assert tr.verdict != "missed" and (tr.actual is None or tr.actual.value is None)
    for review, got in [("地区生产总值突破400亿元，达到415亿元、比上年增长6.6%", 6.6),
                        ("一般公共预算收入45.5亿元，同口径增长6.2%", 6.2),
                        ("地区生产总值423.99亿元，同比增长（下同）6.1%", 6.1)]:
        targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长6%。",
                        f"2022年，{review}。")
        assert got in [tr.actual.value for tr in targets if tr.actual], review


def test_more_names_reviews_use_and_a_minus_sign(tmp_path):
    targets = _pair(tmp_path, "今年主要预期目标是：社会消费品零售总额增长7%；实际使用外资增长5%；"
                              "空气质量优良天数比率达到90%；固定资产投资增长10%。",
                    "2022年，社零总额增长5%，实际利用外资增长6%，空气质量优良天数比例92.3%，"
                    "固定资产投资增长-3.2%。")
    assert _got(targets) == {"社会消费品零售总额增长": (7, 5, "missed"),
                             "实际使用外资增长": (5, 6, "met"),
                             "空气质量优良天数比率": (90, 92.3, "met"),
                             "固定资产投资增长": (10, -3.2, "missed")}


def test_a_list_of_targets_on_the_lines_after_its_cue():
    """主要预期目标： then one target a line, marked (——, 1.) or not; CPI is a name of its own,
    not the tail of the target before it."""
    head = "二、2022年工作安排\n"
    tail = "\n（一）推动产业升级。新建学校5所。\n"
    want = [("地区生产总值增长", 5.5), ("城镇新增就业", 6), ("居民消费价格涨幅", 3)]
    for body in ["经济社会发展主要预期目标：\n——地区生产总值增长5.5%左右；\n——城镇新增就业6万人以上；\n"
                 "——居民消费价格涨幅3%左右。",
                 "今年的主要预期目标是：\n1.地区生产总值增长5.5%左右。\n2.城镇新增就业6万人以上。\n"
                 "3.居民消费价格涨幅3%左右。",
                 "今年主要预期目标是：\n地区生产总值增长5.5%左右；\n城镇新增就业6万人以上；\n"
                 "居民消费价格涨幅3%左右。"]:
        doc = parse_text(head + body + tail, "p.txt")
        assert [(tr.indicator, tr.value) for tr in headline_targets(doc)] == want, body
    doc = parse_text(head + "今年的预期目标是：GDP增长5.5%左右，城镇新增就业6万人以上，CPI涨幅3%左右。"
                     + tail, "p.txt")
    assert [(tr.indicator, tr.value) for tr in headline_targets(doc)] == [
        ("GDP增长", 5.5), ("城镇新增就业", 6), ("CPI涨幅", 3)]


def test_the_target_restated_in_the_review_is_not_the_years_figure(tmp_path):
    """经济增长5%左右的预期目标顺利实现 names last year's target, not what was reached: the figure
    is the one the review goes on to give."""
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长5%左右。",
                    "2022年，经济增长5%左右的预期目标顺利实现，地区生产总值增长5.3%。")
    assert _got(targets)["地区生产总值增长"] == (5, 5.3, "met")


def test_lists_announced_the_ways_news_of_a_report_announce_them():
    """建议为 before the list; 预期目标，其中包括… going on over the sentence that adds to it; a line
    ending with 主要预期目标 over marked lines, those naming a target in words included."""
    tail = "\n（一）推动产业升级。新建学校5所。\n"
    doc = parse_text("二、2022年工作安排\n今年主要预期目标建议为：地区生产总值增长7%左右，"
                     "地方一般公共预算收入增长5%左右。" + tail, "p.txt")
    assert [(tr.indicator, tr.value) for tr in headline_targets(doc)] == [
        ("地区生产总值增长", 7), ("地方一般公共预算收入增长", 5)]
    doc = parse_text("二、2022年工作安排\n报告提出了今年新的预期目标，其中包括地区生产总值增长7%左右。"
                     "此外，固定资产投资增长9%，进出口总额增长4%等。为实现目标，要做好十个方面工作。"
                     + tail, "p.txt")
    assert [(tr.indicator, tr.value) for tr in headline_targets(doc)] == [
        ("地区生产总值增长", 7), ("固定资产投资增长", 9), ("进出口总额增长", 4)]
    doc = parse_text("■ 2022年经济社会发展的主要预期目标\n●经济增长7%左右\n●城镇新增就业3万人以上\n"
                     "●居民收入增长与经济增长同步\n●单位地区生产总值能耗完成国家下达目标\n", "p.txt")
    got = [(tr.kind, tr.indicator) for tr in headline_targets(doc)]
    assert got[:2] == [("quantified", "经济增长"), ("quantified", "城镇新增就业")]
    assert [kind for kind, _ in got[2:]] == ["relative", "qualitative"]


def test_a_line_ending_with_the_targets_word_opens_a_list_only_of_marked_lines():
    """二、…总体要求和主要预期目标 over the part's own paragraph: that paragraph is no list the
    line announces (a list no cue announces is read by the year's targets part); over marked
    lines it is."""
    text = "二、2022年总体要求和主要预期目标\n要着力稳增长：地区生产总值增长6%左右，城镇新增就业3万人以上。\n"
    doc = parse_text(text, "p.txt")
    from reviewer.compare.targets import passages
    assert not any(doc.text[a:b].startswith("要着力") for a, b in passages(doc))
    marked = parse_text("二、2022年总体要求和主要预期目标\n●地区生产总值增长6%左右\n", "p.txt")
    assert [(tr.indicator, tr.value) for tr in headline_targets(marked)] == [
        ("地区生产总值增长", 6)]


def test_short_subjects_before_one_going_on_with_their_shared_name(tmp_path):
    """城镇和农村居民人均可支配收入分别增长6%和7%: 城镇居民人均可支配收入 and 农村…, each with its
    own figure and its own actual."""
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长6%左右；"
                              "城镇和农村居民人均可支配收入分别增长6%和7%。",
                    "2022年，地区生产总值增长6.2%，城镇居民人均可支配收入增长5.1%，"
                    "农村居民人均可支配收入增长7.4%。")
    assert _got(targets) == {
        "地区生产总值增长": (6, 6.2, "met"),
        "城镇居民人均可支配收入增长": (6, 5.1, "missed"),
        "农村居民人均可支配收入增长": (7, 7.4, "met"),
    }
    doc = parse_text("二、2022年工作安排\n今年主要预期目标是：进口和出口总额分别增长3%和5%。\n", "p.txt")
    assert [tr.indicator for tr in headline_targets(doc)] == ["进口总额增长", "出口总额增长"]


def test_a_price_target_measured_as_its_rise_finds_the_rise_reported(tmp_path):
    """居民消费价格上涨幅度控制在5%左右 against 居民消费价格上涨0.8%."""
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长6%左右；"
                              "居民消费价格上涨幅度控制在5%左右。",
                    "2022年，地区生产总值增长6.2%，居民消费价格上涨0.8%。")
    assert _got(targets)["居民消费价格上涨幅度"] == (5, 0.8, "met")


def test_an_approximate_actual_equal_to_an_approximate_target_is_met(tmp_path):
    """增长5.5%左右 reported for 增长5.5%左右: the target itself, met; against 以上 it stays
    unclear (it may be under the floor)."""
    targets = _pair(tmp_path, "今年主要预期目标是：地区生产总值增长5.5%左右；"
                              "固定资产投资增长8%以上。",
                    "2022年，地区生产总值增长5.5%左右，固定资产投资增长8%左右。")
    assert _got(targets) == {"地区生产总值增长": (5.5, 5.5, "met"),
                             "固定资产投资增长": (8, 8, "unclear")}


def test_figures_following_the_year_reviewed_are_no_list_of_targets():
    """A part taken for the year's targets whose figures follow the year reviewed (2021年工作回顾：
    地区生产总值增长5.7%…) is an account of that year: no target is read from it."""
    doc = parse_text("某省2022年政府工作报告\n二、2022年主要目标\n2021年工作回顾：地区生产总值增长5.7%，"
                     "固定资产投资增长2.4%，城镇新增就业9万人，进出口总额增长9.4%。\n", "p.txt")
    part = next(s for s in doc.sections if "主要目标" in s.heading.title)
    assert part.kind == "targets" and doc.year_reviewed == 2021
    assert headline_targets(doc) == []
    kept = parse_text("某省2022年政府工作报告\n二、2022年主要目标\n2022年：地区生产总值增长5.7%，"
                      "固定资产投资增长2.4%，城镇新增就业9万人，进出口总额增长9.4%。\n", "p.txt")
    assert [tr.value for tr in headline_targets(kept)] == [5.7, 2.4, 9, 9.4]


def test_prices_named_in_one_word_answer_the_price_target(tmp_path):
    """物价 is the price index's everyday name: 物价总体平稳 mentions it without a figure
    (unclear, not unreported), 物价上涨2.1% gives its figure."""
    plan = "今年主要预期目标是：地区生产总值增长6%左右；居民消费价格涨幅3%左右。"
    assert _got(_pair(tmp_path, plan, "2022年，地区生产总值增长6.2%，物价总体平稳。")
                )["居民消费价格涨幅"] == (3, None, "unclear")
    assert _got(_pair(tmp_path, plan, "2022年，地区生产总值增长6.2%，物价上涨2.1%。")
                )["居民消费价格涨幅"] == (3, 2.1, "met")
    assert _got(_pair(tmp_path, plan, "2022年，地区生产总值增长6.2%。")
                )["居民消费价格涨幅"] == (3, None, "not_reported")
