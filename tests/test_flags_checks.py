"""The false alarms ended and the checks added for flags a reviewer can trust, each on real text.

Every check fires on a real passage (a seed, a corpus report, or a seed edited in one place) and
stays quiet where a careful reviewer would not mark anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, corpus_path, seed_path
from reviewer.cli import main
from reviewer.document import load_document, parse_text
from reviewer.flags import run_flags


def flags(doc, rule_id):
    return run_flags(doc, [rule_id])


def quotes(doc, rule_id):
    """The quote of every occurrence of the rule's flags, in text order."""
    return [doc.text[o.start:o.end] for _, o in sorted(
        (o.start, o) for f in flags(doc, rule_id) for o in f.occurrences)]


def edited(name: str, old: str, new: str):
    text = Path(seed_path(name)).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {name}"
    return parse_text(text.replace(old, new), seed_path(name))


def corpus(name: str):
    return load_document(corpus_path(name))


def more(name: str):
    path = CORPUS / "gwr-more" / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"corpus report {name} not available: the shared corpus is not beside the "
                    f"repository ({CORPUS})")
    return load_document(str(path))


# --- structure: parts not recognised, sure years, numbering --------------------------------------

def test_a_part_of_unknown_kind_gives_a_note_not_a_missing_part():
    doc = edited("baixiang-2024", "三、主要负责人履行法治建设第一责任人职责情况", "三、关于镇村两级治理")
    assert doc.missing_kinds() == ("responsibility",)
    assert flags(doc, "structure.missing_section") == []  # the part may be the one missing
    (note,) = flags(doc, "structure.unrecognised")
    assert note.severity == "info"
    assert doc.text[note.start:note.end] == "三、关于镇村两级治理"
    assert "关于镇村两级治理" in note.message and "第一责任人" in note.message


def test_a_complete_report_has_neither(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "structure.unrecognised") == [], name
        assert flags(doc, "structure.missing_section") == [], name


def test_error_level_years_must_be_sure():
    # a year read from the title, a congress date or a heading naming it is sure; one taken
    # from the content is no ground for an error about the plan's year or an anachronism
    from reviewer.flags.engine import RuleContext

    doc = edited("yanxi-2024", "烟溪镇2024年度法治政府建设工作\n\n情况报告\n\n", "")
    assert doc.year == 2024 and doc.metadata["year"].source == "the opening line"
    assert RuleContext(doc).sure_year() is None
    assert RuleContext(load_document(seed_path("yanxi-2024"))).sure_year() == 2024  # the title
    for name in ("baoan-2023", "pingshan-2023", "guangming-2023", "pingshan-2017"):
        d = more(name)
        assert flags(d, "structure.plan_year") == [], name
        assert flags(d, "timeliness.anachronism") == [], name


def test_items_numbered_on_across_parts_are_no_gap():
    # baoan-2017 numbers its items 1.–7. under （一）, 8. on under （二）
    doc = more("baoan-2017")
    assert "（二）促转型\n8." in doc.text
    assert flags(doc, "structure.numbering") == []


def test_the_issuing_body_missing(seeds):
    doc = seeds["yanxi-2024"]  # no signature, and the title names the town, not its government
    (flag,) = flags(doc, "structure.no_issuer")
    assert doc.text[flag.start:flag.end].startswith("烟溪镇2024年度")
    for name in ("baixiang-2024", "baogou-2025", "guanba-2025", "hutiaoxia-2025"):
        assert flags(seeds[name], "structure.no_issuer") == [], name
    assert flags(corpus("beijing-2025"), "structure.no_issuer") == []  # no rule for work reports


def test_two_headings_pasted_over_each_other_s_text():
    text = Path(seed_path("baixiang-2024")).read_text(encoding="utf-8")
    swapped = (text.replace("(三) 创新普法宣传方式", "(三) @").replace(
        "(四) 完善矛盾纠纷化解机制", "(四) 创新普法宣传方式").replace("(三) @", "(三) 完善矛盾纠纷化解机制"))
    doc = parse_text(swapped, seed_path("baixiang-2024"))
    found = flags(doc, "structure.heading_mismatch")
    assert [doc.text[f.start:f.end] for f in found][:1] == ["(三) 完善矛盾纠纷化解机制"]
    assert "创新普法宣传方式" in found[0].message


