"""Line breaking for Chinese report text, measured in terminal cells.

Textual's own wrapping breaks only at spaces and knows nothing of Chinese typesetting, so the
reader lays out its lines here. The rules follow the usual 禁则 (kinsoku) practice:

- a line may break between any two CJK characters;
- a line never starts with closing punctuation (。，、；：？！）》」』”’… and their half-width
  forms) and never ends with opening punctuation (（《「『“‘); the character before the break
  is pulled down to the next line instead, so no line grows past the width;
- runs of Latin letters and figures (``2025``, ``12.5%``, ``IPV6``, ``2024-2025``) stay whole
  unless a run alone is wider than the line, and so do words joined by a no-break space.

Everything is measured on the *display* form of the text, in which control characters are
replaced one for one by inert visible glyphs (``reviewer.terminal.display_text``), so offsets into the
normalized text stay valid for every visual line. No Textual import: this module is pure.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from rich.cells import get_character_cell_size

from reviewer.terminal import display_char, display_text

__all__ = ["CLOSING", "NO_BREAK_SPACE", "OPENING", "VisualLine", "break_allowed", "cell_widths", "display_text",
           "ellipsize", "wrap_paragraphs"]

CLOSING = frozenset(
    "。，、；：？！）》」』〉】〕〗｝］”’…‥·・％‰℃°"  # full-width and CJK forms
    ",.;:?!)]}%"  # half-width forms
)
"""Characters a line must not start with."""

OPENING = frozenset("（《「『“‘〈【〔〖｛［([{")
"""Characters a line must not end with."""

NO_BREAK_SPACE = "\u00a0"
"""A space no line breaks beside: the words it joins stay on one line."""

_JOINERS = frozenset(".,:-/+_@&'")
"""Characters that bind two word characters together (``12.5``, ``2024-2025``, ``1,000``)."""

_INSEPARABLE = frozenset("—…")
"""Characters written in pairs (——, ……) that must not be split across lines."""


class _CellTable(dict):
    """A `str.translate` table mapping each code to chr(its display width in cells)."""

    def __missing__(self, code: int) -> str:
        if code == 0x0A:
            width = 0
        else:
            width = get_character_cell_size(display_char(code) or chr(code))
        value = chr(width)
        self[code] = value
        return value


_CELLS = _CellTable()


def cell_widths(text: str) -> bytes:
    """The display width in cells of each character of ``text`` (newlines count 0)."""
    return text.translate(_CELLS).encode("latin-1")


def _is_word(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or "\uff10" <= char <= "\uff5a" and char.isalnum()


def break_allowed(text: str, index: int, widths: bytes | None = None) -> bool:
    """Whether a line may break between ``text[index - 1]`` and ``text[index]``."""
    before, after = text[index - 1], text[index]
    if after in CLOSING or before in OPENING:
        return False
    if before == NO_BREAK_SPACE or after == NO_BREAK_SPACE:
        return False
    if before == after and before in _INSEPARABLE:
        return False
    width = widths[index] if widths is not None else cell_widths(after)[0]
    if width == 0:  # combining marks and joiners belong to the character before them
        return False
    if _is_word(before):
        if _is_word(after):
            return False
        if after in _JOINERS and index + 1 < len(text) and _is_word(text[index + 1]):
            return False
    if _is_word(after) and before in _JOINERS and index >= 2 and _is_word(text[index - 2]):
        return False
    return True


class VisualLine(NamedTuple):
    """One screen line: ``text[start:end]`` of paragraph ``para_index``."""

    start: int
    end: int
    para_index: int
    first_in_para: bool


def wrap_paragraphs(text: str, width: int) -> list[VisualLine]:
    """Lay ``text`` (paragraphs separated by newlines) out in lines of at most ``width`` cells.

    Every character except the newlines lands in exactly one line, in order. A line is wider
    than ``width`` only when it holds a single glyph that is itself wider. An empty paragraph
    gives one empty line; an empty text gives no lines.
    """
    if not text:
        return []
    width = max(1, width)
    widths = cell_widths(text)
    cum = list(accumulate(widths, initial=0))  # cum[i] = cells of text[:i]
    lines: list[VisualLine] = []
    append = lines.append
    para_start = 0
    para_index = 0
    n = len(text)
    while True:
        para_end = text.find("\n", para_start)
        if para_end < 0:
            para_end = n
        start = para_start
        first = True
        if start == para_end:
            append(VisualLine(start, start, para_index, True))
        while start < para_end:
            end = bisect_right(cum, cum[start] + width, start, para_end + 1) - 1
            if end <= start:  # a single glyph wider than the line
                end = start + 1
            while end < para_end and widths[end] == 0:
                end += 1
            if end < para_end:
                end = _break_before(text, widths, start, end)
            append(VisualLine(start, end, para_index, first))
            first = False
            start = end
        if para_end >= n:
            return lines
        para_start = para_end + 1
        para_index += 1


def _break_before(text: str, widths: bytes, start: int, end: int) -> int:
    """The last allowed break in ``(start, end]``, or ``end`` when no break is allowed."""
    for index in range(end, start, -1):
        if break_allowed(text, index, widths):
            return index
    return end


_CUT_TRAILING = OPENING | frozenset("，、；：,;:—·・ \u3000")
"""What a cut text must not end with before its ellipsis: an opening bracket with nothing
after it, a pause mark, a dash or a space."""


def _cut_allowed(text: str, index: int, widths: bytes) -> bool:
    """Whether ``text`` may be cut before ``text[index]``: where a line may break, and also
    before closing punctuation (cut off with the rest), unless it belongs to a figure (100%)."""
    if break_allowed(text, index, widths):
        return True
    return text[index] in CLOSING and widths[index] > 0 and not _is_word(text[index - 1])


def ellipsize(text: str, width: int) -> str:
    """One line of ``text`` (display form) in at most ``width`` cells: whole when it fits, else
    cut before a place where a line could break and ended with ``…``.

    The cut never halves a double-width character, a figure or a Latin word (``100%`` is never
    shown as ``10…``) unless one run alone is wider than ``width``, and an opening bracket, a
    pause mark or a space left just before the ellipsis is dropped with the rest.
    """
    shown = display_text(text)
    widths = cell_widths(shown)
    if sum(widths) <= width:
        return shown
    if width < 1:
        return ""
    budget = width - 1  # the ellipsis takes one cell
    cum = list(accumulate(widths, initial=0))
    end = bisect_right(cum, budget) - 1  # the most characters that fit in the budget
    while 0 < end < len(shown) and widths[end] == 0:
        end -= 1  # combining marks stay with their character: cut before both
    cut = next((i for i in range(end, 0, -1) if _cut_allowed(shown, i, widths)), end)
    kept = shown[:cut]
    while kept and kept[-1] in _CUT_TRAILING:
        kept = kept[:-1]
    return kept + "…"
