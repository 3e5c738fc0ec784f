"""Quantified targets of last year's plan and the figures this year's review reports."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_path
from reviewer.compare import VERDICTS, Actual, compare_documents, extract_targets, figures
from reviewer.document import load_document, parse_text

NATIONAL = [(f"national-{y}", f"national-{y + 1}") for y in (2021, 2022, 2023, 2024)]
PROVINCES = [(f"{p}-2025", f"{p}-2026")
             for p in ("beijing", "guangdong", "hunan", "qinghai", "sichuan", "zhejiang")]
GDP_NAMES = ("国内生产总值", "地区生产总值", "生产总值")


def _pair(prior: str, current: str):
    return load_document(corpus_path(prior)), load_document(corpus_path(current))


def _by_indicator(targets, words: str):
    found = [tr for tr in targets if tr.indicator.startswith(words)]
    assert found, f"no target for {words}: {[tr.indicator for tr in targets]}"
    return found[0]


@pytest.fixture(scope="module")
def national_2025():
    return compare_documents(*_pair("national-2024", "national-2025"))


@pytest.mark.parametrize("words, comparator, value, unit, actual, verdict", [
    ("国内生产总值增长", "about", 5, "%", 5, "met"),
    ("城镇新增就业", "at_least", 1200, "万人", 1256, "met"),
    ("城镇调查失业率", "about", 5.5, "%", 5.1, "met"),
    ("居民消费价格涨幅", "about", 3, "%", 0.2, "met"),
    ("粮食产量", "at_least", 1.3, "万亿斤", 1.4, "met"),
])
def test_national_2024_targets_against_2025(national_2025, words, comparator, value, unit,
                                            actual, verdict):
    tr = _by_indicator(national_2025.targets, words)
    assert (tr.comparator, tr.value, tr.unit) == (comparator, value, unit)
    assert tr.actual is not None and tr.actual.value == pytest.approx(actual)
    assert tr.verdict == verdict
    text = national_2025.current.text
    assert text[tr.actual.start:tr.actual.end] == tr.actual.quote
    assert national_2025.current.kind_at(tr.actual.start) == "achievements"
    prior = national_2025.prior
    assert prior.text[tr.start:tr.end] == tr.quote
    assert prior.kind_at(tr.start) in ("plan", "targets")


@pytest.mark.parametrize("prior, current", NATIONAL + PROVINCES)
def test_gdp_target_and_actual_for_every_pair(prior, current):
    comparison = compare_documents(*_pair(prior, current))
    gdp = [tr for tr in comparison.targets
           if tr.indicator.startswith(GDP_NAMES) and tr.indicator.endswith("增长") and tr.unit == "%"]
    assert gdp, f"no GDP growth target in {prior}"
    tr = gdp[0]
    assert tr.actual is not None, f"no GDP growth reported in {current}"
    assert any(name in tr.actual.quote for name in GDP_NAMES)
    assert "年均" not in tr.actual.quote
    assert comparison.current.kind_at(tr.actual.start) == "achievements"
    assert tr.verdict in VERDICTS and tr.verdict != "not_reported"


def test_a_missed_growth_target_is_missed():
    comparison = compare_documents(*_pair("national-2022", "national-2023"))
    gdp = _by_indicator(comparison.targets, "国内生产总值增长")
    assert gdp.value == 5.5 and gdp.actual.value == 3 and gdp.verdict == "missed"


def test_ceiling_and_lower_is_better_are_judged_the_right_way_round():
    comparison = compare_documents(*_pair("national-2022", "national-2023"))
    unemployment = _by_indicator(comparison.targets, "城镇调查失业率")
    assert unemployment.comparator == "at_most" and unemployment.value == 5.5
    # the review gives the year's end only (年末…降到5.5%): no verdict on a year's average
    assert unemployment.actual.value == 5.5 and unemployment.verdict == "unclear"
    for got, verdict in ((5.2, "met"), (5.8, "missed")):
        actual = Actual(got, "", 0, 0)
        assert figures.verdict(unemployment, actual) == verdict
    # a cut in energy intensity is a decrease measure: the bigger cut is the better one
    energy = _by_indicator(compare_documents(*_pair("national-2024", "national-2025")).targets,
                           "单位国内生产总值能耗降低")
    assert energy.actual.value == 3 and energy.verdict == "met"


def test_multi_year_averages_are_never_taken_as_actuals():
    comparison = compare_documents(*_pair("national-2022", "national-2023"))
    gdp = _by_indicator(comparison.targets, "国内生产总值增长")
    # the 2023 report also gives 五年年均增长5.2% right after the one-year figure
    assert gdp.actual.value == 3
    for tr in comparison.targets:
        if tr.actual:
            assert "年均" not in tr.actual.quote and "累计" not in tr.actual.quote


def test_from_x_to_y_takes_the_later_figure():
    doc = parse_text("一年来，全社会研发投入强度从2.77%提高到3.3%，区域创新能力稳居前列。", "x.txt")
    target = figures.Target("研发投入强度", "at_least", 3.3, "%", "研发投入强度3.3%", 0, 0)
    actual = figures.find_actual(doc, target, [(0, len(doc.text))])
    assert "从2.77%提高到3.3%" in actual.quote and actual.value == 3.3


def test_a_five_year_figure_is_never_taken_as_the_years():
    comparison = compare_documents(*_pair("zhejiang-2025", "zhejiang-2026"))
    every = comparison.targets + [tr for it in comparison.items for tr in it.targets]
    assert any(tr.indicator.startswith("研发投入强度") for tr in every)
    for tr in every:
        if tr.actual:
            assert comparison.current.period_at(tr.actual.start) != "five_year", tr.actual.quote


def test_full_width_digits_read_like_half_width():
    doc = load_document(corpus_path("national-2024"))
    wide = doc.text.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    narrow = [(tr.indicator, tr.comparator, tr.value, tr.unit) for tr in extract_targets(doc)]
    widened = extract_targets(parse_text(wide, "wide.txt"))
    assert [(tr.indicator, tr.comparator, tr.value, tr.unit) for tr in widened] == narrow


def test_ranges_and_seed_targets(seeds):
    doc = seeds["hutiaoxia-2025"]
    targets = {tr.indicator: tr for tr in extract_targets(doc)}
    assert targets["每月推送普法内容"].comparator == "at_least"
    assert (targets["每月推送普法内容"].value, targets["每月推送普法内容"].unit) == (7, "条")
    assert (targets["组织专题培训"].value, targets["组织专题培训"].unit) == (4, "期")
    rate = targets["矛盾纠纷化解成功率"]
    assert (rate.comparator, rate.value, rate.unit) == ("at_least", 96, "%")
    guangdong = load_document(corpus_path("guangdong-2026"))
    gdp = _by_indicator(extract_targets(guangdong), "地区生产总值增长")
    assert (gdp.comparator, gdp.value, gdp.unit) == ("range", (4.5, 5), "%")


@pytest.mark.parametrize("words, reported, verdict", [
    ("国内生产总值增长", 4.8, "unclear"),  # inside the tolerance of 左右 (0.3 points)
    ("国内生产总值增长", 4.6, "missed"),  # readers: 4.1% for 4.5%左右, 6.5% for 7%左右 missed
    ("居民消费价格涨幅", 3.2, "unclear"),  # a ceiling: just above it is unclear
    ("居民消费价格涨幅", 3.4, "missed"),
    ("城镇新增就业", 1199, "missed"),  # 以上 has no tolerance
])
def test_tolerance_of_about_and_none_for_floors(words, reported, verdict):
    target = _by_indicator(extract_targets(load_document(corpus_path("national-2024"))), words)
    assert figures.verdict(target, Actual(reported, "", 0, 0)) == verdict


@pytest.mark.parametrize("reported, verdict", [(1200, "unclear"), (1230, "unclear"),
                                               (1300, "met")])
def test_an_approximate_actual_at_a_floor_is_unclear(reported, verdict):
    """增长10%左右 against 增长10%以上: the figure may be under the floor."""
    target = _by_indicator(extract_targets(load_document(corpus_path("national-2024"))),
                           "城镇新增就业")
    assert figures.verdict(target, Actual(reported, "", 0, 0, about=True)) == verdict
    assert figures.verdict(target, Actual(reported, "", 0, 0)) == "met"


def test_the_about_word_after_a_reported_figure_is_kept(tmp_path):
    prior = tmp_path / "prior.txt"
    prior.write_text("一、2018年工作安排\n今年主要预期目标是：地区生产总值增长10%以上。\n",
                     encoding="utf-8")
    current = tmp_path / "current.txt"
    current.write_text("一、2018年工作回顾\n2018年，全区地区生产总值增长10%左右，"
                       "经济运行稳中向好。\n二、2019年工作安排\n今年做好以下工作。\n",
                       encoding="utf-8")
    from reviewer.compare import compare_documents

    result = compare_documents(load_document(str(prior)), load_document(str(current)))
    gdp = _by_indicator(result.targets, "地区生产总值增长")
    assert gdp.actual is not None and gdp.actual.about and gdp.actual.quote.endswith("左右")
    assert gdp.verdict == "unclear"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="生产总值国内就业", max_size=60),
       st.lists(st.text(alphabet="生产总值国内就业", min_size=1, max_size=4), min_size=1,
                max_size=4, unique=True),
       st.integers(0, 30), st.integers(0, 30))
def test_names_are_found_as_a_search_for_the_longest_finds_them(text, names, a, b):
    """All targets' names are found in one pass; each target reads them as its own search did."""
    from reviewer.compare.figures import _alternation, _Names

    spans = [(0, min(a, b, len(text))), (min(max(a, b), len(text)), len(text))]
    found = _Names(text, spans, set(names) | {"国内"})
    search = re.compile(_alternation(names))
    expected = [(m.start(), m.end()) for lo, hi in spans for m in search.finditer(text, lo, hi)]
    assert found.matches(names) == expected


