"""The comparison screen, driven with Pilot on a national pair."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region
from textual.widgets import OptionList, Static

import reviewer.compare
import reviewer.tui
from conftest import corpus_path, pilot_test, seed_path
from reviewer.compare import STATUSES, VERDICTS
from reviewer.document import load_document
from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.plain import snippet
from reviewer.tui.prose import Prose
from reviewer.tui.screens.compare import SHARED_STYLE, CompareScreen, Row
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import with_highlights
from reviewer.tui.wrap import CLOSING

SIZE = (120, 40)


class Host(App[None]):
    """A bare app that shows one comparison screen over an empty base screen, in the app's
    stylesheet (the header one line high, as in the app)."""

    CSS_PATH = str(Path(reviewer.tui.__file__).parent / "reviewer.tcss")

    def get_css_variables(self) -> dict[str, str]:
        return with_highlights(super().get_css_variables())  # as the app: its sheet needs them

    def __init__(self, screen: CompareScreen) -> None:
        super().__init__()
        self.compare = screen

    def on_mount(self) -> None:
        self.push_screen(self.compare)


@pytest.fixture(scope="module")
def pair():
    return load_document(corpus_path("national-2024")), load_document(corpus_path("national-2025"))


def session_on(doc, tmp_path) -> Session:
    return Session(doc, review_path=str(tmp_path / "review.toml"), reviewer="测试员")


async def _ready(app: App, pilot) -> CompareScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.compare
    assert screen.comparison is not None
    return screen


@pilot_test
async def test_loading_state_while_the_comparison_runs(pair, tmp_path, monkeypatch):
    gate = threading.Event()
    real = reviewer.compare.ensure_jieba

    def slow() -> None:
        gate.wait(10)
        real()

    monkeypatch.setattr(reviewer.compare, "ensure_jieba", slow)
    session = session_on(pair[1], tmp_path)
    screen = CompareScreen(pair[0], session)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen.query_one("#compare-loading").display
        assert not screen.query_one("#compare-body").display
        await pilot.press("a", "s", "1", "u", "down")  # keys while loading change nothing
        assert screen.comparison is None and not session.review.plans and not session.dirty
        gate.set()
        await _ready(app, pilot)
        assert not screen.query_one("#compare-loading").display
        assert screen.query_one("#compare-body").display
        comparison = screen.comparison
        # the plan items on their tab, every headline target on the other
        assert screen.query_one("#compare-items", OptionList).option_count == \
            len(comparison.items) >= 10
        assert screen.query_one("#compare-targets", OptionList).option_count == \
            len(comparison.targets) >= 5
        assert screen.tab == "items" and screen.row == Row("item", 0)


@pilot_test
async def test_accept_cycle_choose_and_note_go_to_the_session(pair, tmp_path):
    prior, current = pair
    session = session_on(current, tmp_path)
    heard: list = []
    # every change, not the saves: the autosave tells the listeners too, a second after a
    # change, so a slow run would hear it between the keys
    session.listen(lambda change, undone: change is not None and heard.append(change))
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        review = session.review
        first = screen.comparison.items[0]
        await pilot.press("a")
        assert len(review.plans) == 1 and session.dirty
        plan = review.plans[0]
        assert plan.status == plan.suggested == first.status
        assert prior.text[plan.item.start:plan.item.end] == first.text
        assert [current.text[e.start:e.end] for e in plan.evidence] == \
            [ev.quote for ev in first.evidence]
        assert review.prior is not None and review.prior.text_sha256 == prior.text_sha256
        assert len(heard) == 1

        await pilot.press("down", "s")
        second = screen.comparison.items[1]
        expected = STATUSES[(STATUSES.index(second.status) + 1) % len(STATUSES)]
        assert session.plan_assessment(prior, second.start, second.end).status == expected

        # a number chooses a status: one other than what cycling gave, so it is a change
        chosen = "no_evidence" if expected != "no_evidence" else "carried_over"
        await pilot.press(str(STATUSES.index(chosen) + 1))
        assert session.plan_assessment(prior, second.start, second.end).status == chosen

        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"check", "enter")
        await pilot.pause()
        made = session.plan_assessment(prior, second.start, second.end)
        assert made.note == "check" and made.status == chosen
        assert len(review.plans) == 2 and len(heard) == 4

        # the list and the detail show the reviewer's choice
        badge = str(screen.query_one("#compare-items", OptionList).get_option_at_index(1).prompt)
        assert badge.startswith("✓ " + t("compare.short_status_" + chosen))
        assert "check" in screen.query_one("#compare-item", Static).content.plain

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


@pilot_test
async def test_targets_are_confirmed_or_overridden_after_the_items(pair, tmp_path):
    prior, current = pair
    session = session_on(current, tmp_path)
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        comparison = screen.comparison
        await pilot.press("t")  # the targets' own tab
        assert screen.tab == "targets"
        assert screen.query_one("#compare-targets").display
        assert not screen.query_one("#compare-items").display
        first = comparison.targets[0]
        assert screen.row == Row("target", 0) and first.indicator == "国内生产总值增长"
        detail = screen.query_one("#compare-item", Static).content.plain
        # planned value, suggested verdict; the actual with its sentence; why; as written
        assert first.indicator in detail and "5%左右" in detail
        assert t("compare.labelled", label=t("compare.suggested"),
                   value=t("compare.verdict_" + first.verdict)) in detail
        assert t("compare.confirmed") not in detail
        actual = screen.query_one("#compare-evidence", Static).content.plain
        said = current.text[first.actual.start:first.actual.end]
        assert "5%" in actual and said in actual and "134.9万亿元" in actual
        reasons = screen.query_one("#compare-promises", Static).content.plain
        assert all(reason in reasons for reason in first.reasons) and first.reasons
        assert first.quote in screen.query_one("#compare-text", Static).content.plain

        await pilot.press("a")
        (made,) = session.review.targets
        assert (made.indicator, made.suggested, made.verdict) == \
            (first.indicator, first.verdict, first.verdict)
        assert t("compare.labelled", label=t("compare.confirmed"),
                   value=t("compare.verdict_" + first.verdict)) in \
            screen.query_one("#compare-item", Static).content.plain
        row = str(screen.query_one("#compare-targets", OptionList).get_option_at_index(0).prompt)
        assert row.startswith("✓ " + t("compare.short_verdict_" + first.verdict))
        assert prior.text[made.anchor.start:made.anchor.end] == first.quote
        assert session.review.prior.text_sha256 == prior.text_sha256

        await pilot.press("2")
        assert session.target_assessment(prior, first.start, first.end).verdict == "missed"
        await pilot.press("s")
        assert session.target_assessment(prior, first.start, first.end).verdict == \
            VERDICTS[(VERDICTS.index("missed") + 1) % len(VERDICTS)]
        await pilot.press("5")  # a target has four verdicts: said, and nothing changes
        assert session.target_assessment(prior, first.start, first.end).verdict == "unclear"
        assert any(t("compare.no_choice", n=5) == n.message for n in app._notifications)

        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"check", "enter")
        await pilot.pause()
        final = session.target_assessment(prior, first.start, first.end)
        assert (final.verdict, final.note) == ("unclear", "check")
        assert len(session.review.targets) == 1


@pilot_test
async def test_undo_takes_back_plan_and_target_decisions_and_the_prior(pair, tmp_path):
    prior, current = pair
    session = session_on(current, tmp_path)
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        review = session.review
        item = screen.comparison.items[0]
        target = screen.comparison.targets[0]
        await pilot.press("1", "2", "t", "down", "4")
        assert screen.row == Row("target", 1)
        assert review.targets and review.prior is not None
        await pilot.press("u")
        assert review.targets == [] and review.prior is not None
        assert session.plan_assessment(prior, item.start, item.end).status == "partial"
        await pilot.press("u")
        assert session.plan_assessment(prior, item.start, item.end).status == "delivered"
        await pilot.press("u")
        assert review.plans == [] and review.prior is None  # as it was before the first one
        assert session.target_assessment(prior, target.start, target.end) is None
        await pilot.press("u")
        assert t("ui.nothing_to_undo") in [n.message for n in app._notifications]
        await pilot.press("t")
        badge = str(screen.query_one("#compare-items", OptionList).get_option_at_index(0).prompt)
        assert badge.startswith("? ")  # the list shows the undone state


@pilot_test
async def test_ctrl_s_writes_the_decisions_or_says_there_is_nothing_to_write(pair, tmp_path,
                                                                             monkeypatch):
    # the autosave (tested on its own) would save a second after the change: on a loaded
    # machine before the state is looked at; here only ctrl+s saves
    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600.0)
    prior, current = pair
    session = session_on(current, tmp_path)
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        review_file = tmp_path / "review.toml"
        await pilot.press("ctrl+s")
        assert not review_file.exists()
        assert t("ui.nothing_to_save_yet") in [n.message for n in app._notifications]
        assert t("ui.state_unchanged") in screen.query_one("#state", Static).content.plain
        await pilot.press("a")
        assert t("ui.state_unsaved") in screen.query_one("#state", Static).content.plain
        await pilot.press("ctrl+s")
        assert review_file.exists() and not session.dirty
        assert t("ui.saved_to", path=str(review_file)) in [n.message for n in app._notifications]
        assert t("ui.state_saved") in screen.query_one("#state", Static).content.plain
        await pilot.press("ctrl+s")
        assert t("ui.nothing_to_save", path=str(review_file)) in \
            [n.message for n in app._notifications]


@pilot_test
async def test_help_lists_the_comparison_keys_with_their_ids(pair, tmp_path):
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = [e.id for e in app.screen.entries]
        assert sorted(ids) == sorted(a.id for a in actions.ACTIONS
                                     if a.id.startswith(("compare.", "app.")))
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


@pilot_test
async def test_shared_wording_is_highlighted(pair, tmp_path):
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("down", "down", "down", "down")  # （五）扩大高水平对外开放
        assert screen.row == Row("item", 4)
        evidence = screen.query_one("#compare-evidence", Static).content
        marked = [evidence.plain[s.start:s.end] for s in evidence.spans
                  if str(s.style) == SHARED_STYLE]
        assert any("一带一路" in run for run in marked)
        item = screen.query_one("#compare-text", Static).content
        assert any(str(s.style) == SHARED_STYLE for s in item.spans)


@pilot_test
async def test_the_shared_wording_is_the_same_on_a_machine_too_busy_for_the_diff(
        tmp_path, monkeypatch):
    """A loaded machine finishes no diff within a wall-clock limit: the highlights are still
    all the wording each item shares with its evidence, not what the machine had time for."""
    import sys
    from types import SimpleNamespace

    prior, current = seed_pair()
    clock = iter(range(0, 10**9, 60))  # a minute passes between any two looks at the clock
    monkeypatch.setattr(sys.modules["diff_match_patch.diff_match_patch"], "time",
                        SimpleNamespace(time=lambda: float(next(clock))))
    screen = CompareScreen(prior, session_on(current, tmp_path))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        for index, item in enumerate(screen.comparison.items):
            assert screen.row == Row("item", index)
            evidence = screen.query_one("#compare-evidence", Static).content
            marked = [evidence.plain[s.start:s.end] for s in evidence.spans
                      if str(s.style) == SHARED_STYLE]
            whole = [ev.quote[b0:b1] for ev in item.evidence
                     for _, _, b0, b1 in reviewer.compare.shared_spans(item.text, ev.quote,
                                                                       timeout=0)]
            assert marked == whole and whole, index
            await pilot.press("down")


def _rendered(widget) -> list[str]:
    """The widget's lines as drawn, without its border and trailing blanks."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip().strip("▊▎▔▁") for strip in strips]


