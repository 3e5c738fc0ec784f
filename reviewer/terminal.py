"""Text shown on a terminal, by the command line and the app alike: control characters made
visible and inert, widths counted in cells.

A report (or a file name) may hold escape sequences that would restyle, retitle or clear the
terminal. `display_text` replaces each control character one for one by a visible glyph, so
offsets into the text stay valid and the sequence is seen and does nothing. The cell helpers
lay out the command line's tables, where a Chinese character takes two columns.

Pure standard library: the headless commands use it without loading the app.
"""

from __future__ import annotations

import re
import unicodedata

_REPLACEMENT = "\ufffd"
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def display_char(code: int) -> str | None:
    """The inert glyph shown for ``code``, or None when the character is shown as itself.

    C0 controls become their Unicode control pictures (ESC → ␛, BEL → ␇, TAB → ␉), DEL
    becomes ␡; C1 controls and bidirectional overrides, which would let a report reorder or
    restyle the screen, become U+FFFD, as do lone surrogates (a file name's undecodable bytes),
    which no terminal can be sent. The newline is the paragraph separator and never drawn.
    """
    if code < 0x20 and code != 0x0A:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or code in _BIDI_CONTROLS or 0xD800 <= code <= 0xDFFF:
        return _REPLACEMENT
    return None


class _DisplayTable(dict):
    """A `str.translate` table computing (and remembering) the display glyph of each code."""

    def __missing__(self, code: int) -> int:
        glyph = display_char(code)
        value = ord(glyph) if glyph is not None else code
        self[code] = value
        return value


_DISPLAY = _DisplayTable()

_NEEDS_GLYPH = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Exactly the characters `display_char` replaces: most reports hold none of them."""


def display_text(text: str) -> str:
    """``text`` with every control character replaced by a visible inert glyph, one for one."""
    return text.translate(_DISPLAY) if _NEEDS_GLYPH.search(text) else text


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: two for a wide (Chinese) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut to at most ``width`` columns and padded to exactly that."""
    out, used = "", 0
    for ch in text.replace("\n", " "):
        w = cell_width(ch)
        if used + w > width:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def fit(text: str, width: int) -> str:
    """``text`` on one line (line breaks shown as ⏎), cut with … or padded to ``width``
    columns."""
    text = text.replace("\n", "⏎")
    if cell_width(text) > width:
        out = ""
        for c in text:
            if cell_width(out + c) > width - 1:
                break
            out += c
        text = out + "…"
    return text + " " * (width - cell_width(text))