def test_a_list_of_headline_targets_read_clause_by_clause():
    from reviewer.compare import headline_targets

    text = ("今年经济社会发展的主要预期目标是：地区生产总值增长8.5%到9.0%，税收收入500亿元，增长10%左右，"
            "城镇调查失业率和城镇登记失业率分别控制在5.5%以内、3.5%以内，居民收入增长和经济增长同步，"
            "国际收支基本平衡，进出口实现正增长，在实际工作中争取更好结果。\n"
            "经济增长预期目标为5%左右，考虑了促进就业增收等需要。\n")
    found = headline_targets(parse_text(text, "list.txt"))
    got = [(tr.indicator, tr.kind, tr.comparator, tr.value) for tr in found]
    assert got == [
        ("地区生产总值增长", "quantified", "range", (8.5, 9.0)),
        ("税收收入", "quantified", "equal", 500),  # the level, then its growth
        ("税收收入增长", "quantified", "about", 10),
        ("城镇调查失业率", "quantified", "at_most", 5.5),  # 分别: one target per subject
        ("城镇登记失业率", "quantified", "at_most", 3.5),
        ("居民收入增长", "relative", "relative", None),
        ("国际收支", "qualitative", "state", None),
        ("进出口增长", "quantified", "positive", 0.0),
    ]
    # the hedge is no target, nor the comment on one target in the next paragraph
    assert all(tr.start < text.index("在实际工作中") for tr in found)
    relative = found[5]
    assert relative.other == "经济增长" and relative.state == "同步"



