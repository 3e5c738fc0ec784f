"""Shapes met on a second set of report openings nobody had tuned on (department and township
rule-of-law reports, county and prefecture work reports): each class in a small report written
for it, with the same report changed to show where the rule still holds."""

from __future__ import annotations

from reviewer.document import parse_text
from reviewer.flags import run_flags

ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件，已完成年度任务。\n"
WORK_ACCOUNT = ("全年地区生产总值增长5.2%，一般公共预算收入完成8.1亿元，新建学校3所，"
                "城乡居民人均可支配收入分别增长4.9%、7.1%。\n")
SESSION = "——2024年1月10日在青石县第十八届人民代表大会第三次会议上\n"


def flagged(doc, rule_id: str) -> list[str]:
    return [doc.text[f.start:f.end] for f in run_flags(doc, [rule_id])]


def places(doc, rule_id: str) -> list[str]:
    return [doc.text[o.start:o.end] for f in run_flags(doc, [rule_id]) for o in f.occurrences]


def test_the_year_only_the_preface_announces_is_the_year_reviewed():
    # no title, no year in the headings: the preface's 现将…报告如下 names it, and the years of a
    # cited document's title or number are not the report's
    preface = ("根据《法治政府建设实施纲要（2021—2025年）》和县委依法治县办（青法办〔2025〕2号）"
               "要求，我局认真总结2024年法治政府建设工作，现将有关情况报告如下：\n")
    doc = parse_text(preface + "一、主要举措和成效\n" + ACCOUNT, "t.txt")
    assert (doc.year_reviewed, doc.plan_year) == (2024, 2025)
    street = parse_text("在区委的坚强领导下，我街道扎实推进依法行政。现将街道2023年度法治政府"
                        "建设工作情况报告如下。\n一、强化组织领导\n" + ACCOUNT, "t.txt")
    assert (street.year_reviewed, street.plan_year) == (2023, 2024)
    # a preface that announces no year of its own leaves the years to the other evidence
    cited_only = parse_text("根据《法治政府建设实施纲要（2021—2025年）》要求，现将有关情况报告如下：\n"
                            "一、强化组织领导\n镇党委将法治建设纳入重要议事日程。\n", "t.txt")
    assert cited_only.year_reviewed != 2021


def test_a_review_of_the_governments_term_is_about_the_five_years_too():
    doc = parse_text("政府工作报告\n" + SESSION + "各位代表：\n"
                     + "一、2023年及十七届县人民政府工作回顾\n" + WORK_ACCOUNT * 2, "t.txt")
    assert (doc.sections[0].kind, doc.sections[0].period) == ("achievements", "mixed")
    year = parse_text("政府工作报告\n" + SESSION + "各位代表：\n"
                      + "一、2023年工作回顾\n" + WORK_ACCOUNT * 2, "t.txt")
    assert year.sections[0].period == "year"


def test_socialism_with_chinese_characteristics_is_no_highlights_heading():
    title = "青石市人民政府关于2023年度法治政府建设情况的报告\n"
    doc = parse_text(title + "一、以习近平新时代中国特色社会主义思想为指引，推动法治建设\n"
                     + ACCOUNT * 2, "t.txt")
    assert doc.sections[0].kinds != ("highlights",)
    own = parse_text(title + "一、主要举措和成效\n" + ACCOUNT + "二、特色做法\n" + ACCOUNT, "t.txt")
    assert own.sections[1].kinds == ("highlights",)


def test_a_letter_spaced_title_and_a_bylines_name_are_typesetting_not_stray_spaces():
    doc = parse_text("政 府 工 作 报 告\n" + SESSION + "青石县人民政府县长 林 坤\n"
                     + "代旗长 双宝\n各位代表：\n一、2023年工作回顾\n" + WORK_ACCOUNT * 2, "t.txt")
    assert places(doc, "proofreading.stray_space") == []
    slip = parse_text("政 府 工 作 报 告\n" + SESSION + "各位代表：\n一、2023年工作回顾\n"
                      + WORK_ACCOUNT.replace("新建学校", "新建 学校") * 2, "t.txt")
    assert places(slip, "proofreading.stray_space") == ["建 学"] * 2


def test_a_department_named_before_the_titles_year_is_the_issuer():
    for title in ("青石市市场监管局2022年法治政府建设年度报告", "青石省卫生健康委关于2023年度法治政府建设情况的报告",
                  "青石县教育局 2025年法治政府建设年度报告"):
        doc = parse_text(title + "\n一、主要举措和成效\n" + ACCOUNT, "t.txt")
        assert flagged(doc, "structure.no_issuer") == [], title
    # a title naming only the town still names no issuing body
    town = parse_text("青石镇2024年度法治政府建设情况报告\n一、主要举措和成效\n" + ACCOUNT, "t.txt")
    assert flagged(town, "structure.no_issuer") != []


def test_a_breadcrumb_saying_where_you_are_is_page_chrome():
    page = "会员登录\n您现在的位置是: 首页 > 专题材料 > 政府报告\n|\n"
    doc = parse_text(page + "青石镇人民政府关于2023年度法治政府建设情况的报告\n"
                     + "一、主要举措和成效\n" + ACCOUNT, "t.txt")
    assert doc.title == "青石镇人民政府关于2023年度法治政府建设情况的报告"
    assert "您现在的位置" not in doc.text and "\n|\n" not in doc.text


def test_a_principals_duty_report_accounts_for_the_duty_throughout():
    account = ("我坚持会前学法制度，带头学法，全年主持召开党委会议专题研究法治建设4次，"
               "组织班子成员集中学法6次。\n")
    body = "一、工作情况\n" + account + "二、强化法治思维，增强法治意识\n" + account
    duty = parse_text("2024年度镇党委主要负责人履行推进法治建设第一责任人职责情况的报告\n" + body, "t.txt")
    assert [s.kind for s in duty.sections] == ["responsibility", "responsibility"]
    shufa = parse_text("青石镇镇长2024年述法报告\n" + body, "t.txt")
    assert [s.kind for s in shufa.sections] == ["responsibility", "responsibility"]
    # the same parts under a rule-of-law report's title are its account of the year
    annual = parse_text("青石镇人民政府关于2024年度法治政府建设情况的报告\n" + body, "t.txt")
    assert [s.kind for s in annual.sections] == ["achievements", "achievements"]