def test_slogan_headings_fit_their_sections(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "structure.heading_mismatch") == [], name


# --- content ---------------------------------------------------------------------------------------

def test_a_topic_the_regulation_expects_is_missing(seeds):
    doc = seeds["yanxi-2024"]
    found = {f.message: doc.text[f.start:f.end] for f in flags(doc, "content.missing_topic")}
    where = found["未见“学习贯彻习近平法治思想”的情况"]
    assert where == "二、法治政府建设多管齐下，普法宣传效果深入人心"
    assert doc.kind_at(doc.text.index(where)) == "achievements"  # where the topic belongs
    guanba = [f.message for f in flags(seeds["guanba-2025"], "content.missing_topic")]
    assert not any("行政复议" in m or "习近平法治思想" in m or "法律顾问" in m for m in guanba)


def test_a_topic_said_in_substance_is_reported(seeds):
    # guanba's part three: 将法治建设履职情况纳入领导班子年度述职内容 is 述法 in other words
    doc = seeds["guanba-2025"]
    assert "述法" not in doc.text and "年度述职" in doc.text
    assert not any("述法" in f.message for f in flags(doc, "content.missing_topic"))
    doc = edited("guanba-2025", "将法治建设履职情况纳入领导班子年度述职内容", "自觉接受监督")
    assert any("述法" in f.message for f in flags(doc, "content.missing_topic"))


def test_no_missing_topic_without_the_part_where_it_belongs():
    # a page that holds only the site's navigation and a title: no part to report the topics in
    doc = parse_text("坪山区人民政府法治政府建设报告\n政府信息公开\n通知公告\n规划计划\n", "<page>",
                     "fazhi")
    assert flags(doc, "content.missing_topic") == []


def test_a_topic_is_expected_only_of_reports_from_its_year():
    # 习近平法治思想 was named in November 2020: a report on 2019 cannot study it
    doc = edited("yanxi-2024", "烟溪镇2024年度法治政府建设工作", "烟溪镇2019年度法治政府建设工作")
    assert doc.year_reviewed == 2019
    assert not any("习近平法治思想" in f.message for f in flags(doc, "content.missing_topic"))


def test_a_signature_the_metadata_missed_names_the_issuer():
    doc = edited("yanxi-2024", "进一步推进法治政府建设。\n", "进一步推进法治政府建设。\n烟溪镇人民政府\n")
    assert flags(doc, "structure.no_issuer") == []


def test_both_principals_in_the_responsibility_part(seeds):
    (flag,) = flags(seeds["baixiang-2024"], "content.principals")  # only 镇主要负责人
    assert "党委主要负责人" in flag.message and "政府主要负责人" in flag.message
    for name in ("yanxi-2024", "hutiaoxia-2025"):  # 镇党委书记 … 镇长
        assert flags(seeds[name], "content.principals") == [], name


def test_a_principal_is_first_responsible_not_directly_responsible(seeds):
    doc = seeds["hutiaoxia-2025"]
    (flag,) = flags(doc, "content.first_responsible")
    assert doc.text[flag.start - 12:flag.end] == "镇长切实履行法治政府建设直接责任人"
    assert flag.suggestion == "改为“第一责任人”"
    for name in ("baixiang-2024", "baogou-2025", "guanba-2025", "yanxi-2024"):
        assert flags(seeds[name], "content.first_responsible") == [], name


# --- timeliness --------------------------------------------------------------------------------

def test_a_date_without_a_day(seeds):
    doc = seeds["baogou-2025"]
    assert quotes(doc, "timeliness.date_incomplete") == ["2025年12月"]
    assert flags(seeds["baixiang-2024"], "timeliness.date_incomplete") == []  # 2025年3月3日印


