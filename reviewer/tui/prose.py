"""A short piece of report text shown outside the reader (a quote in a dialog), wrapped by the
same Chinese line-breaking rules as the reader. Textual's own wrapping folds a run without spaces
at the exact width, so a line could start with ，or split ``100%``."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reviewer.tui.wrap import VisualLine, break_allowed, display_text, wrap_paragraphs


def wrapped(text: str, width: int, indent: int = 0, first: int | None = None) -> str:
    """``text`` shown inert and broken into lines of at most ``width`` cells by the reader's rules;
    lines after the first are indented by ``indent`` cells (the first line's prefix).

    ``first`` is the cells a longer prefix takes on the first line (``indent`` by default): the
    first line is then that much shorter. When not even the text's first word or figure fits
    there, the text starts on the next line and the first line is left empty.
    """
    shown = display_text(text)
    first = indent if first is None else first
    lines = [shown[v.start:v.end] for v in _lines_from(text, 0, first, width, indent)]
    return ("\n" + " " * indent).join(lines)


def _lines_from(text: str, offset: int, first: int, width: int, indent: int) -> list[VisualLine]:
    """The lines of ``text``, the first ``first`` cells shorter than the others: their offsets
    are into ``text`` shifted by ``offset``."""
    rest = max(width - indent, 1)
    if first == indent:
        return [v._replace(start=v.start + offset, end=v.end + offset)
                for v in wrap_paragraphs(text, rest)]
    head = wrap_paragraphs(text, max(width - first, 1))[:1]
    if not head:
        return []
    end = head[0].end
    squeezed = width - first < 2 or (
        end < len(text) and text[end] != "\n" and not break_allowed(text, end))
    if squeezed:  # the first word would be cut in two (or a CJK glyph halved): start below
        return [VisualLine(offset, offset, 0, True), *_lines_from(text, offset, indent, width,
                                                                  indent)]
    head = [head[0]._replace(start=offset, end=end + offset)]
    if end == len(text):
        return head
    if text[end] == "\n":
        end += 1
        if end == len(text):
            return [*head, VisualLine(end + offset, end + offset, 1, True)]
    return head + _lines_from(text[end:], offset + end, indent, width, indent)


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
