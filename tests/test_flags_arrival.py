"""Flags on reports as they arrive (tests/gold/flags_arrival.py): the flags of the gold reports
rewritten by each transform of tests/gold/transforms.py against those of the reports as they are,
place by place. The floors below hold the conversion artefacts and the true labels a conversion
hides to what is measured; each class fixed has a small self-contained test after them."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, require_corpus
from reviewer.document import parse_text
from reviewer.flags import run_flags

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import flags_arrival  # noqa: E402
import transforms  # noqa: E402

# per transform, at most this many new places that are conversion artefacts or unread ('other'),
# and at most this many true labels lost, over the 107 gold reports (the figures measured:
# `python benchmarks/bench_flags.py --arrival`); a transform not named: none of either
MOST_NEW = {"pdf": 6, "word": 19, "run_in": 4, "no_title": 4, "halfwidth": 22, "reorder": 7}
MOST_TRUE_LOST = {"pdf": 3, "word": 14, "no_title": 2, "halfwidth": 80}


@pytest.fixture(scope="module")
def tallies():
    require_corpus()
    return flags_arrival.measure()


@pytest.mark.parametrize("name", sorted(transforms.TRANSFORMS))
def test_a_conversion_makes_and_hides_no_more_flags_than_measured(tallies, name):
    t = tallies[name]
    wrong = sum(t.new["artefact"].values()) + sum(t.new["other"].values())
    assert wrong <= MOST_NEW.get(name, 0), "\n".join(t.new_places)
    assert sum(t.true_lost.values()) <= MOST_TRUE_LOST.get(name, 0), "\n".join(t.lost_places)


def _flags(text: str) -> list[tuple[str, str]]:
    doc = parse_text(text)
    return [(f.rule, doc.text[s:e]) for f in run_flags(doc) for s, e in f.occurrences]


_PARA = ("我镇始终坚持把法治政府建设摆在全局工作的重要位置，制定年度工作要点，明确责任分工，"
         "定期召开专题会议研究部署，推动各项任务落地见效。")


def _wrapped(text: str, width: int = 30) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_a_full_line_of_wrapped_text_runs_on_after_a_comma_or_an_opening_quote():
    words = "全面推行行政执法公示制度执法全过程记录制度和重大执法决定法制审核制度"
    body = [words[:29] + "，", words[2:29] + "建立“", "日常督查+季度考核+年度评议”的闭环机制，以考核倒逼责任落实。"]
    assert [len(ln) for ln in body[:2]] == [30, 30]
    lines = _wrapped(_PARA * 2) + body + _wrapped(_PARA * 3)
    assert "".join(body) in parse_text("\n".join(lines)).text.split("\n")


def test_a_wrap_after_an_items_sentence_keeps_the_inline_enumeration():
    items = "".join(f"{n}.推进第{n}项重点工程建设，完成年度投资任务。" for n in range(1, 9))
    # an opening as long as puts a wrap right after an item's full stop, before its next item
    pad = next(k for k in range(1, 30)
               if any((10 + k + items.index(f"{n}.")) % 30 == 0 for n in range(2, 9)))
    body = "重点推进十项工作，" + "加" * pad + "：" + items
    lines = _wrapped(_PARA * 2) + _wrapped(body) + _wrapped(_PARA * 2)
    assert any(ln.endswith("。") and nxt[:1].isdigit() for ln, nxt in zip(lines, lines[1:], strict=False))
    assert body in parse_text("\n".join(lines)).text.split("\n")


def test_bare_page_numbers_counting_on_are_removed_a_lone_figure_stays():
    page = _wrapped(_PARA * 4)
    lines = page + ["1"] + page + ["2"] + page + ["3"] + page
    doc = parse_text("\n".join(lines))
    assert not any(p.strip().isdigit() for p in doc.text.split("\n"))
    assert [c.rule for c in doc.changes if c.kind == "debris"].count("page_number") == 3
    table = parse_text("\n".join(page + ["序号", "12", "完成项目"] + page))
    assert "12" in table.text.split("\n")


def test_a_running_header_naming_the_year_is_removed():
    header = "某某镇2024年法治政府建设工作报告"
    lines = ["某某镇2024年法治政府建设工作报告"]
    for _ in range(4):
        lines += _wrapped(_PARA * 3) + ["- 1 -", header]
    doc = parse_text("\n".join(lines))
    assert doc.text.count(header) == 1
    assert _PARA * 3 in doc.text


def test_the_space_after_a_part_number_without_a_mark_is_no_stray_space():
    seed = next(c for c in flags_arrival.cases() if c.name == "seeds/baixiang-2024.txt")
    text = transforms.cn_part(seed).text()
    assert "第二部分\u3000" in text
    spaces = [q for rule, q in _flags(text) if rule == "proofreading.stray_space"]
    assert spaces and not any(q.startswith("分\u3000") for q in spaces)


# --- Word's list numbering lost ----------------------------------------------------------------

_DONE = ("2024年，全区地区生产总值增长6%，完成固定资产投资120亿元，新增就业岗位3000个。"
         "我们建成学校4所，改造老旧小区12个，获评国家卫生区。")
_AHEAD = ("今年要加快推进产业升级，将新建学校3所，着力改善营商环境，推动重点项目建设，"
          "要抓好民生实事，加快补齐短板。")


def _rules(text: str, genre: str = "gongzuo") -> list[str]:
    doc = parse_text(text, "t.txt", genre=genre)
    return [f.rule for f in run_flags(doc)]


def test_a_part_not_found_where_a_part_read_by_its_form_may_hold_it_is_no_error():
    # the plan's groups lost their numbers: the targets part read by its form may hold the plan
    groups = "".join(f"着力{w}，推动高质量发展。{_AHEAD}\n" for w in ("改革", "创新", "开放", "民生"))
    text = ("2024年工作回顾\n" + _DONE + "\n" + _DONE + "\n2025年工作思路\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n" + groups)
    found = _rules(text)
    assert "structure.missing_section" not in found
    assert "structure.unrecognised" in found


def test_a_part_missing_where_only_prose_stands_is_still_an_error():
    # a file starting inside its review's last paragraph: no part, no line the outline could
    # not read, stands where the review would
    text = ("各位代表！前进的道路并不平坦，我们也清醒看到，工作中还存在一些问题和不足，"
            "产业基础不够牢固，民生短板有待补齐。\n2025年重点工作安排\n" + _AHEAD + "\n" + _AHEAD + "\n")
    assert "structure.missing_section" in _rules(text)


def test_a_list_starting_again_after_a_group_line_is_no_repeat():
    text = ("2024年工作回顾\n" + _DONE + "\n坚持创新驱动，产业发展提质增效\n一是" + _DONE + "\n"
            "坚持绿色发展，生态环境持续改善\n一是" + _DONE + "\n二是" + _DONE + "\n"
            "2025年工作安排\n" + _AHEAD + "\n")
    assert "structure.numbering" not in _rules(text)


def test_a_group_line_is_no_plan_item_of_its_own():
    # the seed's plan groups （一）持续加强法治思想学习… pasted from Word: their lines alone say
    # nothing measurable, their groups' text does
    seed = next(c for c in flags_arrival.cases() if c.name == "seeds/baixiang-2024.txt")
    text = transforms.word(seed).text()
    assert "持续加强法治思想学习\n" in text
    plan = [q for rule, q in _flags(text) if rule == "specificity.unmeasurable_plan"]
    assert "持续加强法治思想学习" not in plan and "提升行政执法规范化水平" not in plan
