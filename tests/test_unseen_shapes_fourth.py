"""Shapes met on a fourth set of report openings nobody had tuned on (street, township, county,
department and city rule-of-law reports, county and district work reports): each class in a
small report written for it, with the same report changed to show where the rule still holds."""

from __future__ import annotations

from reviewer.document import parse_text

REVIEW = ("全年地区生产总值增长5.2%，新建农村公路46公里，新增城镇就业2100人，"
          "完成年度目标任务。")


def tops(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.heading.start:s.heading.end], s.kind) for s in doc.sections]


def test_a_contents_list_above_the_title_is_no_part_of_the_report():
    # a saved page lists the report's parts (and the plan's groups) before its title
    contents = "一、2024年工作回顾\n二、2025年工作安排\n（一）抓实项目建设\n（二）抓实乡村振兴\n三、加强政府自身建设\n"
    report = ("2025年青石县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
              "一、2024年工作回顾\n过去的一年，" + REVIEW * 3 + "\n二、2025年工作安排\n"
              "2025年，我们将继续扩大有效投资，新建农村公路40公里。\n")
    doc = parse_text(contents + report, "t.txt")
    assert doc.metadata["title"].value == "2025年青石县政府工作报告"
    assert [k for _, k in tops(doc)] == ["achievements", "plan"]
    assert doc.sections[0].heading.start > doc.metadata["title"].start
    assert doc.year_reviewed == 2024
    # the plan's groups listed alone, the review's heading unnumbered in the report
    groups = "一、抓实项目建设\n二、抓实乡村振兴\n三、抓实民生保障\n"
    plain = parse_text(groups + "2025年青石县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告"
                       "工作，请予审议。\n2024年工作回顾\n" + REVIEW * 3 + "\n", "t.txt")
    assert [k for _, k in tops(plain)] == ["achievements"]
    assert tops(plain)[0][0] == "2024年工作回顾"
    # numbered lines with no title after them are the report's own parts (no title at all)
    untitled = parse_text("一、主要工作\n（一）健全工作机制\n（二）规范行政执法\n" + REVIEW * 3 + "\n",
                          "t.txt")
    assert tops(untitled)[0][0] == "一、主要工作"


ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件。"


def test_a_preface_announcing_a_summary_names_the_year_reviewed():
    # no title; the preface cites a plan with its years, then sums up the year's work
    text = ("根据《法治建设规划（2021—2025年）》的要求，2024年，青石街道扎实推进依法行政。现将2024年"
            "工作总结如下：\n一、主要举措和成效\n" + ACCOUNT * 3 + "\n")
    assert parse_text(text, "t.txt").year_reviewed == 2024
    # a cited plan's years alone name no year reviewed
    cited = ("根据《法治建设规划（2021—2025年）》的要求，青石街道扎实推进依法行政。现将有关工作总结如下：\n"
             "一、主要举措和成效\n" + ACCOUNT * 3 + "\n")
    assert parse_text(cited, "t.txt").year_reviewed != 2021


def test_a_title_run_into_the_opening_on_one_line_gives_the_year():
    # a document-sharing page: banner, title and preface on one long line
    flat = ("资料分享网每日更新青石县人民政府关于2024年度法治政府建设情况的报告2024年，县政府坚持依法行政，"
            "法治政府建设取得新成效。一、坚持党的领导，扛牢法治建设责任" + ACCOUNT * 6)
    assert parse_text(flat, "t.txt").year_reviewed == 2024
    # a year inside the first sentence, after no title, is no opening
    later = ("资料分享网每日更新青石县坚持依法行政，自2019年，法治政府建设取得新成效。一、坚持党的领导，"
             "扛牢法治建设责任" + ACCOUNT * 6)
    assert parse_text(later, "t.txt").year_reviewed != 2019


def test_a_heading_run_into_the_last_line_where_the_page_cuts_off_is_found():
    # a document-sharing page: the whole report on one line, cut off inside its third part
    account = "我镇组织领导班子集体学法4次，开展专题讲座2场，化解矛盾纠纷31件。"
    flat = ("青石镇法治政府建设自查报告现报告如下：一、落实领导班子集体学法" + account * 3
            + "二、履行行政机关负责人出庭应诉义务" + account * 3
            + "三、落实行政执法与刑事司法衔接制度依据县行政执法")
    doc = parse_text(flat, "t.txt")
    heads = [doc.text[s.heading.title_start:s.heading.end] for s in doc.sections]
    assert len(heads) == 3 and heads[2].startswith("落实行政执法与刑事司法衔接制度")
    # a number out of order at the cut is no heading; nor one where the page goes on past a mark
    skipped = parse_text(flat.replace("三、落实行政执法", "五、落实行政执法"), "t.txt")
    assert len(skipped.sections) == 2
    longer = parse_text(flat + "的规定" + "，逐条落实" * 20, "t.txt")
    assert len(longer.sections) == 3
    assert longer.text[longer.sections[2].heading.title_start:longer.sections[2].heading.end] == (
        "落实行政执法与刑事司法衔接制度依据县行政执法的规定")
