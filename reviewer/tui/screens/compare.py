"""The comparison screen: last year's plan items and targets beside this year's evidence.

Left, the prior report's plan items with a status badge (the suggested status, or the reviewer's
once confirmed), then its quantified targets with a verdict badge; right, the chosen entry with
its evidence (the wording shared with the item highlighted), its targets and the reasons for the
suggestion, or the target with the figure this year's report gives for it. The reviewer accepts
the suggestion, picks another status or verdict, or adds a note: each goes to the session
(``assess_plan``, ``assess_target``), which marks the review unsaved, arms the autosave and lets
``u`` take it back. The header shows whether the review is saved, as on the main screen.

The comparison itself (jieba's dictionary load above all) runs in a thread worker while the screen
shows that it is loading; the worker only posts a message and the handler changes the screen.
Everything shown is computed by ``reviewer.compare``; this module only lays it out, wrapped by
the reader's Chinese rules (``reviewer.tui.prose``) at the width of each pane, again on a resize.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, LoadingIndicator, OptionList
from textual.widgets.option_list import Option

from reviewer.compare import Comparison, ItemResult, TargetResult, shared_spans
from reviewer.compare.figures import actual_text, target_text
from reviewer.document import Document
from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.header import HeaderLine
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.plain import inert, snippet
from reviewer.tui.prose import Paragraph, Prose, WrappedList, wrap_content
from reviewer.tui.screens.keys import KeyedScreen

if TYPE_CHECKING:
    from reviewer.tui.saving import Keeper
    from reviewer.tui.session import Change, Session

STATUS_STYLE = {"delivered": "$success", "partial": "$warning", "no_evidence": "$error",
                "carried_over": "$accent", "acknowledged_gap": "$secondary",
                "unclear": "$text-muted"}
VERDICT_STYLE = {"met": "$success", "missed": "$error", "unclear": "$warning",
                 "not_reported": "$text-muted"}
SHARED_STYLE = "bold underline $accent"
HANG = 2  # cells a wrapped list line, target or reason is indented under its first line
QUIT = "quit"  # what the screen returns when the reviewer quits from it


class Row(NamedTuple):
    """One line of the list: a plan item, a target (``index`` into the comparison's items or
    targets), or a heading (``index`` -1)."""

    kind: str  # "item" | "target" | "heading"
    index: int


class PlanList(WrappedList, inherit_bindings=False):
    """The prior report's plan items and targets: each its badge, then its heading, wrapped by
    the reader's rules to the list's width; the lines after the first are indented under the
    badge, so the marks stand alone in their column. Headings are shown but never chosen."""

    BINDINGS = actions.bindings("compare-list")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries: list[tuple[Content, bool]] = []  # (prompt, can be chosen)

    def show(self, entries: list[tuple[Content, bool]]) -> None:
        self.entries = entries
        self.refresh_items()

    def replace(self, index: int, entry: Content) -> None:
        self.entries[index] = (entry, self.entries[index][1])
        self.replace_option_prompt_at_index(index, self._prompt(entry, self._text_width()))

    def _prompt(self, entry: Content, width: int) -> Content:
        # not laid out yet (the body is still hidden): wrapped once it shows
        return wrap_content(entry, width, HANG, first=0) if width > HANG + 8 else entry

    def refresh_items(self) -> None:
        keep = self.highlighted
        self.clear_options()
        width = self._text_width()
        self.add_options(Option(self._prompt(entry, width), disabled=not enabled)
                         for entry, enabled in self.entries)
        if keep is not None and self.entries:
            self.highlighted = min(keep, len(self.entries) - 1)


class CompareScreen(KeyedScreen, Screen[str | None]):
    """Prior plan items and targets, their evidence in the current report, and the reviewer's
    decisions, recorded through ``session``.

    ``keeper`` saves the session (the main screen's, so the autosave and ``ctrl+s`` work here
    as there); without one the screen keeps the session saved itself. The screen returns
    ``QUIT`` when the reviewer quits from it, ``None`` when going back.
    """

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-loading { height: 3; padding: 0 1; }
    CompareScreen #compare-loading LoadingIndicator { height: 1; }
    CompareScreen #compare-body { height: 1fr; }
    CompareScreen #compare-items { width: 2fr; min-width: 30; height: 1fr; }
    CompareScreen #compare-detail { width: 3fr; height: 1fr; padding: 0 1; }
    """

    BINDINGS = actions.bindings("compare")
    HELP = ("compare", "app")
    HELP_TITLE = "ui.help_title_compare"

    @dataclass
    class Ready(Message):
        """The comparison finished in the worker."""

        comparison: Comparison

    @dataclass
    class Progress(Message):
        """The comparison in the worker is ``percent`` done."""

        percent: int

    @dataclass
    class Failed(Message):
        """The comparison could not be made: ``reason`` says why."""

        reason: str

    def __init__(self, prior: Document, session: Session, keeper: Keeper | None = None) -> None:
        super().__init__()
        self.prior = prior
        self.session = session
        self.current = session.doc
        self.keeper = keeper
        self._own_keeper = keeper is None
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        self._spans: dict[int, list[list[tuple[int, int, int, int]]]] = {}
        self._cancel = threading.Event()  # set when the screen goes: the worker stops

    # --- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        with Vertical(id="compare-loading"):
            yield Label(t("compare.loading"), id="compare-progress")
            yield LoadingIndicator()
        with Horizontal(id="compare-body"):
            yield PlanList(id="compare-items")
            with VerticalScroll(id="compare-detail"):
                yield Prose(id="compare-item")
                yield Prose(id="compare-evidence")
                yield Prose(id="compare-text")
        yield KeyHints()

    def _title(self) -> Content:
        years = f"{self.prior.year or '?'} → {self.current.year or '?'}"
        return Content.assemble((t("compare.screen_title"), "bold"), "  ",
                                inert(self.current.government), " ", years)

    def on_mount(self) -> None:
        if self.keeper is None:
            from reviewer.tui.saving import Keeper

            self.keeper = Keeper(self.app, self.session)
        self.session.listen(self._heard)
        self.query_one(HeaderLine).show(self.session, self._title())
        self.query_one("#compare-body").display = False
        self.compute()

    def on_unmount(self) -> None:
        self._cancel.set()
        self.session.forget(self._heard)
        if self._own_keeper and self.keeper is not None:
            self.keeper.stop()
            self.session.save()

    @work(thread=True, exclusive=True, group="compare")
    def compute(self) -> None:
        """Load jieba and compare, off the UI thread; only posts its progress and the outcome.
        Leaving the screen (Esc) stops it at its next step."""
        from reviewer.compare import compare_documents, ensure_jieba
        from reviewer.progress import Cancelled

        shown = -1

        def progress(done: int, total: int, step: str) -> None:
            nonlocal shown
            percent = done * 100 // max(total, 1)
            if percent != shown:  # a long report has a hundred thousand steps: post a hundred
                shown = percent
                self.post_message(self.Progress(percent))

        try:
            ensure_jieba()
            comparison = compare_documents(self.prior, self.current, progress=progress,
                                           cancelled=self._cancel.is_set)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never raised into the UI
            self.post_message(self.Failed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Ready(comparison))

    def on_compare_screen_ready(self, message: Ready) -> None:
        comparison = self.comparison = message.comparison
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-body").display = True
        rows = [Row("item", i) for i in range(len(comparison.items))]
        if not rows:
            rows.append(Row("heading", -1))  # says that there is no plan
        if comparison.targets:
            rows.append(Row("heading", -2))
            rows += [Row("target", i) for i in range(len(comparison.targets))]
        self.rows = rows
        items = self.query_one("#compare-items", PlanList)
        items.show([(self._badge(row), row.kind != "heading") for row in rows])
        first = next((n for n, row in enumerate(rows) if row.kind != "heading"), None)
        if first is not None:
            items.highlighted = first
        items.focus()

    def on_compare_screen_progress(self, message: Progress) -> None:
        if self.comparison is None:
            self.query_one("#compare-progress", Label).update(
                t("compare.progress", percent=message.percent))

    def on_compare_screen_failed(self, message: Failed) -> None:
        self.query_one("#compare-loading").display = False
        self.notify(message.reason, severity="error", timeout=15)

    @on(OptionList.OptionHighlighted, "#compare-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(self.row)

    def _heard(self, change: Change | None, _undone: bool) -> None:
        """The session changed (here, on another screen, or by an undo) or was saved."""
        self.query_one(HeaderLine).show(self.session, self._title())
        if change is None or self.comparison is None:
            return
        items = self.query_one("#compare-items", PlanList)
        for n, row in enumerate(self.rows):
            if row.kind != "heading":
                items.replace(n, self._badge(row))
        self._show_detail(self.row)

    # --- what is shown -----------------------------------------------------------------------
    @property
    def row(self) -> Row | None:
        """The entry chosen in the list, if any."""
        if self.comparison is None:
            return None
        index = self.query_one("#compare-items", OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return None if row.kind == "heading" else row

    def _item(self, row: Row) -> ItemResult:
        assert self.comparison is not None
        return self.comparison.items[row.index]

    def _target(self, row: Row) -> TargetResult:
        assert self.comparison is not None
        return self.comparison.targets[row.index]

    def decision(self, row: Row) -> tuple[str, str]:
        """The reviewer's choice ("" when none yet) and note on an entry."""
        if row.kind == "item":
            item = self._item(row)
            plan = self.session.plan_assessment(self.prior, item.start, item.end)
            return (plan.status, plan.note) if plan else ("", "")
        target = self._target(row)
        found = self.session.target_assessment(self.prior, target.start, target.end)
        return (found.verdict, found.note) if found else ("", "")

    def suggested(self, row: Row) -> str:
        return self._item(row).status if row.kind == "item" else self._target(row).verdict

    def shown(self, row: Row) -> str:
        """The status or verdict shown for an entry: the reviewer's, else the suggested one."""
        return self.decision(row)[0] or self.suggested(row)

    def choices(self, row: Row) -> tuple[str, ...]:
        """What the reviewer chooses from for this entry (the review's vocabulary)."""
        from reviewer.review import load_vocabulary

        vocab = load_vocabulary()
        return vocab.plan_statuses if row.kind == "item" else vocab.target_verdicts

    @staticmethod
    def _label(row: Row, value: str) -> str:
        return t(("compare.status_" if row.kind == "item" else "compare.verdict_") + value)

    @staticmethod
    def _style(row: Row, value: str) -> str:
        return (STATUS_STYLE if row.kind == "item" else VERDICT_STYLE).get(value, "")

    def _badge(self, row: Row) -> Content:
        assert self.comparison is not None
        if row.kind == "heading":
            if row.index == -1:
                return Content(t("compare.no_plan", path=inert(self.prior.path)))
            return Content.styled(f"{t('compare.targets')} ({len(self.comparison.targets)})",
                                  "bold $text-accent")
        value = self.shown(row)
        mark = "✓" if self.decision(row)[0] else "?"
        badge = (f"{mark} {self._label(row, value)}", f"bold {self._style(row, value)}")
        if row.kind == "item":
            return Content.assemble(badge, " ",
                                    snippet(self._item(row).heading.split(" / ")[-1], 60))
        target = self._target(row)
        return Content.assemble(badge, " ", snippet(target.indicator, 30), " ",
                                inert(target_text(target)), " → ", actual_text(target))

    def _shared(self, index: int) -> list[list[tuple[int, int, int, int]]]:
        """Shared wording of the item and each evidence passage (computed once per item)."""
        if index not in self._spans:
            assert self.comparison is not None
            item = self.comparison.items[index]
            self._spans[index] = [shared_spans(item.text, ev.quote) for ev in item.evidence]
        return self._spans[index]

    def _choice_line(self, row: Row) -> Content:
        """The number keys and what each chooses for this entry."""
        keymap = getattr(self.app, "user_keymap", {})
        parts = []
        for n, value in enumerate(self.choices(row), 1):
            ident = f"compare.choose_{n}"
            key = actions.display_keys(keymap.get(ident, actions.spec(ident).key))
            parts.append(Content.assemble((key, "bold"), " ", self._label(row, value)))
        return Content.assemble((f"{t('compare.choices')}: ", "$text-muted"),
                                Content(" · ").join(parts))

    def _head(self, row: Row, title: Content) -> Content:
        status, note = self.decision(row)
        suggested = self.suggested(row)
        head: list[Any] = [title, "\n", Content.styled(
            f"{t('compare.suggested')}: {self._label(row, suggested)}",
            self._style(row, suggested))]
        if status:
            head += ["  ", Content.styled(f"{t('compare.confirmed')}: "
                                          f"{self._label(row, status)}",
                                          f"bold {self._style(row, status)}")]
        if note:
            head += ["\n", f"{t('compare.note_label')}: ", inert(note)]
        return Content.assemble(*head, "\n", self._choice_line(row), "\n")

    def _show_detail(self, row: Row | None) -> None:
        if row is None or self.comparison is None:
            return
        if row.kind == "target":
            self._show_target(row)
            return
        item = self._item(row)
        spans = self._shared(row.index)
        text = Content(inert(item.text))
        for runs in spans:
            for a0, a1, _, _ in runs:
                text = text.stylize(SHARED_STYLE, a0, a1)
        self.query_one("#compare-item", Prose).update(
            self._head(row, Content.styled(inert(item.heading), "bold")))
        self.query_one("#compare-evidence", Prose).update(self._evidence(item, spans))
        self.query_one("#compare-text", Prose).update(
            ["", Content.styled(t("compare.item_text"), "bold $text-accent"), text])

    def _show_target(self, row: Row) -> None:
        target = self._target(row)
        self.query_one("#compare-item", Prose).update(self._head(row, Content.assemble(
            (inert(target.indicator), "bold"), " ", (inert(target_text(target)), "bold"))))
        figure: list[Paragraph] = [Content.styled(t("compare.actual_title"), "bold $text-accent")]
        if target.actual is None:
            figure.append(t("compare.no_actual"))
        else:
            quote = Content(inert(self._sentence(self.current, target.actual.start)))
            figure += [Content.styled(actual_text(target), "bold"), quote]
        self.query_one("#compare-evidence", Prose).update([*figure, ""])
        said = self._sentence(self.prior, target.start)
        self.query_one("#compare-text", Prose).update(
            [Content.styled(t("compare.target_text"), "bold $text-accent"), inert(said)])

    @staticmethod
    def _sentence(doc: Document, offset: int) -> str:
        """The sentence of ``doc`` around ``offset``: the context a figure is read in."""
        sentences = doc.sentences()
        at = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
        if 0 <= at < len(sentences) and sentences[at].start <= offset < sentences[at].end:
            return doc.text[sentences[at].start:sentences[at].end]
        return doc.text[offset:offset + 80]

    def _evidence(self, item: ItemResult, spans: list[list[tuple[int, int, int, int]]]
                  ) -> list[Paragraph]:
        """The evidence, targets and reasons, one paragraph per line as written; a target or a
        reason that wraps continues indented under its first line."""
        parts: list[Paragraph] = [
            Content.styled(t("compare.evidence_title"), "bold $text-accent")]
        if not item.evidence:
            parts.append(t("compare.reason_no_evidence"))
        for ev, runs in zip(item.evidence, spans, strict=True):
            quote = Content(inert(ev.quote))
            for _, _, b0, b1 in runs:
                quote = quote.stylize(SHARED_STYLE, b0, b1)
            parts += [Content.styled(f"{ev.score:.2f} {t('kinds.' + ev.section_kind)}",
                                     "$text-muted"), quote]
        if item.targets:
            parts += ["", Content.styled(t("compare.targets"), "bold $text-accent")]
            parts += [(self._target_line(tr), HANG) for tr in item.targets]
        parts += ["", Content.styled(t("compare.reasons_title"), "bold $text-accent")]
        parts += [(f"· {inert(reason)}", HANG) for reason in item.reasons]
        return [*parts, ""]

    @staticmethod
    def _target_line(tr: TargetResult) -> Content:
        return Content.assemble(
            inert(tr.indicator), f"  {t('compare.col_target')} {inert(target_text(tr))}",
            f"  {t('compare.col_actual')} {actual_text(tr)}  ",
            (t("compare.verdict_" + tr.verdict), VERDICT_STYLE[tr.verdict]))

    # --- decisions: each one a call on the session -------------------------------------------
    def _record(self, row: Row, *, choice: str | None = None, note: str | None = None) -> None:
        old_choice, old_note = self.decision(row)
        choice_now = old_choice if choice is None else choice
        note_now = old_note if note is None else note
        if row.kind == "item":
            item = self._item(row)
            self.session.assess_plan(
                self.prior, item.start, item.end, heading=item.heading, suggested=item.status,
                status=choice_now, note=note_now,
                evidence=[(ev.start, ev.end) for ev in item.evidence])
        else:
            target = self._target(row)
            self.session.assess_target(
                self.prior, target.start, target.end, indicator=target.indicator,
                suggested=target.verdict, verdict=choice_now, note=note_now)
        if choice is not None:
            self.notify(t("compare.saved", status=self._label(row, choice)))

    def action_accept(self) -> None:
        row = self.row
        if row is not None:
            suggested = self.suggested(row)
            if suggested in self.choices(row):  # "unclear" is no status to accept
                self._record(row, choice=suggested)

    def action_cycle(self) -> None:
        row = self.row
        if row is not None:
            choices = self.choices(row)
            now = self.shown(row)
            at = choices.index(now) if now in choices else -1
            self._record(row, choice=choices[(at + 1) % len(choices)])

    def action_choose(self, number: int) -> None:
        row = self.row
        if row is None:
            return
        choices = self.choices(row)
        if not 1 <= number <= len(choices):
            self.notify(t("compare.no_choice", n=number), severity="warning")
            return
        self._record(row, choice=choices[number - 1])

    def action_note(self) -> None:
        row = self.row
        if row is None:
            return
        from reviewer.tui.dialogs import PromptDialog

        if row.kind == "item":
            title, about = t("compare.note_title"), self._item(row).heading
        else:
            target = self._target(row)
            title, about = t("compare.target_title"), \
                f"{target.indicator} {target_text(target)}"

        def done(note: str | None) -> None:
            if note is not None:
                self._record(row, note=note)

        self.app.push_screen(PromptDialog(title, about, text=self.decision(row)[1],
                                          placeholder=t("compare.note_placeholder")), done)

    def action_undo(self) -> None:
        change = self.session.undo()
        self.notify(t("ui.nothing_to_undo") if change is None
                    else t(f"ui.undone_{change.kind}"))

    def action_save(self) -> None:
        assert self.keeper is not None
        self.keeper.save_key()

    def palette_targets(self) -> dict[str, Any]:
        return {"compare": self, "app": self.app}

    def action_back(self) -> None:
        self._cancel.set()
        self.dismiss(None)

    def action_quit(self) -> None:
        self.dismiss(QUIT)
