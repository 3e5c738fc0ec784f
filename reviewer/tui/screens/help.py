"""The help screen: the keys that work on the screen it was opened from, each with its action
and its id (what ``[keys]`` in ``config.toml`` remaps), generated from the action registry."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static
from textual.widgets.data_table import ColumnKey

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.actions import Entry
from reviewer.tui.prose import wrapped


class KeyTable(DataTable, inherit_bindings=False):
    """The rows of keys; moved through with the registry's ``help.*`` keys."""

    BINDINGS = actions.bindings("help-table")


class HelpScreen(ModalScreen[None]):
    """The keys of one screen. Escape, q, ? or F1 closes it (by default)."""

    BINDINGS = actions.bindings("help")

    def __init__(self, title: str, entries: list[Entry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries
        self._fitted: int | None = None  # the width the actions are wrapped at, if any

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label(self.title_text, classes="dialog-title")
            table: KeyTable = KeyTable(cursor_type="row", zebra_stripes=True)
            table.add_column(Text(t("ui.help_key")), key="key")
            table.add_column(Text(t("ui.help_id")), key="id")
            table.add_column(Text(t("ui.help_action")), key="action")
            self._fill(table, None)
            yield table
            yield Static(Content(t("ui.help_footer")), classes="dialog-hint")

    def _fill(self, table: DataTable, room: int | None) -> None:
        """The rows, each action on one line, or wrapped at ``room`` cells by the reader's
        rules (the row as tall as its action's lines)."""
        for entry in self.entries:
            label = wrapped(entry.label, room) if room else entry.label
            table.add_row(Text(entry.keys, style="bold"), Text(entry.id, style="dim"),
                          Text(label), key=entry.id, height=label.count("\n") + 1)

    def _room(self, table: DataTable) -> int:
        """The cells the action column has beside the keys and the ids, inside the table's
        scroll bar; each column is padded on both sides."""
        pad = 2 * table.cell_padding
        keys = max(cell_len(t("ui.help_key")), *(cell_len(e.keys) for e in self.entries))
        ids = max(cell_len(t("ui.help_id")), *(cell_len(e.id) for e in self.entries))
        bar = table.styles.scrollbar_size_vertical
        return table.size.width - bar - (keys + pad) - (ids + pad) - pad

    def on_resize(self) -> None:
        """Where the actions do not all fit beside the keys and the ids (80 columns), the
        action column takes the room left and the longer actions wrap in it: cut off, the
        rest of an action could only be read by scrolling the table sideways."""
        table = self.query_one(KeyTable)
        room = self._room(table)
        widest = max(cell_len(e.label) for e in self.entries)
        fitted = None if room >= widest or room < 8 else room
        if fitted == self._fitted:
            return
        self._fitted = fitted
        column = table.columns[ColumnKey("action")]
        column.auto_width = fitted is None
        if fitted is not None:
            column.width = fitted
        row = table.cursor_row
        table.clear()
        self._fill(table, fitted)
        table.move_cursor(row=row, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
