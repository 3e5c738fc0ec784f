"""The report reader: a Line-API view of one report with a sentence cursor and highlights.

The text is laid out by `reviewer.tui.wrap` (Chinese line breaking, measured in cells) and only
the visible lines are rendered, each as a `Strip` built from plain text with styles: markup and
escape sequences in a report are never interpreted, control characters show as inert glyphs.
Rendered strips are cached per visual line together with everything that colours that line
(highlight version, the part of the cursor sentence and of the selection on it, the width), so
moving the cursor re-renders only the lines it touches.

Everything the reader shows is addressed by offsets into the normalized report text: the cursor
is a sentence (as `reviewer.document.sentences.split_sentences` cuts them, so the app and the
core agree on what a sentence is), the selection a span, highlights spans with a kind.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reviewer.document.chars import pairs, swap
from reviewer.document.model import Sentence
from reviewer.document.sentences import split_sentences
from reviewer.tui import actions
from reviewer.tui.wrap import VisualLine, display_text, wrap_paragraphs

HIGHLIGHT_KINDS = (
    "shared", "note", "flag-info", "flag-warning", "flag-error", "search", "search-current")
"""Highlight kinds from the least to the most prominent: where spans overlap, the later wins."""

_TEXT_KINDS = frozenset({"shared", "flag-info", "flag-warning", "flag-error"})
"""Kinds that mark the text itself (its colour, underline, bold), not its background. They are
drawn below the cursor and the background kinds: inside those the text takes the highlight's
own colour, chosen to read on it, and keeps the underline and bold that mark it."""

SEARCH_GROUP = "search"
"""The highlight group the reader's own search fills; other groups belong to the app."""

_GAP = -1  # a blank row between paragraphs in the row table
_GUTTER = 1  # cells left of the text; the cursor's visual line is marked there


@dataclass(frozen=True)
class Highlight:
    """A span of the report to colour: ``kind`` is one of `HIGHLIGHT_KINDS`."""

    start: int
    end: int
    kind: str


