"""The comparison screen, driven with Pilot on a national pair."""

from __future__ import annotations

import re
import threading

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region
from textual.widgets import OptionList, Static

import reviewer.compare
from conftest import corpus_path, pilot_test
from reviewer.compare import STATUSES, VERDICTS
from reviewer.document import load_document
from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.screens.compare import SHARED_STYLE, CompareScreen, Row
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.session import Session
from reviewer.tui.wrap import CLOSING

SIZE = (120, 40)


class Host(App[None]):
    """A bare app that shows one comparison screen over an empty base screen."""

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
        items = screen.query_one("#compare-items", OptionList)
        comparison = screen.comparison
        # the plan items, a heading, then every quantified target
        assert items.option_count == len(comparison.items) + 1 + len(comparison.targets)
        assert len(comparison.items) >= 10 and len(comparison.targets) >= 5
        assert screen.row == Row("item", 0)


@pilot_test
async def test_accept_cycle_choose_and_note_go_to_the_session(pair, tmp_path):
    prior, current = pair
    session = session_on(current, tmp_path)
    heard: list = []
    session.listen(lambda change, undone: heard.append(change))
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
        assert badge.startswith("✓ " + t("compare.status_" + chosen))
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
        items = screen.query_one("#compare-items", OptionList)
        items.highlighted = len(comparison.items)  # the heading: never chosen, the cursor skips
        await pilot.press("down")
        first = comparison.targets[0]
        assert screen.row == Row("target", 0) and first.indicator == "国内生产总值增长"
        detail = screen.query_one("#compare-item", Static).content.plain
        assert first.indicator in detail and t("compare.verdict_" + first.verdict) in detail
        assert "5%" in screen.query_one("#compare-evidence", Static).content.plain
        assert first.quote in screen.query_one("#compare-text", Static).content.plain

        await pilot.press("a")
        (made,) = session.review.targets
        assert (made.indicator, made.suggested, made.verdict) == \
            (first.indicator, first.verdict, first.verdict)
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
        await pilot.press("1", "2")
        screen.query_one("#compare-items", OptionList).highlighted = \
            len(screen.comparison.items) + 1
        await pilot.press("4")
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
        badge = str(screen.query_one("#compare-items", OptionList).get_option_at_index(0).prompt)
        assert badge.startswith("? ")  # the list shows the undone state


@pilot_test
async def test_ctrl_s_writes_the_decisions_or_says_there_is_nothing_to_write(pair, tmp_path):
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
            listed: list[str] = []
            for index in range(count):
                await pilot.pause()
                assert screen.row == Row("item", index)
                for name in ("#compare-item", "#compare-evidence", "#compare-text"):
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
                listed += _rendered(items)
                await pilot.press("down")
            # the list, as it scrolled past: wrapped by the same rules, every heading whole
            heading = f" {t('compare.targets')} ("  # the targets' heading, after the items
            lines = [line for line in listed if line.strip() and not line.startswith(heading)]
            assert all(line.startswith((" ? ", " ✓ ", "   ")) for line in lines), lines
            widest.append(max(map(cell_len, lines)))
            texts = [re.sub("^ [?✓] ", "", line) for line in lines]  # the marks aside
            assert not _wrong_breaks(texts, " ".join(it.heading for it in
                                                     screen.comparison.items)), (size, lines)
            for index in range(count):
                prompt = re.sub("^[?✓] ", "", str(items.get_option_at_index(index).prompt))
                heading = screen.comparison.items[index].heading.split(" / ")[-1]
                assert _bare(heading) in _bare(prompt), (size, prompt)
                assert not _wrong_breaks(prompt.split("\n"), heading), (size, prompt)
        assert widest[1] > widest[0]  # wrapped again for the wider list


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