def test_a_signature_after_the_publication_date(seeds):
    doc = edited("baogou-2025", "鲍沟镇人民政府\n2025年12月", "鲍沟镇人民政府\n2026年2月1日")
    (flag,) = flags(doc, "timeliness.date_conflict")
    assert doc.text[flag.start:flag.end] == "2026年2月1日"
    assert "2026年01月21日" in flag.message
    for name, d in seeds.items():
        assert flags(d, "timeliness.date_conflict") == [], name


# --- numbers -----------------------------------------------------------------------------------

def test_a_share_of_a_base_may_exceed_it():
    # pingshan-2015: 分别是特区一体化新三年计划目标值的109.3%、142.7%、101%、114%
    assert flags(more("pingshan-2015"), "numbers.over_100") == []


def test_parts_of_another_whole_are_no_parts():
    # 1050个(其中义务教育学位750个)、病床位85张…就业岗位2万个: the bracket ends the parts
    assert flags(more("futian-2016"), "numbers.part_exceeds_whole") == []
    # 五年净增608万户，其中企业超过700万户: the parts are of the stock, not the change
    for name in ("guangdong-2023", "guangdong-2024"):
        assert flags(more(name), "numbers.part_exceeds_whole") == [], name


def test_a_count_with_a_predicate_is_no_whole(seeds):
    # 目前仅有2名执法人员持有有效执法证,其中3名为工勤岗: 其中 speaks of all the staff
    assert flags(seeds["hutiaoxia-2025"], "numbers.part_exceeds_whole") == []


def test_parts_that_add_up_to_more_than_their_total():
    doc = edited("baixiang-2024", "62 件，其中成功调解 62 件", "62 件，其中成功调解 40 件、移交处理 30 件")
    (flag,) = flags(doc, "numbers.parts_sum")
    assert "70件" in flag.message and "62 件" in flag.message
    assert flags(doc, "numbers.part_exceeds_whole") == []


def test_counts_of_different_things_are_not_inconsistent():
    # dapeng-2015: 新建住房1247套 in 下沙王母安置区, 4458套 in 坝光安置区 (different subjects)
    # guangming-2025: 帮扶 提供就业岗位1.9万个; the employment drive's 12万个
    for name in ("dapeng-2015", "guangming-2025", "baoan-2024", "baoan-2023"):
        assert flags(more(name), "numbers.inconsistent") == [], name


_NO_BASE = ("全年行政复议案件1件,行政诉讼案件3件,行政机关负责人出庭率100%,胜诉率100%",
            "行政机关负责人出庭率100%,胜诉率100%")


def test_perfect_rates_only_for_outcomes(seeds):
    guanba = quotes(edited("guanba-2025", *_NO_BASE), "numbers.perfect_rate")
    assert "胜诉率100%" in guanba
    for norm in ("审查通过率100%", "负责人出庭率100%", "按期办结率100%", "及时受理率100%"):
        assert not any(norm in q for q in guanba), norm
    baogou = quotes(seeds["baogou-2025"], "numbers.perfect_rate")
    assert not any("合法性审查覆盖率" in q for q in baogou)


def test_a_perfect_rate_with_its_base_or_routine_is_no_finding(seeds):
    # 行政诉讼案件3件…胜诉率100%, 62件，其中成功调解62件，调解成功率100%: the counts say it
    assert quotes(seeds["guanba-2025"], "numbers.perfect_rate") == []
    assert quotes(seeds["baixiang-2024"], "numbers.perfect_rate") == []
    # the handling of deputies' suggestions and members' proposals, the claim of every report
    for name in ("baoan-2024", "pingshan-2019", "futian-2023", "futian-2022"):
        assert quotes(more(name), "numbers.perfect_rate") == [], name
    # a satisfaction score of 100% is the respondents' opinion, no outcome case by case
    assert quotes(more("dapeng-2025"), "numbers.perfect_rate") == []


def test_a_target_below_the_level_reached():
    doc = corpus("zhejiang-2025")
    found = flags(doc, "numbers.target_below_reached")
    targets = [doc.text[f.start:f.end] for f in found]
    assert "97.5%" in targets
    flag = found[targets.index("97.5%")]
    assert doc.kind_at(flag.start) in ("plan", "targets") and "98.7%" in flag.message


