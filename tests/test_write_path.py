"""Every change a reviewer can make reaches the review file: each kind of change is in the TOML
after ``q``, an undo is saved like any change, nothing is lost when the terminal closes (SIGHUP)
whichever screen or dialog is in front, and a failed save of the comparison's decisions is
retried with all of them.

The reports: a seed of this year and last year's seed with a quantified target added to its plan
(the seeds' plans have none), both copied beside the review."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import tomllib
from pathlib import Path

import pytest
from test_app import started, type_note
from textual.widgets import Select, TabbedContent, TextArea

from conftest import pilot_test, seed_path
from reviewer.document import load_document
from reviewer.review import Anchor, ReviewStore
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.dialogs import AnnotationDialog, PromptDialog
from reviewer.tui.panels import ReviewPanel
from reviewer.tui.screens.compare import CompareScreen
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

CURRENT, PRIOR = "baogou-2025", "yanxi-2024"
TARGET = "2025年主要预期目标是：全镇群众法治知晓率达到90%以上。"


@pytest.fixture
def reports(tmp_path: Path) -> tuple[str, str]:
    """This year's report and last year's, with a target in its plan, in a folder of their own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    current = folder / f"{CURRENT}.txt"
    shutil.copyfile(seed_path(CURRENT), current)
    text = Path(seed_path(PRIOR)).read_text(encoding="utf-8")
    plan = "　　四、下阶段工作措施\n"
    assert plan in text
    prior = folder / f"{PRIOR}.txt"
    prior.write_text(text.replace(plan, f"{plan}\n　　{TARGET}\n", 1), encoding="utf-8")
    return str(current), str(prior)


def review_file(reports: tuple[str, str]) -> Path:
    return Path(reports[0] + ".review.toml")


def make_app(reports: tuple[str, str]) -> ReviewerApp:
    current, prior = reports
    session = Session.open(current, reviewer="测试员", prior_path=prior)
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       session=session)


def saved(reports: tuple[str, str]) -> dict:
    return tomllib.loads(review_file(reports).read_text(encoding="utf-8"))


def with_a_note(reports: tuple[str, str]) -> str:
    """A review already holding one note (on the report's third sentence); its quote."""
    doc = load_document(reports[0])
    store = ReviewStore(review_file(reports))
    review, _ = store.load_or_new(doc, "测试员")
    sentence = doc.sentences()[2]
    review.add_annotation(doc, sentence.start, sentence.end, tag="数据存疑", note="原有批注")
    assert store.save(review).ok
    return doc.text[sentence.start:sentence.end]


async def comparison(pilot) -> CompareScreen:
    """Open the comparison screen and wait for the comparison."""
    await pilot.press("p")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen) and screen.comparison is not None
    return screen


async def to_target(pilot, screen: CompareScreen) -> None:
    """Go to the first target: the targets' own tab."""
    await pilot.press("t")
    await pilot.pause()
    assert screen.row is not None and screen.row.kind == "target"


async def review_form(pilot, screen: MainScreen) -> ReviewPanel:
    screen.query_one(TabbedContent).active = "review"
    await pilot.pause()
    return screen.query_one(ReviewPanel)


# --- each kind of change is in the file after q --------------------------------------------------


@pilot_test
async def test_a_new_note_is_in_the_file_after_q(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "新批注")
        await pilot.press("enter")
        sentence = screen.reader.current_sentence
        await pilot.press("q")
        await pilot.pause()
    (note,) = saved(reports)["annotation"]
    assert note["note"] == "新批注"
    assert (note["anchor"]["start"], note["anchor"]["end"]) == sentence


@pilot_test
async def test_an_edited_note_is_in_the_file_after_q(reports) -> None:
    quote = with_a_note(reports)
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("J", "J", "e", "end")
        await type_note(pilot, "已改")
        await pilot.press("enter", "q")
        await pilot.pause()
    (note,) = saved(reports)["annotation"]
    assert note["note"] == "原有批注已改" and note["anchor"]["quote"] == quote


@pilot_test
async def test_a_deleted_note_is_gone_from_the_file_after_q(reports) -> None:
    with_a_note(reports)
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("J", "J", "d", "q")
        await pilot.pause()
    assert saved(reports).get("annotation", []) == []


