"""The false alarms and misses a third independent reader found on reports no label had touched
(``tests/gold/flags-independent-3.toml``), each on the real text where it was found, with the
same text changed to show that the rule still fires where it should, and on constructed text."""

from __future__ import annotations

from conftest import corpus_report as report
from conftest import corpus_report_changed as changed
from reviewer.document import parse_text
from reviewer.flags import run_flags


def places(doc, rule_id: str, around: int = 0) -> list[str]:
    return [doc.text[o.start - around:o.end + around]
            for f in run_flags(doc, [rule_id]) for o in f.occurrences]


def messages(doc, rule_id: str) -> list[str]:
    return [f.message for f in run_flags(doc, [rule_id])]


# --- proofreading.dun_between_quotes ---------------------------------------------------------

DUN = "proofreading.dun_between_quotes"


def test_a_quoted_word_inside_the_last_item_makes_the_series_mixed():
    # baoan-2025: “无界—深港澳青年艺术大展”、“湾区杯”中国围棋大棋士赛; “一单通用”、“医”路无忧
    assert places(report("baoan-2025"), DUN) == []


def test_bare_quoted_items_with_a_shared_head_are_still_flagged():
    # the same series with the last item quoted whole: a bare series
    doc = changed("baoan-2025", "“湾区杯”中国围棋大棋士赛", "“湾区杯中国围棋大棋士赛”")
    assert places(doc, DUN, 1) == ["”、“"]
    # a short head the items share (“六稳”、“六保”工作) is no item of its own
    text = "我们扎实做好“六稳”、“六保”工作，经济稳中向好。\n"
    assert places(parse_text(text), DUN, 1) == ["”、“"]
    # a mixed series, in a report that knows quoted items go side by side without one
    text = "成功举办“深港澳青年艺术大展”、“湾区杯”中国围棋大棋士赛等活动。推进“两重”“两新”。\n"
    assert places(parse_text(text), DUN) == []


# --- numbers.target_below_reached ------------------------------------------------------------

BELOW = "numbers.target_below_reached"


def test_a_target_keeping_a_level_already_reached_is_not_set_too_low():
    # dapeng-2017: 空气质量优良率98.6% reached, 空气质量优良率保持98%以上 planned
    assert places(report("dapeng-2017"), BELOW) == []


def test_a_target_keeping_a_level_far_below_the_one_reached_is_flagged():
    doc = changed("dapeng-2017", "空气质量优良率保持98%以上", "空气质量优良率保持90%以上")
    assert places(doc, BELOW) == ["90%以上"]
    # a floor that does not keep a level is judged as before
    doc = changed("dapeng-2017", "空气质量优良率保持98%以上", "空气质量优良率达到98%以上")
    assert places(doc, BELOW) == ["98%以上"]


# --- numbers.perfect_rate --------------------------------------------------------------------

PERFECT = "numbers.perfect_rate"


def test_a_satisfaction_score_of_100_is_no_finding():
    # dapeng-2025: 政务服务满意度100% from the 好差评 system
    assert places(report("dapeng-2025"), PERFECT) == []
    text = "一、2024年工作回顾\n全年办理群众诉求，群众满意度100%，满意率100%。\n"
    assert places(parse_text(text, genre="gongzuo"), PERFECT) == []


def test_a_perfect_outcome_without_its_base_is_still_flagged():
    doc = changed("dapeng-2025", "政务服务满意度100%", "矛盾纠纷化解率100%")
    assert places(doc, PERFECT) == ["矛盾纠纷化解率100%"]


# --- specificity.unmeasurable_plan -----------------------------------------------------------

UNMEASURABLE = "specificity.unmeasurable_plan"


def test_a_work_report_s_plan_group_is_judged_by_the_measures_its_body_sets_out():
    # national-2023: （五）有效防范化解重大经济金融风险。深化金融体制改革…遏制增量、化解存量。
    assert places(report("national-2023"), UNMEASURABLE) == []