def test_targets_above_the_level_reached_pass(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "numbers.target_below_reached") == [], name


def test_a_multi_year_total_given_as_the_year_s():
    doc = edited("guanba-2025", "组织法治培训40场次", "组织法治培训40场次。五年来累计组织法治培训40场次")
    found = flags(doc, "numbers.multi_year_total")
    assert [doc.text[f.start:f.end] for f in found] == ["40场次"]
    assert found[0].start < doc.text.index("五年来")


def test_no_multi_year_total_on_the_seeds(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "numbers.multi_year_total") == [], name


# --- specificity -------------------------------------------------------------------------------

def test_a_work_report_judges_figures_item_by_item():
    doc = corpus("national-2024")
    for f in flags(doc, "specificity.no_figures"):
        heading = next(h for h in doc.headings if h.start == f.start)
        assert heading.end == f.end  # the flag sits on the item's heading
    # summing-up, thanks and closing paragraphs are no items
    assert not any("过去一年，是全面贯彻" in doc.text[f.start:f.end]
                   for f in flags(doc, "specificity.no_figures"))


def test_a_magnitude_in_chinese_numerals_is_a_figure():
    # luohu-2022's account of the epidemic: 核酸检测累计破千万例
    doc = more("luohu-2022")
    assert "破千万例" in doc.text
    assert not any(doc.text[f.start:f.end].startswith("（一）全力做好疫情防控工作")
                   for f in flags(doc, "specificity.no_figures"))


def test_catch_all_paragraphs_are_no_account_of_work():
    doc = parse_text("柏香镇人民政府关于2024年法治政府建设情况的报告\n"
                     "一、2024年法治政府建设主要工作及成效\n"
                     "此外，审计、统计、档案、民族、宗教、侨务、双拥、人防等各项工作都取得了新的进步，"
                     "为全镇经济社会发展作出了积极贡献，各方面工作都有新的进展和提高。\n"
                     "全镇定期对规范性文件进行清理，及时废止或修订与法律法规相抵触的文件，在决策前广泛"
                     "征求社会公众、专家学者的意见建议，进行合法性审查和风险评估。\n", "<edited>", "fazhi")
    found = [doc.text[f.start:f.end] for f in flags(doc, "specificity.no_figures")]
    assert len(found) == 1 and found[0].startswith("全镇定期对规范性文件")


_REPORT = "柏香镇人民政府关于2024年法治政府建设情况的报告\n一、2024年法治政府建设主要工作及成效\n{}\n"


def _no_figures(*paragraphs: str) -> list[str]:
    doc = parse_text(_REPORT.format("\n".join(paragraphs)), "<edited>", "fazhi")
    return [doc.text[f.start:f.end][:8] for f in flags(doc, "specificity.no_figures")]


def test_principles_and_set_ups_ask_for_no_figures():
    principles = ("全镇严格落实重大行政决策程序制度，坚持集体决策、民主决策、依法决策，加强对行政执法"
                  "工作的领导和监督，督促行政执法部门严格规范公正文明执法，自觉维护司法权威，领导干部"
                  "带头尊法学法守法用法，深入学习贯彻习近平法治思想。")
    systems = ("健全行政机关工作人员学法用法长效机制，严格落实普法工作规划及“谁执法谁普法”责任制，"
               "完善廉洁风险评估、问题预警、常态督查等机制，严格执行行政机关出庭应诉相关制度。")
    set_up = ("成立了依法治镇委员会，由镇党委书记担任组长，在各行政村设立了法治联络点，构建了工作"
              "网络。委员会定期召开专题会议，研究解决普法覆盖、矛盾化解等重点问题。")
    assert _no_figures(principles, systems, set_up) == []
    # the same work reported as done asks for its count
    done = ("全镇加强对行政执法行为的监督，对群众反映的执法问题及时进行调查处理，定期召开专题会议"
            "研究解决执法中的重大问题，切实维护群众合法权益。")
    assert _no_figures(principles, done) == ["全镇加强对行政执"]


