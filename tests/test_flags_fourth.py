"""False alarms read on a fourth set of report openings nobody had tuned on: each class in a
small report written for it, with the same report changed to show that the rule still fires
where it should."""

from __future__ import annotations

from reviewer.document import parse_text
from reviewer.flags import run_flags

ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件，行政复议案件2件。"
BODY = ("2024年，青石镇扎实推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n"
        + ACCOUNT * 3 + "\n")
TITLE = "青石镇人民政府2024年度法治政府建设情况报告\n"


def rules_hit(text: str, rule_id: str) -> list[str]:
    doc = parse_text(text, "t.txt")
    return [doc.text[f.start:f.end] for f in run_flags(doc, [rule_id])]


def test_a_page_date_beside_its_view_count_dates_the_report():
    # the page's metadata line carries the view count after the date, or opens with it
    after = TITLE + "发布时间：2025年03月20日 10:12　来源：县司法局　浏览次数：\n" + BODY
    before = TITLE + "浏览：318次　时间：2025-03-20　来源：本站\n" + BODY
    assert rules_hit(after, "timeliness.no_date") == []
    assert rules_hit(before, "timeliness.no_date") == []
    assert parse_text(before, "t.txt").metadata["date_published"].value.startswith("2025-03-20")
    # the view count alone dates nothing
    assert rules_hit(TITLE + "浏览次数：5072\n" + BODY, "timeliness.no_date") != []


def test_a_page_stamp_with_its_site_name_is_chrome_not_report_text():
    # a document-sharing page's line: its date and time, its name, its reading options
    stamp = "2025-03-20 10:12:15   某某文档网     [ 字体: ] [ 阅读: ]\n"
    doc = parse_text(TITLE + stamp + BODY, "t.txt")
    assert "文档网" not in doc.text
    assert doc.metadata["date_published"].value.startswith("2025-03-20")
    assert rules_hit(TITLE + stamp + BODY, "proofreading.stray_space") == []
    # the same spaces inside the report's text are still a slip
    assert rules_hit(TITLE + BODY + "全年办结案件 12件，群众满意。\n", "proofreading.stray_space") != []


def test_a_topic_expected_since_a_year_is_not_asked_of_a_report_of_no_known_year():
    # a template's years written 20xx: 习近平法治思想 (named late in 2020) may postdate it
    undated = ("我镇对20xx年法治政府建设情况进行了自查，现报告如下：\n一、落实领导班子集体学法\n"
               + ACCOUNT * 3 + "\n")
    topics = [f.message for f in run_flags(parse_text(undated, "t.txt"), ["content.missing_topic"])]
    assert not any("习近平法治思想" in m for m in topics)
    assert any("合法性审查" in m for m in topics)  # a topic asked of every year still is
    dated = undated.replace("20xx", "2024")
    topics = [f.message for f in run_flags(parse_text(dated, "t.txt"), ["content.missing_topic"])]
    assert any("习近平法治思想" in m for m in topics)


def test_the_heading_of_the_year_s_account_naming_another_year_is_told():
    report = ("青石街道2024年法治政府建设年度报告\n2024年，青石街道扎实推进依法行政。现将有关情况报告如下：\n"
              "一、2023年推进依法行政有关情况\n" + ACCOUNT * 3 + "\n")
    assert rules_hit(report, "structure.review_year") == ["2023"]
    # the year reviewed, a start (2021年以来) or a span in the heading is no slip
    for heading in ("一、2024年推进依法行政有关情况", "一、2021年以来推进依法行政有关情况",
                    "一、2021—2024年推进依法行政有关情况"):
        assert rules_hit(report.replace("一、2023年推进依法行政有关情况", heading),
                         "structure.review_year") == [], heading
    # nor where the report's year is only guessed (no title)
    untitled = report.split("\n", 1)[1]
    assert rules_hit(untitled, "structure.review_year") == []