def _bare(text: str) -> str:
    return "".join(text.split())


def _wrong_breaks(lines: list[str], text: str) -> list[str]:
    """Lines starting with closing punctuation (a reason's bullet · aside), or cutting a figure
    of ``text`` in two (832|万 is fine, 8|32 not; a paragraph ending in 1 before one starting
    with 2025 is not a cut)."""
    wrong = [line for line in lines
             if line.strip()[:1] in CLOSING and not line.startswith("· ")]
    for before, after in zip(lines, lines[1:], strict=False):
        tail, head = re.search(r"[0-9.]+$", before), re.match(r"\s*([0-9%.]+)", after)
        if tail and head and tail.group() + head.group(1) in text:
            wrong.append(before + " | " + after)
    return wrong


@pytest.fixture(scope="module")
def guangdong():
    return (load_document(corpus_path("guangdong-2025")),
            load_document(corpus_path("guangdong-2026")))


@pilot_test
async def test_items_and_evidence_wrap_by_the_reader_rules(guangdong, tmp_path):
    screen = CompareScreen(guangdong[0], session_on(guangdong[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        items = screen.query_one("#compare-items", OptionList)
        count = len(screen.comparison.items)
        widest: list[int] = []
        for size in ((80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            items.highlighted = 0
            for index in range(count):
                await pilot.pause()
                assert screen.row == Row("item", index)
                for name in ("#compare-item", "#compare-evidence", "#compare-promises",
                             "#compare-text"):
                    pane = screen.query_one(name, Static)
                    lines = _rendered(pane)
                    assert not _wrong_breaks(lines, pane.content.plain), (size, name, lines)
                    assert max(map(len, lines)) <= pane.size.width
                    # nothing lost: every character of the text is drawn, in order
                    assert _bare("".join(lines)) == _bare(pane.content.plain), (size, name)
                # the shared wording is still drawn highlighted, all of it and only it
                evidence = screen.query_one("#compare-evidence", Static)
                strips = evidence.render_lines(Region(0, 0, evidence.size.width,
                                                      evidence.size.height))
                drawn = "".join(seg.text for strip in strips for seg in strip
                                if seg.style is not None and seg.style.underline)
                marked = "".join(evidence.content.plain[span.start:span.end]
                                 for span in evidence.content.spans
                                 if str(span.style) == SHARED_STYLE)
                assert _bare(drawn) == _bare(marked), (size, index)
                await pilot.press("down")
            # the list: one compact line a row, cut to the list's width, never inside a figure
            widths = []
            for index in range(count):
                prompt = str(items.get_option_at_index(index).prompt)
                heading = snippet(screen.comparison.items[index].heading.split(" / ")[-1], 80)
                assert "\n" not in prompt and cell_len(prompt) <= items._text_width(), prompt
                assert re.match("[?✓] \\S+ +", prompt), prompt
                shown = re.sub("^[?✓] \\S+ +", "", prompt)
                if shown.endswith("…"):
                    kept = shown[:-1]
                    assert heading.startswith(kept) and len(kept) >= 4, (size, prompt)
                    assert not (kept[-1:].isdigit() and heading[len(kept)].isdigit()), prompt
                else:
                    assert shown == heading, (size, prompt)
                widths.append(cell_len(prompt))
            widest.append(max(widths))
        assert widest[1] > widest[0]  # cut again for the wider list


# --- the summary, the warnings, the tabs, ten rows at 80×24, the place kept -------------------

def seed_pair():
    """Two seeds a year apart: the plan of one township's 2024 report against another's 2025
    report (the screen must warn that the governments differ)."""
    return load_document(seed_path("baixiang-2024")), load_document(seed_path("baogou-2025"))


@pilot_test
async def test_summary_and_warnings_are_shown_above_the_lists(tmp_path):
    prior, current = seed_pair()
    session = session_on(current, tmp_path)
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        comparison = screen.comparison
        codes = [w.code for w in comparison.warnings]
        assert "different_government" in codes
        warnings = screen.query_one("#compare-warnings", Static)
        assert warnings.display
        for warning in comparison.warnings:
            assert warning.message in warnings.content.plain
        # above the lists: read before any status
        body = screen.query_one("#compare-body")
        assert warnings.region.y < body.region.y and warnings.region.height >= 1
        summary = screen.query_one("#compare-summary", Static)
        assert summary.region.y < body.region.y
        line = summary.content.plain
        counts = comparison.summary.promises
        for status, n in counts.items():
            word = t("compare.short_count", word=t("compare.short_status_" + status), n=n)
            assert (word in line) == (n > 0), (status, line)
        assert sum(counts.values()) == sum(len(it.promises) for it in comparison.items) > 0
        total = len(comparison.items) + len(comparison.targets)
        tabs = screen.query_one("#compare-tabs", Static)
        assert tabs.content.plain.endswith(f"{t('compare.confirmed')} 0/{total}")
        await pilot.press("a")  # a confirmation is counted at once
        assert tabs.content.plain.endswith(f"{t('compare.confirmed')} 1/{total}")
        assert len(_rendered(summary)) == 1  # one line at 80 columns


@pilot_test
async def test_a_pair_of_one_government_gives_no_warning(pair, tmp_path):
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert screen.comparison.warnings == []
        assert not screen.query_one("#compare-warnings").display
        summary = screen.query_one("#compare-summary", Static).content.plain
        met = screen.comparison.summary.targets["met"]
        assert met and t("compare.short_count", word=t("compare.short_verdict_met"),
                         n=met) in summary


@pilot_test
async def test_no_plan_says_so_instead_of_an_empty_list(tmp_path):
    # a prior report with no plan part: the current one given as its own prior has one, so use
    # a report cut before its plan
    text = open(seed_path("baogou-2025"), encoding="utf-8").read()
    cut = text.index("四、")
    prior_file = tmp_path / "baogou-2024.txt"
    prior_file.write_text(text[:cut].replace("2025", "2024"), encoding="utf-8")
    prior = load_document(str(prior_file))
    session = session_on(load_document(seed_path("baogou-2025")), tmp_path)
    screen = CompareScreen(prior, session)
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert screen.comparison.items == []
        assert "no_plan" in [w.code for w in screen.comparison.warnings]
        assert not screen.query_one("#compare-items").display
        assert not screen.query_one("#compare-detail").display
        empty = screen.query_one("#compare-empty", Static)
        assert empty.display and empty.region.height > 2
        assert t("compare.no_plan", path=prior.path) in empty.content.plain
        assert t("compare.no_plan_hint") in empty.content.plain
        await pilot.press("a", "s", "1", "n")  # nothing to decide: nothing recorded
        await pilot.pause()
        assert not session.review.plans and not session.dirty
        await pilot.press("t")
        assert screen.tab == "targets"
        if not screen.comparison.targets:
            assert t("compare.no_targets") in empty.content.plain


@pilot_test
async def test_the_tab_key_switches_and_is_in_the_footer_and_help(pair, tmp_path):
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        spec = actions.spec("compare.switch_tab")
        assert spec.footer and spec.key == "t"
        shown = [b.binding.action for b in screen.active_bindings.values() if b.binding.show]
        assert "switch_tab" in shown  # in the key line
        tabs = screen.query_one("#compare-tabs", Static)
        assert t("compare.tab_items") in tabs.content.plain
        assert t("compare.tab_targets") in tabs.content.plain
        await pilot.press("t")
        assert screen.tab == "targets" and screen.row.kind == "target"
        assert app.focused is screen.query_one("#compare-targets")
        await pilot.press("t")
        assert screen.tab == "items" and screen.row.kind == "item"
        await pilot.press("question_mark")
        assert "compare.switch_tab" in [e.id for e in app.screen.entries]


@pilot_test
async def test_ten_items_show_at_80x24_with_the_evidence_beside(pair, tmp_path):
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        items = screen.query_one("#compare-items", OptionList)
        drawn = [line for line in _rendered(items) if re.match(r"\s*[?✓] ", line)]
        assert len(drawn) >= 10, "|".join(_rendered(items))
        assert items.region.bottom <= 24 - 1  # above the key line
        await pilot.press("down", "down")
        evidence = screen.query_one("#compare-evidence", Static).content.plain
        item = screen.comparison.items[2]
        assert item.evidence and item.evidence[0].quote in evidence
        await pilot.press("t")
        targets = screen.query_one("#compare-targets", OptionList)
        rows = [line for line in _rendered(targets) if re.match(r"\s*[?✓] ", line)]
        assert len(rows) == min(len(screen.comparison.targets), len(rows)) >= 5
        # a quantified target's row keeps its actual whole: read without opening it
        from reviewer.compare.figures import actual_text

        for index, target in enumerate(screen.comparison.targets):
            if target.kind != "quantified":
                continue
            prompt = str(targets.get_option_at_index(index).prompt)
            assert prompt.endswith(actual_text(target)), prompt


class TwoScreens(App[None]):
    """A base screen that opens the comparison screen anew each time, as the main screen does."""

    CSS_PATH = Host.CSS_PATH

    def get_css_variables(self) -> dict[str, str]:
        return with_highlights(super().get_css_variables())

    def __init__(self, prior, session) -> None:
        super().__init__()
        self.prior, self.session = prior, session
        self.compare: CompareScreen | None = None

    def open(self) -> None:
        self.compare = CompareScreen(self.prior, self.session)
        self.push_screen(self.compare)


@pilot_test
async def test_back_returns_and_coming_back_keeps_the_tab_and_the_entry(pair, tmp_path,
                                                                        monkeypatch):
    prior, current = pair
    session = session_on(current, tmp_path)
    app = TwoScreens(prior, session)
    async with app.run_test(size=(80, 24)) as pilot:
        base = app.screen
        app.open()
        await _ready(app, pilot)
        first = app.compare
        await pilot.press("down", "down", "t", "down", "down", "down")
        assert first.row == Row("target", 3)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is base
        calls = []
        monkeypatch.setattr(reviewer.compare, "compare_documents",
                            lambda *a, **k: calls.append(a))  # not compared again
        app.open()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        again = app.compare
        assert again is not first and again.comparison is first.comparison and not calls
        assert again.tab == "targets" and again.row == Row("target", 3)
        await pilot.press("t")
        assert again.row == Row("item", 2)
        # another session (another report open) starts afresh
        other = session_on(current, tmp_path / "other")
        screen = CompareScreen(prior, other)
        assert screen.place is None


@pilot_test
async def test_the_comparison_shows_its_progress_and_esc_stops_it(seeds, tmp_path, monkeypatch):
    from reviewer.progress import Cancelled

    stopped = threading.Event()

    def endless(prior, current, *, progress=None, cancelled=None):
        done = 0
        while not cancelled():  # a comparison that would never finish on its own
            done = min(done + 1, 99)
            progress(done, 100, "items")
            stopped.wait(0.001)
        stopped.set()
        raise Cancelled("items")

    monkeypatch.setattr(reviewer.compare, "ensure_jieba", lambda: None)
    monkeypatch.setattr(reviewer.compare, "compare_documents", endless)
    screen = CompareScreen(seeds["baogou-2025"], session_on(seeds["guanba-2025"], tmp_path))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if "%" in str(screen.query_one("#compare-progress").render()):
                break
        assert re.search(r"\d+%", str(screen.query_one("#compare-progress").render()))
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert stopped.is_set()
        assert app.screen is not screen
        assert not [n for n in app._notifications if n.severity == "error"]


@pilot_test
async def test_the_summary_keeps_to_one_line_at_80_columns_in_english(pair, tmp_path):
    """The national pair has the most statuses of any pair: its summary, in the longer English
    words, still reads on one line at 80 columns, the confirmed count on the tab line."""
    from reviewer.i18n import set_language
    set_language("en")
    screen = CompareScreen(pair[0], session_on(pair[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        summary = screen.query_one("#compare-summary", Static)
        assert summary.content.plain.startswith("targets")
        assert len(_rendered(summary)) == 1, _rendered(summary)
        tabs = screen.query_one("#compare-tabs", Static)
        total = len(screen.comparison.items) + len(screen.comparison.targets)
        assert f"confirmed 0/{total}" in tabs.content.plain


@pilot_test
async def test_each_choice_of_the_number_keys_stays_on_one_line_in_english(tmp_path):
    """At 80×24 the line of the number keys wraps between choices, never inside one (``3 no`` on
    one line and ``evidence`` on the next read as two choices)."""
    from reviewer.i18n import set_language

    set_language("en")
    prior, current = seed_pair()
    screen = CompareScreen(prior, session_on(current, tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        for tab in ("items", "targets"):
            if tab == "targets":
                await pilot.press("t")
                await pilot.pause()
                if not screen.comparison.targets:
                    continue
            lines = " \n".join(_rendered(screen.query_one("#compare-item", Prose)))
            lines = lines.replace("\u00a0", " ")
            row = screen.row
            for value in screen.choices(row):
                label = screen._label(row, value)
                assert " " not in label or label in lines, (label, lines)


@pilot_test
async def test_a_targets_planned_and_reached_figures_and_verdict_read_on_one_line(guangdong,
                                                                                  tmp_path):
    """At 80×24 an item's targets show the indicator, then what was planned, what was reached
    and the verdict on one line below it: not 目标 800家  实 | 际 —, nor a verdict alone."""
    from reviewer.compare.figures import actual_text, target_text

    screen = CompareScreen(guangdong[0], session_on(guangdong[1], tmp_path))
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        checked = 0
        for index, item in enumerate(screen.comparison.items):
            if index:
                await pilot.press("down")
                await pilot.pause()
            if not item.targets:
                continue
            lines = [line.replace("\u00a0", " ").strip()
                     for line in _rendered(screen.query_one("#compare-evidence", Prose))]
            for tr in item.targets:
                figures = (f"{t('compare.col_target')} {target_text(tr)}  "
                           f"{t('compare.col_actual')} {actual_text(tr)}  "
                           f"{t('compare.verdict_' + tr.verdict)}")
                if cell_len(figures) + 2 <= screen.query_one("#compare-evidence").size.width:
                    assert figures in lines, (figures, lines)
                    checked += 1
        assert checked >= 5
