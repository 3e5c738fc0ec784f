"""The app's dialogs. Each is a ``ModalScreen[T]`` that hands its result back through
``dismiss``: the caller gets the value, or ``None`` when the reviewer pressed Escape. Neither
changes the review: the screen that opened one records what it returns through the session.

- `AnnotationDialog`: the note, tags and severity of a passage.
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

import re
from contextlib import suppress
from typing import Any, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.plain import inert, snippet, term
from reviewer.tui.prose import Prose
from reviewer.tui.screens.keys import KeyedScreen


class AnnotationInput(NamedTuple):
    """What the annotation dialog returns."""

    tags: tuple[str, ...]
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
    """The field for tags of one's own (several: between 、 or commas); Enter saves the dialog."""

    BINDINGS = actions.bindings("annotation-tag")


_TAG_SEPARATORS = re.compile(r"[、,，;；\s]+")


def own_tags(text: str) -> tuple[str, ...]:
    """The tags typed in the own-tag field: 数据口径、待核实 or 数据口径, 待核实."""
    return tuple(tag for tag in _TAG_SEPARATORS.split(text) if tag)


class Choices(Widget, can_focus=True):
    """A row of choices, each with the digit that picks it shown beside it: ``multi`` ticks
    any number (the tags), else exactly one is chosen (the severity). ←/→ move, Space picks
    the one under the cursor, a digit picks its entry; Enter saves the dialog."""

    BINDINGS = actions.bindings("annotation-choices")

    DEFAULT_CSS = """
    Choices { height: auto; width: 1fr; padding: 0 1; }
    Choices:focus { background: $boost; }
    """

    class Submit(Message):
        pass

    def __init__(self, values: list[str], labels: list[str], chosen: list[str], *,
                 multi: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = values
        self.labels = labels
        self.multi = multi
        self.chosen = [v for v in values if v in chosen]
        self.at = values.index(self.chosen[0]) if self.chosen else 0

    def render(self) -> Content:
        parts: list[Any] = []
        for i, (value, label) in enumerate(zip(self.values, self.labels, strict=True)):
            on = value in self.chosen
            mark = ("☑" if on else "☐") if self.multi else ("●" if on else "○")
            key = f"{i + 1}" if i < 9 else " "
            style = "reverse" if self.has_focus and i == self.at else ("bold" if on else "")
            # no space inside an entry: a line wraps between entries, never inside one
            parts += ["  " if parts else "", (key, "$text-muted"), (f"{mark}{label}", style)]
        return Content.assemble(*parts)

    def pick(self, index: int) -> None:
        if not 0 <= index < len(self.values):
            return
        self.at = index
        value = self.values[index]
        if not self.multi:
            self.chosen = [value]
        elif value in self.chosen:
            self.chosen.remove(value)
        else:  # kept in the vocabulary's order
            self.chosen = [v for v in self.values if v in self.chosen or v == value]
        self.refresh(layout=True)

    def action_pick(self, number: int) -> None:
        self.pick(number - 1)

    def action_toggle(self) -> None:
        self.pick(self.at)

    def action_move(self, step: int) -> None:
        self.at = (self.at + step) % len(self.values)
        self.refresh()

    def action_submit(self) -> None:
        self.post_message(self.Submit())

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class _Answered:
    """A dialog that hands back one answer, however many keys ask for it."""

    _answered = False

    def answer(self, result: Any) -> None:
        if self._answered:
            return
        self._answered = True
        self.dismiss(result)  # type: ignore[attr-defined]


NOTE_ROWS_LEAST = 3  # the note's field, its frame included, when the dialog must be small


class AnnotationDialog(_Answered, KeyedScreen, ModalScreen[AnnotationInput | None]):
    """Note, tags (from the vocabulary, ticked, and typed) and severity for a passage.

    ``place``: "top" or "bottom", where on the screen the dialog sits, clear of the passage
    (which the caller knows the place of); "middle" when it does not matter. ``room``: the rows
    it may take there; the note's field gives up rows (down to `NOTE_ROWS_LEAST`) to fit."""

    BINDINGS = actions.bindings("annotation")
    HELP = ("annotation", "app")
    HELP_TITLE = "ui.help_title_annotation"

    def __init__(self, quote: str, vocabulary: Any, *,
                 initial: AnnotationInput | None = None, place: str = "middle",
                 room: int | None = None) -> None:
        super().__init__(classes=f"-{place}")
        self.room = room
        self.quote = quote
        self.tags = list(vocabulary.tags)
        self.severities = list(vocabulary.severities)
        self.default_severity = vocabulary.default_severity
        self.initial = initial

    def compose(self) -> ComposeResult:
        init = self.initial
        if init is None:  # a new note starts with the vocabulary's first tag, as it always has
            known, free = self.tags[:1], ()
        else:
            known = [tag for tag in init.tags if tag in self.tags]
            free = tuple(tag for tag in init.tags if tag not in self.tags)
        severity = init.severity if init and init.severity in self.severities \
            else self.default_severity
        with Vertical(id="dialog"):
            yield Label(t("ui.edit_note_title") if init else t("ui.new_note_title"),
                        classes="dialog-title")
            yield Prose(snippet(self.quote, 160), id="quote")
            yield NoteArea(init.note if init else "", id="note", soft_wrap=True,
                           show_line_numbers=False, tab_behavior="focus")
            yield Choices(self.tags, [inert(x) for x in self.tags], known, multi=True,
                          id="tags")
            with Horizontal(id="choices"):
                yield TagInput("、".join(free), placeholder=t("ui.free_tag"), id="free-tag")
                yield Choices(self.severities, [term("severity", x) for x in self.severities],
                              [severity], multi=False, id="severity")
            yield Static(Content(self.key_hint("annotation.submit", "annotation.newline",
                                               "annotation.editor", "annotation.next_field",
                                               "annotation.cancel", "annotation.help")),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        note = self.query_one(NoteArea)
        note.focus()
        note.move_cursor(note.document.end)  # editing goes on where the note ends
        if self.room is not None:
            self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Shrink the note's field until the dialog fits in its room."""
        assert self.room is not None
        box, note = self.query_one("#dialog"), self.query_one(NoteArea)
        over = box.outer_size.height - self.room
        if over > 0:
            note.styles.height = max(note.outer_size.height - over, NOTE_ROWS_LEAST)

    def result(self) -> AnnotationInput:
        ticked = tuple(self.query_one("#tags", Choices).chosen)
        free = own_tags(self.query_one("#free-tag", Input).value)
        severity = self.query_one("#severity", Choices).chosen
        return AnnotationInput(ticked + free, severity[0] if severity else self.default_severity,
                               self.query_one(NoteArea).text.strip())

    @on(NoteArea.Submit)
    @on(Choices.Submit)
    @on(Input.Submitted)
    def action_save(self) -> None:
        if not self._answered:
            self.answer(self.result())

    def action_cancel(self) -> None:
        self.answer(None)

    async def action_editor(self) -> None:
        """The note in the reviewer's own editor ($EDITOR, else $VISUAL), for a long note: the
        app steps aside while it runs and the note is what the file holds when it closes."""
        note = self.query_one(NoteArea)
        text, problem = edit_outside(self.app, note.text)
        if problem:
            self.notify(problem, severity="warning", timeout=10)
            return
        if text is not None:
            note.load_text(text)
            note.move_cursor(note.document.end)
        note.focus()


def edit_outside(app: Any, text: str) -> tuple[str | None, str | None]:
    """Run the reviewer's editor on ``text`` with the app suspended: (the text as saved, None),
    or (None, a message saying why not: no editor named, it could not start or it failed). The
    file is the reviewer's own temporary file, removed after."""
    import os
    import shlex
    import subprocess
    import tempfile

    command = os.environ.get("EDITOR", "").strip() or os.environ.get("VISUAL", "").strip()
    if not command:
        return None, t("ui.no_editor")
    try:
        argv = shlex.split(command)
    except ValueError:
        return None, t("ui.editor_failed", editor=command, reason="?")
    fd, path = tempfile.mkstemp(prefix="reviewer-note-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            with app.suspend():
                done = subprocess.run([*argv, path], check=False)
        except Exception as exc:  # not found, not runnable, a terminal that cannot suspend
            return None, t("ui.editor_failed", editor=command,
                           reason=getattr(exc, "strerror", None) or type(exc).__name__)
        if done.returncode != 0:
            return None, t("ui.editor_failed", editor=command,
                           reason=t("ui.exit_code", code=done.returncode))
        with open(path, encoding="utf-8", errors="replace") as back:
            return back.read().rstrip("\n"), None
    finally:
        with suppress(OSError):
            os.unlink(path)


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
