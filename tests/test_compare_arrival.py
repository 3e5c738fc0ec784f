"""The comparison on reports as they arrive: pasted from a PDF (hard wraps, page numbers, running
headers), from Word (numbering lost), from a web page, with half-width marks or another
government's numbering. On the corpus, every pair with gold headline targets is rewritten by each
transform of tests/gold/transforms.py and held to floors per transform (figures:
``python benchmarks/bench_compare_accuracy.py --transforms``); then one small test per class of
text the reading had to be taught."""

from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, ROOT
from reviewer.compare import compare_targets
from reviewer.document import parse_text
from reviewer.document.sentences import split_sentences

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import compare_gold  # noqa: E402
import transforms  # noqa: E402

# per transform, the least share of every gold target found, and of those with the actual, the
# verdict right; the GDP targets right. Word's lost numbering, where a review's heading was only
# its numbered line or the file starts inside its review, is held to what it reaches.
FLOORS = {"found": 0.97, "actual right": 0.85, "verdict right": 0.84, "GDP right": 0.93}
WORD = {"found": 0.98, "actual right": 0.88, "verdict right": 0.87, "GDP right": 0.96}


@pytest.fixture(scope="module")
def made():
    if not (CORPUS / "gwr").is_dir() or not compare_gold.corpus_ready(compare_gold.target_pairs()):
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    return compare_gold.Transformed()


@pytest.mark.parametrize("name", [n for n in transforms.TRANSFORMS
                                  if n not in transforms.GENRE_ONLY])
def test_the_corpus_targets_as_they_arrive(made, name):
    records = [r for r in (compare_gold.run_transformed(p, name, made)
                           for p in compare_gold.target_pairs()) if r is not None]
    made.forget(name)
    row = compare_gold.transform_row(records)
    misses = [f"{r.prior} {tr.indicator}: {compare_gold.target_fault(tr)}"
              for r in records for tr in r.targets if compare_gold.target_fault(tr)]
    assert row["not located"][0] == 0, misses  # the measure lost no gold quote
    for col, floor in (WORD if name == "word" else FLOORS).items():
        ok, n = row[col]
        assert ok >= floor * n, (col, ok, n, misses)


# --- text broken at one width, as a PDF pastes it ------------------------------------------------

WIDTH = 30
FILLER = ("过去一年，我们坚持稳中求进工作总基调。全力以赴拼经济、促发展、惠民生，全省经济运行总体"
          "平稳，高质量发展扎实推进")


def _full(head: str) -> str:
    """A full line of wrapped text ending in ``head``'s last character."""
    line = FILLER[: WIDTH - len(head)] + head
    assert len(line) == WIDTH
    return line


def _wrapped(*lines: str) -> str:
    """``lines`` after ten full lines of a paragraph: text broken at one width."""
    body = [_full("，") for _ in range(10)] + [_full("。")]
    return "\n".join(["某省2025年政府工作报告", *body, *lines])


def test_a_figure_cut_by_a_hard_wrap_is_read_whole():
    doc = parse_text(_wrapped(_full("，全年地区生产总值增长8"), ".5%，规模以上工业增加值增长6%。"))
    assert "增长8.5%，规模以上" in doc.text


def test_a_line_opening_with_a_decimal_figure_is_no_list_number():
    doc = parse_text(_wrapped(_full("，货物进出口总额增长"), "7.7%。财政赤字率控制在2.8%。"))
    assert "总额增长7.7%。财政" in doc.text


@pytest.mark.parametrize("mark", ["、", "；", "%", "”", "，"])
def test_a_full_line_runs_on_after_any_mark_but_a_sentence_end(mark):
    doc = parse_text(_wrapped(_full(f"居民消费价格涨幅3{mark}"), "左右，居民收入增长与经济增长同步。"))
    assert f"3{mark}左右" in doc.text


def test_a_full_line_ending_a_sentence_ends_its_paragraph():
    doc = parse_text(_wrapped(_full("目标任务全面完成。"), "今年要坚持稳中求进。"))
    assert "完成。\n今年要" in doc.text