@pilot_test
async def test_flag_decisions_are_in_the_file_after_q(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("n")
        first = screen._flag_here()  # the first flag in the text, the next one after it
        await pilot.press("c")
        await type_note(pilot, "属实")
        await pilot.press("enter", "n")
        second = screen._flag_here()
        assert second is not first
        await pilot.press("x", "enter", "q")
        await pilot.pause()
    decided = {(d["rule"], d["anchor"]["start"]): (d["decision"], d["note"])
               for d in saved(reports)["flag"]}
    assert decided == {(first.rule, first.start): ("confirmed", "属实"),
                       (second.rule, second.start): ("dismissed", "")}


@pilot_test
async def test_score_verdict_and_summary_are_in_the_file_after_q(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        form = await review_form(pilot, screen)
        score = form.query(".score").first(Select)
        score.value = 4
        form.query_one("#verdict", Select).value = "good"
        await pilot.pause()
        form.query_one("#summary", TextArea).focus()
        await type_note(pilot, "结构完整")
        await pilot.pause()
        assert screen.session.dirty  # the form's fields went to the session, not around it
        screen.reader.focus()
        await pilot.press("q")
        await pilot.pause()
    data = saved(reports)
    assert data["scores"] == {score.name: 4}
    assert data["verdict"] == "good" and data["summary"] == "结构完整"


@pilot_test
async def test_plan_statuses_notes_and_the_prior_report_are_in_the_file_after_q(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        screen = await comparison(pilot)
        first, second = screen.comparison.items[:2]
        await pilot.press("a", "down", "5", "n")
        await pilot.pause()
        await type_note(pilot, "已列入不足")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q")  # from the comparison screen: saves and quits
        await pilot.pause()
    data = saved(reports)
    plans = {p["heading"]: (p["suggested"], p["status"], p["note"]) for p in data["plan"]}
    assert plans == {first.heading: (first.status, first.status, ""),
                     second.heading: (second.status, "acknowledged_gap", "已列入不足")}
    prior = load_document(reports[1])
    assert data["prior"]["text_sha256"] == prior.text_sha256
    assert data["prior"]["path"] == f"{PRIOR}.txt"  # relative to the review file, as the report


@pilot_test
async def test_target_verdicts_and_notes_are_in_the_file_after_q(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        screen = await comparison(pilot)
        await to_target(pilot, screen)
        target = screen.comparison.targets[0]
        await pilot.press("1", "n")
        await pilot.pause()
        await type_note(pilot, "见第三部分")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    (made,) = saved(reports)["target"]
    assert (made["indicator"], made["suggested"], made["verdict"], made["note"]) == \
        (target.indicator, target.verdict, "met", "见第三部分")
    prior = load_document(reports[1])
    anchor = made["anchor"]
    assert prior.text[anchor["start"]:anchor["end"]] == anchor["quote"] == target.quote


@pilot_test
async def test_an_undo_is_saved_like_any_change(reports) -> None:
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        session = screen.session
        compare = await comparison(pilot)
        await pilot.press("a", "ctrl+s")
        assert len(saved(reports)["plan"]) == 1 and not session.dirty
        await pilot.press("u")
        # the undo is a change to save: not saved yet, or already by the autosave a second
        # later (a loaded machine can take that long over one key)
        assert session.review.plans == []
        assert session.dirty or saved(reports).get("plan", []) == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")  # back on the main screen: nothing left to undo
        await pilot.pause()
        assert app.screen is screen and compare.is_attached is False
        await pilot.press("q")
        await pilot.pause()
    data = saved(reports)
    assert data.get("plan", []) == [] and "prior" not in data


# --- the terminal closes under the app, whatever is in front -------------------------------------


async def hang_up(app: ReviewerApp, pilot) -> None:
    # Only send the signal with the app's handler in place (the default would end pytest).
    assert signal.getsignal(signal.SIGHUP) not in (signal.SIG_DFL, signal.SIG_IGN, None)
    os.kill(os.getpid(), signal.SIGHUP)
    for _ in range(60):
        if not app.is_running:
            break
        await asyncio.sleep(0.05)
    assert not app.is_running


async def note(pilot, text: str) -> None:
    await pilot.press("J", "a")
    await type_note(pilot, text)
    await pilot.press("enter")


@pytest.mark.parametrize("front", ["main", "comparison", "annotation", "prompt", "help"])
@pilot_test
async def test_closing_the_terminal_saves_whatever_screen_is_in_front(reports, front,
                                                                      monkeypatch) -> None:
    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600)  # only the hangup saves
    app = make_app(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await note(pilot, "断线之前")
        expected = {"main": MainScreen, "comparison": CompareScreen,
                    "annotation": AnnotationDialog, "prompt": PromptDialog, "help": HelpScreen}
        if front == "comparison":
            await comparison(pilot)
            await pilot.press("a")
        elif front == "annotation":
            await pilot.press("J", "a")
        elif front == "prompt":
            await pilot.press("n", "c", "enter", "n", "x")  # one decision made, one asked
        elif front == "help":
            await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, expected[front]) and screen.session.dirty
        await hang_up(app, pilot)
    data = saved(reports)
    assert [a["note"] for a in data["annotation"]] == ["断线之前"]
    if front == "comparison":
        assert len(data["plan"]) == 1 and data["prior"]["path"] == f"{PRIOR}.txt"
    if front == "prompt":
        assert [d["decision"] for d in data["flag"]] == ["confirmed"]


@pilot_test
async def test_closing_the_terminal_saves_a_report_opened_from_the_picker(reports,
                                                                          monkeypatch) -> None:
    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600)
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      folder=str(Path(reports[0]).parent), paths=[reports[0]])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await started(pilot)
        await note(pilot, "从列表打开")
        await hang_up(app, pilot)
    assert [a["note"] for a in saved(reports)["annotation"]] == ["从列表打开"]


# --- a failed save keeps every decision and the next one writes them all --------------------------


@pilot_test
async def test_a_failed_save_of_decisions_is_retried_with_all_of_them(tmp_path, reports) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    review = blocker / "review.toml"
    session = Session.open(reports[0], review_path=str(review), reviewer="测试员",
                           prior_path=reports[1])
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        screen = await comparison(pilot)
        await pilot.press("a", "ctrl+s")
        assert session.dirty and session.save_error
        assert "⚠" in screen.query_one("#state").content.plain  # the header says it failed
        blocker.unlink()
        blocker.mkdir()
        await to_target(pilot, screen)
        await pilot.press("2", "ctrl+s")
        assert not session.dirty and session.save_error is None
    data = tomllib.loads(review.read_text(encoding="utf-8"))
    assert len(data["plan"]) == 1 and [t["verdict"] for t in data["target"]] == ["missed"]
    first = screen.comparison.items[0]
    prior = load_document(reports[1])
    assert session.review.plan_assessment_for(
        Anchor.from_span(prior.text, first.start, first.end)) is not None
