"""Modal dialogs. Each is a ``ModalScreen[T]`` that hands its result back through ``dismiss``:
the caller gets the value, or ``None`` when the reviewer pressed Escape.

Enter saves (it is the one key every terminal sends the same way); a line break inside a note is
ctrl+j, which terminals send as a plain line feed, so it works over SSH too.

A dialog answers once: Enter pressed three times quickly, or the line ends of a paste, reach it
again before it has left the screen, and a second ``dismiss`` would stop the app. And a
multi-line paste in a terminal without bracketed paste arrives as keys, its line ends as Enter:
an Enter that comes in the same burst as the keys before it (far quicker than anyone types) is
part of the paste, a line break in a note and a space in a one-line field, not "save".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from reviewer.i18n import t
from reviewer.tui.plain import snippet, term
from reviewer.tui.prose import Prose


@dataclass(frozen=True)
class AnnotationInput:
    """What the annotation dialog returns."""

    tag: str
    severity: str
    note: str


# Keys closer together than this came in one read from the terminal: a paste, not typing.
PASTE_GAP = 0.02  # seconds


class _Burst:
    """Tells the keys of a paste from typed ones, by the time since the key before."""

    def __init__(self) -> None:
        self.last = float("-inf")

    def pasted(self, event: Key) -> bool:
        """Whether ``event`` came in the same burst as the key before it."""
        burst = event.time - self.last < PASTE_GAP
        self.last = event.time
        return burst


class NoteArea(TextArea):
    """A note editor where Enter submits and ctrl+j starts a new line (as does Enter within a
    paste)."""

    class Submit(Message):
        pass

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._burst = _Burst()

    async def _on_key(self, event: Key) -> None:
        pasted = self._burst.pasted(event)
        if event.key == "enter" and pasted:
            event.stop()
            event.prevent_default()
            self.insert("\n")
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submit())
        elif event.key == "ctrl+j":
            event.stop()
            event.prevent_default()
            self.insert("\n")
        else:
            await super()._on_key(event)


class LineInput(Input):
    """A one-line field: Enter submits, the line ends of a paste become spaces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._burst = _Burst()

    async def _on_key(self, event: Key) -> None:
        if self._burst.pasted(event) and event.key == "enter":
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(" ")
            return
        await super()._on_key(event)


class _Answered(ModalScreen):
    """A dialog that hands back one answer, however many keys ask for it."""

    _answered = False

    def answer(self, result: Any) -> None:
        if self._answered:
            return
        self._answered = True
        self.dismiss(result)


class AnnotationDialog(_Answered, ModalScreen[AnnotationInput | None]):
    """Note, tag (from the vocabulary or typed) and severity for a passage of the report."""

    BINDINGS = [
        Binding("escape", "cancel", t("ui.cancel")),
        Binding("ctrl+s", "save", t("ui.save"), priority=True),
    ]

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
                yield LineInput(free_tag, placeholder=t("ui.free_tag"), id="free-tag")
                yield Select([(term("severity", x), x) for x in self.severities],
                             value=severity, allow_blank=False, id="severity")
            yield Static(Content(t("ui.note_keys")), classes="dialog-hint")

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


class DecisionDialog(_Answered, ModalScreen[str | None]):
    """Confirm or dismiss a flag, with an optional note; returns the note ("" for none)."""

    BINDINGS = [Binding("escape", "cancel", t("ui.cancel"))]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Prose(snippet(self.message, 200), id="quote")
            yield LineInput(placeholder=t("ui.optional_note"), id="decision-note")
            yield Static(Content(t("ui.decision_keys")), classes="dialog-hint")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.answer(event.value.strip())

    def action_cancel(self) -> None:
        self.answer(None)