def test_a_year_called_the_year_of_an_event_held_in_another_is_told():
    review = ("2022年青石县政府工作报告\n各位代表：\n一、2021年工作回顾\n2021年是十九届五中全会召开"
              "之年，青石发展再上台阶。" + ACCOUNT * 2 + "\n")
    assert rules_hit(review, "timeliness.event_year") == ["2021"]
    # the event's own year is no slip, nor a year merely near the event's name
    assert rules_hit(review.replace("2021年是十九届", "2020年是十九届"), "timeliness.event_year") == []
    near = review.replace("2021年是十九届五中全会召开之年", "2021年是落实十九届五中全会部署的起步之年")
    assert rules_hit(near, "timeliness.event_year") == []


def test_a_space_between_two_issuing_bodies_named_side_by_side_is_no_slip():
    joint = ("中共青石县委 青石县人民政府关于2024年法治政府建设情况的报告\n中共青石县委　青石县人民政府\n"
             + BODY)
    assert rules_hit(joint, "proofreading.stray_space") == []
    # a space after a body's name inside a sentence is still a slip, and so is one in a title
    # whose second half names no body
    assert rules_hit(joint + "县委 县政府高度重视法治建设。\n", "proofreading.stray_space") == ["委 县"]
    odd = joint.replace("中共青石县委 青石县人民政府关于", "中共青石县委 关于")
    assert rules_hit(odd, "proofreading.stray_space") == ["委 关"]


def test_a_national_plan_cited_with_a_period_it_was_not_issued_for_is_told():
    report = (TITLE + "2024年，青石镇紧扣《法治政府建设实施纲要（2022—2025年）》要求推进依法行政。\n"
              "一、主要举措和成效\n" + ACCOUNT * 3 + "\n")
    assert rules_hit(report, "timeliness.plan_period") == ["2022—2025"]
    # either of the plan's own periods, and a place's own plan of that name, are no slip
    for right in ("《法治政府建设实施纲要（2021—2025年）》", "《法治政府建设实施纲要(2015-2020年)》",
                  "《某某省法治政府建设实施纲要（2022—2025年）》"):
        assert rules_hit(report.replace("《法治政府建设实施纲要（2022—2025年）》", right),
                         "timeliness.plan_period") == [], right


def test_a_year_called_the_deciding_year_of_a_goal_won_in_another_is_told():
    review = ("2023年青石镇政府工作报告\n各位代表：\n一、2022年工作回顾\n2022年是我们全面建设小康社会的决胜"
              "之年，青石发展再上台阶。" + ACCOUNT * 2 + "\n")
    assert rules_hit(review, "timeliness.milestone_year") == ["2022"]
    for right in ("2020年是全面建成小康社会决胜之年", "2021年是“十四五”开局之年",
                  "2022年是决胜全面建成小康社会的关键之年"):
        text = review.replace("2022年是我们全面建设小康社会的决胜之年", right)
        assert rules_hit(text, "timeliness.milestone_year") == [], right
    opening = review.replace("2022年是我们全面建设小康社会的决胜之年", "2022年是“十四五”开局之年")
    assert rules_hit(opening, "timeliness.milestone_year") == ["2022"]


def test_a_paragraph_of_the_review_opening_with_an_earlier_year_is_told():
    review = ("2023年青石镇政府工作报告\n各位代表：\n一、2022年工作回顾\n2022年，青石发展再上台阶。"
              + ACCOUNT * 2 + "\n2019年，我镇完成了全镇公路硬化项目一期工程。" + ACCOUNT + "\n"
              "二、2023年工作安排\n2023年，我们将继续推进公路建设，完成二期工程。\n")
    assert rules_hit(review, "structure.review_old_year") == ["2019"]
    # the year before, a start or a span are no slip, nor an earlier year inside a sentence
    for right in ("2021年，", "2019年以来，", "2019—2022年，", "这一年，与2019年相比，"):
        assert rules_hit(review.replace("2019年，", right), "structure.review_old_year") == [], right
    # an earlier year in the plan part is not the review's; a year guessed from
    # the text alone (no title, no year in the headings) is no ground
    moved = review.replace("2023年，我们将", "2019年，我们曾")
    assert rules_hit(moved.replace("\n2019年，我镇", "\n这一年，我镇"), "structure.review_old_year") == []
    untitled = review.split("\n", 1)[1].replace("2022年工作回顾", "工作回顾").replace("2023年工作安排", "工作安排")
    assert rules_hit(untitled, "structure.review_old_year") == []
