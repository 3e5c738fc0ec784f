"""The false alarms and misses a second independent reader found on reports no label had touched
(``tests/gold/flags-independent-2.toml``), each on the real text where it was found, with the
same text changed to show that the rule still fires where it should."""

from __future__ import annotations

from conftest import corpus_report as report
from conftest import corpus_report_changed as changed
from reviewer.flags import run_flags
from reviewer.flags.data import pattern


def flagged(doc, rule_id: str) -> list[str]:
    return [doc.text[f.start:f.end] for f in run_flags(doc, [rule_id])]


def places(doc, rule_id: str, around: int = 0) -> list[str]:
    return [doc.text[o.start - around:o.end + around]
            for f in run_flags(doc, [rule_id]) for o in f.occurrences]


# --- specificity.no_figures ------------------------------------------------------------------

def test_an_item_whose_figures_its_part_s_summary_gives_asks_for_none():
    # pingshan-2024: ——改革开放纵深推进…19家港资机构签约，实际利用外资增长92% above the items
    item = "（四）坚定不移深化改革扩大开放。"
    assert item not in flagged(report("pingshan-2024"), "specificity.no_figures")
    # the same summary without its figures leaves the item asking for them
    doc = changed("pingshan-2024", "19家港资机构签约，实际利用外资增长92%", "港资机构签约，实际利用外资增长")
    assert item in flagged(doc, "specificity.no_figures")


def test_a_bullet_of_the_summary_on_the_item_s_subject_gives_its_figures():
    # national-2019: ——三大攻坚战开局良好…农村贫困人口减少1386万，易地扶贫搬迁280万人
    item = "二是扎实打好三大攻坚战，重点任务取得积极进展。"
    assert item not in flagged(report("national-2019"), "specificity.no_figures")
    doc = changed("national-2019", "——三大攻坚战开局良好", "——经济运行总体平稳")
    assert item in flagged(doc, "specificity.no_figures")


def test_a_summary_with_one_headline_figure_does_not_give_an_item_s_figures():
    # national-2024: ——生态环境质量稳中改善…全年新增装机超过全球一半: one figure is no data
    assert "四是强化生态环境保护治理，加快发展方式绿色转型。" in flagged(
        report("national-2024"), "specificity.no_figures")
    # guangdong-2023: the lead's 统筹疫情防控…地区生产总值增长2%左右 is no figure of the epidemic
    assert "一是坚持人民至上、生命至上，科学精准抓好疫情防控。" in flagged(
        report("guangdong-2023"), "specificity.no_figures")


def test_quantities_in_words_are_figures():
    # national-2019: 工业生产许可证种类压减三分之一以上 (its summary's ——经济结构不断优化
    # gives figures on the subject too: without that bullet the item still has its own figure)
    item = "三是深化供给侧结构性改革，实体经济活力不断释放。"
    assert item not in flagged(report("national-2019"), "specificity.no_figures")
    doc = changed("national-2019", "——经济结构不断优化", "——消费持续增长")
    assert item not in flagged(doc, "specificity.no_figures")
    doc = changed("national-2019", "——经济结构不断优化", "——消费持续增长",
                  "压减三分之一以上", "大幅压减")
    assert item in flagged(doc, "specificity.no_figures")
    figure = pattern("words", "figure")
    for words in ("压减三分之一以上", "占一半以上", "下降两成，", "两成以上", "翻一番", "增长一倍",
                  "十余个", "二十多家", "数十家", "上百项", "近千人"):
        assert figure.search(words), words
    for words in ("三个", "两个维护", "四个亲自", "千家万户", "这一半", "三成果", "一成不变"):
        assert not figure.search(words), words


# --- proofreading.dun_between_quotes -----------------------------------------------------------