class ReportView(ScrollView, can_focus=True, inherit_bindings=False):
    """The report text with a sentence cursor, a selection, highlights and search."""

    BINDINGS = actions.bindings("reader")

    COMPONENT_CLASSES = {
        "reportview--cursor",
        "reportview--cursor-line",
        "reportview--selection",
        "reportview--cursor-note",
        *(f"reportview--{kind}" for kind in HIGHLIGHT_KINDS),
    }

    DEFAULT_CSS = """
    ReportView {
        background: $surface;
        color: $foreground;
        padding: 0 1 0 0;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    ReportView > .reportview--cursor { background: $primary 25%; }
    ReportView > .reportview--cursor-line { background: $primary 50%; }
    ReportView:focus > .reportview--cursor-line { background: $primary; }
    ReportView:focus > .reportview--cursor { background: $primary 40%; }
    ReportView > .reportview--selection { text-style: reverse; }
    ReportView > .reportview--shared { color: $success; text-style: italic; }
    ReportView > .reportview--note { background: $success 30%; }
    ReportView > .reportview--cursor-note { background: $primary 70%; }
    ReportView > .reportview--flag-info { text-style: underline; }
    ReportView > .reportview--flag-warning { color: $warning; text-style: bold underline; }
    ReportView > .reportview--flag-error { color: $error; text-style: bold underline reverse; }
    ReportView > .reportview--search { background: $warning 45%; }
    ReportView > .reportview--search-current { background: $warning; color: $background; }
    """

    paragraph_gap: reactive[bool] = reactive(True)
    """Leave a blank row between paragraphs."""

    class CursorMoved(Message):
        """The cursor moved to the sentence starting at ``offset``."""

        def __init__(self, view: ReportView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

        @property
        def control(self) -> ReportView:
            return self.view

    class SelectionChanged(Message):
        """The selection is now ``selection`` (``None``: nothing selected)."""

        def __init__(self, view: ReportView, selection: tuple[int, int] | None) -> None:
            super().__init__()
            self.view = view
            self.selection = selection

        @property
        def control(self) -> ReportView:
            return self.view

    def __init__(
        self, text: str = "", *, name: str | None = None, id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._layers: dict[str, list[Highlight]] = {}
        self._highlight_version = 0
        self._buckets: dict[int, list[Highlight]] | None = None
        self._load(text)

    # ------------------------------------------------------------------ text and layout

    def _load(self, text: str) -> None:
        """Take a new text; its layout is made by the next `_relayout` (width 0: none yet)."""
        self._text = text
        self._display = display_text(text)
        self._sentences: list[Sentence] = split_sentences(text)
        self._sentence_starts = [s.start for s in self._sentences]
        self._sentence_ends = [s.end for s in self._sentences]
        self._width = 0
        self._lines: list[VisualLine] = []
        self._line_starts: list[int] = []
        self._rows: list[int] = []
        self._line_row: list[int] = []
        self._scroll_after_layout: str | None = None  # a move asked for before any layout
        self._cursor_index = 0
        self._cursor_line = 0
        self._selecting = False
        self._anchor = 0
        self._head: int | None = None
        self._layers.clear()
        self._search_hits: list[tuple[int, int]] = []
        self._search_index = -1
        self._search_query = ""
        self._folded: str | None = None
        self._changed_highlights()

    @property
    def text(self) -> str:
        """The report text shown (normalized text: one paragraph per line)."""
        return self._text

    @property
    def visual_lines(self) -> list[VisualLine]:
        """The current layout, one entry per wrapped line (blank gap rows not included)."""
        return self._lines

    def set_text(self, text: str) -> None:
        """Show a new document: cursor on its first sentence, no selection, no highlights."""
        self._load(text)
        self._relayout(force=True)
        self._scroll_y(0)
        self.post_message(self.CursorMoved(self, self.cursor))
        self.post_message(self.SelectionChanged(self, None))

    def _text_width(self) -> int:
        return self.scrollable_content_region.width - _GUTTER

    def _relayout(self, *, force: bool = False) -> None:
        """Re-wrap for the current width, keeping the line at the top of the view in place."""
        width = self._text_width()
        if width <= 0 or (width == self._width and not force):
            return
        top = self._row_offset(round(self.scroll_y)) if self._rows and not force else 0
        self._width = width
        self._lines = wrap_paragraphs(self._text, width)
        self._line_starts = [line.start for line in self._lines]
        self._build_rows()
        self._cursor_line = self._line_of(self._cursor_anchor_offset())
        self._buckets = None
        self._strip_cache.clear()
        if not force:
            self._scroll_y(self._line_row[self._line_of(top)] if self._lines else 0)
        if self._scroll_after_layout:
            self._scroll_to_cursor(self._scroll_after_layout)
            self._scroll_after_layout = None
        self.refresh()

    def _build_rows(self) -> None:
        rows: list[int] = []
        line_row: list[int] = []
        gap = self.paragraph_gap
        for index, line in enumerate(self._lines):
            if gap and line.first_in_para and index:
                rows.append(_GAP)
            line_row.append(len(rows))
            rows.append(index)
        self._rows = rows
        self._line_row = line_row
        self.virtual_size = Size(self._width, len(rows))

    def watch_paragraph_gap(self) -> None:
        if self._lines:
            self._build_rows()
            self._strip_cache.clear()
            self._scroll_to_line(self._cursor_line)
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_line(self._cursor_line)

    def on_mount(self) -> None:
        self._relayout(force=True)

    def _line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def _row_offset(self, row: int) -> int:
        """The text offset shown at ``row`` (a gap row counts as the paragraph after it)."""
        row = min(max(row, 0), len(self._rows) - 1)
        index = self._rows[row]
        if index == _GAP:
            index = self._rows[row + 1]
        return self._lines[index].start

    def visible_span(self) -> tuple[int, int]:
        """The span of text on screen now."""
        if not self._rows:
            return (0, 0)
        top = round(self.scroll_y)
        bottom = min(top + self.scrollable_content_region.height, len(self._rows)) - 1
        last = self._rows[bottom]
        if last == _GAP:
            last = self._rows[bottom - 1]
        return (self._row_offset(top), self._lines[last].end)

    def rows_of(self, start: int, end: int) -> tuple[int, int] | None:
        """The screen rows (of the whole screen) the first and last line of ``start..end``
        show on, clipped to the view; None when no part of it is in view."""
        if not self._lines or end <= start:
            return None
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        first = self._line_row[self._line_of(start)] - top
        last = self._line_row[self._line_of(end - 1)] - top
        if last < 0 or first >= height:
            return None
        y = self.scrollable_content_region.y
        return (y + max(first, 0), y + min(last, height - 1))

    def scroll_line_to_top(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the view's first."""
        if self._lines:
            self._scroll_y(self._line_row[self._line_of(offset)])

    # ------------------------------------------------------------------ rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strip_cache.clear()

    def _base_style(self) -> Style:
        # Looking the widget's style up costs more than rendering a cached line: keep it
        # until the styles change.
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            # The partial style says which properties the component sets, but its colours are
            # not yet blended (``$primary 25%`` comes out as full $primary); the full style has
            # the blended colours but also restates the widget's own. Keep the set properties
            # with the blended colours, so layers combine without undoing each other.
            component = f"reportview--{name}"
            partial = self.get_component_rich_style(component, partial=True)
            full = self.get_component_rich_style(component)
            style = partial + Style(color=full.color if partial.color else None,
                                    bgcolor=full.bgcolor if partial.bgcolor else None)
            self._styles[name] = style
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        # The first frame is drawn before the first Resize event is handled: lay the text out
        # for the width known now, or that frame would show an empty reader.
        if not self._width:
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        base = self._base_style()
        row = round(self.scroll_y) + y
        if row >= len(self._rows):
            return Strip.blank(self.scrollable_content_region.width, base)
        width = self._width + _GUTTER
        if self._rows[row] == _GAP:
            return Strip.blank(width, base)
        index = self._rows[row]
        line = self._lines[index]
        cursor = _clip(self.current_sentence, line) if self._sentences else None
        selection = _clip(self.selection, line)
        marked = index == self._cursor_line
        key = (index, width, self._highlight_version, cursor, selection, marked)
        strip = self._strip_cache.get(key)
        if strip is None:
            gutter_style = base + self._style("cursor-line") if marked else base
            gutter = Segment(" " * _GUTTER, gutter_style)
            strip = self._render_visual_line(line, index, cursor, selection, base)
            strip = Strip([gutter, *strip]).crop_extend(0, width, base)
            self._strip_cache[key] = strip
        return strip

    def _render_visual_line(
        self, line: VisualLine, index: int, cursor: tuple[int, int] | None,
        selection: tuple[int, int] | None, base: Style,
    ) -> Strip:
        """One visual line as styled segments, from the bottom: the text kinds (flags), the
        cursor, notes, the cursor where it lies on a note, search hits, the selection."""
        spans: list[tuple[int, int, Style]] = []
        marks = [(clipped, mark.kind) for mark in self._highlights_on(index)
                 if (clipped := _clip((mark.start, mark.end), line))]
        spans += [(*span, self._style(kind)) for span, kind in marks if kind in _TEXT_KINDS]
        if cursor:
            spans.append((*cursor, self._style("cursor")))
        notes = [span for span, kind in marks if kind == "note"]
        spans += [(*span, self._style("note")) for span in notes]
        if cursor:
            spans += [(max(s, cursor[0]), min(e, cursor[1]), self._style("cursor-note"))
                      for s, e in notes if max(s, cursor[0]) < min(e, cursor[1])]
        spans += [(*span, self._style(kind)) for span, kind in marks
                  if kind not in _TEXT_KINDS and kind != "note"]
        if selection:
            spans.append((*selection, self._style("selection")))
        cuts = sorted({line.start, line.end, *(p for s, e, _ in spans for p in (s, e))})
        segments = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            style = base
            for s, e, extra in spans:
                if s <= a and b <= e:
                    style += extra
            segments.append(Segment(self._display[a:b], style))
        return Strip(segments)

    def style_at(self, offset: int) -> Style:
        """The style the character at ``offset`` is drawn with now (cursor, highlights and
        selection as they stand), as handed to Textual for the screen."""
        index = self._line_of(offset)
        line = self._lines[index]
        cursor = _clip(self.current_sentence, line) if self._sentences else None
        strip = self._render_visual_line(line, index, cursor, _clip(self.selection, line),
                                         self._base_style())
        position = line.start
        for segment in strip:
            position += len(segment.text)
            if position > offset:
                return segment.style
        raise ValueError(f"offset {offset} is not on its line")

    # ------------------------------------------------------------------ highlights

    def set_highlights(self, group: str, highlights: Iterable[Highlight]) -> None:
        """Replace the highlights of ``group`` ("flags", "notes"…); other groups stay.

        Spans are clipped to the text and empty ones dropped, so stale offsets cannot break
        the view. The group `SEARCH_GROUP` belongs to `search`.
        """
        n = len(self._text)
        kept = []
        for mark in highlights:
            if mark.kind not in HIGHLIGHT_KINDS:
                raise ValueError(f"unknown highlight kind {mark.kind!r}")
            start, end = max(0, mark.start), min(n, mark.end)
            if start < end:
                kept.append(Highlight(start, end, mark.kind))
        self._layers[group] = kept
        self._changed_highlights()

    def highlights(self, group: str) -> list[Highlight]:
        """The highlights of ``group`` as kept (clipped to the text)."""
        return list(self._layers.get(group, ()))

    def _changed_highlights(self) -> None:
        self._highlight_version += 1
        self._buckets = None
        self.refresh()

    def _highlights_on(self, index: int) -> list[Highlight]:
        if self._buckets is None:
            self._buckets = self._bucket_highlights()
        return self._buckets.get(index, [])

    def _bucket_highlights(self) -> dict[int, list[Highlight]]:
        """Highlights by visual line, in drawing order (least prominent kind first)."""
        buckets: dict[int, list[Highlight]] = {}
        rank = {kind: i for i, kind in enumerate(HIGHLIGHT_KINDS)}
        marks = sorted((m for layer in self._layers.values() for m in layer),
                       key=lambda m: rank[m.kind])
        for mark in marks:
            for index in range(self._line_of(mark.start), self._line_of(mark.end - 1) + 1):
                buckets.setdefault(index, []).append(mark)
        return buckets

    # ------------------------------------------------------------------ cursor

    @property
    def cursor(self) -> int:
        """The offset where the current sentence starts (0 in an empty text)."""
        return self._sentences[self._cursor_index].start if self._sentences else 0

    @property
    def current_sentence(self) -> tuple[int, int]:
        if not self._sentences:
            return (0, 0)
        sentence = self._sentences[self._cursor_index]
        return (sentence.start, sentence.end)

    def _sentence_at(self, offset: int, *, backward: bool = False) -> int:
        """The sentence holding ``offset``; between sentences the next one (the previous one
        when ``backward``), and at either end of the text the nearest."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and (offset < self._sentences[i].end or backward):
            return i
        return min(i + 1, len(self._sentences) - 1)

    def _line_within(self, index: int, offset: int) -> int:
        """The visual line of sentence ``index`` nearest to ``offset``: where the cursor shows
        when it lands on that sentence from ``offset`` (which may lie between sentences)."""
        sentence = self._sentences[index]
        return self._line_of(min(max(offset, sentence.start), sentence.end - 1))

    def _cursor_anchor_offset(self) -> int:
        if self._head is not None and self._selecting:
            return self._head
        return self.cursor

    def _set_cursor(self, index: int, line: int | None = None, *,
                    scroll: str = "sentence") -> None:
        """Move the cursor to sentence ``index`` (shown on visual ``line``).

        While selecting, the moving end of the selection goes with it: to the sentence's end
        when it lies after the anchor, else to its start.
        """
        if not self._sentences:
            return
        index = min(max(index, 0), len(self._sentences) - 1)
        if self._selecting:
            sentence = self._sentences[index]
            head = sentence.end if sentence.start >= self._anchor else sentence.start
            self._move_head(head, scroll=scroll)
        else:
            self._place_cursor(index, line, scroll)

    def _place_cursor(self, index: int, line: int | None, scroll: str) -> None:
        """Put the cursor on sentence ``index`` and scroll: ``scroll`` is "sentence" (bring
        the sentence into view), "line" (just the cursor's line) or "center"."""
        moved = index != self._cursor_index
        self._cursor_index = index
        sentence = self._sentences[index]
        self._cursor_line = self._line_of(sentence.start) if line is None else line
        self._scroll_to_cursor(scroll)
        if moved:
            self.post_message(self.CursorMoved(self, sentence.start))
        self.refresh()

    def move_to(self, offset: int, *, center: bool = True) -> None:
        """Put the cursor on the sentence holding ``offset`` and scroll it into view."""
        if not self._sentences:
            return
        index = self._sentence_at(min(max(offset, 0), len(self._text)))
        self._set_cursor(index, self._line_within(index, offset),
                         scroll="center" if center else "line")

    def _scroll_to_cursor(self, how: str) -> None:
        if not self._lines:
            self._scroll_after_layout = how
            return
        if how == "center":
            row = self._line_row[self._cursor_line]
            self._scroll_y(max(0, row - self.scrollable_content_region.height // 2))
        elif how == "sentence":
            start, end = self.current_sentence
            self._scroll_to_line(self._line_of(max(start, end - 1)))
            self._scroll_to_line(self._line_of(start))
        self._scroll_to_line(self._cursor_line)

    def _scroll_y(self, y: float) -> None:
        # Forced: before the first layout settles Textual may not yet consider the view
        # scrollable, and a jump asked for then must not be lost.
        self.scroll_to(y=y, animate=False, force=True)

    def _scroll_to_line(self, index: int) -> None:
        """Scroll as little as needed to show visual line ``index``."""
        if not self._lines:
            return
        row = self._line_row[min(index, len(self._lines) - 1)]
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if row < top:
            self._scroll_y(row)
        elif row >= top + height:
            self._scroll_y(row - height + 1)

    def _go_to_line(self, index: int) -> None:
        """Cursor to the first sentence on visual line ``index``."""
        if not self._lines:
            return
        index = min(max(index, 0), len(self._lines) - 1)
        line = self._lines[index]
        sentence = self._sentence_at(line.start)
        span = self._sentences[sentence]
        if not _clip((span.start, span.end), line):  # a line without a sentence (blank)
            index = self._line_within(sentence, line.start)
        self._set_cursor(sentence, index, scroll="line")

    def action_line_down(self) -> None:
        if self._selecting:
            self._head_by_line(+1)
        else:
            self._go_to_line(self._cursor_line + 1)

    def action_line_up(self) -> None:
        if self._selecting:
            self._head_by_line(-1)
        else:
            self._go_to_line(self._cursor_line - 1)

    def action_sentence_down(self) -> None:
        if self._selecting:
            self._head_by_sentence(+1)
        else:
            self._set_cursor(self._cursor_index + 1)

    def action_sentence_up(self) -> None:
        if self._selecting:
            self._head_by_sentence(-1)
        else:
            self._set_cursor(self._cursor_index - 1)

    def _page(self, direction: int) -> None:
        if not self._lines:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        row = self._line_row[self._cursor_line] + direction * height
        row = min(max(row, 0), len(self._rows) - 1)
        if self._rows[row] == _GAP:
            row += 1
        self._scroll_y(round(self.scroll_y) + direction * height)
        self._go_to_line(self._rows[row])

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self._set_cursor(0)
        self._scroll_y(0)

    def action_bottom(self) -> None:
        self._set_cursor(len(self._sentences) - 1)
        self._scroll_y(self.max_scroll_y)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the sentence clicked (or, selecting, extends to it)."""
        where = event.get_content_offset(self)
        if where is None or not self._rows:
            return
        row = min(round(self.scroll_y) + where.y, len(self._rows) - 1)
        index = self._rows[row] if self._rows[row] != _GAP else self._rows[row + 1]
        offset = self._offset_at_column(index, where.x - _GUTTER)
        if self._selecting:
            self._move_head(offset, line=index)
        else:
            self._set_cursor(self._sentence_at(offset), index, scroll="line")

    def _offset_at_column(self, index: int, column: int) -> int:
        """The offset of the character at cell ``column`` of visual line ``index``."""
        line = self._lines[index]
        cells = 0
        for offset in range(line.start, line.end):
            cells += cell_len(self._display[offset])
            if cells > column:
                return offset
        return line.end

    # ------------------------------------------------------------------ selection

    @property
    def selecting(self) -> bool:
        """Whether cursor movement currently extends the selection."""
        return self._selecting

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected span, or None when nothing (or nothing but an empty span) is selected."""
        if self._head is None:
            return None
        start, end = sorted((self._anchor, self._head))
        return (start, end) if start < end else None

    def start_selection(self) -> None:
        """Select the current sentence; moving the cursor now extends the selection."""
        if not self._sentences:
            return
        start, end = self.current_sentence
        self._selecting = True
        self._anchor = start
        self._head = None
        self._move_head(end)
        self.refresh_bindings()

    def stop_selection(self) -> None:
        """Stop extending; the selection stays until cleared (it is what gets annotated)."""
        self._selecting = False
        self.refresh_bindings()

    def clear_selection(self) -> None:
        """Drop the selection (after it was annotated, or on Escape)."""
        had = self.selection is not None
        self._selecting = False
        self._head = None
        self.refresh_bindings()
        self.refresh()
        if had:
            self.post_message(self.SelectionChanged(self, None))

    def action_toggle_selection(self) -> None:
        if self._selecting:
            self.stop_selection()
        else:
            self.start_selection()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Character movement and swapping ends only mean something while selecting; otherwise
        # the keys are left to the screen.
        if action in ("char_left", "char_right", "swap_selection_ends"):
            return self._selecting
        return True

    def action_char_right(self) -> None:
        self._move_head((self._head or 0) + 1)

    def action_char_left(self) -> None:
        self._move_head((self._head or 0) - 1)

    def action_swap_selection_ends(self) -> None:
        if self._head is not None:
            self._anchor, head = self._head, self._anchor
            self._move_head(head)

    def _head_by_sentence(self, direction: int) -> None:
        """Move the selection's moving end to the next sentence end (or previous start)."""
        head = self._head or 0
        if direction > 0:
            i = bisect_right(self._sentence_ends, head)
            target = self._sentences[i].end if i < len(self._sentences) else head
        else:
            i = bisect_left(self._sentence_starts, head) - 1
            target = self._sentences[i].start if i >= 0 else head
        self._move_head(target, scroll="sentence")

    def _head_by_line(self, direction: int) -> None:
        """Move the selection's moving end to the same column one visual line down or up."""
        head = self._head or 0
        index = self._cursor_line
        line = self._lines[index]
        column = cell_len(self._display[line.start : head]) if head >= line.start else 0
        target = min(max(index + direction, 0), len(self._lines) - 1)
        self._move_head(self._offset_at_column(target, column), line=target)

    def _move_head(self, head: int, *, line: int | None = None, scroll: str = "line") -> None:
        """Set the selection's moving end; the cursor follows it."""
        before = self.selection
        self._head = min(max(head, 0), len(self._text))
        if self._sentences:
            # The cursor shows the selected sentence nearest the head.
            forward = self._head > self._anchor
            at = max(self._head - 1 if forward else self._head, 0)
            index = self._sentence_at(at, backward=forward)
            if line is None:
                line = self._line_within(index, at)
            self._place_cursor(index, line, scroll)
        if self.selection != before:
            self.post_message(self.SelectionChanged(self, self.selection))
        self.refresh()

    # ------------------------------------------------------------------ search

    @property
    def search_position(self) -> tuple[int, int]:
        """(number of the current hit counting from 1, number of hits); (0, 0) without hits."""
        if not self._search_hits:
            return (0, 0)
        return (self._search_index + 1, len(self._search_hits))

    @property
    def search_query(self) -> str:
        """The query whose hits are shown ("" when none are)."""
        return self._search_query

    def search(self, query: str, *, origin: int | None = None, move: bool = True) -> int:
        """Highlight every occurrence of ``query`` (Latin letters in any case) and move to the
        first one at or after ``origin`` (default: the cursor). Returns the number of hits; an
        empty query clears.

        Cheap enough for every keystroke: a plain substring search (the query is text, never a
        pattern) over a case-folded copy of the text made once, at most `MAX_SEARCH_HITS` hits.
        """
        self._search_query = query
        self._search_hits = _find_all(self._folded_text(), swap(query, _ASCII_LOWER))
        if not self._search_hits:
            self._search_index = -1
            self._show_search()
            return 0
        starts = [start for start, _ in self._search_hits]
        at = self.cursor if origin is None else origin
        self._search_index = bisect_left(starts, at) % len(starts)
        if move:
            self._go_to_hit()
        else:
            self._show_search()
        return len(self._search_hits)

    def clear_search(self) -> None:
        """Drop the search's hits and their highlights."""
        if self._search_hits or self._search_query:
            self.search("")

    def _folded_text(self) -> str:
        if self._folded is None:
            # ASCII letters only: folding keeps every offset (str.lower may lengthen a character)
            self._folded = swap(self._text, _ASCII_LOWER)
        return self._folded

    def search_next(self) -> bool:
        """Move to the next hit (after the last, the first). False when there are no hits."""
        return self._step_hit(+1)

    def search_previous(self) -> bool:
        """Move to the previous hit (before the first, the last). False without hits."""
        return self._step_hit(-1)

    def _step_hit(self, direction: int) -> bool:
        if not self._search_hits:
            return False
        self._search_index = (self._search_index + direction) % len(self._search_hits)
        self._go_to_hit()
        return True

    def _go_to_hit(self) -> None:
        self._show_search()
        self.move_to(self._search_hits[self._search_index][0], center=False)

    def _show_search(self) -> None:
        self.set_highlights(SEARCH_GROUP, [
            Highlight(start, end, "search-current" if i == self._search_index else "search")
            for i, (start, end) in enumerate(self._search_hits)
        ])


_ASCII_LOWER = pairs("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

MAX_SEARCH_HITS = 5000
"""At most this many hits are found and highlighted: the work one keystroke may cost."""


def _find_all(text: str, query: str) -> list[tuple[int, int]]:
    """The spans of ``query`` in ``text``, not overlapping, at most `MAX_SEARCH_HITS`."""
    if not query:
        return []
    hits: list[tuple[int, int]] = []
    size = len(query)
    find = text.find
    at = find(query)
    while at >= 0 and len(hits) < MAX_SEARCH_HITS:
        hits.append((at, at + size))
        at = find(query, at + size)
    return hits


def _clip(span: tuple[int, int] | None, line: VisualLine) -> tuple[int, int] | None:
    """The part of ``span`` on ``line``, or None when they do not meet."""
    if span is None:
        return None
    start, end = max(span[0], line.start), min(span[1], line.end)
    return (start, end) if start < end else None
