"""The comparison screen: last year's plan items beside this year's evidence.

Left, the prior report's plan items with a status badge (the suggested status, or the reviewer's
once confirmed); right, the chosen item with its evidence, the wording they share highlighted, its
targets and the reasons for the suggestion. The reviewer accepts the suggestion, picks another
status or adds a note; each decision goes into the review at once.

The comparison itself (jieba's dictionary load above all) runs in a thread worker while the screen
shows that it is loading; the worker only posts a message and the handler changes the screen.
Everything shown is computed by ``reviewer.compare``; this module only lays it out, wrapped by
the reader's Chinese rules (``reviewer.tui.prose``) at the width of each pane, again on a resize.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reviewer.compare import STATUSES, Comparison, ItemResult, TargetResult, shared_spans
from reviewer.compare.figures import actual_text, target_text
from reviewer.document import Document
from reviewer.i18n import t
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.plain import inert, snippet
from reviewer.tui.prose import Paragraph, Prose, WrappedList, wrap_content

STATUS_STYLE = {"delivered": "$success", "partial": "$warning", "no_evidence": "$error",
                "carried_over": "$accent", "acknowledged_gap": "$secondary",
                "unclear": "$text-muted"}
VERDICT_STYLE = {"met": "$success", "missed": "$error", "unclear": "$warning",
                 "not_reported": "$text-muted"}
SHARED_STYLE = "bold underline $accent"
HANG = 2  # cells a wrapped list line, target or reason is indented under its first line


class NoteDialog(ModalScreen[str | None]):
    """One line of note for a plan item; Enter saves, Escape cancels (``None``)."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 72; height: auto; padding: 1 2; border: round $accent; background: $surface;
    }
    NoteDialog .note-title { text-style: bold; margin-bottom: 1; }
    NoteDialog .note-item { color: $text-muted; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", t("compare.note_cancel"))]

    def __init__(self, heading: str, note: str) -> None:
        super().__init__()
        self.heading = heading
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("compare.note_title"), classes="note-title")
            yield Prose(snippet(self.heading, 120), classes="note-item")
            yield Input(self.note, placeholder=t("compare.note_placeholder"), id="compare-note")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlanList(WrappedList):
    """The prior report's plan items: each its status badge, then its heading, wrapped by the
    reader's rules to the list's width; the lines after the first are indented under the status,
    so the marks stand alone in their column."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries: list[Content] = []
        self.empty: str | None = None

    def show(self, entries: list[Content], empty: str | None = None) -> None:
        """List ``entries`` (one badge and heading each), or the disabled line ``empty``."""
        self.entries, self.empty = entries, empty
        self.refresh_items()

    def replace(self, index: int, entry: Content) -> None:
        self.entries[index] = entry
        self.replace_option_prompt_at_index(index, self._prompt(entry, self._text_width()))

    def _prompt(self, entry: Content, width: int) -> Content:
        # not laid out yet (the body is still hidden): wrapped once it shows
        return wrap_content(entry, width, HANG, first=0) if width > HANG + 8 else entry

    def refresh_items(self) -> None:
        keep = self.highlighted
        self.clear_options()
        width = self._text_width()
        if self.empty is not None:
            self.add_option(Option(self._prompt(Content(self.empty), width), disabled=True))
            return
        self.add_options(Option(self._prompt(entry, width)) for entry in self.entries)
        if keep is not None and self.entries:
            self.highlighted = min(keep, len(self.entries) - 1)


@dataclass(frozen=True)
class Decision:
    """The reviewer's status and note for one item ("" when not decided yet)."""

    status: str = ""
    note: str = ""


