"""The baseline the app is measured against: a bare Textual app showing a report's text in a
read-only TextArea (optionally with jieba initialised, for the memory baseline).

    python benchmarks/baseline_app.py REPORT [--jieba]
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import TextArea


class Baseline(App):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        area = TextArea(self.text, read_only=True, soft_wrap=True)
        area.cursor_blink = False  # a blink would be drawn as if it answered a key
        yield area


def main() -> None:
    path = sys.argv[1]
    if "--jieba" in sys.argv:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    Baseline(text).run()


if __name__ == "__main__":
    main()