def _review(text: str):
    """A current report of one review paragraph, and the spans to read it in."""
    doc = parse_text(f"一、2024年工作回顾\n{text}\n二、2025年工作安排\n（一）推进发展。\n", "r.txt")
    return doc, doc.review_spans()


def test_a_name_with_its_abbreviation_in_brackets_is_found_by_either():
    doc, spans = _review("积极应对困难挑战，地区生产总值增长3.0%，一般公共预算收入123亿元。")
    target = figures.Target("地区生产总值（GDP）增长", "about", 6.0, "%", "", 0, 0)
    actual = figures.find_actual(doc, target, spans)
    assert actual is not None and actual.value == 3.0
    assert figures.verdict(target, actual) == "missed"
    assert "GDP" in figures.names("地区生产总值（GDP）")


def test_a_verb_between_subject_and_measure_and_scope_words_name_the_indicator():
    doc, spans = _review("现代服务业实现增加值2900亿元，增长7.3%；固定资产投资总额535亿元，增长15%。")
    services = figures.Target("现代服务业增加值增长", "about", 7, "%", "", 0, 0)
    investment = figures.Target("全社会固定资产投资额增长", "equal", 10, "%", "", 0, 0)
    assert figures.find_actual(doc, services, spans).value == 7.3
    assert figures.find_actual(doc, investment, spans).value == 15


