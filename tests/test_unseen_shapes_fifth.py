"""Shapes met on a fifth set of reports nobody had tuned on (street, township, county, city and
department rule-of-law reports, principals' 述法 reports, work reports of every level): each
class in a small report written for it, with the same report changed to show where the rule
still holds."""

from __future__ import annotations

from reviewer.document import parse_text

ACCOUNT = "全年共召开专题会议5次，开展集中学法6次，化解矛盾纠纷42件，审查合同协议18份。"
PROBLEMS = "一是干部法治意识有待增强；二是执法力量较为薄弱。"
PLAN = "一是开展学法活动不少于4次；二是组织执法培训2期。"


def kinds(doc) -> list[str]:
    return ["+".join(sorted(s.kinds)) for s in doc.sections]


def test_a_year_written_in_chinese_numerals_is_the_year_it_names():
    report = ("青石街道关于二〇二四年度法治政府建设情况的报告\n二〇二四年，青石街道扎实推进依法行政。\n"
              "一、主要举措和成效\n" + ACCOUNT * 3 + "\n二、存在的不足\n" + PROBLEMS + "\n")
    doc = parse_text(report, "t.txt")
    assert (doc.year_reviewed, doc.plan_year) == (2024, 2025)
    # a work report with no year in its title: its headings' years in numerals
    work = parse_text("青石镇人民政府工作报告\n各位代表：\n一、二〇二三年工作回顾\n" + ACCOUNT * 3
                      + "\n二、二〇二四年工作安排\n" + PLAN + "\n", "t.txt")
    assert (work.year_reviewed, work.plan_year) == (2023, 2024)
    # numerals that are no year (二十三年来, 一二九运动) name none
    plain = report.replace("二〇二四年度", "").replace("二〇二四年，", "二十三年来，")
    assert parse_text(plain, "t.txt").year_reviewed is None


def test_a_title_naming_the_report_a_summary_is_its_title():
    body = ("2025年，青石街道扎实推进依法行政。现将有关情况总结如下：\n一、2025年工作开展情况\n"
            + ACCOUNT * 3 + "\n二、存在的问题\n" + PROBLEMS + "\n三、下一步工作打算\n" + PLAN + "\n")
    doc = parse_text("青石街道2025年度法治政府建设工作总结\n" + body, "t.txt")
    assert doc.title == "青石街道2025年度法治政府建设工作总结"
    assert kinds(doc) == ["achievements", "shortcomings", "plan"]
    # a line naming a summary but not ending with the word is no title
    other = parse_text("青石街道2025年度工作总结和经验\n" + body, "t.txt")
    assert other.title == ""


def test_a_duty_of_the_rule_of_law_is_named_by_the_rule_of_law_and_the_job_s_duties_are_work():
    annual = ("青石县水利局2024年法治政府建设年度报告\n一、依法履行岗位职责情况\n" + ACCOUNT * 3
              + "\n二、局长履行推进法治建设职责情况\n" + ACCOUNT + "\n三、存在的问题\n" + PROBLEMS
              + "\n四、下一步打算\n" + PLAN + "\n")
    doc = parse_text(annual, "t.txt")
    assert kinds(doc) == ["achievements", "responsibility", "shortcomings", "plan"]
    assert not doc.duty_report
    # a principal's 述法 report is one, its account the duty throughout
    shufa = parse_text(annual.replace("青石县水利局2024年法治政府建设年度报告", "青石县水利局局长2024年度述法报告"),
                       "t.txt")
    assert shufa.duty_report
    assert kinds(shufa)[:2] == ["responsibility", "responsibility"]


def test_a_duty_reports_way_forward_and_a_work_reports_closing_part_are_plans():
    shufa = parse_text("青石镇党委书记2025年度述法报告\n一、履职情况\n" + ACCOUNT * 3 + "\n二、存在的不足\n"
                       + PROBLEMS + "\n三、今后努力方向\n下一步，本人将继续带头学法用法。\n", "t.txt")
    assert kinds(shufa) == ["responsibility", "shortcomings", "plan"]
    work = parse_text("2025年青石县政府工作报告\n各位代表：\n一、2024年工作回顾\n" + ACCOUNT * 3
                      + "\n二、2025年工作安排\n" + PLAN + "\n三、建设人民满意的政府\n"
                      "我们将坚持依法行政，持续改进作风。\n", "t.txt")
    assert kinds(work)[-1] == "plan"
    # the government's account of itself inside the review is still the review's
    assert "plan" not in kinds(parse_text(
        "2025年青石县政府工作报告\n各位代表：\n一、2024年工作回顾\n（一）建设人民满意的政府\n" + ACCOUNT * 3
        + "\n", "t.txt"))


def test_the_targets_a_cited_plan_set_are_no_targets_of_the_report():
    report = ("青石市人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n" + ACCOUNT * 3
              + "\n二、存在的不足\n" + PROBLEMS + "\n三、2025年工作安排\n")
    cited = parse_text(report + "2025年，市政府将对标“十四五”法治政府建设规划确定的目标任务，"
                       "重点抓好以下工作：" + PLAN + "\n", "t.txt")
    assert kinds(cited)[-1] == "plan"
    # targets the report states itself still join the plan
    own = parse_text(report + "2025年的目标任务是：行政复议调解和解率达到30%以上。重点抓好以下工作："
                     + PLAN + "\n", "t.txt")
    assert kinds(own)[-1] == "plan+targets"
