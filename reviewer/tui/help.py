"""The help screen and the command palette, both generated from the action registry, so every
key the app answers to is listed with the key that runs it now (after the user's remapping)."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from reviewer.i18n import t
from reviewer.tui.actions import Entry


class HelpScreen(ModalScreen[None]):
    """Every action with its key. Any of Escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", t("ui.close"))]

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label(t("ui.help_title"), classes="dialog-title")
            table: DataTable = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_column(Text(t("ui.help_key")), key="key")
            table.add_column(Text(t("ui.help_action")), key="action")
            for entry in self.entries:
                table.add_row(Text(entry.keys, style="bold"), Text(entry.label), key=entry.id)
            yield table
            yield Static(Content(t("ui.help_footer")), classes="dialog-hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


class ActionsProvider(Provider):
    """Offers every action of the current screen in the command palette.

    A screen takes part by defining ``palette_entries() -> list[Entry]`` and
    ``run_entry(entry)``.
    """

    def _entries(self) -> list[Entry]:
        entries = getattr(self.screen, "palette_entries", None)
        return [e for e in entries() if e.id != "app.command_palette"] if entries else []

    def _run(self, entry: Entry) -> None:
        self.screen.run_entry(entry)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(f"{entry.label}  ({entry.keys})", partial(self._run, entry),
                               help=entry.id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            text = f"{entry.label}  ({entry.keys})"
            score = max(matcher.match(text), matcher.match(entry.id))
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, entry), text=text,
                          help=entry.id)
