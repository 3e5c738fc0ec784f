"""Pictures of the app (pytest-textual-snapshot): the main screen at 80×24 and 120×40, the help
screen, the annotation dialog, the list of a folder and both tabs of the comparison screen. Deterministic: fixed reviewer, no times shown, no blinking.

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
            if key == "wait":  # for the workers the keys before started (the comparison)
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                continue
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


def app_on_folder(tmp_path: Path, monkeypatch) -> ReviewerApp:
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
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       folder="reports", paths=report_paths("reports"))


def test_picker_80x24(snap_compare, tmp_path: Path, monkeypatch) -> None:
    assert snap_compare(app_on_folder(tmp_path, monkeypatch), terminal_size=(80, 24),
                        run_before=after("down", "down", "down"))


def test_picker_120x40(snap_compare, tmp_path: Path, monkeypatch) -> None:
    assert snap_compare(app_on_folder(tmp_path, monkeypatch), terminal_size=(120, 40),
                        run_before=after("right", "right", "right", "right", "s"))



def app_on_seed_pair(tmp_path: Path) -> ReviewerApp:
    """The comparison of two seeds a year apart (two townships: the screen warns of it)."""
    session = Session.open(seed_path("baogou-2025"), review_path=str(tmp_path / "review.toml"),
                           reviewer="测试员", prior_path=seed_path("baixiang-2024"))
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       session=session)


def test_compare_items_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed_pair(tmp_path), terminal_size=(80, 24),
                        run_before=after("p", "wait", "down"))


def test_compare_items_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed_pair(tmp_path), terminal_size=(120, 40),
                        run_before=after("p", "wait", "down", "down"))


def test_compare_targets_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed_pair(tmp_path), terminal_size=(80, 24),
                        run_before=after("p", "wait", "t"))


def test_compare_targets_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on_seed_pair(tmp_path), terminal_size=(120, 40),
                        run_before=after("p", "wait", "t"))
