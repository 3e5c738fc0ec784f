"""Section kinds from evidence, on small reports written for each class of structure: headings
that name a kind, years that decide, slogans read by their content, unnumbered and lost
headings, joined parts, periods, spans, the report's years and its title."""

from __future__ import annotations

from reviewer.cli import main
from reviewer.document import UNKNOWN, parse_text
from reviewer.flags import run_flags

OPENING = "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
REVIEW_BODY = ("过去一年，全区地区生产总值增长6.2%，同比提高1.1个百分点，累计新增企业1200家，"
               "建成学校8所，荣获全国文明城区称号，完成了年度目标任务。\n")
PLAN_BODY = ("今年要着力推动产业升级，力争新增企业1500家，确保完成各项任务，加快建设重点项目，"
             "将全力抓好民生实事。\n")
SHORTCOMINGS = ("同时，我们也清醒看到，发展中还存在不少问题和不足：产业结构不够优化，"
                "公共服务短板突出。我们将采取有力措施认真加以解决。\n")
THANKS = ("这些成绩来之不易。在此，我代表区人民政府，向全区人民表示衷心的感谢！\n")
CLOSING = "各位代表！让我们团结一心，为建设美好家园而努力奋斗！\n"


def _kinds(doc):
    return [(s.title, s.kinds, s.period) for s in doc.sections]


def test_the_headings_year_decides_what_its_words_do_not():
    doc = parse_text(OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + "二、2025年主要工作\n"
                     + PLAN_BODY, "t.txt", "gongzuo")
    assert doc.year_reviewed == 2024 and doc.plan_year == 2025
    review, plan = doc.sections
    assert review.kind == "achievements" and review.reason == "heading: 工作回顾"
    assert plan.kind == "plan" and "heading year 2025 = plan year" in plan.reason
    assert review.period == plan.period == "year"


def test_slogan_headings_are_read_by_their_content():
    doc = parse_text(OPENING + "一、攻坚克难，稳中求进\n" + REVIEW_BODY * 2 + "二、乘势而上，勇毅前行\n"
                     + PLAN_BODY * 2 + "三、全面加强政府自身建设\n" + PLAN_BODY, "t.txt",
                     "gongzuo")
    kinds = [s.kind for s in doc.sections]
    assert kinds == ["achievements", "plan", "plan"]
    assert doc.sections[0].reason.startswith("content:") or "first" in doc.sections[0].reason
    assert "future-directed" in doc.sections[1].reason


def test_too_little_evidence_is_unknown_never_a_confident_guess():
    doc = parse_text(OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + "二、关于若干事项\n"
                     "有关情况另行报告。\n", "t.txt", "gongzuo")
    second = doc.sections[1]
    assert second.kind == UNKNOWN and second.reason.startswith("too little evidence")
    assert second.confidence < 0.5
    assert doc.missing_kinds() == ("plan",) and doc.unknown_sections() == [second]
    # the part may be the plan: no error claims that it is missing
    assert not [f for f in run_flags(doc) if f.rule == "structure.missing_section"]


def test_unnumbered_top_level_headings_carry_their_numbered_lists():
    doc = parse_text(OPENING + "2024年工作回顾\n" + REVIEW_BODY + "一、经济稳中有进\n" + REVIEW_BODY
                     + "二、民生持续改善\n" + REVIEW_BODY + "2025年工作安排\n" + PLAN_BODY
                     + "一、推动产业升级\n" + PLAN_BODY + "二、办好民生实事\n" + PLAN_BODY,
                     "t.txt", "gongzuo")
    assert [(s.title, s.kind, len(s.children)) for s in doc.sections] == [
        ("2024年工作回顾", "achievements", 2), ("2025年工作安排", "plan", 2)]