class CompareScreen(Screen[None]):
    """Prior plan items, their evidence in the current report, and the reviewer's decisions.

    ``review`` is the current report's ``Review`` (or ``None``: decisions then last as long as
    the screen); ``on_change`` is called after every decision recorded in it.
    """

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    CompareScreen #compare-loading { height: 3; padding: 0 1; }
    CompareScreen #compare-loading LoadingIndicator { height: 1; }
    CompareScreen #compare-body { height: 1fr; }
    CompareScreen #compare-items { width: 2fr; min-width: 30; height: 1fr; }
    CompareScreen #compare-detail { width: 3fr; height: 1fr; padding: 0 1; }
    CompareScreen .compare-heading { text-style: bold; margin-bottom: 1; }
    CompareScreen .compare-section { text-style: bold; color: $text-accent; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "back", t("compare.key_back")),
        Binding("a", "accept", t("compare.key_accept")),
        Binding("s", "cycle", t("compare.key_cycle")),
        Binding("n", "note", t("compare.key_note")),
        *(Binding(str(n), f"choose('{status}')", t("compare.status_" + status), show=False)
          for n, status in enumerate(STATUSES, 1)),
    ]

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

    def __init__(self, prior: Document, current: Document, review: Any,
                 on_change: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.prior = prior
        self.current = current
        self.review = review
        self.on_change = on_change
        self.comparison: Comparison | None = None
        self._local: dict[int, Decision] = {}
        self._spans: dict[int, list[list[tuple[int, int, int, int]]]] = {}
        self._cancel = threading.Event()  # set when the screen goes: the worker stops

    # --- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        years = f"{self.prior.year or '?'} → {self.current.year or '?'}"
        yield Static(Content.assemble((t("compare.screen_title"), "bold"), "  ",
                                      inert(self.current.government), " ", years),
                     id="compare-title")
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

    def on_mount(self) -> None:
        self.query_one("#compare-body").display = False
        if self.review is None:
            self.notify(t("compare.review_unavailable"), severity="warning")
        self.compute()

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
        self.comparison = message.comparison
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-body").display = True
        items = self.query_one("#compare-items", PlanList)
        if not self.comparison.items:
            items.show([], empty=t("compare.no_plan", path=inert(self.prior.path)))
            return
        items.show([self._badge(i) for i in range(len(self.comparison.items))])
        items.highlighted = 0
        items.focus()

    def on_compare_screen_progress(self, message: Progress) -> None:
        if self.comparison is None:
            self.query_one("#compare-progress", Label).update(
                t("compare.progress", percent=message.percent))

    def on_compare_screen_failed(self, message: Failed) -> None:
        self.query_one("#compare-loading").display = False
        self.notify(message.reason, severity="error", timeout=15)

    @on(OptionList.OptionHighlighted, "#compare-items")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option_index)

    # --- what is shown -----------------------------------------------------------------------
    @property
    def index(self) -> int | None:
        if self.comparison is None or not self.comparison.items:
            return None
        return self.query_one("#compare-items", OptionList).highlighted

    def decision(self, index: int) -> Decision:
        """The reviewer's decision on item ``index`` so far."""
        if self.review is None:
            return self._local.get(index, Decision())
        found = self.review.plan_assessment_for(self._anchor(index))
        return Decision(found.status, found.note) if found else Decision()

    def status(self, index: int) -> str:
        """The status shown for an item: the reviewer's, else the suggested one."""
        assert self.comparison is not None
        return self.decision(index).status or self.comparison.items[index].status

    def _badge(self, index: int) -> Content:
        assert self.comparison is not None
        item = self.comparison.items[index]
        status = self.status(index)
        mark = "✓" if self.decision(index).status else "?"
        return Content.assemble((f"{mark} {t('compare.status_' + status)}",
                                 f"bold {STATUS_STYLE[status]}"),
                                " ", snippet(item.heading.split(" / ")[-1], 60))

    def _shared(self, index: int) -> list[list[tuple[int, int, int, int]]]:
        """Shared wording of the item and each evidence passage (computed once per item)."""
        if index not in self._spans:
            assert self.comparison is not None
            item = self.comparison.items[index]
            self._spans[index] = [shared_spans(item.text, ev.quote) for ev in item.evidence]
        return self._spans[index]

    def _show_detail(self, index: int | None) -> None:
        if index is None or self.comparison is None:
            return
        item = self.comparison.items[index]
        spans = self._shared(index)
        decision = self.decision(index)
        text = Content(inert(item.text))
        for runs in spans:
            for a0, a1, _, _ in runs:
                text = text.stylize(SHARED_STYLE, a0, a1)
        head = [
            Content.styled(inert(item.heading), "bold"), "\n",
            Content.styled(f"{t('compare.suggested')}: {t('compare.status_' + item.status)}",
                           STATUS_STYLE[item.status]),
        ]
        if decision.status:
            head += ["  ", Content.styled(f"{t('compare.confirmed')}: "
                                          f"{t('compare.status_' + decision.status)}",
                                          f"bold {STATUS_STYLE[decision.status]}")]
        if decision.note:
            head += ["\n", f"{t('compare.key_note')}: ", inert(decision.note)]
        self.query_one("#compare-item", Prose).update(Content.assemble(*head, "\n"))
        self.query_one("#compare-evidence", Prose).update(self._evidence(item, spans))
        self.query_one("#compare-text", Prose).update(
            ["", Content.styled(t("compare.item_text"), "bold $text-accent"), text])

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

    # --- decisions ---------------------------------------------------------------------------
    def _anchor(self, index: int) -> Any:
        from reviewer.review import Anchor

        assert self.comparison is not None
        item = self.comparison.items[index]
        return Anchor.from_span(self.prior.text, item.start, item.end)

    def _record(self, index: int, *, status: str | None = None, note: str | None = None) -> None:
        """Store a decision (in the review when there is one) and refresh the item."""
        assert self.comparison is not None
        old = self.decision(index)
        new = Decision(old.status if status is None else status,
                       old.note if note is None else note)
        if self.review is None:
            self._local[index] = new
        else:
            from reviewer.review import Anchor

            item = self.comparison.items[index]
            self.review.set_prior(self.prior)
            self.review.set_plan_assessment(
                self._anchor(index), heading=item.heading, suggested=item.status,
                status=new.status, note=new.note,
                evidence=[Anchor.from_span(self.current.text, ev.start, ev.end)
                          for ev in item.evidence])
            if self.on_change is not None:
                self.on_change()
        self.query_one("#compare-items", PlanList).replace(index, self._badge(index))
        self._show_detail(index)
        if status is not None:
            self.notify(t("compare.saved", status=t("compare.status_" + new.status)))

    def action_accept(self) -> None:
        index = self.index
        if index is not None:
            assert self.comparison is not None
            suggested = self.comparison.items[index].status
            if suggested in STATUSES:  # "unclear" is no status to accept
                self._record(index, status=suggested)

    def action_cycle(self) -> None:
        index = self.index
        if index is not None:
            now = self.status(index)
            nxt = (STATUSES.index(now) + 1) % len(STATUSES) if now in STATUSES else 0
            self._record(index, status=STATUSES[nxt])

    def action_choose(self, status: str) -> None:
        index = self.index
        if index is not None and status in STATUSES:
            self._record(index, status=status)

    def action_note(self) -> None:
        index = self.index
        if index is None:
            return
        assert self.comparison is not None

        def done(note: str | None) -> None:
            if note is not None:
                self._record(index, note=note)

        self.app.push_screen(NoteDialog(self.comparison.items[index].heading,
                                        self.decision(index).note), done)

    def action_back(self) -> None:
        self._cancel.set()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self._cancel.set()