def test_work_counted_elsewhere_in_the_year_needs_no_second_figure():
    study = ("镇党政主要负责人切实履行第一责任人职责，依托党委理论学习中心组、法治专题讲座等载体，"
             "组织党委理论学习中心组学法、党内法规学习等活动，推动领导干部带头尊法学法守法用法。")
    assert _no_figures(study) == ["镇党政主要负责人"]
    counted = "全年组织党委理论学习中心组学法12次、党内法规专题学习5次。"
    assert _no_figures(study, counted) == []


def test_set_phrases_of_a_work_report_are_no_vague_quantities():
    doc = corpus("beijing-2025")
    assert "一批" in doc.text
    assert "一批" not in quotes(doc, "specificity.vague_quantity")
    # 不少于80名 is a lower bound; 党内政治生活若干准则 a document's name
    assert "不少" not in quotes(more("luohu-2019"), "specificity.vague_quantity")
    assert "若干" not in quotes(more("luohu-2017"), "specificity.vague_quantity")
    # a speech sums the year up: 精心组织多次综合演练, 多次降息降准
    assert "多次" in corpus("beijing-2026").text
    assert quotes(corpus("beijing-2026"), "specificity.vague_quantity") == []
    # the same words in a rule-of-law report's account of the principals' work still ask for a count
    hutiaoxia = parse_text(Path(seed_path("hutiaoxia-2025")).read_text(encoding="utf-8"),
                           seed_path("hutiaoxia-2025"))
    assert quotes(hutiaoxia, "specificity.vague_quantity") == ["多次"]


def test_a_work_report_s_general_requirements_are_no_plan_items():
    # national-2015: 2015年工作总体部署 is paragraphs of aims, its tasks the groups after it
    doc = more("national-2015")
    assert not any(doc.text[f.start:f.end].startswith("我国是世界上最大的发展中国家")
                   for f in flags(doc, "specificity.unmeasurable_plan"))


def test_a_plan_item_repeating_work_done():
    doc = edited("guanba-2025", "五是夯实基层基础,建强法治阵地。",
                 "五是建成镇社会治安综合治理中心,设置接待受理、矛盾调解、指挥调度等功能区域。")
    found = flags(doc, "specificity.plan_repeats_done")
    assert [doc.text[f.start:f.end] for f in found] == [
        "五是建成镇社会治安综合治理中心,设置接待受理、矛盾调解、指挥调度等功能区域。"]
    assert "社会治安综合治理中心" in found[0].message


def test_plans_going_on_with_work_done_pass(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "specificity.plan_repeats_done") == [], name


# --- proofreading ------------------------------------------------------------------------------

def test_spaces_that_part_slogans_titles_and_credits_pass():
    for name, passage in (("futian-2021-2", "首善之区 幸福福田"), ("guangming-2020", "中共中央 国务院")):
        doc = more(name)
        assert passage in doc.text
        assert not any(passage[3:5] in q for q in quotes(doc, "proofreading.stray_space")), name
    doc = corpus("guangdong-2025")
    assert "附件2 名词解释" in doc.text
    assert not any("名" in q and "2" in q for q in quotes(doc, "proofreading.stray_space"))


def test_fazhi_only_as_a_word(seeds):
    # 执法制度, 学法用法制度 (hutiaoxia); 法制审查 (dapeng-2021); 法制专员 (futian-2016);
    # 不法制售 (national-2018)
    assert "法制" not in quotes(seeds["hutiaoxia-2025"], "proofreading.term")
    for name in ("dapeng-2021", "futian-2016", "national-2018", "baoan-2015", "baoan-2019"):
        assert "法制" not in quotes(more(name), "proofreading.term"), name


def test_fazhi_was_right_before_2015():
    # 2014 reports: 加强政府法制工作, 法制宣传教育 were the terms then
    for name in ("guangdong-2014", "national-2014", "luohu-2014"):
        assert flags(more(name), "proofreading.term") == [], name


def test_the_obsolete_legal_affairs_office_is_its_own_entry():
    doc = edited("yanxi-2024", "积极协调各部门", "积极协调县法制办等各部门")
    found = [f for f in flags(doc, "proofreading.term") if doc.text[f.start:f.end] == "法制办"]
    assert len(found) == 1 and "司法局" in found[0].message


