"""Pictures of the app (pytest-textual-snapshot): the main screen at 80×24 and 120×40, the help
screen and the annotation dialog. Deterministic: fixed reviewer, no times shown, no blinking.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from conftest import seed_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

SEED = "hutiaoxia-2025"



def app_on_seed(tmp_path: Path) -> ReviewerApp:
    session = Session.open(seed_path(SEED), review_path=str(tmp_path / "review.toml"),
                           reviewer="测试员")
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       session=session)


def after(*keys: str):
    """A ``run_before`` that waits for the flags, presses ``keys`` and stops cursor blinking."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


def test_main_screen_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed(tmp_path), terminal_size=(80, 24),
                        run_before=after("J", "J", "J"))


def test_main_screen_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed(tmp_path), terminal_size=(120, 40),
                        run_before=after("n", "n", "J"))


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed(tmp_path), terminal_size=(100, 30),
                        run_before=after("f1"))


def test_annotation_dialog(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed(tmp_path), terminal_size=(100, 30),
                        run_before=after("J", "J", "a", *"数据", "ctrl+j", *"待核"))
