"""The outline on shapes of report openings met on township, county and department reports
that the corpus does not have: each class in a small report written for it."""

from __future__ import annotations

from reviewer.document import parse_text

FAZHI_TITLE = "青石镇人民政府关于2023年度法治政府建设情况的报告\n"
FAZHI_PREFACE = ("2023年，青石镇坚持以习近平法治思想为指导，扎实推进依法行政。"
                 "现将我镇2023年度法治政府建设情况报告如下：\n")
# an account as rule-of-law reports write it: no 了, the object brought forward with 将, and
# 重要 / 主要 everywhere
THEMATIC_ACCOUNT = ("镇党委将法治建设纳入重要议事日程，主要领导亲自部署、亲自督办，"
                    "将法治建设和中心工作同部署、同推进，确保责任落实，整体推动各项工作。\n")
COUNTED_ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件，已完成年度任务。\n"
PLAN = "下一步，我镇将继续加强法治宣传，着力提升依法行政水平，确保各项任务落到实处。\n"


def test_thematic_parts_of_a_rule_of_law_report_are_its_account_of_the_year():
    doc = parse_text(FAZHI_TITLE + FAZHI_PREFACE + "一、强化组织领导，夯实法治基础\n"
                     + THEMATIC_ACCOUNT + "二、健全制度机制，规范权力运行\n" + THEMATIC_ACCOUNT
                     + COUNTED_ACCOUNT, "t.txt")
    assert doc.genre == "fazhi"
    assert [(s.kind, s.period) for s in doc.sections] == [("achievements", "year")] * 2


def test_a_thematic_part_after_the_problems_is_still_read_by_its_content():
    doc = parse_text(FAZHI_TITLE + FAZHI_PREFACE + "一、强化组织领导，夯实法治基础\n"
                     + THEMATIC_ACCOUNT + COUNTED_ACCOUNT + "二、存在的问题\n"
                     + "法治宣传的针对性还不够强，执法队伍力量仍有不足。\n"
                     + "三、压实工作责任，提升法治水平\n" + PLAN * 2, "t.txt")
    assert [s.kind for s in doc.sections] == ["achievements", "shortcomings", "plan"]


def test_an_object_brought_forward_is_no_promise_but_a_promise_still_looks_ahead():
    from reviewer.profiles import get_profile

    rules = get_profile("fazhi").rules
    for done in ("将法治建设纳入考核", "主要领导带头", "作为重要内容", "纲要要求", "共召开会议3次",
                 "开展学法4次", "已完成84项", "截至目前"):
        assert not rules.future.search(done), done
    assert all(rules.past.search(d) for d in ("共召开会议3次", "开展学法4次", "已完成84项"))
    for ahead in ("我们将继续推进", "将进一步完善", "要加快建设", "确保完成", "预计全年可完成100亿元"):
        assert rules.future.search(ahead), ahead


def test_the_regulations_words_for_the_account_are_no_plan_though_they_name_the_year():
    doc = parse_text(FAZHI_TITLE + FAZHI_PREFACE + "一、2023年法治政府建设主要举措和成效\n"
                     + COUNTED_ACCOUNT * 2, "t.txt")
    assert doc.sections[0].kinds == ("achievements",)
    plan = parse_text(FAZHI_TITLE + FAZHI_PREFACE + "一、2023年主要成效\n" + COUNTED_ACCOUNT
                      + "二、2024年工作举措\n" + PLAN, "t.txt")
    assert [s.kind for s in plan.sections] == ["achievements", "plan"]


def test_a_sites_clock_and_reading_options_are_page_chrome_not_the_reports_date():
    page = ("今天是：2019年10月31日 星期三 农历十月初七\n"
            "青石县人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n下载本页 打印\n")
    doc = parse_text(page + FAZHI_TITLE + FAZHI_PREFACE + "一、主要举措和成效\n"
                     + "深入学习贯彻党的二十大精神。" + COUNTED_ACCOUNT, "t.txt")
    assert doc.text.startswith(FAZHI_TITLE)
    assert {c.rule for c in doc.changes} == {"widget"}
    from reviewer.flags import run_flags

    assert not [f for f in run_flags(doc) if f.rule in ("timeliness.anachronism",
                                                          "proofreading.stray_space")]


def test_a_saved_pages_column_name_gives_way_to_the_title_the_page_repeats():
    doc = parse_text("工作报告\n2023年青石县法治政府建设情况报告\n文章来源：司法局\n"
                     "2023年青石县法治政府建设情况报告\n" + FAZHI_PREFACE, "t.txt")
    assert doc.title == "2023年青石县法治政府建设情况报告"
    noted = parse_text("青石县2024年政府工作报告(20231223)\n青石县2024年政府工作报告\n各位代表：\n"
                       "现在，我代表县人民政府向大会报告工作。\n", "t.txt")
    assert noted.title == "青石县2024年政府工作报告"


def test_a_title_under_its_issuers_line_and_a_title_set_with_spaces():
    doc = parse_text("青石县人民政府\n2023年度法治政府建设情况报告\n" + FAZHI_PREFACE, "t.txt")
    assert doc.title == "青石县人民政府2023年度法治政府建设情况报告"
    spaced = parse_text("政 府 工 作 报 告\n——2024年1月10日在青石县第十八届人民代表大会第三次会议上\n"
                        "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n"
                        "全县地区生产总值增长5%。\n", "t.txt")
    assert spaced.title == "政 府 工 作 报 告" and spaced.genre == "gongzuo"


def test_the_genre_is_read_below_lines_that_say_nothing_of_it():
    chrome = "".join(f"栏目{i}\n" for i in range(10))
    doc = parse_text(chrome + "2024年青石县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
                     "一、2023年工作回顾\n全县地区生产总值增长5%。\n", "t.txt")
    assert doc.genre == "gongzuo"


def test_a_pages_breadcrumb_and_article_lines_are_no_report_text():
    doc = parse_text("您所在的位置:政务公开 > 工作报告\n2023年青石县法治政府建设情况报告\n"
                     "文章来源：司法局 更新时间：2024/03/29 11:30:01\n" + FAZHI_PREFACE, "t.txt")
    assert doc.text.startswith("2023年青石县法治政府建设情况报告\n2023年，")
    assert doc.metadata["source"].value.startswith("司法局")
