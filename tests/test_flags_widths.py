"""How marks, figures and ranges are written beside Chinese text: a report typed with half-width
marks throughout, full-width digits and letters, and a range joined by a hyphen where the report
writes the standard dash elsewhere. Each on constructed text first, then where the reports show
it."""

from __future__ import annotations

from conftest import corpus_report as report
from reviewer.document import parse_text
from reviewer.flags import run_flags


def found(text: str, rule_id: str) -> list:
    return run_flags(parse_text(text), [rule_id])


def places(text: str, rule_id: str, around: int = 0) -> list[str]:
    doc = parse_text(text)
    return [doc.text[o.start - around:o.end + around]
            for f in run_flags(doc, [rule_id]) for o in f.occurrences]


# --- proofreading.punct_width: a report typed half-width throughout ---------------------------

WIDTH = "proofreading.punct_width"
HALF = ("一、2024年工作回顾\n"
        "全年完成投资12.5亿元,增长5.5%,开展活动20场;推进建设.加强治理:完善机制(试行),"
        "优化\"放管服\"改革.会议于10:19开始.\n"
        "二、2025年工作安排\n(一)深化改革.推进项目3个,完成1,000户改造;落实责任.\n")


def test_a_report_typed_half_width_throughout_is_one_finding_with_every_place():
    (flag,) = found(HALF, WIDTH)
    assert "全文使用半角标点" in flag.message and "GB/T 15834" in flag.message
    doc = parse_text(HALF)
    marks = [doc.text[o.start - 1:o.end + 1] for o in flag.occurrences]
    # every half-width comma, semicolon, colon, bracket, sentence stop and quote of Chinese text
    assert marks == ["元,增", "%,开", "场;推", "设.加", "理:完", "制(试", "行),", "),优",
                     "化\"放", "服\"改", "革.会", "始.\n", "革.推", "个,完", "造;落", "任."]
    # a figure's point, thousands and a time, and a heading's number are none of them
    assert not any(m[1] in ".,:" and m[0].isdigit() and m[2].isdigit() for m in marks)
    assert not any(doc.text[o.start] in "()" and doc.text[o.start + 1] == "一"
                   for o in flag.occurrences)


def test_a_report_mostly_half_width_is_judged_half_width_throughout():
    text = HALF + "三、其他\n全年新增就业，保持稳定。\n"
    (flag,) = found(text, WIDTH)
    assert "全文使用半角标点" in flag.message
    doc = parse_text(text)
    assert "，" not in {doc.text[o.start] for o in flag.occurrences}


def test_a_report_mostly_full_width_keeps_one_finding_per_mark_slipped():
    text = ("一、2024年工作回顾\n"
            "全年完成投资12.5亿元，增长5.5%，开展活动20场;推进建设。加强治理：完善机制（试行），"
            "优化“放管服”改革；会议于10:19开始。\n"
            "二、2025年工作安排\n（一）深化改革。推进项目3个，完成1,000户改造；落实责任；压实担子。\n")
    (flag,) = found(text, WIDTH)
    assert "与全文不一致" in flag.message
    assert places(text, WIDTH, 1) == ["场;推"]


# --- proofreading.fullwidth_alnum: full-width digits and letters -------------------------------

ALNUM = "proofreading.fullwidth_alnum"
REVIEW = "一、2024年工作回顾\n"


def test_full_width_digits_and_letters_in_running_text_are_one_finding_per_run():
    # baoan-2016: 抓好宝城、前海湾等４个空气质量特控区达标
    text = REVIEW + "抓好宝城、前海湾等４个空气质量特控区达标。\n"
    (flag,) = found(text, ALNUM)
    assert places(text, ALNUM) == ["４"] and flag.suggestion == "改为“4”"
    text = REVIEW + "２０２５年地区生产总值增长４.５%，ＧＤＰ总量突破千亿，ＰＭ2.5浓度下降。\n"
    (flag,) = found(text, ALNUM)
    assert places(text, ALNUM) == ["２０２５", "４.５%", "ＧＤＰ", "ＰＭ2.5"]
    assert "２０２５" in flag.message and flag.suggestion == "改为“2025”"


def test_full_width_digits_a_quotation_keeps_or_a_table_sets_apart_pass():
    text = (REVIEW + "印发《２０２５年法治政府建设工作要点》，开展“ＡＢＣ”行动。\n"
            "序号\t１２\t完成项目\n１２\n")
    assert places(text, ALNUM) == []
    # half-width digits and letters are no finding
    assert places(REVIEW + "2025年GDP增长4.5%。\n", ALNUM) == []


def test_the_full_width_digit_of_the_reports():
    # the one full-width digit of the 102 corpus reports, a miss the third reader named
    doc = report("baoan-2016")
    (flag,) = run_flags(doc, [ALNUM])
    assert [doc.text[o.start - 3:o.end + 1] for o in flag.occurrences] == ["海湾等４个"]


# --- proofreading.range_dash: a range joined by a hyphen beside the standard dash -------------

RANGE = "proofreading.range_dash"


def test_a_range_joined_by_a_hyphen_where_the_report_writes_the_dash_elsewhere():
    # baoan-2016: 选取1-2个单元先行先试 beside 新增1—2个合作改革项目
    text = REVIEW + "选取1-2个单元先行先试，新增1—2个合作改革项目，实施2012-2016年十大工程。\n"
    (flag,) = found(text, RANGE)
    assert flag.severity == "info"
    assert places(text, RANGE) == ["1-2个", "2012-2016年"]
    assert flag.suggestion == "改为“1—2个”" and "“—”" in flag.message
    # the 浪纹线 is a standard dash too (15～65岁), and the report's own is suggested
    text = REVIEW + "以15～65岁人口为劳动年龄人口，增长6.5-7%。\n"
    (flag,) = found(text, RANGE)
    assert places(text, RANGE) == ["6.5-7%"] and flag.suggestion == "改为“6.5～7%”"


def test_hyphens_alone_or_a_range_a_title_keeps_pass():
    # a report writing hyphens for every range has a habit of its own, not a slip
    assert places(REVIEW + "选取1-2个单元，力争3-5年内建成，增长4.5%-5%。\n", RANGE) == []
    # a title keeps its source's dash; a date is no range
    text = (REVIEW + "落实《规划（2016-2035年）》，新增1—2个项目，于2024-12-31前完成。\n")
    assert places(text, RANGE) == []


def test_the_ranges_of_the_reports_written_two_ways():
    doc = report("baoan-2016")
    assert [doc.text[o.start:o.end] for f in run_flags(doc, [RANGE]) for o in f.occurrences] \
        == ["1-2个", "1-2个"]
    # luohu-2020 writes hyphens and a full-width hyphen, never the standard dash: no finding
    assert run_flags(report("luohu-2020"), [RANGE]) == []


def test_straight_quotes_quote_as_curly_ones_do():
    # a report typed half-width quotes with "…": what is inside keeps its own marks and figures
    text = REVIEW + '开展"3-6岁儿童社区融入计划"项目，新增1—2个站点，以"城畔山水?花漾罗湖"为主题。\n'
    assert places(text, RANGE) == []
    assert places(text, "proofreading.lost_character", 2) == ["山水?花漾"]
