"""Shapes met on a third set of report openings nobody had tuned on (township, street and
county rule-of-law reports, county and district work reports, several of them given by
document-sharing pages): each class in a small report written for it, with the same report
changed to show where the rule still holds."""

from __future__ import annotations

import pytest

from reviewer.document import parse_text
from reviewer.i18n import set_language


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    yield
    set_language("zh")


ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件，已完成年度任务。"
PREFACE = "2024年，青石镇在县委的坚强领导下扎实推进依法行政。现将有关情况报告如下："


def tops(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.heading.start:s.heading.end], s.kind) for s in doc.sections]


def test_a_report_run_together_on_one_line_has_its_parts_found_inside_it():
    # a document-sharing page gives the whole report as one line: title, preface, parts
    flat = ("青石镇2024年度法治政府建设情况报告" + PREFACE + "一、强化组织领导，压实法治责任（一）健全"
            "工作机制。" + ACCOUNT * 4 + "二、存在的主要问题" + "部分干部法治意识还不够强，执法队伍"
            "力量仍然薄弱，普法宣传的针对性有待提高。" * 2 + "三、2025年工作计划" + "继续深化法治宣传，"
            "加强执法队伍建设，推进合法性审查全覆盖。" * 2)
    doc = parse_text(flat, "t.txt")
    assert [k for _, k in tops(doc)] == ["achievements", "shortcomings", "plan"]
    assert tops(doc)[0][0].startswith("一、强化组织领导")
    assert not tops(doc)[0][0].endswith("（一）健全工作机制")  # its first item is no part of it
    # an inline list inside a report whose parts stand on lines of their own stays text
    lined = parse_text("青石镇2024年度法治政府建设情况报告\n" + PREFACE + "\n一、主要举措和成效\n"
                       "主要做法有：" + "一、健全工作机制，明确职责分工；" + ACCOUNT * 6
                       + "\n二、存在的主要问题\n部分干部法治意识还不够强。\n", "t.txt")
    assert [h for h, _ in tops(lined)] == ["一、主要举措和成效", "二、存在的主要问题"]
    # a number out of the sequence inside a long line is no heading
    skipped = parse_text("青石镇2024年度法治政府建设情况报告" + PREFACE + "一、强化组织领导" + ACCOUNT * 4
                         + "三、加强组织保障" + ACCOUNT * 2, "t.txt")
    assert len(skipped.sections) == 1 and "三、加强组织保障" in skipped.sections[0].heading.title + \
        skipped.text[skipped.sections[0].heading.end:skipped.sections[0].end]


def test_the_numbers_of_a_document_sharing_pages_pieces_are_no_headings():
    # 1、 2、 3、 open the pieces of the page; each piece after the first goes on with the
    # sentence the one before broke off
    body = ("一、主要工作" + ACCOUNT * 3 + "依法全面履行政府职能，持续深化放管服改革，进一步规范行政执法"
            "行为，切实加强对行政权力的制约和监督，不断提升依法行政的能力和水")
    more = ("平。" + ACCOUNT * 4 + "二、存在的主要问题部分干部法治意识还不够强，执法队伍力量仍然薄弱，"
            "普法宣传的针对性有待提高，基层依法治理的基础还不够牢")
    doc = parse_text("1、" + PREFACE + body + "\n2、" + more + "\n3、固。\n", "t.txt")
    assert [h[:4] for h, _ in tops(doc)] == ["一、主要", "二、存在"]
    assert [k for _, k in tops(doc)] == ["achievements", "shortcomings"]
    # a list whose items end their sentences is a list, whatever its length
    listed = parse_text(PREFACE + "\n一、主要工作\n1、" + ACCOUNT * 8 + "\n2、" + ACCOUNT * 8
                        + "\n", "t.txt")
    assert [len(s.children) for s in listed.sections] == [2]
