"""The baseline the list of reports is measured against: a bare Textual app listing the files of
a folder in a DataTable, nothing read.

    python benchmarks/baseline_list.py FOLDER
"""

from __future__ import annotations

import os
import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable


class Baseline(App):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        table = DataTable(cursor_type="row")
        table.add_column("file")
        for name in self.names:
            table.add_row(name)
        yield table


def main() -> None:
    folder = sys.argv[1]
    names = sorted(os.path.relpath(os.path.join(root, f), folder)
                   for root, _dirs, files in os.walk(folder) for f in files)
    Baseline(names).run()


if __name__ == "__main__":
    main()