def test_parts_numbered_by_part():
    doc = parse_text(OPENING + "第一部分 2024年工作回顾\n" + REVIEW_BODY + "一、经济\n" + REVIEW_BODY
                     + "第二部分 2025年工作安排\n" + PLAN_BODY + "一、产业\n" + PLAN_BODY,
                     "t.txt", "gongzuo")
    assert [(s.heading.style, s.kind, len(s.children)) for s in doc.sections] == [
        ("cn_part", "achievements", 1), ("cn_part", "plan", 1)]


def test_a_report_whose_first_heading_was_lost_gets_a_lead_part():
    doc = parse_text(REVIEW_BODY * 2 + SHORTCOMINGS + "二、2025年工作安排\n" + PLAN_BODY,
                     "t.txt", "gongzuo")
    lead, plan = doc.sections
    assert lead.heading.style == "lead" and lead.start == 0 and lead.kind == "achievements"
    assert plan.kind == "plan" and plan.level == lead.level == 1
    assert doc.spans_of("shortcomings")


def test_appendices_after_the_report():
    doc = parse_text(OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + "二、2025年工作安排\n"
                     + PLAN_BODY + CLOSING + "附件1\n政府工作报告名词解释\n"
                     "1.“两重”：国家重大战略实施和重点领域安全能力建设。\n"
                     "2.“两新”：大规模设备更新和消费品以旧换新。\n图解\n一图读懂政府工作\n",
                     "t.txt", "gongzuo")
    assert [(s.title, s.kind) for s in doc.sections][2:] == [("附件1", "appendix"),
                                                           ("图解", "other")]
    glossary = doc.text.index("1.“两重”")
    assert doc.kind_at(glossary) == "appendix"


def test_a_part_joining_targets_and_the_plan_classifies_its_children():
    text = (OPENING + "一、2025年和“十四五”时期工作回顾\n" + REVIEW_BODY
            + "五年来，我们累计完成投资3000亿元，建成了一批重大项目。\n" * 2
            + "二、“十五五”时期主要目标任务和2026年工作安排\n"
            + "“十五五”时期的主要目标是：到2030年地区生产总值达到1万亿元左右。\n"
            + "（一）推动产业升级\n" + PLAN_BODY + "（二）办好民生实事\n" + PLAN_BODY)
    doc = parse_text(text, "t.txt", "gongzuo")
    assert doc.year_reviewed == 2025 and doc.plan_year == 2026
    review, joined = doc.sections
    assert review.period == "mixed"
    assert doc.period_at(text.index("过去一年")) == "year"
    assert doc.period_at(text.index("五年来")) == "five_year"
    assert all(not (a <= text.index("五年来") < b) for a, b in doc.review_spans())
    assert joined.kinds == ("targets", "plan") and joined.period == "mixed"
    assert [(c.kind, c.period) for c in joined.children] == [("plan", "year")] * 2
    assert [s.title for s in doc.plan_sections()] == [joined.title]


def test_a_plan_opening_with_its_targets_holds_both():
    text = (OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + "二、2025年工作安排\n"
            + "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
            + "（一）推动产业升级\n" + PLAN_BODY + "（二）办好民生实事\n" + PLAN_BODY)
    doc = parse_text(text, "t.txt", "gongzuo")
    plan = doc.sections[1]
    assert plan.kinds == ("plan", "targets") and "introduction states targets" in plan.reason
    assert doc.kind_at(text.index("主要预期目标")) == "targets"
    assert doc.kind_at(text.index("（一）推动")) == "plan"


def test_spans_of_a_review_and_the_closing_words():
    text = (OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + THANKS + SHORTCOMINGS
            + "二、2025年工作安排\n" + PLAN_BODY + CLOSING)
    doc = parse_text(text, "t.txt", "gongzuo")
    kinds = {sp.kind: text[sp.start:sp.end] for sp in doc.spans}
    assert kinds["shortcomings"] == SHORTCOMINGS.strip()
    assert kinds["thanks"].startswith("在此，我代表") and kinds["thanks"].endswith("感谢！")
    assert kinds["exhortation"] == CLOSING.strip()
    assert doc.kind_at(text.index("也清醒看到")) == "shortcomings"
    assert doc.kind_at(text.index("团结一心")) == "exhortation"
    for a, b in doc.review_spans():
        assert "清醒看到" not in text[a:b] and "衷心的感谢" not in text[a:b]


