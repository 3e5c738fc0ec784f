"""The list of a folder's reports: a reviewer's workload.

Every report of the folder (recursively, every format the readers take) with its government,
year, genre, where its review stands, verdict, score, open flags, notes and last year's report.
The list shows at once with the file names; a worker thread then reads each report's facts
(from the cache by file hash when it has them) and its review, and after that runs the checks of
the reports the cache does not know, with the progress in the status line. What the rows say
comes from ``reviewer.workspace``; this screen only shows it.

←/→ choose a column, ``s`` sorts by it (again: the other way), ``f`` filters it, ``F`` clears the
filters, ``/`` finds a government, ``p`` names last year's report, Enter opens a report. From the
report, ``]``/``[`` open the next or previous one of the list as it is sorted and filtered here.
The report last opened, the sort and the filters are remembered for the folder.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from reviewer.i18n import t
from reviewer.terminal import cell_width, fit
from reviewer.tui import actions
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.messages import ReportsRead
from reviewer.tui.plain import inert, snippet
from reviewer.tui.screens.keys import KeyedScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session
from reviewer.workspace import Entry, Facts, Prior, find_priors, review_state
from reviewer.workspace.columns import COLUMNS, arrange, cell, label
from reviewer.workspace.place import load_place, save_place

# the columns' widths in terminal cells, where they hold free text; the others take their
# longest value (a label of the vocabulary, a figure). Fixed, so the list does not jump about
# while it fills in.
WIDTHS = {"file": 22, "government": 10, "year": 4, "score": 4, "flags": 8, "notes": 4,
          "prior": 18}
# The worker hands over what it read: the rows on screen as soon as they are read, then at most
# this often (each hand-over redraws the table, which the worker's thread waits for).
BATCH_SECONDS = 0.4
FIRST_ROWS = 40  # at most: the rows a screen holds, handed over the moment they are read
FIRST_SCREEN_WAIT = 1.0  # seconds the worker waits at most for the first screen to be drawn
POOL_MIN = 8  # this many reports to check go to a pool of processes, fewer are checked here
STATUS_STYLES = {"done": "green", "in_progress": "yellow"}


def fit_end(text: str, width: int) -> str:
    """``text`` padded to ``width`` cells, or its end after a … when it is longer."""
    if cell_width(text) <= width:
        return fit(text, width)
    out = ""
    for char in reversed(text):
        if cell_width(char + out) > width - 1:
            break
        out = char + out
    return fit("…" + out, width)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's real standard error: it
    passes ``sys.stderr``'s file descriptor on, and the app's stand-in for it has none."""
    import sys
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        sys.stderr = sys.__stderr__ or saved
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


class _Checks:
    """The checks of the reports whose flags the cache does not have: here, one at a time, for
    a few; for ``POOL_MIN`` or more, in a pool of processes started as soon as that many wait,
    so they run on every core while the list is still being read and leave the app's thread
    free to draw."""

    def __init__(self) -> None:
        self.waiting: list[str] = []
        self.pending: dict[Any, str] = {}
        self.pool: Any = None
        self.may_start = False  # not before the rows on screen are shown: it takes a while
        self.total = 0
        self.done = 0

    @property
    def remaining(self) -> int:
        return self.total - self.done

    def add(self, path: str | None = None) -> None:
        """Check ``path`` (``None``: only start what may start now)."""
        if path is not None:
            self.total += 1
            self.waiting.append(path)
        if self.pool is None and self.may_start and len(self.waiting) >= POOL_MIN:
            self._start()
        if self.pool is not None:
            from reviewer.i18n import language
            from reviewer.workspace import check_elsewhere

            for waiting in self.waiting:
                self.pending[self.pool.submit(check_elsewhere, waiting, language())] = waiting
            self.waiting = []

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _start_resource_tracker()
        # spawn, not fork: this process runs threads (the app's), which a fork copies mid-step
        self.pool = ProcessPoolExecutor(os.cpu_count() or 1,
                                        mp_context=multiprocessing.get_context("spawn"))

    def finished(self, timeout: float, cache: Any = None) -> list[Entry]:
        """Entries of the checks done within ``timeout`` seconds (at once: those done by now);
        without a pool, the next waiting report is checked here (with ``cache``)."""
        from reviewer.workspace import read_entry

        if self.pool is None:
            if not self.waiting or cache is None:
                return []
            path = self.waiting.pop(0)
            self.done += 1
            try:
                return [read_entry(path, cache, checked=True)]
            except Exception as exc:  # a failing check must not stop the list
                return [Entry(path, error=str(exc), review=review_state(path))]
        from concurrent.futures import FIRST_COMPLETED
        from concurrent.futures import wait as wait_for

        if not self.pending:
            return []
        finished, _ = wait_for(self.pending, timeout=timeout, return_when=FIRST_COMPLETED)
        out = []
        for future in finished:
            path = self.pending.pop(future)
            self.done += 1
            try:
                result = future.result()
            except Exception as exc:  # a failing check must not stop the list
                result = str(exc)
            review = review_state(path)
            out.append(Entry(path, error=result, review=review) if isinstance(result, str)
                       else Entry(path, result, review=review))
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)


