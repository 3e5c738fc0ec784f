"""A short piece of report text shown outside the reader (a quote in a dialog), wrapped by the
same Chinese line-breaking rules as the reader. Textual's own wrapping folds a run without spaces
at the exact width, so a line could start with ，or split ``100%``."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reviewer.tui.wrap import display_text, wrap_paragraphs


def wrapped(text: str, width: int, indent: int = 0) -> str:
    """``text`` shown inert and broken into lines of at most ``width`` cells by the reader's rules;
    lines after the first are indented by ``indent`` cells (the first line's prefix)."""
    shown = display_text(text)
    lines = [shown[v.start:v.end] for v in wrap_paragraphs(text, max(width - indent, 1))]
    return ("\n" + " " * indent).join(lines)


class Prose(Static):
    """Plain report text, inert and wrapped to the widget's width by ``wrap_paragraphs``."""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text

    def _lines(self, width: int) -> list[str]:
        return wrapped(self.text, width).split("\n")

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(len(self._lines(width)), 1)

    def render(self) -> Content:
        return Content("\n".join(self._lines(self.content_region.width or self.size.width)))
