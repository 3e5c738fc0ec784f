"""Reader speed on the largest corpus report, against Textual's own widgets in the same run.

- wrapping the whole report at 80 columns: `wrap_paragraphs` against the wrapping Textual's
  TextArea uses (`compute_wrap_offsets`, spaces only, no Chinese rules);
- opening the report and drawing its first frame, and
- a key that moves the cursor or pages, plus rendering every visible line of the 80×24 view:
  `ReportView` against a read-only, soft-wrapping `TextArea` holding the same text.

Targets: wrapping in a few milliseconds; a key within 1.2× of the TextArea.

    python benchmarks/bench_reader.py
"""

from __future__ import annotations

import asyncio
import sys

from _timing import CORPUS, SEEDS, measure, ratio_line
from textual._wrap import compute_wrap_offsets
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from reviewer.document import load_document
from reviewer.tui.reader import ReportView
from reviewer.tui.wrap import wrap_paragraphs


class Side(App):
    """Both widgets side by side at the same width, so each renders the same number of rows."""

    CSS = "Screen { layout: horizontal; } ReportView, TextArea { width: 80; height: 24; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.report = text

    def compose(self) -> ComposeResult:
        yield ReportView(self.report)
        yield TextArea(self.report, read_only=True, soft_wrap=True)


def _frame(widget) -> None:
    """Render every visible line, as a frame needs."""
    for y in range(widget.scrollable_content_region.height):
        widget.render_line(y)


def _keys_and_frames(widget, forth, back) -> None:
    """Two keys, each followed by a frame."""
    for action in (forth, back):
        action()
        _frame(widget)


async def _keys(text: str) -> list[str]:
    app = Side(text)
    out = []
    async with app.run_test(size=(160, 24)) as pilot:
        await pilot.pause()
        view, area = app.query_one(ReportView), app.query_one(TextArea)
        def open_ours() -> None:
            view.set_text(text)
            view._relayout(force=True)  # what the next resize or refresh would do
            _frame(view)

        def open_theirs() -> None:
            area.load_text(text)
            _frame(area)

        out.append(ratio_line("open the report + first frame", measure("open", open_ours),
                              measure("open", open_theirs), "≤ 1.2"))
        view.move_to(len(text) // 2)
        area.move_cursor(area.document.get_location_from_index(len(text) // 2), center=True)
        # Each round is a key forth and a key back, so both views keep really moving.
        cases = [
            ("J K / down up", view.action_sentence_down, view.action_sentence_up,
             area.action_cursor_down, area.action_cursor_up),
            ("j k / down up", view.action_line_down, view.action_line_up,
             area.action_cursor_down, area.action_cursor_up),
            ("pagedown pageup", view.action_page_down, view.action_page_up,
             area.action_cursor_page_down, area.action_cursor_page_up),
        ]
        for name, forth, back, area_forth, area_back in cases:
            subject = measure(name, lambda f=forth, b=back: _keys_and_frames(view, f, b),
                              rounds=200)
            base = measure(name, lambda f=area_forth, b=area_back: _keys_and_frames(area, f, b),
                           rounds=200)
            out.append(ratio_line(f"2 × (key + frame): {name}", subject, base, "≤ 1.2"))
    return out


def main() -> int:
    path = CORPUS / "guangdong-2025.txt"
    if not path.exists():
        path = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
        print(f"corpus not found; measuring the largest seed {path.name}")
    text = load_document(str(path)).text
    print(f"report: {path.name} ({len(text)} characters, {text.count(chr(10)) + 1} paragraphs)")
    ours = measure("wrap_paragraphs", lambda: wrap_paragraphs(text, 80), rounds=30)
    paragraphs = text.split("\n")
    theirs = measure("compute_wrap_offsets",
                     lambda: [compute_wrap_offsets(p, 80, 4) for p in paragraphs], rounds=30)
    print(ratio_line("wrap whole report at 80 columns", ours, theirs, "a few ms"))
    for line in asyncio.run(_keys(text)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
