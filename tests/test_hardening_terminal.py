"""The app on small, large and poor terminals: it starts, shows the report, every pane can be
reached, and a note typed while the terminal is resized is saved."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from test_app import in_fresh_process, make_app, pilot_test, started, type_note
from test_e2e import Tmux, _reviewer

from conftest import seed_path
from reviewer.tui.dialogs import AnnotationDialog
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.screens.main import MainScreen


def _shown(app) -> str:
    return app.export_screenshot().replace("&#160;", " ")


def _notes(path: Path) -> list[str]:
    return [a["note"] for a in tomllib.loads(path.read_text(encoding="utf-8"))["annotation"]]


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (200, 60)])
@pilot_test
async def test_every_pane_is_reachable_at_any_size(tmp_path: Path, size) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=size) as pilot:
        screen = await started(pilot)
        doc = screen.session.doc
        title_line = doc.text.split("\n")[0].strip()[:4]
        assert title_line in _shown(app)
        assert screen.reader.region.width >= size[0] // 3  # the report keeps room to be read
        outline, side = screen.query_one("#outline"), screen.query_one("#side")
        if size[0] < 110:
            assert side.display != outline.display  # one panel beside the reader
            await pilot.press("f2")
            assert outline.display and outline.region.width > 0
            await pilot.press("f3")
            assert side.display and side.region.width > 0
        else:
            assert outline.display and side.display
        visited = set()
        for _ in range(4):  # Tab reaches the reader and the shown panel
            await pilot.press("tab")
            visited.add(type(screen.focused).__name__)
        assert "ReportView" in visited and len(visited) >= 2
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        screen.reader.focus()
        await pilot.press("J", "a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AnnotationDialog)
        box = dialog.query_one("#dialog").region
        assert box.right <= size[0] and box.bottom <= size[1]  # the dialog fits the screen
        await type_note(pilot, "小屏")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.save_now()
    assert _notes(review) == ["小屏"]


@pilot_test
async def test_resizing_during_the_annotation_dialog_keeps_the_note(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "J", "a")
        await type_note(pilot, "缩放")
        for size in ((60, 20), (200, 60), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, AnnotationDialog)
        await type_note(pilot, "之中")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.save_now()
    (note,) = tomllib.loads(review.read_text(encoding="utf-8"))["annotation"]
    assert note["note"] == "缩放之中"
    assert note["anchor"]["quote"] and note["anchor"]["end"] > note["anchor"]["start"]


@pytest.mark.parametrize("colours", ["256", "16"])
def test_the_app_starts_and_draws_with_few_colours(tmp_path: Path, monkeypatch,
                                                    colours: str) -> None:
    """Set as a user would, in the environment of a fresh process (Textual reads it when it is
    imported, after the command line has settled it); the report, the flags and a dialog
    draw."""
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", colours)
    settle = "from reviewer.commands.app import settle_colour_system\nsettle_colour_system()\n"
    out = in_fresh_process(tmp_path, settle, "; ".join([
        "print(app.console.color_system)",
        "await pilot.press('J', 'a')",
        "await pilot.pause()",
        "print(type(app.screen).__name__)",
        "print(app.export_screenshot().count('<text'))",
    ]))
    system, screen, texts = out.split()
    assert system == {"256": "256", "16": "standard"}[colours]
    assert screen == "AnnotationDialog" and int(texts) > 100


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("colours", ["16", "256", "sixteen"])
def test_the_app_works_in_a_real_terminal_with_few_colours(tmp_path: Path, colours: str) -> None:
    review = tmp_path / "review.toml"
    term = Tmux(tmp_path, ["env", f"TEXTUAL_COLOR_SYSTEM={colours}", *_reviewer(),
                           seed_path("guanba-2025"), "--review", str(review),
                           "--reviewer", "终端"])
    try:
        shown = term.wait_for("标记")
        assert "关坝镇" in shown and "Traceback" not in shown
        if colours == "sixteen":  # not a colour system: said so, and the app runs on
            term.wait_for("TEXTUAL_COLOR_SYSTEM")
        term.keys("J", "a")
        term.wait_for("添加批注")
        term.type("少色")
        term.keys("Enter")
        term.wait_for("✎")
        term.keys("q")
        term.wait_until(lambda: review.exists())
    finally:
        term.kill()
    assert _notes(review) == ["少色"]


UNUSUAL = ("某镇人民政府\n关于2024年法治政府建设情况的报告\n一、主要成效\n"
           "制表\t符与\u3000全角空格，表情👨‍👩‍👧与组合字符é（e\u0301）、零宽\u200b字符、"
           "从右到左\u202eRTL\u202c文字、变体选择符︎。\n"
           + "https://example.gov.cn/" + "a" * 3000 + "\n"
           + "长" * 5000 + "。\n"
           + "二、存在的不足\n" + "。" * 200 + "\n三、2025年工作安排\n（一）完善制度。\n")


@pytest.mark.parametrize("size", [(60, 20), (200, 60)])
@pilot_test
async def test_unusual_characters_and_endless_lines_lay_out_at_any_size(tmp_path: Path,
                                                                         size) -> None:
    """Wide, combining, zero-width and bidirectional characters, a 3000-character address and
    a 5000-character line with no break: the reader wraps them, moves through them and lets a
    note be made on the last sentence."""
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.config import Settings
    from reviewer.tui.session import Session
    from reviewer.tui.themes import bundled_themes_dir

    report = tmp_path / "odd.txt"
    report.write_text(UNUSUAL, encoding="utf-8")
    review = tmp_path / "odd.review.toml"
    session = Session.open(str(report), review_path=str(review), reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      session=session)
    async with app.run_test(size=size) as pilot:
        screen = await started(pilot)
        for keys in (["pagedown"] * 3, ["J"] * 12, ["l"] * 5, ["G"], ["K"] * 3, ["g"]):
            await pilot.press(*keys)
            await pilot.pause()
        assert "某镇" in _shown(app)  # back at the top
        await pilot.press("G", "a")
        await type_note(pilot, "末句")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.save_now()
    (note,) = tomllib.loads(review.read_text(encoding="utf-8"))["annotation"]
    assert note["note"] == "末句"
    text = session.doc.text
    assert text[note["anchor"]["start"]:note["anchor"]["end"]] == note["anchor"]["quote"]
