"""Shapes met on a fourth set of report openings nobody had tuned on (street, township, county,
department and city rule-of-law reports, county and district work reports): each class in a
small report written for it, with the same report changed to show where the rule still holds."""

from __future__ import annotations

import pytest

from reviewer.document import parse_text
from reviewer.i18n import set_language


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    yield
    set_language("zh")


REVIEW = ("全年地区生产总值增长5.2%，新建农村公路46公里，新增城镇就业2100人，"
          "完成年度目标任务。")


def tops(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.heading.start:s.heading.end], s.kind) for s in doc.sections]


def test_a_contents_list_above_the_title_is_no_part_of_the_report():
    # a saved page lists the report's parts (and the plan's groups) before its title
    contents = "一、2024年工作回顾\n二、2025年工作安排\n（一）抓实项目建设\n（二）抓实乡村振兴\n三、加强政府自身建设\n"
    report = ("2025年青石县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
              "一、2024年工作回顾\n过去的一年，" + REVIEW * 3 + "\n二、2025年工作安排\n"
              "2025年，我们将继续扩大有效投资，新建农村公路40公里。\n")
    doc = parse_text(contents + report, "t.txt")
    assert doc.metadata["title"].value == "2025年青石县政府工作报告"
    assert [k for _, k in tops(doc)] == ["achievements", "plan"]
    assert doc.sections[0].heading.start > doc.metadata["title"].start
    assert doc.year_reviewed == 2024
    # the plan's groups listed alone, the review's heading unnumbered in the report
    groups = "一、抓实项目建设\n二、抓实乡村振兴\n三、抓实民生保障\n"
    plain = parse_text(groups + "2025年青石县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告"
                       "工作，请予审议。\n2024年工作回顾\n" + REVIEW * 3 + "\n", "t.txt")
    assert [k for _, k in tops(plain)] == ["achievements"]
    assert tops(plain)[0][0] == "2024年工作回顾"
    # numbered lines with no title after them are the report's own parts (no title at all)
    untitled = parse_text("一、主要工作\n（一）健全工作机制\n（二）规范行政执法\n" + REVIEW * 3 + "\n",
                          "t.txt")
    assert tops(untitled)[0][0] == "一、主要工作"
