"""The main screen: header, outline, reader and side panel, and every review action.

The screen owns the keys (from the action registry) and turns them into calls on the session;
widgets only display the session and post messages. The screen listens to the session, so every
change (made here, on the comparison screen or undone) redraws what shows it; its keeper saves
the review one second after the last change, on ``ctrl+s``, and before quitting.

The first frame holds what reading needs — the header, the report in the reader, the status line
and the footer — with the outline and side panes as empty frames of their final width, so the
text never re-wraps. The review file, the panels, the search bar and the checks follow right
after that frame (a frame or two later); their modules, like the dialogs' and the help screen's,
are imported only then, keeping them off the path to the first frame. That is also why the screen
looks the panels up by class name and handles their events by method name.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.header import HeaderLine
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.messages import (
    ChecksCancelled,
    ChecksProgress,
    DecideFlags,
    FlagsReady,
    JumpTo,
    ScoreChosen,
    SummaryTyped,
    VerdictChosen,
)
from reviewer.tui.plain import inert
from reviewer.tui.reader import Highlight, ReportView
from reviewer.tui.saving import Keeper
from reviewer.tui.screens.keys import KeyedScreen
from reviewer.tui.session import LARGE_REPORT, Change, Session

if TYPE_CHECKING:
    from textual.widgets import Input, TabbedContent

NARROW_WIDTH = 110  # below this many columns the reader shares the screen with one panel only
DIALOG_ROWS = 18  # the annotation dialog's height with its note at full height
# a report above this many bytes opens with a notice that its checks run in the background


def status_line(flag: Any, flags: int, note: Any, notes: int, search: tuple[int, int],
                width: int, progress: tuple[int, int] | None = None) -> Content:
    """The status line in ``width`` cells. Its parts, from the most to the least kept: how many
    flags and notes the cursor's sentence holds with the note's tags, where a search stands, the
    note's text, the flag's message, the flag's suggestion; each part cut at a word when short
    of room, the least useful first. With none of them, how far the checks are (``progress``:
    done, total)."""
    from reviewer.tui.wrap import ellipsize

    flag_head = ("⚑ " + (f"{flags} " if flags > 1 else "")) if flag is not None else ""
    note_head = ("✎ " + (f"{notes} " if notes > 1 else "")) if note is not None else ""
    tags = inert(note.tag) if note is not None else ""
    found = t("ui.search_status", current=search[0], total=search[1]) if search[1] else ""
    message = inert(" ".join(flag.message.split())) if flag is not None else ""
    suggestion = inert(" ".join((flag.suggestion or "").split())) if flag is not None else ""
    text = inert(" ".join(note.note.split())) if note is not None else ""
    gap = 2
    fixed = sum(cell_len(x) for x in (flag_head, note_head, found))
    fixed += gap * (sum(1 for x in (flag_head, note_head, found) if x) - 1)
    room = width - fixed
    # the note's tags, then its text, the message and the suggestion get what is left
    tags = ellipsize(tags, max(room, 1)) if tags else ""
    room -= cell_len(tags)
    lengths = {"text": cell_len(text) + (1 if text else 0),
               "message": cell_len(message), "suggestion": cell_len(suggestion) + 3}
    if not suggestion:
        lengths["suggestion"] = 0
    given = dict.fromkeys(lengths, 0)
    # in turn: a share for the note's text, the flag's message, then whatever remains
    for name, share in (("text", 0.5), ("message", 1.0), ("text", 1.0), ("suggestion", 1.0)):
        want = lengths[name] - given[name]
        take = min(want, max(int(room * share), 0))
        given[name] += take
        room -= take
    parts: list[Any] = []
    if flag_head:
        parts += [(flag_head, "$warning"), ellipsize(message, given["message"])]
        if given["suggestion"] > 3:
            parts += [" → ", ellipsize(suggestion, given["suggestion"] - 3)]
    if note_head:
        parts += [" " * gap if parts else "", (note_head, "$accent"), (tags, "bold")]
        if given["text"] > 1:
            parts += [" ", ellipsize(text, given["text"] - 1)]
    if found:
        parts += [" " * gap if parts else "", (found, "$text-accent")]
    if progress is not None and not parts:
        parts += [("⋯ ", "$warning"), t("ui.checks_progress", done=progress[0], total=progress[1])]
    return Content.assemble(*parts)


class MainScreen(KeyedScreen, Screen[str | None]):
    BINDINGS = actions.bindings("main")
    HELP = ("main", "reader", "outline", "side", "form", "search", "app")
    HELP_TITLE = "ui.help_title_main"
    AUTO_FOCUS = "#reader"

    def __init__(self, session: Session, *, from_picker: bool = False,
                 neighbour: Callable[[int], str | None] | None = None) -> None:
        """``neighbour(step)`` names the next (1) or previous (-1) report of the picker's
        list: ``]``/``[`` leave this screen with it as the result, for the picker to open."""
        super().__init__()
        self.session = session
        self.from_picker = from_picker
        self.neighbour = neighbour
        self.narrow = False
        self.show_outline = True
        self.show_side = True
        self.keeper: Keeper | None = None
        self._search_origin: int | None = None  # the cursor when / was pressed
        self._quit_armed = False
        self._current_flag: Any = None  # the flag last reached with n/N
        self._status_shown: tuple = ()
        self._panels_mounted = False
        self._checks_cancel = threading.Event()
        self._checks_progress: tuple[int, int] | None = None  # (done, total) while they run
        self._checks_cancelled = False
        self._mounting: list[Any] = []  # the panels' mounts, until they are done
        self._leaving = False

    # --- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        with Horizontal(id="body"):
            yield Vertical(id="outline")
            yield ReportView(self.session.doc.text, id="reader")
            yield Vertical(id="side")
        yield Static(id="status")
        yield KeyHints()

    @property
    def reader(self) -> ReportView:
        return self.query_one(ReportView)

    def on_mount(self) -> None:
        self.keeper = Keeper(self.app, self.session)
        self.session.listen(self._heard)
        self.query_one(HeaderLine).show(self.session)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Everything the first frame does without: the review file, the panels, the checks."""
        if self._leaving or not self.is_attached:  # quit before the first frame was drawn
            return
        self.session.load_review()
        for problem in self.session.problems:
            self.notify(problem, severity="warning", timeout=15)
        self._mount_panels()
        self._refresh_views()
        # The checks start once the report is on screen, not competing with its first frame.
        self._notice_large_report()
        self._compute_flags()
        self.app.start_up_done()

    def _mount_panels(self) -> None:
        """Fill the outline and side panes and add the search bar, once: right after the first
        frame, or sooner when a key needs the search bar before that."""
        if self._panels_mounted:
            return
        self._panels_mounted = True
        # Imported here: these widgets and their styles are not needed for the first frame.
        from reviewer.tui.panels import OutlinePanel, SidePanel
        from reviewer.tui.search import SearchLine

        search = SearchLine(id="search-line")
        search.display = False
        self._mounting = [
            self.query_one("#outline").mount(OutlinePanel(self.session, id="outline-tree")),
            self.query_one("#side").mount(SidePanel(self.session)),
            self.mount(search, before=self.query_one("#status")),
        ]

    async def settle(self) -> None:
        """Before the screen goes (quit, back to the picker, the terminal closed): start
        nothing more, and let the panels whose mounting has begun finish it, so the screen is
        never taken down around a widget still being put up (a tab bar mounted after its tabs
        were removed)."""
        self._leaving = True
        mounting, self._mounting = self._mounting, []
        for mount in mounting:
            await mount

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self.narrow:
            self.narrow = narrow
            # A narrow screen starts with the side panel, a wide one with every pane.
            self.show_outline = not narrow
            self.show_side = True
        self._apply_layout()
        self.call_after_refresh(self._show_status)  # fitted to the line's new width

    def _apply_layout(self) -> None:
        self.set_class(self.narrow, "-narrow")
        for pane, shown in ((self.query_one("#outline"), self.show_outline),
                            (self.query_one("#side"), self.show_side)):
            if pane.display != shown:  # setting it, even unchanged, costs a new layout
                pane.display = shown
            if not shown and self.focused is not None and \
                    pane in self.focused.ancestors_with_self:
                self.reader.focus()

    def action_toggle_outline(self) -> None:
        self.show_outline = not self.show_outline
        if self.narrow and self.show_outline:
            self.show_side = False
        self._apply_layout()

    def action_toggle_side(self) -> None:
        self.show_side = not self.show_side
        if self.narrow and self.show_side:
            self.show_outline = False
        self._apply_layout()

    def _panes(self) -> list[Widget]:
        """Where Tab goes, in turn: the visible panes, once their panels are mounted; in the
        side panel, its list, or each field of the review form."""
        panes: list[Widget] = []
        if self.show_outline:
            panes.extend(self.query("OutlinePanel"))
        panes.append(self.reader)
        if self.show_side:
            for side in self.query("SidePanel"):
                panes.extend(side.stops())
        return panes

    def _step_pane(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        current = next((i for i, p in enumerate(panes)
                        if focused is not None and p in focused.ancestors_with_self), -1)
        if current == len(panes) - 1 and self.show_side and focused not in panes:
            current = -1  # inside the side panel but not on its list: start over
        if current == -1 and step < 0:
            current = 0  # from nowhere, shift+Tab goes to the last stop
        panes[(current + step) % len(panes)].focus()

    def action_next_pane(self) -> None:
        self._step_pane(1)

    def action_previous_pane(self) -> None:
        self._step_pane(-1)

    def action_show_tab(self, name: str, field: str | None = None) -> None:
        """Show a tab of the side panel (showing the panel if hidden) and focus it."""
        self._mount_panels()
        if not self.show_side:
            self.action_toggle_side()
        for side in self.query("SidePanel"):
            side.show_tab(name, field)

    def action_review_field(self, field: str) -> None:
        """Go to the review form's scores, verdict or summary."""
        self.action_show_tab("review", {"scores": "score-0"}.get(field, field))

    # --- showing the session ---------------------------------------------------------------
    def _refresh_views(self) -> None:
        """Bring every view in line with the session after a change (the panels that are not
        mounted yet draw themselves from the session when they are)."""
        session = self.session
        self.query_one(HeaderLine).show(session)
        for view in self.query("OutlinePanel, FlagList, NoteList"):
            view.refresh_items()
        self.reader.set_highlights("flags", [
            Highlight(o.start, max(o.end, o.start + 1), f"flag-{f.severity}")
            for f in session.flags if session.decision(f) != "dismissed"
            for o in f.occurrences])
        self.reader.set_highlights("notes", [
            Highlight(a.anchor.start, a.anchor.end, "note")
            for a in session.annotations if not a.anchor.orphan])
        self._show_status()

    def _flag_here(self) -> Any | None:
        """The flag in the cursor's sentence: the one reached with n/N if it is there."""
        flags = self.session.flags_in(*self.reader.current_sentence)
        if self._current_flag in flags:
            return self._current_flag
        return flags[0] if flags else None

    def _note_here(self) -> Any | None:
        notes = self.session.annotations_in(*self.reader.current_sentence)
        return notes[0] if notes else None

    def _show_status(self) -> None:
        """What the cursor is on, in one line above the footer: the flag (with how many the
        sentence holds), the note (likewise) and where a search stands; with none of them, how
        far the checks are. Redrawn only when that changes, and without a new layout (the line's
        size is fixed): the cursor moves on every key and must stay cheap."""
        flags = self.session.flags_in(*self.reader.current_sentence)
        notes = self.session.annotations_in(*self.reader.current_sentence)
        flag, note = self._flag_here(), (notes[0] if notes else None)
        search = self.reader.search_position
        line = self.query_one("#status", Static)
        width = line.size.width or self.app.size.width - 2  # its padding: one cell each side
        shown = (flag, len(flags), note, len(notes), flag and self.session.decision(flag),
                 note and (note.tag, note.note), search, width, self._checks_progress)
        if shown == self._status_shown:
            return
        self._status_shown = shown
        line.update(status_line(flag, len(flags), note, len(notes), search, width,
                                self._checks_progress), layout=False)

    @on(ReportView.CursorMoved)
    def _cursor_moved(self) -> None:
        self._show_status()

    @on(JumpTo)
    def _jump(self, event: JumpTo) -> None:
        if event.flag is not None:
            self._current_flag = event.flag
        self.reader.move_to(event.offset)
        self._show_status()

    # --- flags -----------------------------------------------------------------------------
    def _notice_large_report(self) -> None:
        """A long report (a compilation, a scanned book) is said to be checked in the background:
        the reader can be used meanwhile, and Esc stops the checks."""
        try:
            size = os.path.getsize(self.session.doc.path)
        except OSError:
            size = len(self.session.doc.text) * 3  # most characters are three bytes of UTF-8
        if size > LARGE_REPORT:
            self.notify(t("ui.large_report", size=f"{size / (1024 * 1024):.0f}"), timeout=15)

    @work(thread=True, exclusive=True, group="flags")
    def _compute_flags(self) -> None:
        from reviewer.progress import Cancelled

        def progress(done: int, total: int, rule_id: str) -> None:
            self.post_message(ChecksProgress(done, total))

        try:
            flags = self.session.compute_flags(progress, self._checks_cancel.is_set)
        except Cancelled:
            self.post_message(ChecksCancelled())
            return
        except Exception as exc:  # a failing check must not take the review down with it
            self.app.call_from_thread(self.notify, t("ui.flags_failed", reason=str(exc)),
                                      severity="error", timeout=15)
            flags = []
        self.post_message(FlagsReady(flags))

    @on(FlagsReady)
    def _flags_ready(self, event: FlagsReady) -> None:
        self._checks_progress = None
        self.session.set_flags(event.flags)
        self._refresh_views()

    @on(ChecksProgress)
    def _checks_advanced(self, event: ChecksProgress) -> None:
        if not self.session.flags_ready and not self._checks_cancelled:
            self._checks_progress = (event.done, event.total)
            self._show_status()

    @on(ChecksCancelled)
    def _checks_stopped(self) -> None:
        self._checks_progress = None
        self._checks_cancelled = True
        self.session.flags_cancelled()
        self._refresh_views()
        self.notify(t("ui.checks_cancelled"))

    def action_cancel_checks(self) -> None:
        """Esc while the checks run: stop them (the rule running finishes its current hit)."""
        if not self.session.flags_ready and not self._checks_cancel.is_set():
            self._checks_cancel.set()

    def _go_to_flag(self, step: int) -> None:
        if not self.session.flags_ready:
            self.notify(t("ui.flags_cancelled") if self._checks_cancelled
                        else t("ui.flags_running"))
            return
        here = self._flag_here()
        flag = self.session.next_flag(self.reader.cursor, step,
                                      here if here is self._current_flag else None)
        if flag is None:
            self.notify(t("ui.no_flags"))
            return
        self._current_flag = flag
        self.reader.move_to(flag.start)
        for flag_list in self.query("FlagList"):
            flag_list.show_flag(flag)
        self._show_status()

    def action_next_flag(self) -> None:
        if self._searching():
            self._step_search(1)
        else:
            self._go_to_flag(1)

    def action_previous_flag(self) -> None:
        if self._searching():
            self._step_search(-1)
        else:
            self._go_to_flag(-1)

    def action_decide_flag(self, decision: str) -> None:
        from reviewer.tui.dialogs import PromptDialog

        flag = self._flag_here()
        if flag is None:
            self.notify(t("ui.no_flag_here"), severity="warning")
            return
        title = t(f"ui.decide_{decision}")

        def decided(note: str | None) -> None:
            if note is not None and self.session.decide(flag, decision, note):
                self.notify(t(f"ui.flag_{decision}"))

        self.app.push_screen(PromptDialog(title, flag.message,
                                          placeholder=t("ui.optional_note")), decided)

    @on(DecideFlags)
    def _decide_flags(self, event: DecideFlags) -> None:
        """Every shown flag of one rule, confirmed or dismissed once the reviewer is sure."""
        from reviewer.tui.dialogs import PromptDialog

        decision, pending = event.decision, self.session.to_decide(event.flags, event.decision)
        if not pending:
            self.notify(t(f"ui.rule_already_{decision}", count=len(event.flags),
                          rule=event.rule))
            return
        title = t(f"ui.decide_rule_{decision}", count=len(pending), rule=event.rule)

        def decided(note: str | None) -> None:
            if note is not None:
                count = self.session.decide_all(pending, decision, note)
                self.notify(t(f"ui.rule_{decision}", count=count, rule=event.rule))

        self.app.push_screen(PromptDialog(title, pending[0].message,
                                          placeholder=t("ui.optional_note")), decided)

    # --- annotations -----------------------------------------------------------------------
    def action_annotate(self) -> None:
        from reviewer.review import load_vocabulary
        from reviewer.tui.dialogs import AnnotationDialog, AnnotationInput

        span = self.reader.selection or self.reader.current_sentence
        start, end = span
        if end <= start:
            self.notify(t("ui.nothing_to_annotate"), severity="warning")
            return
        def annotate(result: AnnotationInput | None) -> None:
            if result is None:
                return
            self.reader.clear_selection()
            self.session.annotate(start, end, tag=result.tags, severity=result.severity,
                                  note=result.note)
            self.notify(t("ui.note_added"))

        quote = self.session.doc.text[start:end]
        place, room = self._clear_of(start, end)
        self.app.push_screen(AnnotationDialog(quote, load_vocabulary(), place=place, room=room),
                             annotate)

    def _clear_of(self, start: int, end: int) -> tuple[str, int | None]:
        """Where the annotation dialog goes to leave the passage ``start..end`` in sight, and
        how many rows it has there: above the passage (at the top) when it shows in the lower
        half of the screen, below it (at the bottom) when in the upper half; where the dialog
        fits on neither side, the report first scrolls the passage up as far as it goes, and the
        dialog takes the larger side, shrinking its note to fit."""
        rows = self.reader.rows_of(start, end)
        if rows is None:
            return "middle", None
        top, bottom = rows
        height = self.app.size.height
        above, below = top, height - bottom - 1
        lower = (top + bottom) / 2 >= height / 2
        if (above if lower else below) >= DIALOG_ROWS:
            return ("top", above) if lower else ("bottom", below)
        if max(above, below) < DIALOG_ROWS:
            self.reader.scroll_line_to_top(start)
            top, bottom = self.reader.rows_of(start, end) or rows
            above, below = top, height - bottom - 1
        return ("top", above) if above > below else ("bottom", below)

    def _annotation_here(self) -> Any | None:
        note = self._note_here()
        if note is None:
            self.notify(t("ui.no_note_here"), severity="warning")
        return note

    def action_edit_annotation(self) -> None:
        from reviewer.review import load_vocabulary
        from reviewer.tui.dialogs import AnnotationDialog, AnnotationInput

        note = self._annotation_here()
        if note is None:
            return
        def edited(result: AnnotationInput | None) -> None:
            if result is not None and self.session.edit(
                    note, tag=result.tags, severity=result.severity, note=result.note):
                self.notify(t("ui.note_edited"))

        initial = AnnotationInput(note.tags, note.severity, note.note)
        place, room = self._clear_of(note.anchor.start, note.anchor.end)
        self.app.push_screen(AnnotationDialog(note.anchor.quote, load_vocabulary(),
                                              initial=initial, place=place, room=room), edited)

    def action_delete_annotation(self) -> None:
        note = self._annotation_here()
        if note is not None:
            self.session.delete(note)
            self.notify(t("ui.note_deleted"))

    def action_undo(self) -> None:
        change = self.session.undo()
        if change is None:
            self.notify(t("ui.nothing_to_undo"))
        else:
            self.notify(t(f"ui.undone_{change.kind}", count=getattr(change, "count", 1)))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "review":
            self.query_one("ReviewPanel").build()

    # the review form's fields post these; the session records them
    @on(ScoreChosen)
    def _score_chosen(self, event: ScoreChosen) -> None:
        self.session.set_score(event.criterion, event.value)

    @on(VerdictChosen)
    def _verdict_chosen(self, event: VerdictChosen) -> None:
        self.session.set_verdict(event.verdict)

    @on(SummaryTyped)
    def _summary_typed(self, event: SummaryTyped) -> None:
        self.session.set_summary(event.summary)

    # --- search ----------------------------------------------------------------------------
    def _search_line(self) -> Any:
        self._mount_panels()
        return self.query_one("SearchLine")

    def action_search(self) -> None:
        line = self._search_line()
        self._search_origin = self.reader.cursor
        line.display = True
        bar = line.query_one("#search")
        bar.focus()
        if bar.value:  # the last query, ready to be run again or typed over
            bar.select_all()
            self._run_search(bar.value)

    def _run_search(self, query: str) -> None:
        """Search as the query is typed: hits from where ``/`` was pressed."""
        self.reader.search(query, origin=self._search_origin)
        self._search_line().show_position(query, self.reader.search_position)
        self._show_status()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and event.input.display:
            self._run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self._close_search(keep=True)

    def on_search_bar_closed(self, event: Any) -> None:
        self._close_search(keep=event.keep)

    def _close_search(self, *, keep: bool) -> None:
        line = self._search_line()
        line.display = False
        self.reader.focus()
        if not keep:
            self.action_clear_search()
        elif self.reader.search_query and not self.reader.search_position[1]:
            self.notify(t("ui.search_none"))

    def action_clear_search(self) -> None:
        """Escape: the hits go, and the cursor back to where the search started."""
        if self.reader.search_query:
            self.reader.clear_search()
            if self._search_origin is not None:
                self.reader.move_to(self._search_origin, center=False)
            self._show_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape clears a search's hits, else stops the checks running, else means nothing here
        if action == "clear_search":
            return bool(self.reader.search_query)
        if action == "cancel_checks":
            return not self.session.flags_ready
        return True

    def _searching(self) -> bool:
        """Whether a search's hits are shown: then n/N step through them, not the flags."""
        return self.reader.search_position[1] > 0

    def action_search_next(self) -> None:
        self._step_search(1)

    def action_search_previous(self) -> None:
        self._step_search(-1)

    def _step_search(self, step: int) -> None:
        moved = self.reader.search_next() if step > 0 else self.reader.search_previous()
        if not moved:
            self.notify(t("ui.search_none"))
        self._search_origin = None  # Escape now leaves the cursor on the hit reached
        self._show_status()

    # --- copying ---------------------------------------------------------------------------
    def action_copy(self) -> None:
        """The selection, or the cursor's sentence, to the clipboard through the terminal
        (OSC 52: it reaches the reviewer's own machine over SSH too)."""
        selection = self.reader.selection
        start, end = selection or self.reader.current_sentence
        if end <= start:
            self.notify(t("ui.nothing_to_copy"), severity="warning")
            return
        text = self.session.doc.text[start:end]
        self.app.copy_to_clipboard(text)
        what = "ui.copied_selection" if selection else "ui.copied_sentence"
        self.notify(t(what, count=len(text)))

    # --- other screens ---------------------------------------------------------------------
    def palette_targets(self) -> dict[str, Any]:
        return {"main": self, "reader": self.reader, "app": self.app}

    def action_next_theme(self) -> None:
        self.app.next_theme()

    def action_compare(self) -> None:
        # --prior (or the picker's), else the report the review names, else one found beside
        prior = self.session.prior_path or self.session.prior_report()
        if prior is None:
            from reviewer.compare import find_prior

            prior = find_prior(self.session.doc.path, self.session.doc)
        if prior is None:
            self.notify(t("ui.no_prior"), severity="warning")
            return
        from reviewer.document import ReportError, load_document
        from reviewer.tui.screens.compare import QUIT, CompareScreen

        try:
            prior_doc = load_document(str(prior))
        except ReportError as exc:
            self.notify(str(exc), severity="error")
            return

        async def closed(result: str | None) -> None:
            if result == QUIT:
                await self.action_quit()

        self.app.push_screen(CompareScreen(prior_doc, self.session, self.keeper), closed)

    # --- saving ----------------------------------------------------------------------------
    def _heard(self, change: Change | None, undone: bool) -> None:
        """The session changed (anywhere: here, on the comparison screen, by an undo) or was
        saved: show it."""
        if change is None:
            self.query_one(HeaderLine).show(self.session)
            return
        self._quit_armed = False
        self._refresh_views()
        if undone:  # the review form shows what it was told; after an undo, what the review says
            for form in self.query("ReviewPanel"):
                form.refresh_items()

    def save_now(self) -> bool:
        """Save if anything changed; shows the outcome. True when nothing is left unsaved."""
        assert self.keeper is not None
        return self.keeper.save_now()

    def on_unmount(self) -> None:
        """Whatever way the screen goes (quit, ctrl+q, the palette's quit), try a last save; the
        checks, if they still run, stop."""
        self._checks_cancel.set()
        self.session.forget(self._heard)
        if self.keeper is not None:
            self.keeper.stop()
        self.session.save()

    def action_save(self) -> None:
        assert self.keeper is not None
        self.keeper.save_key()

    async def _open_neighbour(self, step: int) -> None:
        if self.neighbour is None:
            self.notify(t("ui.no_list"), severity="warning")
            return
        target = self.neighbour(step)
        if target is None:
            self.notify(t("ui.list_end" if step > 0 else "ui.list_start"))
            return
        if not self.save_now():  # the review stays here until it is on disk
            self.notify(t("ui.not_moved_unsaved"), severity="error", timeout=10)
            return
        await self.settle()
        self.dismiss(target)

    async def action_next_report(self) -> None:
        await self._open_neighbour(1)

    async def action_previous_report(self) -> None:
        await self._open_neighbour(-1)

    async def action_quit(self) -> None:
        if not self.save_now() and not self._quit_armed:
            self._quit_armed = True
            self.notify(t("ui.quit_unsaved"), severity="error", timeout=3600)
            return
        await self.settle()
        if self.from_picker:
            self.dismiss()
        else:
            self.app.exit()
