"""A dialog to choose one of a list: which report is last year's, from the picker (``p``).

Returns the chosen value, or ``None`` on Escape; it changes nothing itself: the screen that opened
it records the choice through a session. Its keys are the registry's ``choose.*``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reviewer.tui import actions
from reviewer.tui.screens.keys import KeyedScreen


class ChoiceList(OptionList, inherit_bindings=False):
    BINDINGS = actions.bindings("choose-list")


class ChooseDialog(KeyedScreen, ModalScreen[str | None]):
    """A title and the options as ``(value, text)``; the one whose value is ``current`` (or each
    whose value is in it, when it is a set) is marked, and the first of them highlighted."""

    BINDINGS = actions.bindings("choose")
    HELP = ("choose", "app")
    HELP_TITLE = "ui.help_title_choose"

    def __init__(self, title: str, options: list[tuple[str, str]],
                 current: str | set[str] = "") -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.marked = {current} if isinstance(current, str) else set(current)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield ChoiceList(*(Option(Content(("● " if value in self.marked else "  ") + text)
                                      , id=str(n)) for n, (value, text) in
                               enumerate(self.options)), id="choices-list")
            yield Static(Content(self.key_hint("choose.select", "choose.cancel",
                                               "choose.help")), classes="dialog-hint")

    def on_mount(self) -> None:
        choices = self.query_one(ChoiceList)
        index = next((n for n, (value, _) in enumerate(self.options) if value in self.marked),
                     0)
        choices.highlighted = index
        choices.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[int(event.option.id or 0)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