def test_the_years_come_from_the_congress_date_line():
    dated = "——2025年1月15日在某市第十四届人民代表大会第三次会议上\n"
    doc = parse_text(dated + OPENING + "一、工作回顾\n" + REVIEW_BODY, "t.txt", "gongzuo")
    assert (doc.year_reviewed, doc.plan_year, doc.year) == (2024, 2025, 2025)
    assert doc.metadata["plan_year"].source == "congress date"
    late = "——2016年10月20日在某区第七届人民代表大会第一次会议上\n"
    doc = parse_text(late + OPENING + "一、过去五年工作回顾\n" + REVIEW_BODY, "t.txt", "gongzuo")
    assert (doc.year_reviewed, doc.plan_year) == (2016, 2017)


def test_years_of_a_review_since_and_of_a_rule_of_law_report():
    doc = parse_text(OPENING + "一、2021年以来工作回顾\n" + REVIEW_BODY + "二、2022年工作安排\n"
                     + PLAN_BODY, "t.txt", "gongzuo")
    assert (doc.year_reviewed, doc.plan_year) == (2021, 2022)
    fazhi = parse_text("某镇2024年法治政府建设情况报告\n一、主要举措和成效\n" + REVIEW_BODY
                       + "二、存在的不足\n" + SHORTCOMINGS + "三、2025年工作计划\n" + PLAN_BODY,
                       "t.txt", "fazhi")
    assert (fazhi.year, fazhi.year_reviewed, fazhi.plan_year) == (2024, 2024, 2025)
    assert [s.kind for s in fazhi.sections] == ["achievements", "shortcomings", "plan"]


def test_a_report_without_title_lines_has_no_title_and_says_so(tmp_path, capsys):
    text = OPENING + "一、2024年工作回顾\n" + REVIEW_BODY + "二、2025年工作安排\n" + PLAN_BODY
    assert parse_text(text, "t.txt", "gongzuo").title == ""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["outline", str(path)]) == 0
    out = capsys.readouterr().out
    assert "标题: （无标题行）" in out
    assert "回顾年度: 2024" in out and "计划年度: 2025" in out
    assert "heading: 工作回顾" in out


def _five_year_review(year_paragraph: str) -> str:
    five = "五年来，我们累计完成投资3000亿元，建成了一批重大项目，地区生产总值年均增长7.1%。\n"
    return (OPENING.replace("报告工作", "报告过去五年工作") + "一、过去五年工作回顾\n" + five * 2
            + year_paragraph + five * 3 + "二、2025年工作安排\n" + PLAN_BODY * 2)


def test_the_year_reviewed_in_a_paragraph_of_a_five_year_review_is_the_years_account():
    """A review of five years (换届) gives the year reviewed a paragraph of its own: it is the
    year's account (its figures the year's actuals); the five-year figures stay out."""
    year = "刚刚过去的2024年，地区生产总值增长6.9%，城镇新增就业1.2万人。\n"
    text = _five_year_review(year)
    doc = parse_text(text, "t.txt", "gongzuo")
    assert doc.year_reviewed == 2024 and doc.sections[0].period == "five_year"
    review = [text[a:b] for a, b in doc.review_spans()]
    assert review == [year.strip()]
    assert doc.period_at(text.index("刚刚过去")) == "year"
    # the same words naming another year, or none of the year, are the five years'
    for other in ("刚刚过去的2023年，地区生产总值增长6.9%。\n", "2022年，地区生产总值增长6.9%。\n"):
        assert parse_text(_five_year_review(other), "t.txt", "gongzuo").review_spans() == []