class ReportTable(DataTable, inherit_bindings=False):
    """One row per report; moved through and opened with the registry's ``picker.*`` keys."""

    BINDINGS = actions.bindings("picker-table")


class FindBar(Input):
    """``/``: finds a government as it is typed; Enter goes to the next one, Escape closes."""

    BINDINGS = actions.bindings("picker-find")

    def action_close(self) -> None:
        self.display = False
        self.screen.query_one(ReportTable).focus()


class PickerScreen(KeyedScreen, Screen[None]):
    BINDINGS = actions.bindings("picker")
    HELP = ("picker", "app")
    HELP_TITLE = "ui.help_title_picker"
    AUTO_FOCUS = "ReportTable"

    def __init__(self, paths: list[str], folder: str) -> None:
        super().__init__()
        self.paths = list(paths)
        self.folder = folder
        self.entries: dict[str, Entry] = {p: Entry(p) for p in self.paths}
        self.priors: dict[str, Prior] = {}
        self.place = load_place(folder)
        self.shown: list[str] = []  # the paths listed, in their order
        self._cells: dict[str, tuple[Any, ...]] = {}  # what each listed row shows
        self._stale: set[str] = set()  # rows whose entry or prior changed since shown
        self.progress: tuple[str, int, int] | None = None
        self.checked = 0  # reports whose flags are all known, once the checks are done
        self._restore = self.place.path  # the row to put the cursor on once it is listed
        self._first_drawn = threading.Event()  # the rows on screen are drawn with their facts
        self._first_rows = FIRST_ROWS

    # --- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "user_keymap", {})
        key = {ident: actions.current_key(keymap, ident)
               for ident in ("picker.select", "picker.quit")}
        yield Static(Text(t("ui.picker_title", folder=snippet(self.folder, 60),
                            open=key["picker.select"], quit=key["picker.quit"])), id="header")
        table = ReportTable(cursor_type="row", zebra_stripes=True)
        self.widths = self._widths()
        for column in COLUMNS:
            table.add_column(self._label(column), key=column, width=self.widths[column])
        yield table
        find = FindBar(placeholder=t("ui.picker_find_placeholder"), id="find")
        find.display = False
        yield find
        yield Static(id="status")
        yield KeyHints()

    def on_mount(self) -> None:
        self._show_rows()
        self._show_status()
        self.call_after_refresh(self._column_into_view)
        self.app.start_up_done()
        # the rows a screen of this height shows (less the title, headings, status and key lines)
        self._first_rows = max(8, min(FIRST_ROWS, self.app.size.height - 4))
        self._scan(list(self.shown) + [p for p in self.paths if p not in set(self.shown)],
                   self._first_rows)

    # --- reading the folder ----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="scan")
    def _scan(self, order: list[str], first_rows: int = FIRST_ROWS) -> None:
        """Facts and reviews of every report in ``order`` (the rows on screen first), and the
        checks of those whose flags the cache does not have, in other processes while the
        facts are still being read when there are many; handed over in batches."""
        from reviewer.workspace import read_entry
        from reviewer.workspace.cache import FactsCache

        worker = get_current_worker()
        checks = _Checks()
        read: list[Entry] = []
        checked: list[Entry] = []
        last = time.perf_counter()

        def hand_over(stage: str, done: int, total: int, *, now: bool = False) -> None:
            nonlocal last, read, checked
            if now or time.perf_counter() - last >= BATCH_SECONDS:
                self.post_message(ReportsRead(read + checked, stage, done, total))
                read, checked, last = [], [], time.perf_counter()

        try:
            cache = FactsCache()
            self.post_message(ReportsRead([], "read", 0, len(order)))
            for n, path in enumerate(order, 1):
                if worker.is_cancelled:
                    return
                try:
                    entry = read_entry(path, cache)
                except Exception as exc:  # a report that breaks the reader must not stop the list
                    entry = Entry(path, error=str(exc), review=review_state(path))
                read.append(entry)
                if entry.facts is not None and entry.facts.flags is None:
                    checks.add(path)
                checked += checks.finished(0)
                hand_over("read", n, len(order), now=n in (len(order), first_rows))
                if n == first_rows:
                    # the app's thread draws the first screen before this one reads on: both
                    # want the one interpreter lock, and the screen is what the reviewer waits for
                    self._first_drawn.wait(FIRST_SCREEN_WAIT)
                    checks.may_start = True
                    checks.add()
            checks.may_start = True
            checks.add()
            self.post_message(ReportsRead(checked, "check", checks.done, checks.total))
            checked = []
            while checks.remaining and not worker.is_cancelled:
                checked += checks.finished(BATCH_SECONDS, cache)
                hand_over("check", checks.done, checks.total, now=not checks.remaining)
        finally:
            checks.close()

    @on(ReportsRead)
    def _read(self, event: ReportsRead) -> None:
        if event.stage == "read" and event.done >= min(self._first_rows, event.total) > 0:
            self.call_after_refresh(self._first_drawn.set)
        for entry in event.entries:
            self.entries[entry.path] = entry
            self._stale.add(entry.path)
        self.progress = (event.stage, event.done, event.total)
        if event.stage == "check" and event.done == event.total:
            self.progress = None
            self.checked = sum(e.facts is not None for e in self.entries.values())
        if event.entries or self.progress is None:
            self._update()
        else:
            self._show_status()

    def _update(self) -> None:
        priors = find_priors(self.entries)
        self._stale.update(p for p in set(priors) | set(self.priors)
                           if priors.get(p) != self.priors.get(p))
        self.priors = priors
        self._show_rows()
        self._show_status()

    # --- the rows --------------------------------------------------------------------------
    @property
    def table(self) -> ReportTable:
        return self.query_one(ReportTable)

    def _label(self, column: str) -> Text:
        text = label(column)
        if column == self.place.sort:
            text += " ↓" if self.place.reverse else " ↑"
        if self.place.filters.get(column):
            text += " ⧩"
        style = "reverse" if column == self.place.column else ""
        return Text(text, style=style)

    def _widths(self) -> dict[str, int]:
        """Each column as wide as its longest possible value and its label with the sort and
        filter marks."""
        from reviewer.profiles import all_profiles
        from reviewer.review import load_vocabulary
        from reviewer.review.model import STATUSES

        values = {
            "genre": [cell(Entry("", Facts("", "", None, g, "")), "genre", None, "")
                      for g in all_profiles()],
            "status": [t(f"workspace.status.{s}") + " ⚠" for s in STATUSES],
            "verdict": [t(f"review.verdict.{v}") for v in load_vocabulary().verdicts],
        }
        return {c: max([WIDTHS.get(c, 0), cell_width(label(c)) + 2,
                        *(cell_width(v) for v in values.get(c, ()))]) for c in COLUMNS}

    def _row(self, entry: Entry) -> tuple[Any, ...]:
        prior = self.priors.get(entry.path)
        out: list[Any] = []
        for column in COLUMNS:
            text = inert(cell(entry, column, prior, self.folder))
            width = self.widths[column]
            # a path keeps its end, where the file's name is
            text = fit_end(text, width) if column in ("file", "prior") else fit(text, width)
            style = ""
            if column == "government" and entry.error:
                style = "red"
            elif column == "government" and entry.facts is None:
                text = fit(t("ui.reading"), self.widths[column])
                style = "dim"
            elif column == "status" and entry.review is not None:
                style = STATUS_STYLES.get(entry.review.status, "")
            elif column == "flags" and (entry.open_flags or (0,))[0]:
                style = "red"
            elif column == "prior" and prior is not None and prior.chosen:
                style = "bold"
            out.append(Text(text, style=style))
        return tuple(out)

    def arranged(self) -> list[Entry]:
        place = self.place
        return arrange([self.entries[p] for p in self.paths], self.priors, self.folder,
                       sort=place.sort, reverse=place.reverse, filters=place.filters)

    def _show_rows(self) -> None:
        """List the entries as sorted and filtered: the rows whose entry or prior changed, cell
        by cell, when the order stayed; all anew (the cursor kept on its report) when it
        changed."""
        table = self.table
        order = [e.path for e in self.arranged()]
        stale, self._stale = self._stale, set()
        for path in stale.difference(order):  # drawn anew when listed again
            self._cells.pop(path, None)
        rows = {}
        for path in order:
            row = self._cells.get(path)
            rows[path] = row if row is not None and path not in stale else \
                self._row(self.entries[path])
        if order == self.shown:
            for path in stale & set(order):
                old = self._cells.get(path)
                for column, value, before in zip(COLUMNS, rows[path],
                                                 old or (None,) * len(COLUMNS), strict=True):
                    if value != before:
                        table.update_cell(path, column, value)
        else:
            current = self.current_path()
            table.clear()
            for path in order:
                table.add_row(*rows[path], key=path)
            self.shown = order
            if current in order:
                table.move_cursor(row=order.index(current), animate=False)
        self._cells.update(rows)
        if self._restore and self._restore in order:
            table.move_cursor(row=order.index(self._restore), animate=False)
            self._restore = ""

    def current_path(self) -> str | None:
        table = self.table
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _show_status(self) -> None:
        parts = [t("ui.picker_column", column=label(self.place.column)), t("ui.picker_sorted", column=label(self.place.sort),
                   order=t("ui.picker_descending" if self.place.reverse else
                           "ui.picker_ascending"))]
        filters = [t("ui.picker_filter", column=label(c), text=snippet(v, 20))
                   for c, v in self.place.filters.items() if v]
        if filters:
            parts.append(" · ".join(filters))
        parts.append(t("ui.picker_count", shown=len(self.shown), total=len(self.paths)))
        if self.progress is not None:
            stage, done, total = self.progress
            parts.append(t(f"ui.picker_{stage}ing", done=done, total=total))
        elif self.checked:
            parts.append(t("ui.picker_checked", total=self.checked))
        self.query_one("#status", Static).update(Content("  ·  ".join(parts)))

    def _relabel(self) -> None:
        table = self.table
        for column in COLUMNS:
            table.columns[next(k for k in table.columns if k.value == column)].label = \
                self._label(column)
        table.refresh()

    def _remember(self, **changes: Any) -> None:
        self.place = self.place._replace(**changes)
        save_place(self.folder, self.place)

    # --- sorting, filtering, finding -------------------------------------------------------
    def _move_column(self, step: int) -> None:
        index = (COLUMNS.index(self.place.column) + step) % len(COLUMNS)
        self._remember(column=COLUMNS[index])
        self._relabel()
        self._show_status()
        self._column_into_view()

    def _column_into_view(self) -> None:
        """Scroll the table sideways so the chosen column shows (a narrow terminal shows only
        some columns at a time)."""
        table = self.table
        widths = [c.get_render_width(table) for c in table.columns.values()]
        index = COLUMNS.index(self.place.column)
        left = sum(widths[:index])
        right = left + widths[index]
        room = table.scrollable_content_region.width
        if left < table.scroll_x:
            table.scroll_to(x=left, animate=False)
        elif right > table.scroll_x + room:
            table.scroll_to(x=right - room, animate=False)

    def action_column_right(self) -> None:
        self._move_column(1)

    def action_column_left(self) -> None:
        self._move_column(-1)

    def sort_by(self, column: str) -> None:
        """Sort by ``column``; by the same again, the other way round."""
        reverse = not self.place.reverse if column == self.place.sort else False
        self._remember(sort=column, reverse=reverse, column=column)
        self._relabel()
        self._show_rows()
        self._show_status()

    def action_sort(self) -> None:
        self.sort_by(self.place.column)

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    def set_filter(self, column: str, text: str) -> None:
        filters = {c: v for c, v in self.place.filters.items() if c != column}
        if text:
            filters[column] = text
        self._remember(filters=filters, column=column)
        self._relabel()
        self._show_rows()
        self._show_status()

    def action_filter(self) -> None:
        from reviewer.tui.dialogs import PromptDialog

        column = self.place.column

        def chosen(text: str | None) -> None:
            if text is not None:
                self.set_filter(column, text)

        self.app.push_screen(PromptDialog(
            t("ui.picker_filter_title", column=label(column)), t("ui.picker_filter_about"),
            text=self.place.filters.get(column, ""), placeholder=t("ui.picker_filter_hint")),
            chosen)

    def action_clear_filters(self) -> None:
        if self.place.filters:
            self._remember(filters={})
            self._relabel()
            self._show_rows()
            self._show_status()

    def action_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.display = True
        bar.focus()

    def _find(self, text: str, start: int) -> bool:
        """Put the cursor on the first row from ``start`` on (wrapping) whose government holds
        ``text``."""
        needle = text.strip().casefold()
        if not needle or not self.shown:
            return False
        count = len(self.shown)
        for step in range(count):
            index = (start + step) % count
            entry = self.entries[self.shown[index]]
            if entry.facts is not None and needle in entry.facts.government.casefold():
                self.table.move_cursor(row=index)
                return True
        return False

    @on(Input.Changed, "#find")
    def _find_typed(self, event: Input.Changed) -> None:
        if event.value.strip() and not self._find(event.value, 0):
            self.notify(t("ui.picker_not_found", text=snippet(event.value, 20)), timeout=2)

    @on(Input.Submitted, "#find")
    def _find_next(self, event: Input.Submitted) -> None:
        if event.value.strip() and not self._find(event.value, self.table.cursor_row + 1):
            self.notify(t("ui.picker_not_found", text=snippet(event.value, 20)), timeout=2)

    # --- opening reports -------------------------------------------------------------------
    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.open_report(str(event.row_key.value))

    def neighbour(self, path: str, step: int) -> str | None:
        """The next (``step=1``) or previous (``-1``) report of the list after ``path`` that can
        be read, as the list is sorted and filtered now."""
        order = self.shown
        if path not in order:
            return None
        index = order.index(path) + step
        while 0 <= index < len(order):
            if not self.entries[order[index]].error:
                return order[index]
            index += step
        return None

    def open_report(self, path: str) -> None:
        """Review one report; coming back, its row shows where its review now stands. From it,
        ``]``/``[`` come back here to open its neighbour."""
        from reviewer.document import ReportError

        entry = self.entries.get(path)
        if entry is not None and entry.error:
            self.notify(f"{path}: {entry.error}", severity="error", timeout=10, markup=False)
            return
        prior = self.priors.get(path)
        try:
            session = Session.open(path, reviewer=self.app.settings.reviewer,
                                   prior_path=prior.path if prior else None)
        except ReportError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        if path in self.shown:
            self.table.move_cursor(row=self.shown.index(path))
        self._remember(path=path)

        def back(target: str | None) -> None:
            self._review_changed(path)
            if target is not None:
                self.open_report(target)

        self.app.push_screen(MainScreen(session, from_picker=True,
                                        neighbour=lambda step: self.neighbour(path, step)),
                             back)

    def _review_changed(self, path: str) -> None:
        entry = self.entries.get(path)
        if entry is not None:
            self.entries[path] = entry._replace(review=review_state(path))
            self._stale.add(path)
            self._update()

    # --- last year's report ----------------------------------------------------------------
    def action_prior(self) -> None:
        from reviewer.tui.screens.choose import ChooseDialog

        path = self.current_path()
        entry = self.entries.get(path or "")
        if entry is None or entry.facts is None:
            self.notify(t("ui.picker_not_read"), severity="warning")
            return
        year = entry.facts.year
        candidates = sorted(
            (e for e in self.entries.values() if e.facts is not None and e.path != path),
            key=lambda e: (e.facts.year != (year - 1 if year else None),
                           e.facts.government != entry.facts.government,
                           e.facts.genre != entry.facts.genre, e.path))
        current = self.priors.get(path)
        options = [("", t("ui.prior_none"))] + [
            (e.path, f"{e.facts.year or '?'}  {e.facts.government or '?'}  "
                     f"{snippet(cell(e, 'file', None, self.folder), 60)}") for e in candidates]
        chosen_now = current.path if current is not None and current.chosen else ""

        def chosen(value: str | None) -> None:
            if value is not None:
                self.choose_prior(path, value or None)

        self.app.push_screen(ChooseDialog(
            t("ui.prior_title", file=snippet(cell(entry, "file", None, self.folder), 60)),
            options, chosen_now), chosen)

    def choose_prior(self, path: str, prior_path: str | None) -> None:
        """Name ``prior_path`` (``None``: none) as last year's report in the review of
        ``path``, through its session, and save it."""
        from reviewer.document import ReportError, load_document

        try:
            session = Session.open(path, reviewer=self.app.settings.reviewer)
            session.load_review()
            prior = load_document(prior_path) if prior_path else None
            changed = session.choose_prior(prior)
        except (ReportError, ValueError) as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        for problem in session.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if changed:
            message = session.save()
            if session.save_error:
                self.notify(session.save_error, severity="error", timeout=30, markup=False)
                return
            if message:
                self.notify(message, severity="warning", markup=False)
        self._review_changed(path)
        shown = self.priors.get(path)
        self.notify(t("ui.prior_now", file=cell(self.entries[path], "prior", shown,
                                                 self.folder) or t("ui.prior_none_found")))

    # --- leaving ---------------------------------------------------------------------------
    def palette_targets(self) -> dict[str, Any]:
        return {"picker": self, "picker-table": self.query_one(ReportTable), "app": self.app}

    def action_quit(self) -> None:
        current = self.current_path()
        if current:
            self._remember(path=current)
        self.app.exit()

