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
from reviewer.compare import STATUSES
from reviewer.document import load_document
from reviewer.review import Review
from reviewer.tui.compare_screen import SHARED_STYLE, CompareScreen
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


async def _ready(app: App, pilot) -> CompareScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.compare
    assert screen.comparison is not None
    return screen


@pilot_test
async def test_loading_state_while_the_comparison_runs(pair, monkeypatch):
    gate = threading.Event()
    real = reviewer.compare.ensure_jieba

    def slow() -> None:
        gate.wait(10)
        real()

    monkeypatch.setattr(reviewer.compare, "ensure_jieba", slow)
    screen = CompareScreen(*pair, Review.new(pair[1]))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen.query_one("#compare-loading").display
        assert not screen.query_one("#compare-body").display
        await pilot.press("a", "s", "down")  # keys while loading change nothing and break nothing
        assert screen.comparison is None and not screen.review.plans
        gate.set()
        await _ready(app, pilot)
        assert not screen.query_one("#compare-loading").display
        assert screen.query_one("#compare-body").display
        assert screen.query_one("#compare-items", OptionList).option_count == 10


@pilot_test
async def test_accept_cycle_choose_and_note_go_into_the_review(pair):
    review = Review.new(pair[1])
    changes: list[int] = []
    screen = CompareScreen(*pair, review, lambda: changes.append(1))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        first = screen.comparison.items[0]
        await pilot.press("a")
        assert len(review.plans) == 1
        plan = review.plans[0]
        assert plan.status == plan.suggested == first.status
        assert pair[0].text[plan.item.start:plan.item.end] == first.text
        assert [pair[1].text[e.start:e.end] for e in plan.evidence] == \
            [ev.quote for ev in first.evidence]
        assert review.prior is not None and changes == [1]

        await pilot.press("down", "s")
        second = screen.comparison.items[1]
        expected = STATUSES[(STATUSES.index(second.status) + 1) % len(STATUSES)]
        assert review.plan_assessment_for(screen._anchor(1)).status == expected

        await pilot.press("3")
        assert review.plan_assessment_for(screen._anchor(1)).status == "no_evidence"

        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"check", "enter")
        await pilot.pause()
        made = review.plan_assessment_for(screen._anchor(1))
        assert made.note == "check" and made.status == "no_evidence"
        assert len(review.plans) == 2 and len(changes) == 4

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


@pilot_test
async def test_shared_wording_is_highlighted(pair):
    screen = CompareScreen(*pair, Review.new(pair[1]))
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("down", "down", "down", "down")  # （五）扩大高水平对外开放
        assert screen.index == 4
        evidence = screen.query_one("#compare-evidence", Static).content
        marked = [evidence.plain[s.start:s.end] for s in evidence.spans
                  if str(s.style) == SHARED_STYLE]
        assert any("一带一路" in run for run in marked)
        item = screen.query_one("#compare-text", Static).content
        assert any(str(s.style) == SHARED_STYLE for s in item.spans)


@pilot_test
async def test_without_a_review_decisions_stay_on_the_screen(pair):
    screen = CompareScreen(*pair, None)
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("1")
        assert screen.decision(0).status == "delivered"
        assert screen.status(0) == "delivered"


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
async def test_items_and_evidence_wrap_by_the_reader_rules(guangdong):
    screen = CompareScreen(*guangdong, Review.new(guangdong[1]))
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
                assert screen.index == index
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
            lines = [line for line in listed if line.strip()]
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
async def test_the_comparison_shows_its_progress_and_esc_stops_it(seeds, monkeypatch):
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
    screen = CompareScreen(seeds["baogou-2025"], seeds["guanba-2025"], None)
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
