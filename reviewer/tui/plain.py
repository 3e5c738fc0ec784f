"""Report text made safe to show outside the reader.

Quotes, headings and flag messages come from the report, and a report may contain terminal
escape sequences or control characters. The panels show them through ``inert`` — the reader's
own display form, where each control character is a visible glyph — so they are seen and do
nothing. (Markup is no concern: panels pass text as ``Content``/``Text``, never as markup.)
"""

from __future__ import annotations

from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.terminal import display_text as inert

__all__ = ["inert", "snippet", "term"]


def snippet(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters: line breaks folded, the rest cut with …; a file
    name's undecodable bytes shown as ``\\xNN``."""
    line = inert(" ".join(shown_path(text).split()))
    return line if len(line) <= limit else line[: max(limit - 1, 0)] + "…"


def term(kind: str, value: str) -> str:
    """The interface label of a review vocabulary value (``term("severity", "major")``);
    a value with no label (an older or hand-typed one) is shown as written."""
    key = f"review.{kind}.{value}"
    label = t(key)
    return inert(value) if label == key else label
