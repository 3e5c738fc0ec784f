"""Report text shown outside the reader (a quote in a dialog, the comparison screen's evidence,
the options of a list), wrapped by the same Chinese line-breaking rules as the reader. Textual's
own wrapping folds a run without spaces at the exact width, so a line could start with ，or split
``100%``.

Plain text is wrapped by `wrapped`, styled ``Content`` by `wrap_content` (its spans cut with the
lines); `Prose` shows either and wraps it again for its width whenever it is drawn, and
`WrappedList` is an option list whose options are wrapped again when its width changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList, Static

from reviewer.tui.wrap import VisualLine, break_allowed, display_text, wrap_paragraphs


def wrapped(text: str, width: int, indent: int = 0, first: int | None = None) -> str:
    """``text`` shown inert and broken into lines of at most ``width`` cells by the reader's rules;
    lines after the first are indented by ``indent`` cells (the first line's prefix).

    ``first`` is the cells a prefix takes on the first line (``indent`` by default; 0 for a
    hanging indent, nothing before the first line). When a longer prefix leaves no room for the
    text's first word or figure, the text starts on the next line and the first line is left
    empty.
    """
    return wrap_content(text, width, indent, first).plain


def wrap_content(content: Content | str, width: int, indent: int = 0,
                 first: int | None = None) -> Content:
    """`wrapped` for styled text: ``content`` broken into lines by the reader's rules, each line
    the slice of ``content`` it shows, so every span keeps covering the same characters.

    Lines after the first are indented by ``indent`` cells (the indent itself is unstyled);
    ``first`` is as in `wrapped`. Control characters in the text are shown inert (one glyph
    for one character, so the spans stay where they were).
    """
    if isinstance(content, str):
        content = Content(display_text(content), strip_control_codes=False)
    else:
        shown = display_text(content.plain)
        if shown != content.plain:
            content = Content(shown, list(content.spans), strip_control_codes=False)
    first = indent if first is None else first
    lines = [content[v.start:v.end]
             for v in _lines_from(content.plain, 0, first, width, indent)]
    return Content("\n" + " " * indent).join(lines)


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
    squeezed = first > indent and (width - first < 2 or (
        end < len(text) and text[end] != "\n" and not break_allowed(text, end)))
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


Paragraph = Content | str | tuple[Content | str, int]
"""A paragraph for `Prose`: its text, or its text and the indent of its lines after the first."""


class Prose(Static):
    """Report text, inert and wrapped to the widget's width by ``wrap_paragraphs``.

    The text is a plain string, a styled ``Content`` (its styles kept, see `wrap_content`), or a
    list of paragraphs, each on its own lines and each with its own hanging indent. It is wrapped
    for the width it is drawn at, so it fits again after a resize. ``content`` is the text as
    given, unwrapped, with the paragraphs joined by newlines.
    """

    def __init__(self, text: Paragraph | Iterable[Paragraph] = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._paragraphs: list[tuple[Content, int]] = []
        self._fitted: tuple[int, Content] | None = None
        self.update(text, layout=False)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        """Show ``content``: a `Paragraph` or a list of them (never parsed as markup)."""
        parts = [content] if isinstance(content, (Content, str, tuple)) else list(content)
        self._paragraphs = [_paragraph(part) for part in parts]
        self._fitted = None
        self.clear_cached_dimensions()
        super().update(Content("\n").join(text for text, _ in self._paragraphs), layout=layout)

    def fitted(self, width: int) -> Content:
        """The text wrapped to ``width`` cells."""
        if self._fitted is None or self._fitted[0] != width:
            lines = Content("\n").join(wrap_content(text, width, indent, first=0)
                                       for text, indent in self._paragraphs)
            self._fitted = (width, lines)
        return self._fitted[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(len(self.fitted(width).plain.split("\n")), 1)

    def render(self) -> Content:
        return self.fitted(self.content_region.width or self.size.width)


def _paragraph(part: Paragraph) -> tuple[Content, int]:
    text, indent = part if isinstance(part, tuple) else (part, 0)
    if isinstance(text, str):
        text = Content(display_text(text), strip_control_codes=False)
    return text, indent


OPTION_PADDING = 2  # cells an OptionList takes around each option's text (padding 0 1)


class WrappedList(OptionList):
    """An option list whose options quote the report: they are wrapped by the reader's Chinese
    rules at the list's width (Textual would fold them mid-figure, 10/0%, or start a line with
    ，), and wrapped again when that width changes. Subclasses build the options for
    `_text_width` in ``refresh_items``.

    The list is checked against its width whenever it is drawn, not only when its resize
    arrives: options built before the list had its width (filled as it mounts, or as the
    flags arrive) are wrapped again before they are shown, however late the resize comes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wrapped_at = 0  # the text width the options were last built for

    def on_mount(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        raise NotImplementedError

    def _text_width(self) -> int:
        """Cells for an option's text, leaving room for a scrollbar whether or not it shows
        (it appears once the options are in, which must not re-wrap them). The options built
        now are taken to be built for this width."""
        self._wrapped_at = self._width_now()
        return self._wrapped_at

    def _width_now(self) -> int:
        return self.content_region.width - self.styles.scrollbar_size_vertical - OPTION_PADDING

    def _fit(self) -> None:
        """Build the options again if the list's width is not the one they were built for."""
        width = self._width_now()
        if width != self._wrapped_at:
            self._wrapped_at = width
            self.refresh_items()

    def on_resize(self) -> None:
        self._fit()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._fit()
        return super().render_lines(crop)
