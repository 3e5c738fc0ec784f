"""The comparison screen: last year's plan items and targets beside this year's evidence.

At the top, before any status is trusted: the pair's summary on one line (headline targets by
verdict, promises by suggested status, how many entries the reviewer has confirmed) and every
warning the comparison gives (no review part recognised, different governments, years that do
not follow…). Below, two tabs, switched with ``t``: the prior report's plan items (groups and the
items of its targets passage and appendices), and its headline targets (主要预期目标). Each tab
is a list of compact one-line rows (a short badge: the suggested status or verdict, or the
reviewer's once confirmed) beside the chosen entry's detail: for an item its evidence (the
wording shared with the item highlighted), its promises with theirs, its targets and the reasons
for the suggestion; for a target what was planned, the figure this year's report gives and its
sentence, and why. A tab with nothing to show says why instead (no plan in the prior report, no
headline targets).

The reviewer accepts the suggestion, picks another status or verdict, or adds a note: each goes
to the session (``assess_plan``, ``assess_target``), which marks the review unsaved, arms the
autosave and lets ``u`` take it back. The header shows whether the review is saved, as on the
main screen. Leaving the screen and coming back to the same pair within the session finds it as
it was left: the comparison, the tab and the entry chosen on each (``Place``).

The comparison itself (jieba's dictionary load above all) runs in a thread worker while the screen
shows that it is loading; the worker only posts a message and the handler changes the screen.
Everything shown is computed by ``reviewer.compare``; this module only lays it out, wrapped by
the reader's Chinese rules (``reviewer.tui.prose``) at the width of each pane, again on a resize.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from dataclasses import dataclass, field
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
from reviewer.tui.prose import Paragraph, Prose, WrappedList
from reviewer.tui.screens.keys import KeyedScreen
from reviewer.tui.wrap import NO_BREAK_SPACE

if TYPE_CHECKING:
    from reviewer.tui.saving import Keeper
    from reviewer.tui.session import Change, Session

STATUS_STYLE = {"delivered": "$success", "partial": "$warning", "no_evidence": "$error",
                "carried_over": "$accent", "acknowledged_gap": "$secondary",
                "unclear": "$text-muted"}
VERDICT_STYLE = {"met": "$success", "missed": "$error", "unclear": "$warning",
                 "not_reported": "$text-muted"}
WARNING_STYLE = {"error": "bold $error", "warning": "bold $warning"}
SHARED_STYLE = "bold underline $accent"
HANG = 2  # cells a wrapped list line, target or reason is indented under its first line
QUIT = "quit"  # what the screen returns when the reviewer quits from it
TABS = ("items", "targets")  # the plan items and promises; the headline targets
_FIGURE = re.compile(r"[0-9０-９.．%％]")  # a row is never cut inside a figure (12.|5%)
# An item and an evidence passage of at most this many characters together have their shared
# wording found by a diff run to its end, which shows the same highlights however busy the
# machine is (the longest pairs of the corpus, some 4,500, take a quarter of a second at most,
# once per item shown). shared_spans alone does so only up to a product of the lengths of
# 100,000, which the long groups of a provincial plan pass (3 or 4 passages in 25 of a pair);
# longer ones than this are cut by the diff's time limit, so no text stalls the screen.
EXACT_SHARED_CHARS = 5000


class Row(NamedTuple):
    """One line of a tab's list: a plan item or a target (``index`` into the comparison's
    items or targets)."""

    kind: str  # "item" | "target"
    index: int


@dataclass
class Place:
    """Where the reviewer left the comparison of one pair: kept for the session, so coming
    back finds it as it was (and is not compared again)."""

    comparison: Comparison
    tab: str = "items"
    highlighted: dict[str, int] = field(default_factory=dict)  # the row chosen on each tab


# the places of each session, by the prior report's text: gone with the session
_PLACES: weakref.WeakKeyDictionary[Session, dict[str, Place]] = weakref.WeakKeyDictionary()


def one_line(entry: Content, width: int, tail: Content | None = None) -> Content:
    """``entry`` on one line of at most ``width`` cells: cut with … where it is longer, never
    inside a figure (the whole figure goes). A ``tail`` (a target's figures) is kept whole after
    it, the entry cut to make room, as long as some of the entry still shows (else only the
    tail's last figure, after its →)."""
    if tail is not None:
        if entry.cell_length + tail.cell_length <= width:
            return entry + tail
        short = tail.plain.rfind("→")  # too narrow for the target too: the actual at least
        for end in (tail, tail[short - 1:] if short > 0 else tail):
            if end.cell_length + 12 <= width:
                return one_line(entry, width - end.cell_length) + end
        entry = entry + tail
    if entry.cell_length <= width:
        return entry
    from rich.cells import get_character_cell_size

    plain = entry.plain
    at, cells = 0, 0
    while at < len(plain) and cells + get_character_cell_size(plain[at]) <= width - 1:
        cells += get_character_cell_size(plain[at])
        at += 1
    while 0 < at < len(plain) and _FIGURE.match(plain[at]) and _FIGURE.match(plain[at - 1]):
        at -= 1
    return Content.assemble(entry[:at], "…")


class PlanList(WrappedList, inherit_bindings=False):
    """One tab's entries: each on one compact line, its badge, then its heading (or the
    target with its figures, kept whole), cut to the list's width so that a screen of 24 lines
    shows ten and more; the detail beside it gives the whole."""

    BINDINGS = actions.bindings("compare-list")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries: list[tuple[Content, Content | None]] = []  # (text, tail kept whole)

    def show(self, entries: list[tuple[Content, Content | None]]) -> None:
        self.entries = entries
        self.refresh_items()

    def replace(self, index: int, entry: tuple[Content, Content | None]) -> None:
        self.entries[index] = entry
        if self._wrapped_at != self._width_now():  # the others were cut for another width
            self.refresh_items()
            return
        self.replace_option_prompt_at_index(index, self._prompt(entry, self._text_width()))

    def _prompt(self, entry: tuple[Content, Content | None], width: int) -> Content:
        text, tail = entry
        if width <= HANG + 8:  # not laid out yet (the body is still hidden): cut once it shows
            return text if tail is None else text + tail
        return one_line(text, width, tail)

    def refresh_items(self) -> None:
        keep = self.highlighted
        self.clear_options()
        width = self._text_width()
        self.add_options(Option(self._prompt(entry, width)) for entry in self.entries)
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
    CompareScreen #compare-top { height: auto; padding: 0 1; }
    CompareScreen #compare-summary { height: auto; }
    CompareScreen #compare-warnings { height: auto; }
    CompareScreen #compare-tabs { height: 1; }
    CompareScreen #compare-body { height: 1fr; }
    CompareScreen PlanList { width: 45%; min-width: 34; height: 1fr; }
    CompareScreen #compare-empty { width: 1fr; height: auto; padding: 1 2; }
    CompareScreen #compare-detail { width: 1fr; height: 1fr; padding: 0 1; }
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
        self.tab = "items"
        self.rows: dict[str, list[Row]] = {tab: [] for tab in TABS}
        self._spans: dict[int, list[list[tuple[int, int, int, int]]]] = {}
        self._cancel = threading.Event()  # set when the screen goes: the worker stops
        places = _PLACES.setdefault(session, {})
        self.place: Place | None = places.get(prior.text_sha256)

    # --- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        with Vertical(id="compare-loading"):
            yield Label(t("compare.loading"), id="compare-progress")
            yield LoadingIndicator()
        with Vertical(id="compare-top"):
            yield Prose(id="compare-summary")
            yield Prose(id="compare-warnings")
            yield Label(id="compare-tabs")
        with Horizontal(id="compare-body"):
            yield PlanList(id="compare-items")
            yield PlanList(id="compare-targets")
            yield Prose(id="compare-empty")
            with VerticalScroll(id="compare-detail"):
                yield Prose(id="compare-item")
                yield Prose(id="compare-evidence")
                yield Prose(id="compare-promises")
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
        self.query_one("#compare-top").display = False
        self.query_one("#compare-body").display = False
        if self.place is not None:  # back to a pair compared before: as it was left
            self.post_message(self.Ready(self.place.comparison))
        else:
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
        place = self.place
        if place is None or place.comparison is not comparison:
            place = self.place = Place(comparison)
            _PLACES.setdefault(self.session, {})[self.prior.text_sha256] = place
        self.query_one("#compare-loading").display = False
        self.query_one("#compare-top").display = True
        self.query_one("#compare-body").display = True
        self.rows = {"items": [Row("item", i) for i in range(len(comparison.items))],
                     "targets": [Row("target", i) for i in range(len(comparison.targets))]}
        for tab in TABS:
            listing = self._list(tab)
            listing.show([self._badge(row) for row in self.rows[tab]])
            if self.rows[tab]:
                listing.highlighted = min(place.highlighted.get(tab, 0), len(self.rows[tab]) - 1)
        self._show_warnings()
        self._show_summary()
        self.show_tab(place.tab)

    def on_compare_screen_progress(self, message: Progress) -> None:
        if self.comparison is None:
            self.query_one("#compare-progress", Label).update(
                t("compare.progress", percent=message.percent))

    def on_compare_screen_failed(self, message: Failed) -> None:
        self.query_one("#compare-loading").display = False
        self.notify(message.reason, severity="error", timeout=15)

    @on(OptionList.OptionHighlighted, "PlanList")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.place is not None:  # kept for the next visit to this pair
            self.place.highlighted[TABS[event.option_list.id == "compare-targets"]] = \
                event.option_index
        if event.option_list is self._list(self.tab):
            self._show_detail(self.row)

    def _heard(self, change: Change | None, _undone: bool) -> None:
        """The session changed (here, on another screen, or by an undo) or was saved."""
        self.query_one(HeaderLine).show(self.session, self._title())
        if change is None or self.comparison is None:
            return
        for tab in TABS:
            listing = self._list(tab)
            for n, row in enumerate(self.rows[tab]):
                listing.replace(n, self._badge(row))
        self._show_summary()
        self._show_tabs()
        self._show_detail(self.row)

    # --- the tabs ----------------------------------------------------------------------------
    def _list(self, tab: str) -> PlanList:
        return self.query_one("#compare-" + tab, PlanList)

    def show_tab(self, tab: str) -> None:
        """Show one tab: its list beside the chosen entry's detail, or, when it has nothing,
        the reason in their place."""
        self.tab = tab
        if self.place is not None:
            self.place.tab = tab
        empty = not self.rows[tab]
        for other in TABS:
            self._list(other).display = other == tab and not empty
        self.query_one("#compare-detail").display = not empty
        message = self.query_one("#compare-empty", Prose)
        message.display = empty
        if empty:
            message.update(self._empty_message(tab))
        else:  # at once: the next key of a burst already goes to this tab's list
            self.set_focus(self._list(tab))
            self._show_detail(self.row)
        self._show_tabs()

    def _empty_message(self, tab: str) -> list[Paragraph]:
        if tab == "items":
            return [Content.styled(t("compare.no_plan", path=inert(self.prior.path)),
                                   "bold $error"), "", t("compare.no_plan_hint")]
        return [Content.styled(t("compare.no_targets"), "bold"), "",
                t("compare.no_targets_hint")]

    def action_switch_tab(self) -> None:
        if self.comparison is not None:
            self.show_tab(TABS[(TABS.index(self.tab) + 1) % len(TABS)])

    def _show_tabs(self) -> None:
        """The tab line: each tab with how many entries it has; the one shown stands out."""
        assert self.comparison is not None
        parts = []
        for tab in TABS:
            rows = self.rows[tab]
            label = f" {t('compare.tab_' + tab)} {len(rows)} "
            parts.append(Content.styled(label, "reverse bold" if tab == self.tab
                                        else "$text-muted"))
        key = actions.current_key(getattr(self.app, "user_keymap", {}), "compare.switch_tab")
        hint = Content.styled(f"  {key.split(', ')[0]} {t('compare.tab_key')}", "$text-muted")
        self.query_one("#compare-tabs", Label).update(
            Content.assemble(*parts[:1], " ", *parts[1:], hint, "   ", self.confirmed_count()))

    def confirmed_count(self) -> Content:
        """How many entries of both tabs the reviewer has confirmed, ``已确认 3/20``: on the
        tab line, so the summary above keeps to one line at 80 columns in either language."""
        rows = [row for tab in TABS for row in self.rows[tab]]
        done = sum(1 for row in rows if self.decision(row)[0])
        return Content.styled(f"{t('compare.confirmed')} {done}/{len(rows)}", "bold")

    # --- the summary and the warnings --------------------------------------------------------
    def summary_line(self) -> Content:
        """Targets by verdict and promises by suggested status (the counts that are not
        zero): one line. How many entries are confirmed stands on the tab line."""
        assert self.comparison is not None
        summary = self.comparison.summary

        def counts(title: str, values: dict[str, int], prefix: str, styles: dict[str, str]
                   ) -> Content:
            shown = [Content.styled(t("compare.short_count", n=n,
                                      word=t("compare.short_" + prefix + name)),
                                    styles.get(name, ""))
                     for name, n in values.items() if n]
            return Content.assemble((title, "bold"), " ",
                                    Content(" ").join(shown) if shown else t("compare.none"))

        sep = Content.styled(" │ ", "$text-muted")
        return Content.assemble(
            counts(t("compare.summary_targets_title"), summary.targets, "verdict_",
                   VERDICT_STYLE), sep,
            counts(t("compare.promises"), summary.promises, "status_", STATUS_STYLE))

    def _show_summary(self) -> None:
        # one line; a terminal too narrow for every count wraps it rather than cut it
        self.query_one("#compare-summary", Prose).update((self.summary_line(), HANG))

    def _show_warnings(self) -> None:
        """Every warning of the comparison, plainly, above the lists: what makes a status not
        worth trusting is read before any status."""
        assert self.comparison is not None
        warnings = self.query_one("#compare-warnings", Prose)
        warnings.display = bool(self.comparison.warnings)
        warnings.update([(Content.assemble(("⚠ ", WARNING_STYLE.get(w.severity, "bold")),
                                           (inert(w.message), WARNING_STYLE.get(w.severity, ""))),
                          HANG) for w in self.comparison.warnings])

    # --- what is shown -----------------------------------------------------------------------
    @property
    def row(self) -> Row | None:
        """The entry chosen on the tab shown, if any."""
        if self.comparison is None:
            return None
        rows = self.rows[self.tab]
        index = self._list(self.tab).highlighted
        if index is None or not 0 <= index < len(rows):
            return None
        return rows[index]

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

    @staticmethod
    def _short(kind: str, value: str) -> str:
        """The short word of a status or verdict, for a compact row."""
        return t(("compare.short_status_" if kind == "item" else "compare.short_verdict_")
                 + value)

    def _mark(self, kind: str, value: str, confirmed: bool) -> Content:
        """``? 落实``: whether the reviewer confirmed it, then the short word, padded so that
        the text after it starts in one column for every row of a tab."""
        from rich.cells import cell_len

        vocab = STATUS_STYLE if kind == "item" else VERDICT_STYLE
        width = max(cell_len(self._short(kind, v)) for v in vocab)
        word = self._short(kind, value)
        style = (STATUS_STYLE if kind == "item" else VERDICT_STYLE).get(value, "")
        return Content.styled(f"{'✓' if confirmed else '?'} {word}"
                              + " " * (width - cell_len(word)), f"bold {style}")

    def _badge(self, row: Row) -> tuple[Content, Content | None]:
        """A row of a list: its mark and heading, and for a target its figures, kept whole."""
        assert self.comparison is not None
        status = self.decision(row)[0]
        badge = self._mark(row.kind, status or self.suggested(row), bool(status))
        if row.kind == "item":
            return Content.assemble(badge, " ",
                                    snippet(self._item(row).heading.split(" / ")[-1], 80)), None
        target = self._target(row)
        return (Content.assemble(badge, " ", snippet(target.indicator, 30)),
                Content.assemble(" ", inert(target_text(target)), " → ",
                                 actual_text(target)))

    def _shared(self, index: int) -> list[list[tuple[int, int, int, int]]]:
        """Shared wording of the item and each evidence passage (computed once per item)."""
        if index not in self._spans:
            assert self.comparison is not None
            item = self.comparison.items[index]
            self._spans[index] = [
                shared_spans(item.text, ev.quote)
                if len(item.text) + len(ev.quote) > EXACT_SHARED_CHARS
                else shared_spans(item.text, ev.quote, timeout=0) for ev in item.evidence]
        return self._spans[index]

    def _choice_line(self, row: Row) -> Content:
        """The number keys and what each chooses for this entry."""
        keymap = getattr(self.app, "user_keymap", {})
        parts = []
        for n, value in enumerate(self.choices(row), 1):
            ident = f"compare.choose_{n}"
            key = actions.current_key(keymap, ident)
            # one choice never split over two lines (``3 no`` | ``evidence``)
            label = self._label(row, value).replace(" ", NO_BREAK_SPACE)
            parts.append(Content.assemble((key, "bold"), NO_BREAK_SPACE, label))
        return Content.assemble((t("compare.labelled", label=t("compare.choices"), value=""),
                                 "$text-muted"),
                                Content("  ").join(parts))  # a key starts a line, never ·

    def _head(self, row: Row, title: Content) -> Content:
        status, note = self.decision(row)
        suggested = self.suggested(row)
        head: list[Any] = [title, "\n", Content.styled(
            t("compare.labelled", label=t("compare.suggested"),
              value=self._label(row, suggested)),
            self._style(row, suggested))]
        if status:
            head += ["  ", Content.styled(t("compare.labelled", label=t("compare.confirmed"),
                                            value=self._label(row, status)),
                                          f"bold {self._style(row, status)}")]
        if note:
            head += ["\n", t("compare.labelled", label=t("compare.note_label"), value=""),
                     inert(note)]
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
        self.query_one("#compare-promises", Prose).update(self._promises(item))
        self.query_one("#compare-text", Prose).update(
            [Content.styled(t("compare.item_text"), "bold $text-accent"), text])

    def _promises(self, item: ItemResult) -> list[Paragraph]:
        """The group's promises, each with its suggested status and its best evidence's score:
        what the group's status is derived from."""
        if not item.promises:
            return []
        parts: list[Paragraph] = [Content.styled(
            f"{t('compare.promises')} ({len(item.promises)})", "bold $text-accent")]
        for promise in item.promises:
            score = f" {promise.evidence[0].score:.2f}" if promise.evidence else ""
            mark = self._mark("item", promise.status, False)[2:]
            # a promise that wraps goes on under its text, its status alone in its column
            parts.append((Content.assemble(mark, (score, "$text-muted"), " ",
                                           inert(promise.text)), mark.cell_length + 1))
        return [*parts, ""]

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
        reasons: list[Paragraph] = [Content.styled(t("compare.reasons_title"),
                                                   "bold $text-accent")]
        reasons += [(f"· {inert(reason)}", HANG) for reason in target.reasons]
        self.query_one("#compare-promises", Prose).update([*reasons, ""])
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
        """The target on its line, then what was planned, what was reached and the verdict on
        the next (after the indicator they broke anywhere: ``实`` | ``际``, a verdict alone on
        its line); a label never ends a line without its figure."""
        def whole(*words: str) -> str:
            return NO_BREAK_SPACE.join(words).replace(" ", NO_BREAK_SPACE)

        return Content.assemble(
            inert(tr.indicator), "\n",
            f"{whole(t('compare.col_target'), inert(target_text(tr)))}",
            f"  {whole(t('compare.col_actual'), actual_text(tr))}  ",
            (whole(t("compare.verdict_" + tr.verdict)), VERDICT_STYLE[tr.verdict]))

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
