"""The help screen: the keys that work on the screen it was opened from, each with its action
and its id (what ``[keys]`` in ``config.toml`` remaps), generated from the action registry."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.actions import Entry


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

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label(self.title_text, classes="dialog-title")
            table: KeyTable = KeyTable(cursor_type="row", zebra_stripes=True)
            table.add_column(Text(t("ui.help_key")), key="key")
            table.add_column(Text(t("ui.help_id")), key="id")
            table.add_column(Text(t("ui.help_action")), key="action")
            for entry in self.entries:
                table.add_row(Text(entry.keys, style="bold"), Text(entry.id, style="dim"),
                              Text(entry.label), key=entry.id)
            yield table
            yield Static(Content(t("ui.help_footer")), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
