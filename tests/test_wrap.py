"""CJK-aware wrapping: rules checked on real report text and as properties of any text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from conftest import corpus_path, seed_path
from reviewer.document import load_document
from reviewer.tui.wrap import (
    CLOSING,
    OPENING,
    VisualLine,
    break_allowed,
    cell_widths,
    display_text,
    ellipsize,
    wrap_paragraphs,
)


def _cells(text: str, line: VisualLine) -> int:
    return cell_len(display_text(text[line.start : line.end]))


def _check_layout(text: str, width: int, lines: list[VisualLine]) -> None:
    """Every character but the newlines in exactly one line, in order, none too wide."""
    covered = "".join(text[line.start : line.end] for line in lines)
    assert covered == text.replace("\n", "")
    for before, line in pairwise(lines):
        # Lines of one paragraph touch; a new paragraph begins just after one newline.
        assert text[before.end : line.start] == ("\n" if line.first_in_para else "")
        assert line.para_index == before.para_index + line.first_in_para
    for line in lines:
        glyphs = sum(w > 0 for w in cell_widths(text[line.start : line.end]))
        if glyphs > 1:  # a lone glyph (with its combining marks) may be wider than the line
            assert _cells(text, line) <= width, (width, text[line.start : line.end])


def _breaks_nowhere(text: str, line: VisualLine) -> bool:
    return not any(break_allowed(text, i) for i in range(line.start + 1, line.end + 1))


def _check_kinsoku(text: str, lines: list[VisualLine]) -> None:
    """A continuation line starts with closing punctuation (or the line before ends with opening
    punctuation) only when the line before offered no allowed break at all."""
    for before, line in pairwise(lines):
        if line.first_in_para or line.start == line.end:
            continue
        if text[line.start] in CLOSING or text[before.end - 1] in OPENING:
            assert _breaks_nowhere(text, before), text[before.start : line.end]


def test_empty_text_gives_no_lines():
    assert wrap_paragraphs("", 80) == []


@pytest.mark.parametrize("width", [10, 23, 40, 80, 119])
def test_seed_wraps_by_the_rules(width):
    text = load_document(seed_path("hutiaoxia-2025")).text
    lines = wrap_paragraphs(text, width)
    _check_layout(text, width, lines)
    _check_kinsoku(text, lines)
    # On real report text the rules are always satisfiable: no line starts with closing
    # punctuation and none ends with opening punctuation.
    for before, line in pairwise(lines):
        if not line.first_in_para:
            assert text[line.start] not in CLOSING
            assert text[before.end - 1] not in OPENING
    assert len(lines) > text.count("\n") + 1  # long paragraphs really wrapped


def test_corpus_report_wraps_by_the_rules():
    text = load_document(corpus_path("guangdong-2025")).text
    lines = wrap_paragraphs(text, 80)
    _check_layout(text, 80, lines)
    for before, line in pairwise(lines):
        if not line.first_in_para:
            assert text[line.start] not in CLOSING
            assert text[before.end - 1] not in OPENING
    # Chinese text fills its lines: most wrapped lines use at least 78 of the 80 cells.
    full = [line for line, nxt in pairwise(lines) if not nxt.first_in_para]
    assert sum(_cells(text, line) >= 78 for line in full) > 0.9 * len(full)


def test_paragraphs_start_new_lines():
    text = "第一段。\n第二段很长很长很长很长。"
    lines = wrap_paragraphs(text, 12)
    assert [(line.para_index, line.first_in_para) for line in lines] == [
        (0, True), (1, True), (1, False)]
    assert text[lines[0].start : lines[0].end] == "第一段。"


def test_closing_punctuation_pulls_the_previous_character_down():
    # Six cells fit 我们好; the comma may not start the next line, so 好 comes down with it.
    text = "我们好，大家好。"
    lines = wrap_paragraphs(text, 6)
    assert [text[line.start : line.end] for line in lines] == ["我们", "好，大", "家好。"]


def test_opening_punctuation_does_not_end_a_line():
    text = "我们学习《中华人民共和国宪法》"
    lines = wrap_paragraphs(text, 10)
    assert [text[line.start : line.end] for line in lines][:2] == ["我们学习", "《中华人民"]


def test_half_width_punctuation_counts_as_closing():
    text = "2025年,虎跳峡镇在市委、市政府的坚强领导下"
    for width in range(4, 20):
        for line in wrap_paragraphs(text, width)[1:]:
            assert text[line.start] not in ",、"


def test_figures_and_latin_runs_stay_whole():
    text = "全省增长率达到12.5%，IPV6用户数2024-2025年翻番"
    for width in range(10, 40):
        pieces = [text[line.start : line.end] for line in wrap_paragraphs(text, width)]
        joined = "|".join(pieces)
        for run in ("12.5%", "IPV6", "2024-2025"):
            assert run in joined, (width, pieces)


def test_a_run_longer_than_the_line_is_cut():
    text = "网址https://www.example.gov.cn/abcdefghijklmnopqrstuvwxyz0123456789"
    lines = wrap_paragraphs(text, 20)
    _check_layout(text, 20, lines)
    assert len(lines) >= 4


def test_dashes_and_ellipses_stay_in_pairs():
    text = "——2025年1月15日在广东省第十四届人民代表大会第三次会议上……等等"
    for width in range(6, 30):
        for line in wrap_paragraphs(text, width):
            piece = text[line.start : line.end]
            assert not piece.startswith("—" ) or text[line.start - 1 : line.start] != "—"
            assert not piece.startswith("…") or text[line.start - 1 : line.start] != "…"


def test_control_characters_are_one_visible_cell():
    text = "A\x1b[31mB\x07C\tD\u202eE"
    shown = display_text(text)
    assert shown == "A\u241b[31mB\u2407C\u2409D\ufffdE"
    assert len(shown) == len(text)
    assert list(cell_widths(text)) == [1] * len(text)
    assert cell_widths("，a") == bytes([2, 1])


def test_a_glyph_wider_than_the_line_gets_a_line_of_its_own():
    text = "法治政府"
    lines = wrap_paragraphs(text, 1)
    assert [(line.start, line.end) for line in lines] == [(0, 1), (1, 2), (2, 3), (3, 4)]


_ALPHABET = st.sampled_from(
    list("法治政府建设年度报告一二三") + list("。，、；：？！）》」”…（《「“") + list("ab12.%,;:()- ")
    + ["\n", "\x1b", "\x07", "\u0301", "——", "\u3000"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join), st.integers(min_value=1, max_value=30))
def test_property_layout(text, width):
    lines = wrap_paragraphs(text, width)
    _check_layout(text, width, lines)
    _check_kinsoku(text, lines)
    if text:
        assert len([line for line in lines if line.first_in_para]) == text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.integers(min_value=1, max_value=20))
def test_property_any_unicode(text, width):
    lines = wrap_paragraphs(text, width)
    _check_layout(text, width, lines)
    assert len(display_text(text)) == len(text)


def test_display_text_replaces_exactly_the_characters_it_should():
    # All of the Basic Multilingual Plane in one text, which surely holds control characters,
    # is translated character by character; each character alone goes through the quick path
    # that skips texts without any. The two must agree everywhere.
    codes = [*range(0xD800), *range(0xE000, 0x10000)]
    every = "".join(map(chr, codes))
    shown = display_text(every)
    assert len(shown) == len(every)
    assert all(display_text(chr(c)) == g for c, g in zip(codes, shown, strict=True))
    changed = {c for c, g in zip(codes, shown, strict=True) if chr(c) != g}
    assert 0x0A not in changed and {0x1B, 0x07, 0x09, 0x7F, 0x85, 0x202E} <= changed
    assert not changed & {ord(c) for c in "法，。“”…—（）a1 \u3000"}


def test_ellipsize_keeps_what_fits_and_cuts_the_rest_whole():
    heading = "（一）创新“说事评理+网格化”调解模式，胜诉率100%以上"
    assert ellipsize(heading, 80) == heading
    shown = {width: ellipsize(heading, width) for width in range(0, cell_len(heading))}
    assert shown[0] == "" and shown[1] == "…"
    assert shown[12] == "（一）创新…"  # not （一）创新“… : no bracket left open before the cut
    assert shown[14] == "（一）创新“说…"
    for width, text in shown.items():
        assert cell_len(text) <= width
        assert "10…" not in text and "1…" not in text  # 100% whole or not at all
    assert ellipsize("胜诉率100%，败诉", 11) == "胜诉率100%…"  # cut before ，not after it
    assert ellipsize("\x1b[31m法治政府建设", 9) == "\u241b[31m法…"  # inert, one cell each


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET.filter(lambda c: c != "\n"), max_size=60).map("".join),
       st.integers(min_value=0, max_value=40))
def test_property_ellipsize(text, width):
    shown = display_text(text)
    cut = ellipsize(text, width)
    assert cell_len(cut) <= width
    if cell_len(shown) <= width:
        assert cut == shown
    elif width:
        kept = cut[:-1]
        assert cut.endswith("…") and shown.startswith(kept)
        assert not kept or kept[-1] not in OPENING
        index = len(kept)  # a cut inside a run of figures only when no other cut was possible
        if kept and kept[-1].isascii() and kept[-1].isalnum() and shown[index].isascii() \
                and shown[index].isalnum():
            assert not any(break_allowed(shown, j) for j in range(1, index))
