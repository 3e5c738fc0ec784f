"""The document model on the real seeds and the corpus: metadata, outline, normalization."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_NAMES, corpus_path
from reviewer.document import load_document, parse_text

EXPECTED_TOP = {
    "baogou-2025": [("achievements", 4), ("shortcomings", 4), ("responsibility", 3), ("plan", 4)],
    "yanxi-2024": [("responsibility", 3), ("achievements", 3), ("shortcomings", 5), ("plan", 5)],
    "hutiaoxia-2025": [("achievements", 3), ("shortcomings", 2), ("responsibility", 2), ("plan", 5)],
    "guanba-2025": [("achievements", 3), ("highlights", 3), ("responsibility", 3),
                    ("shortcomings", 4), ("plan", 3)],
    "baixiang-2024": [("achievements", 4), ("shortcomings", 3), ("responsibility", 3), ("plan", 4)],
}
GOVERNMENT_YEAR = {
    "baogou-2025": ("鲍沟镇", 2025),
    "yanxi-2024": ("烟溪镇", 2024),
    "hutiaoxia-2025": ("虎跳峡镇", 2025),
    "guanba-2025": ("关坝镇", 2025),
    "baixiang-2024": ("柏香镇", 2024),
}
DEBRIS = ["您当前的位置", "语音播报", "语音合成中", "播报模式", "字体:[", "浏览次数", "扫一扫在手机",
          "返回主站", "返回顶部", "主办:", "联系电话", "分辨率", "此页无正文", "索引号", "发布机构"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_top_level_kinds_and_children(seeds, name):
    doc = seeds[name]
    assert [(s.kind, len(s.children)) for s in doc.sections] == EXPECTED_TOP[name]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_government_and_year(seeds, name):
    doc = seeds[name]
    assert (doc.government, doc.year) == GOVERNMENT_YEAR[name]
    assert doc.genre == "fazhi"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_no_debris_left_in_normalized_text(seeds, name):
    text = seeds[name].text
    for debris in DEBRIS:
        assert debris not in text, debris
    # every line is a paragraph: no blank lines, no edge whitespace
    for line in text.split("\n"):
        assert line and line == line.strip(" \u3000\t")


def test_a_pages_related_links_are_debris():
    doc = parse_text("宝安区2022年政府工作报告\n一、2021年工作回顾\n全年新增企业3家。\n"
                     "各位代表！让我们团结奋斗。\n图解\n一图读懂 | 2022年宝安区政府工作报告 2022-04-21\n")
    assert "一图读懂" not in doc.text
    removed = [c.removed for c in doc.changes if c.kind == "debris"]
    assert "一图读懂 | 2022年宝安区政府工作报告 2022-04-21" in removed
    # a sentence ending in a date is report text
    doc = parse_text("报告\n一、工作回顾\n条例施行于 2022-04-21。\n")
    assert "条例施行于 2022-04-21。" in doc.text


def test_hutiaoxia_third_level_items(seeds):
    doc = seeds["hutiaoxia-2025"]
    counts = [sum(len(c.children) for c in s.children) for s in doc.sections]
    assert counts == [8, 8, 6, 15]
    third = [h for h in doc.headings if h.level == 3]
    assert all(h.style == "cn_shi" for h in third)
    assert third[0].title == "压实主体责任"


def test_baixiang_achievements_have_twelve_numbered_items(seeds):
    ach = seeds["baixiang-2024"].sections[0]
    items = [c for s in ach.children for c in s.children]
    assert len(items) == 12
    assert all(i.heading.style == "arabic" and i.level == 3 for i in items)


def test_baixiang_page_break_joins(seeds):
    doc = seeds["baixiang-2024"]
    text = doc.text
    assert "统一编号" in text and "相对滞后" in text and "充分发挥网格员" in text
    assert "充充分发挥" not in text
    kinds = sorted(c.kind for c in doc.changes if c.kind in ("join", "dedup"))
    assert kinds == ["dedup", "join", "join"]
    dedup = next(c for c in doc.changes if c.kind == "dedup")
    assert text[dedup.start - 1: dedup.start + 3] == "充分发挥"
    assert dedup.removed == "\n充"


def test_baixiang_red_header_metadata(seeds):
    meta = seeds["baixiang-2024"].metadata
    assert meta["doc_number"].value == "柏政〔2025〕14号"
    assert meta["addressee"].value == "沁阳市司法局"
    assert meta["date_printed"].value == "2025年3月3日印"
    assert meta["issuer"].value == "柏香镇人民政府"
    text = seeds["baixiang-2024"].text
    for key in ("doc_number", "addressee", "date_printed", "title"):
        f = meta[key]
        assert text[f.start:f.end] == f.value


def test_yanxi_title_split_over_two_lines(seeds):
    doc = seeds["yanxi-2024"]
    assert doc.title == "烟溪镇2024年度法治政府建设工作情况报告"
    assert doc.metadata["title"].source == "title lines"
    assert not any(k.startswith("date_") for k in doc.metadata)


def test_page_metadata_becomes_metadata_not_text(seeds):
    baogou = seeds["baogou-2025"]
    assert baogou.metadata["date_written"].value == "2026年01月21日"
    assert baogou.metadata["date_written"].start == -1  # taken from removed page chrome
    assert baogou.text.startswith("鲍沟镇2025年度法治政府建设情况报告")
    guanba = seeds["guanba-2025"]
    assert guanba.metadata["date_published"].value == "2026-02-09"
    hutiaoxia = seeds["hutiaoxia-2025"]
    assert hutiaoxia.metadata["date_published"].value == "2026-02-05"
    assert hutiaoxia.text.startswith("虎跳峡镇人民政府2025年法治政府建设工作报告")


def test_inline_heading_is_text_up_to_first_full_stop(seeds):
    doc = seeds["baogou-2025"]
    h = doc.sections[0].children[0].heading
    assert h.title == "强化政治引领,夯实法治建设根基"
    assert h.inline
    assert doc.text[h.start:h.end] == "(一)强化政治引领,夯实法治建设根基。"


def test_numbering_issues_recorded(seeds):
    guanba = {i.kind for i in seeds["guanba-2025"].numbering_issues}
    assert "punct_after" in guanba
    baixiang = [i for i in seeds["baixiang-2024"].numbering_issues if i.kind == "mixed_bracket"]
    assert len(baixiang) == 4  # the four (一)…(四) of the plan, against （一） elsewhere
    assert all(seeds["baixiang-2024"].text[i.start] == "(" for i in baixiang)
    assert seeds["baogou-2025"].numbering_issues == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_section_offsets_start_with_heading(seeds, name):
    doc = seeds[name]
    for sec in doc.walk():
        assert 0 <= sec.start < sec.end <= len(doc.text)
        assert doc.text[sec.start:sec.end].startswith(doc.text[sec.heading.start:sec.heading.end])
        for child in sec.children:
            assert sec.start <= child.start and child.end <= sec.end
            assert child.parent is sec


def test_section_at_and_sentences(seeds):
    doc = seeds["hutiaoxia-2025"]
    offset = doc.text.index("专个")
    chain = doc.section_at(offset)
    assert chain and chain[0].kind in {"achievements", "plan", "shortcomings", "responsibility"}
    (sent,) = [s for s in doc.sentences() if s.start <= offset < s.end]
    assert "\n" not in doc.text[sent.start:sent.end]


# --- the national and provincial government work reports -----------------------------------


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_national_reports_review_plan_targets(year):
    doc = load_document(corpus_path(f"national-{year}"))
    assert doc.genre == "gongzuo"
    assert doc.government == "国务院"
    assert doc.year == year
    kinds = [s.kind for s in doc.sections]
    assert kinds[0] == "achievements"
    assert re.search(rf"{year - 1}年|过去一年", doc.sections[0].title)
    assert "plan" in kinds
    if year in (2022, 2024, 2025):
        assert kinds == ["achievements", "targets", "plan"]


def test_national_2024_plan_has_ten_items():
    doc = load_document(corpus_path("national-2024"))
    plan = doc.sections_of_kind("plan")[0]
    assert len(plan.children) == 10
    assert all(c.level == 2 for c in plan.children)
    assert plan.children[0].title.startswith("大力推进现代化产业体系建设")


@pytest.mark.parametrize("province", ["beijing", "guangdong", "hunan", "qinghai", "sichuan",
                                      "zhejiang"])
@pytest.mark.parametrize("year", [2025, 2026])
def test_provincial_reports_have_review_and_plan(province, year):
    doc = load_document(corpus_path(f"{province}-{year}"))
    assert doc.genre == "gongzuo"
    assert doc.year == year
    assert doc.government.startswith({"beijing": "北京", "guangdong": "广东", "hunan": "湖南",
                                      "qinghai": "青海", "sichuan": "四川",
                                      "zhejiang": "浙江"}[province])
    assert doc.sections[0].kind == "achievements"
    assert doc.sections_of_kind("plan")


def test_appended_numbered_list_does_not_pose_as_top_level_sections():
    doc = load_document(corpus_path("guangdong-2025"))
    # 附件1 (the ten 民生实事, numbered 一、…十、 again) and 附件2 名词解释 are appendices; the
    # restarted list sits inside the first of them
    assert [s.kind for s in doc.sections] == ["achievements", "plan", "appendix", "appendix"]
    assert [s.title for s in doc.sections[2:]] == ["附件1", "附件2 名词解释"]
    assert [c.heading.numbering for c in doc.sections[2].children][:2] == ["一、", "二、"]