def test_a_figure_on_a_comparable_basis_beside_the_reported_one_makes_it_unclear():
    from reviewer.compare.targets import check_headline

    doc, spans = _review("地方一般公共预算收入达3507.6亿元、增长1.7%（同口径增长2.5%以上），粮食产量突破620亿斤。")
    target = figures.Target("地方一般公共预算收入增长", "equal", 2.5, "%", "", 0, 0)
    result = check_headline([target], doc, spans)[0]
    assert result.actual.value == 1.7 and result.actual.basis == 2.5
    assert result.verdict == "unclear"
    assert result.actual.quote.endswith("（同口径增长2.5%以上）")
    # where both bases read the same the verdict stands
    low = figures.Target("地方一般公共预算收入增长", "equal", 1.5, "%", "", 0, 0)
    assert check_headline([low], doc, spans)[0].verdict == "met"


def test_a_relative_target_naming_the_other_indicator_after_the_relation():
    from reviewer.compare import headline_targets
    from reviewer.compare.targets import check_headline

    prior = parse_text("今年主要预期目标是：地区生产总值增长5.5%左右；居民收入增速高于经济增速。\n", "p.txt")
    found = headline_targets(prior)
    relative = [tr for tr in found if tr.kind == "relative"]
    assert [(tr.indicator, tr.other, tr.state) for tr in relative] == \
        [("居民收入增速", "经济增速", "高于")]
    doc, spans = _review("全省地区生产总值增长4.8%，全体居民人均可支配收入达39545元、增长5%。")
    result = check_headline(relative, doc, spans)[0]
    assert (result.actual.value, result.other_actual.value, result.verdict) == (5, 4.8, "met")


def test_a_task_set_from_above_is_met_by_the_figure_and_a_state_said_later_in_the_sentence():
    from reviewer.compare import headline_targets
    from reviewer.compare.targets import check_headline

    prior = parse_text("今年主要预期目标是：地区生产总值增长5%；空气质量优良天数比率完成国家下达任务；"
                       "空气质量综合指数保持全市最优。\n", "p.txt")
    states = [tr for tr in headline_targets(prior) if tr.kind == "qualitative"]
    doc, spans = _review("PM2.5平均浓度降至20.6微克/立方米，空气质量优良天数比率达95.8%、创有记录以来最好水平。"
                         "空气质量综合指数2.19、优良天数比例98.6%，保持全市最优。")
    results = check_headline(states, doc, spans)
    assert [r.verdict for r in results] == ["met", "met"]
    # a record since records began (以来) is no figure of another period
    assert "95.8%" in results[0].actual.quote
    short, spans = _review("空气质量优良天数比率达80.1%，未完成国家下达任务。")
    assert check_headline(states[:1], short, spans)[0].verdict == "unclear"


