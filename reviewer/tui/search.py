"""The search line of the main screen: ``/`` opens it at the bottom, hits show in the reader as
the query is typed, ``k/N`` beside it. Enter closes it keeping the hits (``n``/``N`` then step
through them), Escape closes it and clears them.

The line only reports what happens, as messages; the screen runs the search in the reader.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reviewer.i18n import t
from reviewer.tui import actions


class SearchBar(Input):
    """The query field: typing searches, Enter keeps the hits, Escape clears them."""

    BINDINGS = actions.bindings("search")

    class Closed(Message):
        """The reviewer left the search line: ``keep`` the hits (Enter) or not (Escape)."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def action_close(self) -> None:
        self.post_message(self.Closed(keep=False))


class SearchLine(Horizontal):
    """The query field and, beside it, where the current hit is among all: ``3/17``."""

    def compose(self) -> ComposeResult:
        yield SearchBar(placeholder=t("ui.search_placeholder"), id="search")
        yield Static(id="search-count")

    def show_position(self, query: str, position: tuple[int, int]) -> None:
        current, total = position
        if not query:
            text = Content("")
        elif total:
            text = Content(t("ui.search_position", current=current, total=total))
        else:
            text = Content.styled(t("ui.search_none"), "$text-error")
        self.query_one("#search-count", Static).update(text)
