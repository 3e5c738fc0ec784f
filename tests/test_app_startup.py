"""Start-up of the review app: the first frame holds the header and the report, the review file,
the panels and the checks follow right after it, and keys work from the first moment."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import pilot_test, seed_path
from reviewer.i18n import t
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.dialogs import AnnotationDialog
from reviewer.tui.panels import FlagList, NoteList, OutlinePanel
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.search import SearchBar
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

SEED = "hutiaoxia-2025"
PANELS = "OutlinePanel, FlagList, NoteList, SearchBar"




def make_app(tmp_path: Path, review: Path) -> ReviewerApp:
    session = Session.open(seed_path(SEED), review_path=str(review), reviewer="测试员")
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       session=session)


async def settled(pilot) -> MainScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return next(s for s in pilot.app.screen_stack if isinstance(s, MainScreen))


@pilot_test
async def test_first_frame_has_the_report_and_keys_work_before_the_panels(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At the first frame the report is on screen and nothing else was loaded; keys pressed in
    that moment work (n says the checks still run, a opens the note dialog), and the panels,
    the review and the flags arrive right after."""
    seen: dict = {}
    after_first_frame = MainScreen._after_first_frame

    def keys_in_the_first_moment(screen: MainScreen) -> None:
        seen["panels"] = list(screen.query(PANELS))
        seen["review_loaded"] = screen.session.store is not None  # made when the review is read
        seen["picture"] = screen.app.export_screenshot()
        screen.action_next_flag()
        screen.action_annotate()
        after_first_frame(screen)

    monkeypatch.setattr(MainScreen, "_after_first_frame", keys_in_the_first_moment)
    app = make_app(tmp_path, tmp_path / "review.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled(pilot)
        doc = screen.session.doc
        assert seen["panels"] == [] and not seen["review_loaded"]
        first_line = doc.text.split("\n")[1][:12]
        assert doc.title[:12] in seen["picture"] and first_line in seen["picture"]
        assert t("ui.flags_running") in [n.message for n in app._notifications]
        assert isinstance(app.screen, AnnotationDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert [type(w) for w in screen.query(PANELS)] == \
            [OutlinePanel, FlagList, NoteList, SearchBar]
        flags = screen.query_one(FlagList)
        assert screen.session.flags and flags.option_count == len(screen.session.flags)
        tree = screen.query_one(OutlinePanel)
        assert len(tree.root.children) == len(doc.sections)


@pilot_test
async def test_keys_pressed_at_once_reach_the_report(tmp_path: Path) -> None:
    """Keys typed while the app starts are not lost: a note made at once lands on the sentence
    the cursor moved to, and shows in the note list once it is there."""
    app = make_app(tmp_path, tmp_path / "review.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("J", "a", *"先记", "enter", "slash")
        screen = await settled(pilot)
        notes = screen.session.annotations
        assert [n.note for n in notes] == ["先记"]
        sentence = screen.reader.current_sentence
        assert sentence[0] > 0 and (notes[0].anchor.start, notes[0].anchor.end) == sentence
        assert screen.query_one(NoteList).option_count == 1
        assert screen.query_one(SearchBar).has_focus


@pilot_test
async def test_quitting_at_once_leaves_cleanly(tmp_path: Path) -> None:
    """q before the panels are there: the app closes without an error and writes nothing."""
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not review.exists()


@pilot_test
async def test_quitting_while_the_panels_are_being_mounted_leaves_cleanly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """q handled right after the panels' mounting began, before the side panel's tabs are up:
    the screen waits for them instead of being taken down around them."""
    mount_panels = MainScreen._mount_panels

    def then_quit(screen: MainScreen) -> None:
        mount_panels(screen)
        screen.call_next(screen.action_quit)

    monkeypatch.setattr(MainScreen, "_mount_panels", then_quit)
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert app.return_code == 0 and not review.exists()


@pytest.mark.parametrize("first", ["report", "folder"])
def test_the_collector_is_back_on_once_the_first_screen_is_up(tmp_path: Path, first: str) -> None:
    """The command line starts the app with the cyclic garbage collector off; whichever screen
    comes first must turn it back on, or cycles would pile up for the whole session."""
    import asyncio
    import gc

    from reviewer.tui.screens.picker import PickerScreen

    if first == "report":
        app = make_app(tmp_path, tmp_path / "review.toml")
    else:
        app = ReviewerApp(Settings(theme_dirs=[bundled_themes_dir()]),
                          paths=[seed_path(SEED)], folder=str(tmp_path))

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, MainScreen if first == "report" else PickerScreen)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what start-up built is set aside

    gc.disable()
    try:
        asyncio.run(run())
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_terminal_says_a_long_report_is_being_read(tmp_path, capsys):
    """A report of a megabyte and more takes seconds to read before the first screen: the
    terminal says which and how large meanwhile; a report of usual size opens without a word."""
    from reviewer.commands import app as command

    long = tmp_path / "long.txt"
    long.write_text("全年办理案件3件。\n" * 80_000, encoding="utf-8")
    usual = tmp_path / "usual.txt"
    usual.write_text("全年办理案件3件。\n" * 1_000, encoding="utf-8")
    command._say_reading_long(None, str(usual), str(tmp_path / "missing.txt"))
    assert capsys.readouterr().err == ""
    command._say_reading_long(str(long))
    said = capsys.readouterr().err
    size = long.stat().st_size / (1024 * 1024)
    assert str(long) in said and f"{size:.1f}" in said and size > 1