def test_bare_page_numbers_rising_from_page_to_page_are_page_furniture():
    # a page holds a few lines at least: numbers counting on line by line are a table's
    page = [_full("，") for _ in range(4)]
    doc = parse_text(_wrapped(_full("城镇新增就业"), "1", "32万人，", *page, _full("粮食产量达到"),
                              "2", "612亿斤，", *page, _full("居民消费价格上涨"), "3", "0.2%。"))
    assert "城镇新增就业32万人" in doc.text
    assert "粮食产量达到612亿斤" in doc.text and "上涨0.2%" in doc.text


def test_numbers_standing_alone_that_do_not_rise_stay_text():
    doc = parse_text("某省2025年政府工作报告\n全年办结案件\n12\n件。\n其中\n3\n件。\n另有\n1\n件。")
    assert "12" in doc.text and "3" in doc.text


# --- half-width marks ----------------------------------------------------------------------------

def test_a_half_width_full_stop_ends_a_sentence_but_not_a_figure_or_a_list_number():
    text = "社会大局保持和谐稳定.全省生产总值增长5.5%,一般公共预算收入增长1.8%.\n1.地区生产总值增长"
    quotes = [text[s.start:s.end] for s in split_sentences(text)]
    assert quotes == ["社会大局保持和谐稳定.", "全省生产总值增长5.5%,一般公共预算收入增长1.8%.",
                      "1.地区生产总值增长"]


PRIOR = """某省2024年政府工作报告
一、2023年工作回顾
过去一年，全省地区生产总值增长4.8%，城镇新增就业28万人，城镇登记失业率3.1%。
二、2024年经济社会发展总体要求和主要预期目标
今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业30万人以上，城镇登记失业率控制在4.5%以内。
三、2024年重点工作
（一）大力推进现代化产业体系建设。深入实施制造业重点产业链高质量发展行动，加快建设一批重大项目。
"""
CURRENT = """某省2025年政府工作报告
一、2024年工作回顾
过去一年，我们坚持稳中求进工作总基调，全力以赴拼经济、促发展、惠民生。
——就业增长超出预期.全年城镇新增就业32万人.高校毕业生就业创业人数再创新高.年末城镇登记失业率3.02%.
——经济运行稳中有进.全省地区生产总值增长5.2%.
二、2025年重点工作
（一）大力推进现代化产业体系建设。深入实施制造业重点产业链高质量发展行动。
"""


def test_a_review_with_half_width_full_stops_gives_each_target_its_own_sentence():
    results = compare_targets(parse_text(PRIOR), parse_text(CURRENT))
    got = {tr.indicator: (tr.verdict, tr.actual.quote if tr.actual else "") for tr in results}
    assert got["城镇新增就业"] == ("met", "全年城镇新增就业32万人")
    assert got["城镇登记失业率"][0] == "met"
    assert "新增就业" not in got["城镇登记失业率"][1]


# --- a targets part whose heading lost its numbering ---------------------------------------------

UNANNOUNCED = PRIOR.replace("今年全省经济社会发展的主要预期目标是：", "今年要着力稳增长：")


def test_a_list_no_cue_announces_is_read_in_a_part_whose_kind_was_not_told():
    prior = parse_text(UNANNOUNCED)
    part = next(s for s in prior.sections if "预期目标" in s.heading.title)
    part.set_kind(("unknown",), "heading lost", 0.0, "")  # as when Word drops its numbering
    found = [tr.indicator for tr in compare_targets(prior, parse_text(CURRENT))]
    assert found[:3] == ["地区生产总值增长", "城镇新增就业", "城镇登记失业率"]
    # before any account of the year it is no list of this year's targets
    for sec in prior.sections:
        if sec.kind == "achievements":
            sec.set_kind(("unknown",), "not told", 0.0, "")
    assert not compare_targets(prior, parse_text(CURRENT))
