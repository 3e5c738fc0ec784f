"""The outline of reports whose layout was lost on the way (pasted from Word or a web page, the
numbering gone, a heading run into its paragraph): each rule on a small report of its own."""

from __future__ import annotations

from reviewer.document import parse_text
from reviewer.flags import run_flags

_REVIEW = ("2024年，全区地区生产总值增长6%，完成固定资产投资120亿元，新增就业岗位3000个。"
           "我们建成学校4所，改造老旧小区12个，获评国家卫生区。")
_PLAN = ("今年要加快推进产业升级，将新建学校3所，着力改善营商环境，推动重点项目建设，"
         "要抓好民生实事，加快补齐短板。")
_ADMIT = "在肯定成绩的同时，我们也清醒看到，工作中还存在一些问题和不足：产业基础不够牢固，民生短板有待补齐。"


def _titles(doc) -> list[str]:
    return [s.heading.title for s in doc.sections]


def test_a_group_heading_with_a_comma_keeps_its_line():
    text = ("2025年工作安排\n" + _PLAN + "\n加大宏观政策实施力度，着力稳企业保就业保民生\n"
            "保障就业和民生，必须稳住上亿市场主体，尽力帮助企业渡过难关。\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert "\n加大宏观政策实施力度，着力稳企业保就业保民生\n" in doc.text


def test_a_short_line_across_a_page_number_is_still_joined():
    text = ("2025年工作安排\n" + _PLAN + "\n我们要坚持稳中求进，推动高质量发展取得新突破，推动\n- 3 -\n经济持续回升向好。\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert "推动经济持续回升向好" in doc.text


def test_a_heading_run_in_ends_after_its_heading_words():
    text = ("2024年工作回顾\n" + _REVIEW + "\n"
            "2025年工作安排今年政府工作的总体要求是：" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert _titles(doc) == ["2024年工作回顾", "2025年工作安排"]
    assert doc.sections[1].kind == "plan"


def test_a_paragraph_opening_with_heading_words_is_no_heading():
    text = ("2024年工作回顾\n" + _REVIEW + "\n2025年工作安排\n"
            "今年政府工作的总体要求是：" + _PLAN + "\n镇主要负责人认真履行第一责任人职责，" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert _titles(doc) == ["2024年工作回顾", "2025年工作安排"]


def test_a_long_numbered_heading_on_its_own_line_keeps_its_title():
    title = "2025年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况"
    text = ("一、2025年度法治政府建设主要举措和成效\n" + _REVIEW + "\n二、" + title + "\n"
            + _REVIEW + "\n")
    doc = parse_text(text, "t.txt", genre="fazhi")
    assert doc.sections[1].heading.title == title


def test_a_line_after_the_reviews_admission_opens_a_part():
    text = ("2024年工作回顾\n" + _REVIEW + "\n" + _ADMIT + "\n"
            "站在新起点，把握新机遇，全面推进振兴发展\n" + _PLAN + "\n2025年主要工作\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert _titles(doc) == ["2024年工作回顾", "站在新起点，把握新机遇，全面推进振兴发展",
                            "2025年主要工作"]
    assert doc.sections[0].kind == "achievements"
    assert doc.sections[1].kind != "achievements"


def test_parts_numbered_from_2_after_a_lost_first_heading():
    text = ("各位代表！一年来，" + _REVIEW + "\n" + _ADMIT + "\n2.2025年重点工作安排\n" + _PLAN
            + "\n（一）坚持创新驱动\n" + _PLAN + "\n（二）坚持绿色发展\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert [s.heading.style for s in doc.sections] == ["lead", "arabic"]
    assert doc.sections[1].heading.title == "2025年重点工作安排"
    assert doc.plan_year == 2025 and doc.year_reviewed == 2024


def test_a_title_split_before_guanyu():
    text = ("柏香镇人民政府\n关于2024年法治政府建设情况的报告\n" + "一、2024年法治政府建设主要举措和成效\n"
            + _REVIEW + "\n")
    doc = parse_text(text, "t.txt", genre="fazhi")
    assert doc.title == "柏香镇人民政府关于2024年法治政府建设情况的报告"


def test_a_delivery_line_is_no_title():
    text = ("2025年1月14日在某省第十四届人民代表大会第三次会议上某省省长作政府工作报告\n各位代表：\n"
            "一、2024年工作回顾\n" + _REVIEW + "\n二、2025年工作安排\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert doc.title == ""


def test_a_picture_link_under_the_attachments_is_a_part():
    text = ("一、2024年工作回顾\n" + _REVIEW + "\n二、2025年工作安排\n" + _PLAN
            + "\n附件：\n图解\n一图读懂 | 2025年某区政府工作报告\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    kinds = {s.heading.title: s.kind for s in doc.sections}
    assert kinds["附件："] == "appendix" and kinds["图解"] == "other"


def test_a_plan_without_groups_whose_opening_states_targets():
    text = ("2024年工作回顾\n" + _REVIEW + "\n2025年主要工作\n"
            "今年政府工作的总体要求是：坚持稳中求进。主要预期目标是：地区生产总值增长5%左右。\n"
            + _PLAN + "\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert set(doc.sections[1].kinds) == {"plan", "targets"}


def test_a_salutation_after_the_opening_formula_is_the_reviews_own():
    # the first 各位代表： ran into a photo caption; the one that counts is the opening formula's
    text = ("2025年某省政府工作报告\n记者 摄各位代表：\n现在，我代表省人民政府，向大会作政府工作报告，请予审议。\n"
            "2024年工作回顾\n" + _REVIEW + "\n一是稳增长。" + _REVIEW + "\n各位代表！\n" + _REVIEW
            + "\n2025年工作安排\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert _titles(doc)[:1] == ["2024年工作回顾"]
    assert doc.sections[0].kind == "achievements"
    # the year's figures before the first group belong to the review
    at = doc.text.index("全区地区生产总值")
    assert doc.section_at(at)[0] is doc.sections[0]


def test_a_sentence_saying_what_the_year_is_opens_the_plans_introduction():
    groups = "".join(f"{head}。{_PLAN}\n" for head in
                     ("深入实施湾区通工程", "做强重大合作平台", "推动两岸融合发展", "健全强县促镇机制"))
    text = ("2024年工作回顾\n" + _REVIEW + "\n2025年工作安排\n"
            "2025年是十四五规划收官之年。政府工作总体要求是：坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，"
            "加快构建新发展格局，着力推动高质量发展。\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业110万人以上。\n"
            + groups + "附件\n名词解释\n1.湾区通：指规则衔接。\n2.四新：新技术、新产业。\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert doc.sections[1].heading.title == "2025年工作安排"
    assert "targets" in doc.sections[1].kinds


def test_a_list_item_run_into_its_group_heading_is_a_heading_of_its_own():
    text = ("一、2024年工作回顾\n（一）稳增长1.地区生产总值增长6%，完成固定资产投资120亿元。\n"
            "2.新增就业岗位3000个，建成学校4所。\n（二）促转型3.改造老旧小区12个，获评国家卫生区。\n"
            "4.建成学校4所，改造老旧小区12个。\n二、2025年工作安排\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    groups = doc.sections[0].children
    assert [g.heading.title for g in groups] == ["稳增长", "促转型"]
    assert [c.heading.number for g in groups for c in g.children] == [1, 2, 3, 4]
    assert not [f for f in run_flags(doc) if f.rule == "structure.numbering"]


def test_a_number_inside_a_heading_with_no_list_going_on_is_left_alone():
    # (no paragraph numbered 2 after it: 1. is no item of a list)
    text = ("一、2024年工作回顾\n（一）稳增长1.5倍的投资带动经济回升。\n" + _REVIEW
            + "\n二、2025年工作安排\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert [c.heading.style for c in doc.sections[0].children] == ["cn_paren"]


def test_prose_before_an_unnumbered_plan_is_a_part_whose_heading_was_lost():
    # a file starting inside its review, the parts' numbering lost
    text = ("各位代表！一年来，" + _REVIEW + "\n" + _ADMIT + "\n2025年重点工作安排\n" + _PLAN + "\n"
            + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert [s.heading.style for s in doc.sections] == ["lead", "plain"]
    assert doc.sections[0].kind == "achievements"


def test_lines_standing_as_headings_before_an_unnumbered_plan_make_no_lead():
    # the parts and groups before it were not read: no one part of them is made up
    text = ("坚决落实第一责任人职责，大力加强法治政府建设\n加强组织领导\n" + _REVIEW + "\n"
            "坚持依法行政\n" + _REVIEW + "\n下阶段工作措施\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="fazhi")
    assert "lead" not in [s.heading.style for s in doc.sections]


def test_a_numeral_in_a_heading_s_words_is_no_item_of_a_list_above_it():
    # 统一、高效 inside a 二是 read with half-width stops: 一、 would number a part, not an item
    text = ("一、2024年工作回顾\n一是生态文明改革起步扎实.被确定为改革试验区." + _REVIEW + "\n"
            "二是行政管理体制改革加快推进.遵循精简、统一、高效原则,进一步梳理职权事权." + _REVIEW + "\n"
            "二、2025年工作安排\n" + _PLAN + "\n")
    doc = parse_text(text, "t.txt", genre="gongzuo")
    assert _titles(doc) == ["2024年工作回顾", "2025年工作安排"]