def test_no_dun_flag_in_a_mixed_series_of_a_report_that_knows_the_convention():
    # dapeng-2024 writes its all-quoted series without 顿号, and keeps it in mixed ones:
    # “深圳蓝”可持续、碧水巩固提质、“无废城市”、“宁静城市”; “强对流天气”、“龙舟水”、台风季
    doc = report("dapeng-2024")
    assert "”“" in doc.text
    assert places(doc, "proofreading.dun_between_quotes") == []
    # national-2019: “一国两制”、“港人治港”、“澳人治澳”、高度自治的方针
    assert places(report("national-2019"), "proofreading.dun_between_quotes") == []
    # the same series with every item quoted is flagged
    doc = changed("dapeng-2024", "“强对流天气”、“龙舟水”、台风季", "“强对流天气”、“龙舟水”、“台风季”")
    assert places(doc, "proofreading.dun_between_quotes", 1) == ["”、“", "”、“"]


def test_a_dun_between_quoted_items_is_a_report_s_habit_where_it_never_drops_one():
    # national-2016 never sets quoted items side by side: its 顿号 in the mixed series is flagged
    doc = report("national-2016")
    assert "”“" not in doc.text
    assert places(doc, "proofreading.dun_between_quotes", 1) == ["”、“", "”、“"]


def test_all_quoted_series_are_flagged_beside_mixed_ones():
    # futian-2022: 继续做好“六稳”、“六保”任务 flagged; “湾区芯谷”、“量子谷”、生物医药 not
    found = places(report("futian-2022"), "proofreading.dun_between_quotes", 4)
    assert found == ["“六稳”、“六保”"]


# --- misses the second reader found ----------------------------------------------------------

def test_a_half_width_mark_after_a_figure_inside_chinese_text():
    # baoan-2018: 增长9.0%;财政综合预算收入, 增长39.9%,其中技改投资
    found = places(report("baoan-2018"), "proofreading.punct_width", 5)
    assert "长9.0%;财政综合预" in found and "39.9%,其中技改投" in found
    # a figure's thousands and a time stay quiet: 1,000 and 10:19 are no Chinese text
    doc = changed("baoan-2018", "增长9.0%;财政", "增长9.0%；财政，共1,000元、10:19，财政")
    found = places(doc, "proofreading.punct_width", 2)
    assert not any("1,0" in q or "10:" in q for q in found)


def test_a_space_just_inside_quotation_marks():
    # guangming-2017: 在“常和长”、“ 严和实”、“ 深和细”上下功夫
    found = places(report("guangming-2017"), "proofreading.stray_space")
    assert "“ 严" in found and "“ 深" in found
    doc = changed("guangming-2017", "“ 严和实”", "“严和实 ”")
    assert "实 ”" in places(doc, "proofreading.stray_space")


def test_a_question_mark_standing_for_a_lost_character():
    # luohu-2018: 以“城畔山水?花漾罗湖”为主题 (the 间隔号 · lost in a conversion)
    doc = report("luohu-2018")
    assert places(doc, "proofreading.lost_character", 2) == ["山水?花漾"]
    assert "?" not in places(doc, "proofreading.punct_width")
    # a question asked in Chinese text, outside quotation marks, is no lost character
    doc = changed("luohu-2018", "以“城畔山水?花漾罗湖”为主题", "为什么?我们以“城畔山水·花漾罗湖”为主题")
    assert places(doc, "proofreading.lost_character") == []


def test_attached_files_names_are_debris():
    # baoan-2020 ends with the page's links: 1．附件1 名词解释.docx …; pingshan-2020's …报告.jpg
    for name, line in (("baoan-2020", "1．附件1 名词解释.docx"),
                       ("pingshan-2020", "2．附件2：一图读懂2020年坪山区政府工作报告.jpg")):
        doc = report(name)
        assert line not in doc.text, name
        assert any(c.kind == "debris" and c.rule == "attachment" and c.removed == line
                   for c in doc.changes), name
    # a sentence naming a file is report text
    doc = changed("baoan-2020", "1．附件1 名词解释.docx", "详见附件1：名词解释.docx。")
    assert "详见附件1：名词解释.docx。" in doc.text