def test_a_condition_of_several_subjects_is_one_target_unless_each_is_meant():
    from reviewer.compare import headline_targets
    from reviewer.compare.targets import check_headline

    prior = parse_text("今年主要预期目标是：地区生产总值增长5%；万元GDP能耗、水耗持续下降；"
                       "单位国内生产总值能耗和主要污染物排放量继续下降；"
                       "空气质量优良天数比率和地表水水质优良率均完成国家下达任务。\n", "p.txt")
    states = [tr.indicator for tr in headline_targets(prior) if tr.kind == "qualitative"]
    assert states == ["万元GDP能耗、水耗", "单位国内生产总值能耗", "主要污染物排放量",
                      "空气质量优良天数比率", "地表水水质优良率"]
    together = [tr for tr in headline_targets(prior) if tr.indicator == "万元GDP能耗、水耗"]
    doc, spans = _review("万元GDP水耗下降14.9%，节约用水成效明显。")
    result = check_headline(together, doc, spans)[0]
    # one of its subjects reported, the other not: no verdict on the whole
    assert result.verdict == "unclear" and "水耗下降14.9%" in result.actual.quote
    assert any("万元GDP能耗" in r for r in result.reasons)
    both, spans = _review("万元GDP能耗下降3.1%，万元GDP水耗下降14.9%。")
    assert check_headline(together, both, spans)[0].verdict == "met"
    neither, spans = _review("节约用水成效明显。")
    assert check_headline(together, neither, spans)[0].verdict == "not_reported"


def _written_pair(tmp_path, plan: str, review: str):
    from reviewer.compare import compare_documents

    prior = tmp_path / "prior.txt"
    opening = "政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    prior.write_text(opening + "一、2018年工作安排\n" + plan + "\n", encoding="utf-8")
    current = tmp_path / "current.txt"
    current.write_text(opening + "一、2018年工作回顾\n" + review
                       + "\n二、2019年工作安排\n今年做好以下工作。\n", encoding="utf-8")
    return compare_documents(load_document(str(prior)), load_document(str(current))).targets


def test_a_list_of_the_main_targets_and_tasks_and_the_growth_of_a_level(tmp_path):
    """主要目标和任务是：… is the list; 同比增长9% after a level is the level's growth."""
    targets = _written_pair(tmp_path, "今年工作的主要目标和任务是：地区生产总值725亿元，同比增长9%，"
                              "规模以上工业增加值增长7.5%左右。",
                    "2018年，预计全年实现地区生产总值725亿元，增长9%；规模以上工业增加值增长8%。")
    gdp = [tr for tr in targets if tr.indicator.startswith("地区生产总值")]
    assert [(tr.value, tr.unit, tr.verdict) for tr in gdp] == [(725, "亿元", "met"),
                                                               (9, "%", "met")]
    assert gdp[1].actual.quote.endswith("增长9%")
    assert _by_indicator(targets, "规模以上工业增加值增长").verdict == "met"


