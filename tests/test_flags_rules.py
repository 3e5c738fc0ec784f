"""Every rule on real text: where it fires on the seeds (and corpus), and where it stays quiet.

A rule that needs a fault the seeds lack is shown one by editing a seed in a single place: the
rest of the report stays as it was captured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import corpus_path, seed_path
from reviewer.document import load_document, parse_text
from reviewer.flags import run_flags


def flags(doc, rule_id):
    return [f for f in run_flags(doc, [rule_id])]


def quotes(doc, rule_id):
    return [doc.text[f.start:f.end] for f in flags(doc, rule_id)]


def places(doc, rule_id):
    """The quote of every occurrence of every flag of the rule, in text order."""
    return sorted((o.start, doc.text[o.start:o.end]) for f in flags(doc, rule_id)
                  for o in f.occurrences)


def place_quotes(doc, rule_id):
    return [q for _, q in places(doc, rule_id)]


def edited(name: str, old: str, new: str):
    text = Path(seed_path(name)).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {name}"
    return parse_text(text.replace(old, new), seed_path(name))


def corpus(name: str):
    return load_document(corpus_path(name))


# --- structure ---------------------------------------------------------------------------------

def test_missing_section_points_where_the_part_should_be(seeds):
    doc = edited("baixiang-2024", "三、主要负责人履行法治建设第一责任人职责情况", "三、其他工作情况")
    found = flags(doc, "structure.missing_section")
    assert len(found) == 1 and found[0].severity == "error"
    assert "第一责任人" in found[0].message
    assert doc.text[found[0].start:found[0].end] == "四、2025 年法治政府建设工作计划"
    for name, d in seeds.items():
        assert flags(d, "structure.missing_section") == [], name


def test_missing_section_stays_quiet_on_government_work_reports():
    for name in ("national-2023", "sichuan-2025", "beijing-2026"):
        assert flags(corpus(name), "structure.missing_section") == [], name


def test_shortcomings_without_causes(seeds):
    assert quotes(seeds["baixiang-2024"], "structure.no_causes") == ["二、存在的主要问题"]
    guanba = flags(seeds["guanba-2025"], "structure.no_causes")
    assert [seeds["guanba-2025"].text[f.start:f.end] for f in guanba] == ["四、存在的不足和原因"]
    assert "标题写明“原因”" in guanba[0].message


def test_shortcomings_with_causes_pass(seeds):
    # hutiaoxia analyses causes in its own sub-part; baogou explains each problem at length
    assert flags(seeds["hutiaoxia-2025"], "structure.no_causes") == []
    assert flags(seeds["baogou-2025"], "structure.no_causes") == []


def test_sections_out_of_order(seeds):
    assert quotes(seeds["guanba-2025"], "structure.section_order") == ["四、存在的不足和原因"]
    yanxi = quotes(seeds["yanxi-2024"], "structure.section_order")
    assert yanxi == ["一、坚决落实第一责任人职责，大力加强法治政府建设"]


def test_sections_in_order_pass(seeds):
    for name in ("baogou-2025", "baixiang-2024", "hutiaoxia-2025"):
        assert flags(seeds[name], "structure.section_order") == [], name
    assert flags(corpus("guangdong-2026"), "structure.section_order") == []


def test_numbering_gap_and_repeat():
    doc = edited("baixiang-2024", "（三）严格规范执法", "（四）严格规范执法")
    found = flags(doc, "structure.numbering")
    assert [doc.text[f.start:f.end] for f in found] == ["（四）", "（四）"]
    assert "跳号" in found[0].message and "重复" in found[1].message


def test_numbering_quiet_on_seeds_and_on_a_misread_heading(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "structure.numbering") == [], name
    # sichuan-2025's glossary has "8.6个重大科技专项": item 8 is there, only not read as a
    # heading; and its 政府自身建设 list restarts at （一）
    assert flags(corpus("sichuan-2025"), "structure.numbering") == []


def test_mixed_brackets_in_baixiang_plan(seeds):
    doc = seeds["baixiang-2024"]
    (found,) = flags(doc, "structure.mixed_brackets")  # one finding, four headings
    assert [doc.text[o.start:o.end].strip() for o in found.occurrences] == [
        "(一)", "(二)", "(三)", "(四)"]
    assert all(doc.kind_at(o.start) == "plan" for o in found.occurrences)
    assert found.suggestion.endswith("“（一）”")


def test_clean_reports_have_no_structure_or_bracket_flag(seeds):
    assert [f for f in run_flags(seeds["baogou-2025"]) if f.category == "structure"] == []
    assert flags(seeds["guanba-2025"], "structure.mixed_brackets") == []


def test_punctuation_after_numbering(seeds):
    doc = seeds["guanba-2025"]
    assert place_quotes(doc, "structure.punct_after_numbering") == ["(一)、", "(二)、", "(三)、",
                                                                   "(四)、"]
    assert len(flags(doc, "structure.punct_after_numbering")) == 1
    assert flags(seeds["baogou-2025"], "structure.punct_after_numbering") == []


def test_plan_year_must_follow_the_report_year(seeds):
    doc = edited("baixiang-2024", "四、2025 年法治政府建设工作计划", "四、2024 年法治政府建设工作计划")
    found = flags(doc, "structure.plan_year")
    assert [doc.text[f.start:f.end] for f in found] == ["2024"]
    assert "2025" in found[0].message
    for name, d in seeds.items():
        assert flags(d, "structure.plan_year") == [], name
    # a government work report plans its own year
    assert flags(corpus("national-2024"), "structure.plan_year") == []


# --- timeliness --------------------------------------------------------------------------------

def test_late_publication():
    doc = edited("baixiang-2024", "2025年3月3日印", "2025年5月3日印")
    found = flags(doc, "timeliness.late_publication")
    assert [doc.text[f.start:f.end] for f in found] == ["2025年5月3日印"]
    assert "2025年4月1日" in found[0].message


def test_published_in_time_passes(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "timeliness.late_publication") == [], name


def test_no_date_at_all(seeds):
    doc = seeds["yanxi-2024"]
    found = flags(doc, "timeliness.no_date")
    assert len(found) == 1
    assert doc.text[found[0].start:found[0].end].startswith("烟溪镇2024年度法治政府建设工作")
    for name in ("baixiang-2024", "baogou-2025", "guanba-2025", "hutiaoxia-2025"):
        assert flags(seeds[name], "timeliness.no_date") == [], name
    # a congress date line dates a government work report
    assert flags(corpus("beijing-2025"), "timeliness.no_date") == []


def test_an_event_cited_before_it_happened():
    doc = edited("yanxi-2024", "2024年，烟溪镇在县委、县政府的坚强领导",
                 "2024年，烟溪镇深入学习贯彻党的二十届四中全会精神，在县委、县政府的坚强领导")
    found = flags(doc, "timeliness.anachronism")
    assert [doc.text[f.start:f.end] for f in found] == ["二十届四中全会"]
    assert "2025-10-20" in found[0].message
    dated = edited("baixiang-2024", "二十大和二十届三中全会精神", "二十大和二十届四中全会精神")
    assert quotes(dated, "timeliness.anachronism") == ["二十届四中全会"]


def test_citing_an_event_after_it_happened_or_announcing_it_passes(seeds):
    # 2025 reports citing 二十届四中全会 (baogou: 二十届三中、四中全会)
    assert "四中全会" in seeds["hutiaoxia-2025"].text and "四中全会" in seeds["baogou-2025"].text
    for name, doc in seeds.items():
        assert flags(doc, "timeliness.anachronism") == [], name
    # "今年将召开党的二十大", "迎接党的二十大胜利召开": announced, not cited
    assert flags(corpus("national-2022"), "timeliness.anachronism") == []


# --- numbers -----------------------------------------------------------------------------------

def test_rate_above_100_percent(seeds):
    doc = seeds["guanba-2025"]
    found = flags(doc, "numbers.over_100")
    assert [doc.text[f.start:f.end] for f in found] == ["100%以上"]
    assert doc.text[found[0].start - 9:found[0].start] == "特殊群体普法覆盖率达"[-9:]


def test_perfect_but_possible_rates_are_not_above_100(seeds):
    doc = seeds["guanba-2025"]
    at = doc.text.index("审查通过率100%")
    assert not any(f.start <= at + 5 < f.end for f in flags(doc, "numbers.over_100"))
    # an investment completion rate may exceed 100% (zhejiang-2025: 投资完成率129.6%)
    assert flags(corpus("zhejiang-2025"), "numbers.over_100") == []


def test_part_larger_than_whole(seeds):
    doc = seeds["guanba-2025"]
    found = flags(doc, "numbers.part_exceeds_whole")
    assert [doc.text[f.start:f.end] for f in found] == ["2800余次,其中查处违法行为4000余起"]


def test_part_within_whole_passes(seeds):
    assert flags(seeds["baogou-2025"], "numbers.part_exceeds_whole") == []
    # "食品抽检量超每千人6.5批次，其中…4万批次": a rate per head is no total
    assert flags(corpus("guangdong-2025"), "numbers.part_exceeds_whole") == []


def test_yu_after_an_exact_count(seeds):
    doc = seeds["hutiaoxia-2025"]
    assert quotes(doc, "numbers.approx_exact")[:1] == ["12余次"]
    assert flags(doc, "numbers.approx_exact")[0].suggestion == "改为“12次”"


def test_yu_after_a_round_figure_passes(seeds):
    doc = seeds["guanba-2025"]
    assert "800余人次" in doc.text and "5000余份" in doc.text
    assert flags(doc, "numbers.approx_exact") == []


def test_one_quantity_two_values(seeds):
    doc = edited("guanba-2025", "全年提供法律咨询200人次,有效维护弱势群体合法权益。",
                 "全年提供法律咨询200人次,有效维护弱势群体合法权益。\n全年共提供法律咨询150人次。\n")
    found = flags(doc, "numbers.inconsistent")
    assert [doc.text[f.start:f.end] for f in found] == ["150人次"]
    assert found[0].severity == "info"
    assert "200人次" in found[0].message and "法律咨询" in found[0].message
    # in another item, the same words may count another thing: 普法 activities' 接待法律咨询
    # 100余人次 against the legal advisers' 提供法律咨询200人次
    assert flags(seeds["guanba-2025"], "numbers.inconsistent") == []


def test_consistent_repetitions_pass(seeds):
    # baixiang repeats 12次 专题会议 in two places, baogou 定制化普法8次
    for name in ("baixiang-2024", "baogou-2025"):
        assert flags(seeds[name], "numbers.inconsistent") == [], name
    # counts of different things that share words (上市公司 new and in all, 高于全国 …)
    assert flags(corpus("hunan-2025"), "numbers.inconsistent") == []


def test_perfect_rates_are_info():
    doc = edited("guanba-2025", "全年行政复议案件1件,行政诉讼案件3件,", "")
    found = flags(doc, "numbers.perfect_rate")
    assert found and all(f.severity == "info" for f in found)
    assert any(doc.text[f.start:f.end] == "胜诉率100%" for f in found)


def test_a_planned_perfect_rate_is_a_target_not_a_claim(seeds):
    doc = seeds["guanba-2025"]
    assert "数字执法应用率达100%" in doc.text
    assert all(doc.kind_at(f.start) != "plan" for f in flags(doc, "numbers.perfect_rate"))


# --- specificity -------------------------------------------------------------------------------

def test_achievements_without_figures(seeds):
    doc = seeds["yanxi-2024"]
    found = flags(doc, "specificity.no_figures")
    # every account of countable work in yanxi, a year (2024年，我镇着力…) being no figure; the
    # composition of the 依法治镇领导小组 and the statements of principle (坚持全面从严治党…,
    # 推进行政执法责任制落实…) ask for none
    assert len(found) == 3
    assert any(doc.text[f.start:f.end].startswith("2024年，我镇着力提高") for f in found)
    assert any(doc.text[f.start:f.end].startswith("我镇不断创新普法形式") for f in found)
    assert not any(doc.text[f.start:f.end].startswith(("我镇坚持和发挥党委", "坚持全面从严治党"))
                   for f in found)
    for f in found:
        assert doc.kind_at(f.start) in ("achievements", "responsibility")


def test_achievements_with_figures_pass(seeds):
    doc = seeds["guanba-2025"]
    assert [f for f in flags(doc, "specificity.no_figures")
            if doc.kind_at(f.start) in ("achievements", "highlights")] == []


def test_vague_quantities(seeds):
    doc = seeds["hutiaoxia-2025"]
    found = flags(doc, "specificity.vague_quantity")
    assert [doc.text[f.start:f.end] for f in found] == ["多次"]
    assert doc.text[found[0].start - 10:found[0].end].endswith("党委专题会议多次")


def test_vague_words_outside_claims_pass(seeds):
    # "取得了一定成绩" in baixiang's closing words and "部分干部" in shortcomings are no claims
    assert flags(seeds["baixiang-2024"], "specificity.vague_quantity") == []
    assert flags(seeds["baogou-2025"], "specificity.vague_quantity") == []


def test_plan_items_of_general_wording_only(seeds):
    doc = seeds["baixiang-2024"]
    # (四) is only 完善…机制, 加强…衔接配合, 健全…预警机制; (一) names a 法律知识考试, (二) an
    # 执法信息共享平台, (三) 普法短视频 and a 法律知识竞赛: next year can tell whether they happened
    assert quotes(doc, "specificity.unmeasurable_plan") == ["(四) 完善矛盾纠纷化解机制"]
    doc = edited("baixiang-2024", "定期组织法律知识考试，", "")
    assert "(一) 持续加强法治思想学习" in quotes(doc, "specificity.unmeasurable_plan")


def test_a_thing_set_up_issued_equipped_or_budgeted_is_checkable():
    plan = "四、2025年工作计划\n（一）{title}\n{body}\n"
    base = ("标题\n一、2024年主要工作及成效\n全年开展培训12次。\n" + plan)
    generic = "进一步完善工作机制，加强统筹协调，健全预警机制，切实维护社会和谐稳定。"
    doc = parse_text(base.format(title="加强统筹协调", body=generic), genre="fazhi")
    assert quotes(doc, "specificity.unmeasurable_plan") == ["（一）加强统筹协调"]
    for extra in ("建立执法过错责任追究制度。", "将法治工作经费纳入镇财政年度预算。",
                  "配备便携式执法记录仪。", "设立法治建设意见箱。", "建立健全工作机制。"):
        doc = parse_text(base.format(title="加强统筹协调", body=generic + extra), genre="fazhi")
        expected = [] if "健全" not in extra else ["（一）加强统筹协调"]
        assert quotes(doc, "specificity.unmeasurable_plan") == expected, extra


def test_measurable_plan_items_and_aims_pass(seeds):
    doc = seeds["guanba-2025"]
    assert quotes(doc, "specificity.unmeasurable_plan") == []
    # 一是 建立领导干部法治履职档案, 六是 设立…意见箱、举报电话; 二是 has 开展业务轮训5次; 五是
    # 每月…不少于2次; (一)工作思路 states aims, not tasks; 三是创新普法方式 is measured by the
    # plan's own (二)工作目标: 特殊群体普法覆盖率达100%以上
    assert "普法覆盖率达100%以上" in doc.text[doc.text.index("(二)工作目标"):]


def test_shortcoming_no_plan_item_addresses(seeds):
    doc = seeds["yanxi-2024"]
    found = quotes(doc, "specificity.unaddressed_shortcoming")
    assert found == ["（五）矛盾纠纷化解的依法性还需加强。"]
    # （一）依法行政意识 is taken up by （一）'s 定期和不定期进行学习, （二）行政执法不严 by （四）
    # 行政执法监督检查, （四）群众法律素质 by （二）法治宣传教育: the same field in other words


def test_a_plan_item_in_the_shortcomings_field_takes_it_up():
    doc = edited("yanxi-2024", "认真组织协调、督促检查。", "认真组织协调、督促检查，依法调处矛盾纠纷。")
    assert quotes(doc, "specificity.unaddressed_shortcoming") == []


def test_shortcomings_taken_up_by_the_plan_pass(seeds):
    for name in ("baixiang-2024", "baogou-2025", "guanba-2025", "hutiaoxia-2025"):
        assert flags(seeds[name], "specificity.unaddressed_shortcoming") == [], name


# --- proofreading ------------------------------------------------------------------------------

def test_doubled_punctuation(seeds):
    doc = seeds["hutiaoxia-2025"]
    found = flags(doc, "proofreading.doubled_punct")
    assert [doc.text[f.start:f.end] for f in found] == ["。。"]
    assert doc.text[found[0].start - 6:found[0].start] == "动性和积极性"


def test_single_punctuation_passes(seeds):
    for name in ("baogou-2025", "baixiang-2024", "guanba-2025", "yanxi-2024"):
        assert flags(seeds[name], "proofreading.doubled_punct") == [], name


def test_punctuation_width_against_the_report(seeds):
    doc = edited("baixiang-2024", "研究解决法治政府建设中的重大问题，确保", "研究解决法治政府建设中的重大问题,确保")
    found = flags(doc, "proofreading.punct_width")
    assert [doc.text[f.start - 2:f.end + 2] for f in found] == ["问题,确保"]
    assert found[0].suggestion == "改为“，”"
    # beijing-2025 writes one half-width comma among full-width ones
    assert quotes(corpus("beijing-2025"), "proofreading.punct_width") == [","]


def test_consistent_punctuation_width_passes(seeds):
    # baixiang writes full-width (its (一) brackets are left to the bracket-style rule)
    assert flags(seeds["baixiang-2024"], "proofreading.punct_width") == []


def test_a_report_typed_half_width_throughout_is_one_finding(seeds):
    # baogou, guanba and hutiaoxia write ， ； ： （ ） half-width everywhere in Chinese text
    for name in ("baogou-2025", "guanba-2025", "hutiaoxia-2025"):
        doc = seeds[name]
        (flag,) = flags(doc, "proofreading.punct_width")
        assert "全文使用半角标点" in flag.message, name
        assert len(flag.occurrences) > 100, name
        assert {doc.text[o.start] for o in flag.occurrences} <= set(",;:()!?.\""), name


def test_stray_spaces_are_one_finding_with_whole_figures(seeds):
    assert "是 加" in place_quotes(seeds["hutiaoxia-2025"], "proofreading.stray_space")
    (flag,) = flags(seeds["baixiang-2024"], "proofreading.stray_space")
    baixiang = place_quotes(seeds["baixiang-2024"], "proofreading.stray_space")
    assert len(flag.occurrences) == len(baixiang) == 19
    # whole figures: 2025 年 and 2024 年, not 5 年 and 4 年
    assert "训 200 余" in baixiang and "2025 年" in baixiang and "2024 年" in baixiang
    assert "5 年" not in baixiang


def test_spaces_that_set_off_names_pass(seeds):
    assert flags(seeds["baogou-2025"], "proofreading.stray_space") == []
    # "广东省省长 王伟中", "国务院总理 / 李　强"
    for name in ("guangdong-2026", "national-2024"):
        assert flags(corpus(name), "proofreading.stray_space") == [], name


def test_typos_and_misused_terms(seeds):
    assert quotes(seeds["hutiaoxia-2025"], "proofreading.term")[:1] == ["专个"]
    yanxi = seeds["yanxi-2024"]
    found = flags(yanxi, "proofreading.term")
    assert "今年来" in [yanxi.text[f.start:f.end] for f in found]
    (rule_of_law,) = [f for f in found if yanxi.text[f.start:f.end] == "法制"]
    contexts = [yanxi.text[o.start:o.end + 2] for o in rule_of_law.occurrences]
    assert contexts == ["法制课堂", "法制建设", "法制途径", "法制观念"]  # one finding, four places
    assert rule_of_law.suggestion == "改为“法治”"


def test_legitimate_uses_of_fazhi_pass(seeds):
    # 重大执法决定法制审核 is the legal term
    assert seeds["baixiang-2024"].text.count("法制审核") == 2
    assert flags(seeds["baixiang-2024"], "proofreading.term") == []
    assert flags(seeds["baogou-2025"], "proofreading.term") == []


def test_character_doubled_across_a_page_break(seeds):
    doc = seeds["baixiang-2024"]
    found = flags(doc, "proofreading.page_break_double")
    assert len(found) == 1
    assert doc.text[found[0].start:found[0].start + 4] == "充分发挥"
    assert "充" in found[0].message


def test_no_page_break_double_without_one(seeds):
    for name in ("baogou-2025", "guanba-2025", "yanxi-2024", "hutiaoxia-2025"):
        assert flags(seeds[name], "proofreading.page_break_double") == [], name


def test_what_normalization_removed_is_no_flag_but_stays_in_the_change_log(seeds):
    for name, doc in seeds.items():
        assert not [f for f in run_flags(doc) if f.rule == "proofreading.debris"], name
    assert any(c.kind == "debris" and "(此页无正文)" in c.removed
               for c in seeds["baixiang-2024"].changes)
    assert any("语音播报" in c.removed for c in seeds["guanba-2025"].changes)


@pytest.mark.parametrize("name", ["baogou-2025", "yanxi-2024", "hutiaoxia-2025", "guanba-2025",
                                  "baixiang-2024"])
def test_every_seed_flag_quotes_real_text(seeds, name):
    doc = seeds[name]
    for f in run_flags(doc):
        assert doc.text[f.start:f.end].strip() or f.rule == "proofreading.stray_space", f


def test_a_heading_mixing_bracket_widths_is_set_to_the_report_style():
    doc = edited("baogou-2025", "(二)坚持依法行政", "(二）坚持依法行政")
    found = flags(doc, "structure.mixed_brackets")
    assert [doc.text[f.start:f.end] for f in found] == ["(二）"]
    assert "半角" in found[0].message and found[0].suggestion == "改为“(二)”"


def test_vague_words_in_problems_names_and_ordinals_pass():
    doc = corpus("national-2022")
    assert "民生领域还有不少短板" in doc.text
    assert "不少" not in quotes(doc, "specificity.vague_quantity")
    qinghai = corpus("qinghai-2025")
    at = qinghai.text.index("第一批大型风电光伏基地")
    assert all(not f.start <= at + 1 < f.end for f in flags(qinghai, "specificity.vague_quantity"))
    zhejiang = corpus("zhejiang-2026")
    assert "若干措施" in zhejiang.text
    assert "若干" not in quotes(zhejiang, "specificity.vague_quantity")