def test_a_plan_group_of_general_wording_in_one_sentence_is_still_flagged():
    doc = changed("national-2023",
                  "深化金融体制改革，完善金融监管，压实各方责任，防止形成区域性、系统性金融风险。"
                  "有效防范化解优质头部房企风险，改善资产负债状况，防止无序扩张，促进房地产业平稳"
                  "发展。防范化解地方政府债务风险，优化债务期限结构，降低利息负担，遏制增量、化解存量。",
                  "深化金融体制改革，完善金融监管，压实各方责任。")
    assert places(doc, UNMEASURABLE) == ["（五）有效防范化解重大经济金融风险。"]


# --- structure.heading_mismatch --------------------------------------------------------------

MISMATCH = "structure.heading_mismatch"


def test_a_heading_s_words_in_a_far_longer_section_are_chance():
    # pingshan-2016: 2.创新驱动显著增强 (188 characters of 高新技术企业, 人才计划, 专利) and the
    # words 驱动, 显著, 增强 in the 2,138 characters under 廉洁从政
    assert places(report("pingshan-2016"), MISMATCH) == []


# --- proofreading.punct_width and stray_space: the marks the width check skipped ---------------

WIDTH = "proofreading.punct_width"
SPACE = "proofreading.stray_space"
BODY = ("一、2024年工作回顾\n全年完成投资，实现增长，开展活动，推进建设。加强治理，完善机制，优化服务。"
        "建成医院（一期）、学校（二期）、公园（三期）、场馆（四期）、道路（五期）。\n")


def test_a_closing_bracket_after_a_figure_or_a_letter_closes_chinese_text():
    # baoan-2016: （7)在各街道核心区域; futian-2017: 人民币国际化(SDR)契机
    assert "。（7)在各街" in places(report("baoan-2016"), WIDTH, 3)
    assert "(SDR)契机" in "|".join(places(report("futian-2017"), WIDTH, 5))
    doc = parse_text(BODY + "落实（7)项措施，紧抓人民币国际化(SDR)契机。\n")
    assert sorted(places(doc, WIDTH, 1)) == ["7)项", "R)契", "化(S"]
    # brackets of English or figures alone stay as they are
    doc = parse_text(BODY + "按照World Bank (WB)的口径，(1)完成。\n")
    assert places(doc, WIDTH) == []


def test_a_mark_after_a_closing_quotation_mark_is_in_chinese_text():
    # guangming-2019: 深入开展“厕所革命”,升级和改造公厕213座
    assert "”,升" in places(report("guangming-2019"), WIDTH, 1)
    doc = parse_text(BODY + "深入开展“厕所革命”,升级公厕。\n")
    assert places(doc, WIDTH, 1) == ["”,升"]


def test_an_exclamation_mark_never_written_full_width_is_judged_by_the_other_marks():
    # dapeng-2017 writes ，；： full-width and its three exclamations half-width
    assert places(report("dapeng-2017"), WIDTH, 2)[:3] == ["感谢!\n同", "代表!让我", "厚望!\n管"]
    doc = parse_text(BODY + "各位代表!让我们团结奋进!\n")
    assert places(doc, WIDTH, 1) == ["表!让", "进!"]
    # brackets written half-width throughout are the report's style, not a slip
    doc = parse_text(BODY + "深圳河(罗湖段)、布吉河(罗湖段)水质达标，东湖(原宾馆)。\n")
    assert places(doc, WIDTH) == []


def test_a_space_after_a_percentage_is_a_stray_space():
    # guangming-2019: 区域污水管网收集率达95% 以上
    assert "95% 以" in places(report("guangming-2019"), SPACE)
    assert places(parse_text(BODY + "收集率达95% 以上。\n"), SPACE) == ["95% 以"]
    assert places(parse_text(BODY + "收集率达95%以上，占比 20% and more。\n"), SPACE) == ["比 20%"]


# --- the new checks of how figures are written -------------------------------------------------

PLAN = "二、2025年工作安排\n"


def test_a_rate_s_change_given_in_percent():
    rule_id = "numbers.percent_for_points"
    assert places(report("dapeng-2017"), rule_id) == ["1.15%"]
    (flag,) = run_flags(report("dapeng-2017"), [rule_id])
    assert "百分点" in flag.message and "1.15个百分点" in flag.suggestion
    assert places(parse_text(BODY + "城镇化率达65%，同比提高1.2%。\n"), rule_id) == ["1.2%"]
    # in points, or the change of an amount, is right
    for right in ("城镇化率达65%，提高1.2个百分点。", "地区生产总值增长6%，提高1.2%。",
                  "优良率98.6%，提升1.15个百分点。"):
        assert places(parse_text(BODY + right + "\n"), rule_id) == [], right