def test_standard_expressions_written_wrong():
    doc = edited("guanba-2025", "将习近平法治思想、宪法", "将习近平总书记法治思想、宪法")
    (flag,) = flags(doc, "proofreading.expression")
    assert doc.text[flag.start:flag.end] == "习近平总书记法治思想"
    assert flag.suggestion == "改为“习近平法治思想”"


def test_standard_expressions_pass_on_every_real_report(seeds, corpus_docs):
    for name, doc in {**seeds, **corpus_docs}.items():
        assert flags(doc, "proofreading.expression") == [], name


def test_placeholders_left_in():
    doc = edited("baogou-2025", "2025年,鲍沟镇坚持", "202X年,XX镇坚持")
    found = flags(doc, "proofreading.placeholder")
    assert len(found) == 1 and found[0].severity == "error"
    assert [doc.text[o.start:o.end] for o in found[0].occurrences] == ["202X年", "XX"]


def test_anonymous_names_are_no_placeholders(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "proofreading.placeholder") == [], name
    doc = more("baoan-2021")  # 居住在下十围的朱某某为阳性
    assert "朱某某" in doc.text and flags(doc, "proofreading.placeholder") == []


def test_no_dun_between_quoted_items():
    doc = corpus("national-2024")
    (flag,) = flags(doc, "proofreading.dun_between_quotes")
    around = [doc.text[o.start - 1:o.end + 1] for o in flag.occurrences]
    assert "”、“" in around and set(around) <= {"”、“", "》、《"}
    assert "“一国两制”、“港人治港”" in doc.text


def test_quoted_items_without_dun_pass(seeds):
    for name, doc in seeds.items():
        assert flags(doc, "proofreading.dun_between_quotes") == [], name


def test_unpaired_quotes_and_brackets():
    doc = more("futian-2016")  # “梦·想·家”福田新市民融合行动”: a closing mark never opened
    found = quotes(doc, "proofreading.unpaired")
    assert "”" in found


def test_marks_closed_a_line_later_are_paired(seeds):
    # national-2021: 根据《\n中共中央关于制定…建议》; national-2022: （PM\n2.5\n）
    for name in ("national-2021", "national-2022"):
        assert flags(corpus(name), "proofreading.unpaired") == [], name
    for name, doc in seeds.items():
        assert flags(doc, "proofreading.unpaired") == [], name


def test_punctuation_width_is_one_finding_per_mark():
    doc = corpus("beijing-2025")
    (flag,) = flags(doc, "proofreading.punct_width")
    assert doc.text[flag.start:flag.end] == ","


def test_check_says_how_many_places_a_finding_covers(capsys):
    assert main(["check", "--rule", "proofreading.stray_space", seed_path("baixiang-2024")]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "stray_space" in line)
    assert "（共 19 处）" in row


# --- every report ------------------------------------------------------------------------------

def test_no_rule_fails_on_any_report_of_either_corpus_folder(caplog):
    folder = CORPUS / "gwr-more"
    if not folder.is_dir():
        pytest.skip(f"the corpus is not beside the repository ({CORPUS})")
    with caplog.at_level("WARNING", logger="reviewer.flags.engine"):
        for path in sorted(folder.glob("*.txt")):
            doc = load_document(str(path))
            for f in run_flags(doc):
                assert all(0 <= o.start < o.end <= len(doc.text) for o in f.occurrences), path
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]


# --- genres ------------------------------------------------------------------------------------

def test_rules_that_do_not_apply_to_a_genre_are_not_run():
    doc = corpus("beijing-2025")
    assert doc.genre == "gongzuo"
    ran = {f.rule for f in run_flags(doc)}
    assert not ran & {"timeliness.no_date", "structure.no_issuer", "content.missing_topic",
                      "content.principals"}


def test_a_work_report_opening_with_its_speech_is_a_work_report():
    # no title: 现在，我代表区人民政府向大会作工作报告，请予审议
    for name in ("baoan-2015", "baoan-2016", "baoan-2021"):
        assert more(name).genre == "gongzuo", name
