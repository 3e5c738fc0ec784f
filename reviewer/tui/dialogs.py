"""The app's dialogs. Each is a ``ModalScreen[T]`` that hands its result back through
``dismiss``: the caller gets the value, or ``None`` when the reviewer pressed Escape. Neither
changes the review: the screen that opened one records what it returns through the session.

- `AnnotationDialog`: the note, tag and severity of a passage.
- `PromptDialog`: one line of text about something quoted: the note of a decision on a flag,
  the note on a plan item or a target of last year's report.

Enter saves (it is the one key every terminal sends the same way); a line break inside a note is
ctrl+j, which terminals send as a plain line feed, so it works over SSH too. Every key is in the
action registry (``annotation.*``, ``prompt.*``) and can be remapped; F1 lists them.

A dialog answers once: Enter pressed three times quickly, or the line ends of a paste, reach it
again before it has left the screen, and a second ``dismiss`` would stop the app. And a
multi-line paste in a terminal without bracketed paste arrives as keys, its line ends as Enter:
an Enter that comes in the same burst as the key before it (far quicker than anyone types; the
app measures the gap, ``ReviewerApp.key_gap``) is part of the paste, a line break in a note and a
space in a one-line field, not "save".
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.plain import snippet, term
from reviewer.tui.prose import Prose
from reviewer.tui.screens.keys import KeyedScreen


class AnnotationInput(NamedTuple):
    """What the annotation dialog returns."""

    tag: str
    severity: str
    note: str


# Keys closer together than this came in one read from the terminal: a paste, not typing.
PASTE_GAP = 0.02  # seconds


def _in_burst(widget: Widget, key: Key | None = None) -> bool:
    """Whether a line end came in the same burst as the key before it: what a paste sends (a key
    the reviewer chose for saving is never one). ``key``: the key a widget is handling; without
    one, the key a priority binding is acting on as it arrives."""
    app = widget.app
    if key is not None:
        gap = app.key_gap_of(key) if hasattr(app, "key_gap_of") else float("inf")
        return key.key == "enter" and gap < PASTE_GAP
    return getattr(app, "key", "") == "enter" and getattr(app, "key_gap", float("inf")) < PASTE_GAP


class NoteArea(TextArea):
    """A note editor where Enter submits and ctrl+j starts a new line (both before the editor's
    own handling of the key), as does Enter within a paste."""

    BINDINGS = actions.bindings("annotation-note")

    class Submit(Message):
        pass

    def action_submit(self) -> None:
        if _in_burst(self):
            # a priority binding acts on the key as it arrives, before the keys of the paste ahead
            # of it have reached the editor: the line break queues behind them
            self.call_later(self.insert, "\n")
        else:
            self.post_message(self.Submit())

    def action_newline(self) -> None:
        self.insert("\n")


class LineInput(Input):
    """A one-line field: Enter submits, the line ends of a paste become spaces."""

    async def _on_key(self, event: Key) -> None:
        if _in_burst(self, event):  # in order with the paste's other keys
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(" ")
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        if _in_burst(self):  # through a priority binding, ahead of the paste's keys (see NoteArea)
            self.call_later(self.insert_text_at_cursor, " ")
        else:
            await super().action_submit()


class TagInput(LineInput):
    """The field for a tag of one's own; Enter saves the dialog."""

    BINDINGS = actions.bindings("annotation-tag")


class _Answered:
    """A dialog that hands back one answer, however many keys ask for it."""

    _answered = False

    def answer(self, result: Any) -> None:
        if self._answered:
            return
        self._answered = True
        self.dismiss(result)  # type: ignore[attr-defined]


class AnnotationDialog(_Answered, KeyedScreen, ModalScreen[AnnotationInput | None]):
    """Note, tag (from the vocabulary or typed) and severity for a passage of the report."""

    BINDINGS = actions.bindings("annotation")
    HELP = ("annotation", "app")
    HELP_TITLE = "ui.help_title_annotation"

    def __init__(self, quote: str, vocabulary: Any, *,
                 initial: AnnotationInput | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.tags = list(vocabulary.tags)
        self.severities = list(vocabulary.severities)
        self.default_severity = vocabulary.default_severity
        self.initial = initial

    def compose(self) -> ComposeResult:
        init = self.initial
        known_tag = init.tag if init and init.tag in self.tags else self.tags[0]
        free_tag = init.tag if init and init.tag not in self.tags else ""
        severity = init.severity if init and init.severity in self.severities \
            else self.default_severity
        with Vertical(id="dialog"):
            yield Label(t("ui.edit_note_title") if init else t("ui.new_note_title"),
                        classes="dialog-title")
            yield Prose(snippet(self.quote, 160), id="quote")
            yield NoteArea(init.note if init else "", id="note", soft_wrap=True,
                           show_line_numbers=False, tab_behavior="focus")
            with Horizontal(id="choices"):
                yield Select([(Content(x), x) for x in self.tags], value=known_tag,
                             allow_blank=False, id="tag")
                yield TagInput(free_tag, placeholder=t("ui.free_tag"), id="free-tag")
                yield Select([(term("severity", x), x) for x in self.severities],
                             value=severity, allow_blank=False, id="severity")
            yield Static(Content(self.key_hint("annotation.submit", "annotation.newline",
                                               "annotation.next_field", "annotation.cancel",
                                               "annotation.help")),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(NoteArea).focus()

    def result(self) -> AnnotationInput:
        free = self.query_one("#free-tag", Input).value.strip()
        tag = free or str(self.query_one("#tag", Select).value)
        return AnnotationInput(tag, str(self.query_one("#severity", Select).value),
                               self.query_one(NoteArea).text.strip())

    @on(NoteArea.Submit)
    @on(Input.Submitted)
    def action_save(self) -> None:
        if not self._answered:
            self.answer(self.result())

    def action_cancel(self) -> None:
        self.answer(None)


class PromptInput(LineInput):
    """The prompt's one line; Enter confirms."""

    BINDINGS = actions.bindings("prompt-field")


class PromptDialog(_Answered, KeyedScreen, ModalScreen[str | None]):
    """A title, the passage or message it is about, and one line of text: returns the text
    (stripped; "" when left empty), or ``None`` on Escape."""

    BINDINGS = actions.bindings("prompt")
    HELP = ("prompt", "app")
    HELP_TITLE = "ui.help_title_prompt"

    def __init__(self, title: str, about: str, *, text: str = "",
                 placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.text = text
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Prose(snippet(self.about, 200), id="quote")
            yield PromptInput(self.text, placeholder=self.placeholder, id="prompt-text")
            yield Static(Content(self.key_hint("prompt.save", "prompt.cancel", "prompt.help")),
                         classes="dialog-hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.answer(event.value.strip())

    def action_cancel(self) -> None:
        self.answer(None)
