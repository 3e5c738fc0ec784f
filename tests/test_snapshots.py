"""Pictures of the app (pytest-textual-snapshot): the main screen, both tabs of the comparison
screen, the list of a folder's reports, help and the annotation dialog, each at 80×24 and 120×40
in the dark, light and high-contrast themes. Deterministic: fixed reviewer, no times shown, no
blinking.

Each picture is one case of `test_screen` (``test_screen[main-80x24-reviewer-dark]``…): after an
intended change, every picture is made again by one run of
``pytest tests/test_snapshots.py --snapshot-update``; look at the new ones before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from conftest import seed_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

SEED = "hutiaoxia-2025"



def app_on_seed(tmp_path: Path, theme: str) -> ReviewerApp:
    session = Session.open(seed_path(SEED), review_path=str(tmp_path / "review.toml"),
                           reviewer="测试员")
    return ReviewerApp(Settings(reviewer="测试员", theme=theme,
                                theme_dirs=[bundled_themes_dir()]), session=session)


def app_on_seed_pair(tmp_path: Path, theme: str) -> ReviewerApp:
    """The comparison of two seeds a year apart (two townships: the screen warns of it)."""
    session = Session.open(seed_path("baogou-2025"), review_path=str(tmp_path / "review.toml"),
                           reviewer="测试员", prior_path=seed_path("baixiang-2024"))
    return ReviewerApp(Settings(reviewer="测试员", theme=theme,
                                theme_dirs=[bundled_themes_dir()]), session=session)


async def comparison_ready(pilot) -> None:
    """Wait until the comparison screen shows its items: a key pressed sooner would be lost."""
    from reviewer.tui.screens.compare import CompareScreen

    for _ in range(600):
        screen = pilot.app.screen
        if isinstance(screen, CompareScreen) and screen.comparison is not None:
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
    else:
        raise AssertionError("the comparison never came")
    await pilot.pause()


async def saved(pilot) -> None:
    """Save now: the autosave comes a second after a change, before or after the picture as the
    machine's load has it."""
    assert pilot.app.screen.save_now()
    await pilot.pause()


def after(*keys):
    """A ``run_before`` that waits for the flags, presses ``keys`` (a function among them is
    awaited with the pilot instead), clears the messages and stops cursor blinking."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            if callable(key):
                await key(pilot)
            else:
                await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        # Messages go after a few seconds, and a loaded machine may take those seconds to get
        # here: the pictures are taken without them.
        pilot.app.clear_notifications()
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


def app_on_folder(tmp_path: Path, monkeypatch, theme: str) -> ReviewerApp:
    """The list of a season's reports, seen from the folder above it (so the pictures name the
    folder the same way wherever the test runs): one review done, one begun, one report of last
    year under another name."""
    from reviewer.review import ReviewStore, default_review_path
    from reviewer.workspace import report_paths

    folder = tmp_path / "reports"
    (folder / "2025").mkdir(parents=True)
    (folder / "2024").mkdir()
    for name in ("guanba-2025", "hutiaoxia-2025", "baogou-2025"):
        (folder / "2025" / f"{name}.txt").write_bytes(Path(seed_path(name)).read_bytes())
    last_year = Path(seed_path("guanba-2025")).read_text(encoding="utf-8").replace("2025", "2024")
    (folder / "2024" / "关坝镇上年.txt").write_text(last_year, encoding="utf-8")
    (folder / "2024" / "yanxi-2024.txt").write_bytes(Path(seed_path("yanxi-2024")).read_bytes())
    from reviewer.document import load_document

    for name, verdict, scores in (("guanba-2025", "revise", {"结构完整": 3, "数据翔实": 4}),
                                  ("hutiaoxia-2025", "", {"计划可考核": 2})):
        report = folder / "2025" / f"{name}.txt"
        doc = load_document(str(report))
        store = ReviewStore(default_review_path(str(report)))
        review, _ = store.load_or_new(doc, "测试员")
        review.add_annotation(doc, 0, 8, tag="亮点", note="示例")
        for criterion, value in scores.items():
            review.set_score(criterion, value)
        review.verdict = verdict
        assert store.save(review).ok
    monkeypatch.chdir(tmp_path)
    return ReviewerApp(Settings(reviewer="测试员", theme=theme,
                                theme_dirs=[bundled_themes_dir()]),
                       folder="reports", paths=report_paths("reports"))


THEMES = ("reviewer-dark", "reviewer-light", "reviewer-contrast")
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
# Each screen: how its app is made, and the keys that bring it up. The main screen shows a note
# just made, the cursor on the sentence after it and the flags of the report.
SCREENS = {
    "main": (lambda tmp_path, monkeypatch, theme: app_on_seed(tmp_path, theme),
             ("J", "J", "a", *"来源", "enter", "J", saved)),
    "compare": (lambda tmp_path, monkeypatch, theme: app_on_seed_pair(tmp_path, theme),
                ("p", comparison_ready, "down")),
    "compare-targets": (lambda tmp_path, monkeypatch, theme: app_on_seed_pair(tmp_path, theme),
                        ("p", comparison_ready, "t")),
    "picker": (lambda tmp_path, monkeypatch, theme: app_on_folder(tmp_path, monkeypatch, theme),
               ("down", "down", "down")),
    "help": (lambda tmp_path, monkeypatch, theme: app_on_seed(tmp_path, theme), ("f1",)),
    "annotation": (lambda tmp_path, monkeypatch, theme: app_on_seed(tmp_path, theme),
                   ("J", "J", "a", *"数据", "ctrl+j", *"待核")),
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, tmp_path: Path, monkeypatch, screen: str, size: str,
                theme: str) -> None:
    make, keys = SCREENS[screen]
    assert snap_compare(make(tmp_path, monkeypatch, theme), terminal_size=SIZES[size],
                        run_before=after(*keys))
