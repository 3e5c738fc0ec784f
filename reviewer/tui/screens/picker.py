"""The report picker: the reports of a folder with government, year, genre, flag counts and
whether a review exists. Reports are read in a worker thread and appear as they are read; one
that cannot be read shows why, and choosing it says so instead of opening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from reviewer.document import Document, ReportError, load_document
from reviewer.i18n import language, t
from reviewer.profiles import get_profile
from reviewer.review import default_review_path
from reviewer.tui import actions
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.messages import ReportScanned
from reviewer.tui.plain import snippet
from reviewer.tui.screens.keys import KeyedScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session

COLUMNS = ("file", "government", "year", "genre", "flags", "review")


def describe(doc: Document, flags: list[Any], review_path: Path) -> dict[str, Any]:
    """One picker row for a report that opened."""
    profile = get_profile(doc.genre)
    counts = {s: sum(f.severity == s for f in flags) for s in ("error", "warning", "info")}
    return {
        "government": doc.government,
        "year": str(doc.year or ""),
        "genre": profile.label if language() == "zh" else profile.label_en,
        "flags": f"{counts['error']}/{counts['warning']}/{counts['info']}",
        "review": t("ui.yes") if review_path.exists() else "",
        "doc": doc,
    }


class ReportTable(DataTable, inherit_bindings=False):
    """One row per report; moved through and opened with the registry's ``picker.*`` keys."""

    BINDINGS = actions.bindings("picker-table")


class PickerScreen(KeyedScreen, Screen[None]):
    BINDINGS = actions.bindings("picker")
    HELP = ("picker", "app")
    HELP_TITLE = "ui.help_title_picker"
    AUTO_FOCUS = "DataTable"

    def __init__(self, paths: list[str], folder: str) -> None:
        super().__init__()
        self.paths = paths
        self.folder = folder
        self.rows: dict[str, dict[str, Any]] = {}
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "user_keymap", {})
        key = {ident: actions.display_keys(keymap.get(ident, actions.spec(ident).key))
               for ident in ("picker.select", "picker.quit")}
        yield Static(Text(t("ui.picker_title", folder=snippet(self.folder, 60),
                            open=key["picker.select"], quit=key["picker.quit"])), id="header")
        table = ReportTable(cursor_type="row", zebra_stripes=True)
        for column in COLUMNS:
            table.add_column(t(f"ui.col_{column}"), key=column)
        for path in self.paths:
            table.add_row(Text(snippet(Path(path).name, 40)), Text(t("ui.reading")), "", "", "",
                          "", key=path)
        yield table
        yield KeyHints()

    def on_mount(self) -> None:
        self.app.start_up_done()
        self._scan()

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self) -> None:
        from reviewer.flags import run_flags  # loaded here, off the path to the first frame

        for path in self.paths:
            try:
                doc = load_document(path)
            except ReportError as exc:
                self.post_message(ReportScanned(path, None, exc.reason))
                continue
            try:
                flags = run_flags(doc)
            except Exception as exc:  # a failing check must not hide the report
                self.post_message(ReportScanned(path, None, str(exc)))
                continue
            self.post_message(ReportScanned(path, describe(doc, flags,
                                                           Path(default_review_path(path)))))

    @on(ReportScanned)
    def _scanned(self, event: ReportScanned) -> None:
        table = self.query_one(DataTable)
        if event.row is None:
            self.errors[event.path] = event.error or ""
            table.update_cell(event.path, "government",
                              Text(snippet(t("ui.unreadable", reason=event.error), 60),
                                   style="red"), update_width=True)
            return
        self.rows[event.path] = event.row
        for column in COLUMNS[1:]:
            table.update_cell(event.path, column, Text(snippet(event.row[column], 30)),
                              update_width=True)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        path = str(event.row_key.value)
        if path in self.errors:
            self.notify(f"{path}: {self.errors[path]}", severity="error", timeout=10)
            return
        row = self.rows.get(path)
        self.open_report(path, row["doc"] if row else path)

    def open_report(self, path: str, report: Document | str) -> None:
        """Review one report; coming back, its row shows whether it now has a review."""
        try:
            session = Session.open(report, reviewer=self.app.settings.reviewer)
        except ReportError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return

        def back(_: None) -> None:
            if Path(default_review_path(path)).exists():
                self.query_one(DataTable).update_cell(path, "review", Text(t("ui.yes")))

        self.app.push_screen(MainScreen(session, from_picker=True), back)

    def palette_targets(self) -> dict[str, Any]:
        return {"picker": self, "picker-table": self.query_one(ReportTable), "app": self.app}

    def action_quit(self) -> None:
        self.app.exit()