def test_a_range_made_approximate_again():
    rule_id = "numbers.range_approx"
    assert places(report("luohu-2020"), rule_id) == ["6%-6.5%左右"]
    (flag,) = run_flags(report("luohu-2020"), [rule_id])
    assert "6%-6.5%" in flag.suggestion and "左右" not in flag.suggestion
    assert places(parse_text(PLAN + "地区生产总值增长6%至6.5%左右。\n"), rule_id) == ["6%至6.5%左右"]
    for right in ("增长6%-6.5%。", "增长6%左右。", "2025年到2030年左右。"):
        assert places(parse_text(PLAN + right + "\n"), rule_id) == [], right


def test_a_completion_rate_many_times_the_plan():
    rule_id = "numbers.completion_far_above"
    assert places(report("dapeng-2025"), rule_id) == ["完成率640%"]
    assert places(parse_text(BODY + "违建拆除完成率达350%。\n"), rule_id) == ["完成率达350%"]
    # a plan exceeded (投资完成率129.6%) is no finding
    assert places(report("zhejiang-2025"), rule_id) == []
    assert places(parse_text(BODY + "投资完成率129.6%，完成率201.49%。\n"), rule_id) == []


def test_one_target_stated_twice_in_a_sentence():
    rule_id = "numbers.target_twice"
    assert places(report("dapeng-2017"), rule_id) == ["污水集中处理率达到95%"]
    text = PLAN + "主要目标是：污水集中处理率达到95%以上，空气优良率保持98%以上，污水集中处理率达到96%。\n"
    (flag,) = run_flags(parse_text(text, genre="gongzuo"), [rule_id])
    assert "95%" in flag.message and "96%" in flag.message
    # one rate per sentence, or the same short name of different things, is no repeat
    text = (PLAN + "污水集中处理率达到95%以上。污水集中处理率达到96%。\n"
            "学校覆盖率达90%，医院覆盖率达95%。\n")
    assert places(parse_text(text, genre="gongzuo"), rule_id) == []


def test_a_year_that_lost_its_zero():
    rule_id = "proofreading.lost_zero"
    assert places(report("qinghai-2026"), rule_id) == ["二三五年"]
    (flag,) = run_flags(report("qinghai-2026"), [rule_id])
    assert "二〇三五年" in flag.suggestion
    assert places(parse_text(BODY + "到二〇三五年，到二三五年。\n"), rule_id) == ["二三五年"]
    for right in ("二〇三五年", "近二三十年", "一二三五年", "第二十五年"):
        assert places(parse_text(BODY + right + "。\n"), rule_id) == [], right


def test_the_new_checks_stay_quiet_on_the_seeds(seeds):
    new = ["numbers.percent_for_points", "numbers.range_approx", "numbers.completion_far_above",
           "numbers.target_twice", "proofreading.lost_zero"]
    for name, doc in seeds.items():
        assert run_flags(doc, new) == [], name


def test_a_paragraph_set_letter_by_letter_shows_every_stray_space():
    # a text layer that spaces its characters out: every space beside a Chinese character is a
    # place, spaces either side of a figure one place, and inside quotation marks only the spaces
    # beside a figure or a mark; a long paragraph is read whole, one with a name's title space by
    # space, and both show the same places
    line = "全 年 增 长 12.5 % 以 上 ， 开 展 “ 放 管 服 2 项 ” 改 革 ， 建 成 ２０２４ 年 项 目 。"
    expected = ["全 年", "年 增", "增 长", "长 12.5", "% 以", "以 上", "上 ，", "开 展", "“ 放",
                "服 2 项", "项 ”", "改 革", "革 ，", "建 成", "成 ２０２４ 年", "年 项", "项 目", "目 。"]
    assert places(parse_text(BODY + line + "\n"), SPACE) == expected
    named = line.replace("开 展", "市长 李明 开 展")  # 市长 李明: the name's space is no slip
    assert places(parse_text(BODY + named + "\n"), SPACE) == [*expected[:7], "明 开", *expected[7:]]