def test_a_quarters_figure_is_not_the_years_and_a_base_year_is_no_other_year(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。"
    quarter = _written_pair(tmp_path, plan, "全区经济在一季度跌入谷底，地区生产总值同比下降7.4%。"
                                    "初步核算，全年实现地区生产总值2375亿元，同比增长1.5%。")
    gdp = _by_indicator(quarter, "地区生产总值增长")
    assert gdp.actual.value == 1.5 and gdp.verdict == "missed"
    # a year's figure after the quarters (一季度-9.9%，…，全年增速达到2%) is the year's
    whole = _written_pair(tmp_path, plan, "地区生产总值增速一季度下降9.9%，三季度转正，全年地区生产总值增长6.2%。")
    assert _by_indicator(whole, "地区生产总值增长").actual.value == 6.2
    based = _written_pair(tmp_path, plan, "与2017年比（下同），地区生产总值同比增长11.3%，"
                                  "一般公共预算收入增长8%。")
    assert _by_indicator(based, "地区生产总值增长").actual.value == 11.3
    other = _written_pair(tmp_path, plan, "2016年地区生产总值增长11.3%。")
    assert _by_indicator(other, "地区生产总值增长").verdict == "not_reported"


def test_a_list_of_targets_no_cue_announces_is_read_in_the_years_targets_part(tmp_path):
    """…预期目标作了适当调整。今年要…；城镇新增就业900万人以上，…: the paragraph of the targets
    part naming several targets of figures is the list, from the run of its first one."""
    from reviewer.compare import compare_documents

    prior = tmp_path / "prior.txt"
    prior.write_text(
        "政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2019年工作回顾\n过去一年，地区生产总值增长6%。\n二、今年发展主要目标和总体部署\n"
        "综合研判形势，我们对预期目标作了适当调整。今年要优先稳就业保民生；城镇新增就业90万人以上，"
        "城镇调查失业率6%左右；居民消费价格涨幅3.5%左右；国际收支基本平衡。\n"
        "三、2020年工作安排\n（一）推动产业升级。新建学校5所。\n", encoding="utf-8")
    current = tmp_path / "current.txt"
    current.write_text("政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
                       "一、2020年工作回顾\n2020年，城镇新增就业118万人，居民消费价格上涨2.5%。\n"
                       "二、2021年工作安排\n今年做好以下工作。\n", encoding="utf-8")
    result = compare_documents(load_document(str(prior)), load_document(str(current)))
    assert [tr.indicator for tr in result.targets] == [
        "城镇新增就业", "城镇调查失业率", "居民消费价格涨幅", "国际收支"]
    assert _by_indicator(result.targets, "城镇新增就业").verdict == "met"


def test_a_cut_is_better_the_bigger_it_is_and_a_steady_state_is_met_by_growth(tmp_path):
    """农村贫困人口减少1000万以上 is met by 减少1109万 (the figure is the size of the cut);
    进出口促稳提质 by 货物进出口总额增长7.7%, missed by a fall; 经济发展 is the economy's growth."""
    plan = ("今年主要预期目标是：农村贫困人口减少1000万以上；进出口促稳提质；"
            "居民收入增长和经济发展同步。")
    grown = _written_pair(tmp_path, plan, "2018年，国内生产总值增长6.6%，农村贫困人口减少1109万，"
                                          "货物进出口总额增长7.7%，全国居民人均可支配收入实际增长6.5%。")
    assert _by_indicator(grown, "农村贫困人口减少").verdict == "met"
    trade = _by_indicator(grown, "进出口")
    assert trade.verdict == "met" and trade.actual.quote.endswith("增长7.7%")
    income = _by_indicator(grown, "居民收入")
    assert income.verdict == "met" and income.other_actual.value == 6.6
    fell = _written_pair(tmp_path, plan, "2018年，货物进出口总额下降7%。")
    assert _by_indicator(fell, "进出口").verdict == "missed"
    assert _by_indicator(fell, "农村贫困人口减少").verdict == "not_reported"


def test_figures_of_fenbie_joined_in_one_clause_and_the_words_reports_use(tmp_path):
    """A和B分别控制在5.5%和3.5%以内 is a target each; 涨幅预期3%左右 names 居民消费价格涨幅;
    单位生产总值能耗 is 单位地区生产总值能耗; 稳量提质 is a steady state."""
    targets = _written_pair(
        tmp_path, "今年主要预期目标是：城镇调查失业率和城镇登记失业率分别控制在5.5%和3.5%以内，"
                  "居民消费价格涨幅预期3%左右，单位生产总值能耗下降3.2%，进出口总额稳量提质。",
        "2018年，调查失业率全年平均为5.45%，居民消费价格上涨2.3%，单位地区生产总值能耗下降3.2%，"
        "货物进出口总额9.5万亿元、增长4.4%。")
    got = {tr.indicator: (tr.comparator, tr.value, tr.verdict) for tr in targets}
    assert got == {"城镇调查失业率": ("at_most", 5.5, "met"),
                   "城镇登记失业率": ("at_most", 3.5, "not_reported"),
                   "居民消费价格涨幅": ("about", 3, "met"),
                   "单位生产总值能耗下降": ("equal", 3.2, "met"),
                   "进出口总额": ("state", None, "met")}
