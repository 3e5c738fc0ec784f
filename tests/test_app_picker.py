"""The report picker and the command line in front of the app: every report listed with its
facts, bad input answered with a message and exit code 2 (never a traceback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable

from conftest import pilot_test, seed_path
from reviewer.cli import main
from reviewer.document import load_document
from reviewer.document.files import iter_report_files
from reviewer.flags import run_flags
from reviewer.review import default_review_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.themes import bundled_themes_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two seeds (one already reviewed) and a file that is no report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("hutiaoxia-2025", "baogou-2025"):
        shutil.copy(seed_path(name), folder / f"{name}.txt")
    Path(default_review_path(str(folder / "baogou-2025.txt"))).write_text(
        "schema = 1\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00" * 50)
    return folder


def picker_app(folder: Path) -> ReviewerApp:
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       folder=str(folder), paths=iter_report_files([str(folder)]))


async def scanned(pilot) -> PickerScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    return screen


def row_of(screen: PickerScreen, path: Path | str) -> dict[str, str]:
    """What the row of ``path`` shows, by column."""
    from reviewer.workspace.columns import COLUMNS

    cells = screen.query_one(DataTable).get_row(str(path))
    return {column: str(value).rstrip() for column, value in zip(COLUMNS, cells, strict=True)}


@pilot_test
async def test_picker_lists_each_report_with_its_facts(folder: Path) -> None:
    app = picker_app(folder)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 3
        for name in ("hutiaoxia-2025", "baogou-2025"):
            path = str(folder / f"{name}.txt")
            doc = load_document(path)
            flags = run_flags(doc)
            row = row_of(screen, path)
            assert row["government"] == doc.government and row["year"] == str(doc.year)
            assert row["genre"] == "法治政府"
            counts = [sum(f.severity == s for f in flags) for s in ("error", "warning", "info")]
            assert row["flags"] == "/".join(map(str, counts))
        # a review file that cannot be used: begun, with a warning sign
        assert row_of(screen, folder / "baogou-2025.txt")["status"] == "进行中 ⚠"
        assert row_of(screen, folder / "hutiaoxia-2025.txt")["status"] == "未开始"
        assert "无法读取" in row_of(screen, folder / "broken.txt")["government"]


@pilot_test
async def test_choosing_an_unreadable_report_says_why(folder: Path) -> None:
    app = picker_app(folder)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(folder / "broken.txt")))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("broken.txt" in n.message for n in app._notifications)


@pilot_test
async def test_open_review_and_come_back_to_the_picker(folder: Path) -> None:
    report = str(folder / "hutiaoxia-2025.txt")
    app = picker_app(folder)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(report))
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        main_screen = app.screen
        assert isinstance(main_screen, MainScreen)
        assert main_screen.session.doc.path == report
        await pilot.press("J", "a")
        for char in "回到列表":
            await pilot.press(char)
        await pilot.press("enter", "q")
        await pilot.pause()
        assert app.screen is screen
        row = row_of(screen, report)
        assert (row["status"], row["notes"]) == ("进行中", "1")
    assert "回到列表" in Path(default_review_path(report)).read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, words", [
    (["{tmp}/no-such-report.txt"], ["no-such-report.txt"]),
    (["{tmp}/binary.txt"], ["binary.txt"]),
    (["{tmp}/empty"], ["empty"]),
    (["{seed}", "{seed}"], []),
    (["{seed}", "--prior", "{tmp}/binary.txt"], ["binary.txt"]),
])
def test_bad_input_gets_a_message_and_exit_code_2(tmp_path: Path, capsys, argv, words) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (tmp_path / "empty").mkdir()
    args = [a.format(tmp=tmp_path, seed=seed_path("baogou-2025")) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: ") and "Traceback" not in err
    assert all(w in err for w in words)


def test_plain_reviewer_opens_the_current_folder_else_the_seeds(tmp_path: Path,
                                                                monkeypatch) -> None:
    opened: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: opened.append((self.folder, self.paths)))
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0
    folder, paths = opened.pop()
    assert Path(folder).name == "seeds" and len(paths) == 5
    shutil.copy(seed_path("baogou-2025"), tmp_path / "mine.txt")
    assert main([]) == 0
    assert opened.pop() == (".", ["./mine.txt"])


def test_config_language_and_remembered_reviewer(tmp_path: Path, monkeypatch) -> None:
    from reviewer.i18n import language, set_language
    from reviewer.tui.config import config_path, load_config

    started: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: started.append(self))
    monkeypatch.delenv("REVIEWER_LANG", raising=False)
    config = config_path()
    config.parent.mkdir(parents=True)
    config.write_text('language = "en"\ntheme = "reviewer-light"\n[keys]\n"main.save" = "f5"\n',
                      encoding="utf-8")
    try:
        assert main([seed_path("baogou-2025"), "--reviewer", "周审阅",
                     "--review", str(tmp_path / "r.toml")]) == 0
        assert language() == "en"
        app = started.pop()
        assert app.settings.reviewer == "周审阅" and app.session.review.reviewer == "周审阅"
        assert app.settings.theme == "reviewer-light"
        assert app.settings.keys == {"main.save": "f5"}
        assert load_config(config)[0].reviewer == "周审阅"
        assert main([seed_path("baogou-2025"), "--lang", "zh",
                     "--review", str(tmp_path / "r.toml")]) == 0
        assert language() == "zh"
        assert started.pop().settings.reviewer == "周审阅"
    finally:
        set_language("zh")


def test_a_long_report_is_said_to_be_read_while_the_terminal_would_stay_blank(
        tmp_path: Path, monkeypatch, capsys) -> None:
    """Reading a report of many megabytes takes seconds before the app can draw anything: the
    terminal says what it is reading meanwhile; a report of ordinary size opens without it."""
    import reviewer.commands.app as command

    monkeypatch.setattr(ReviewerApp, "run", lambda self: None)
    path = seed_path("baogou-2025")
    size = Path(path).stat().st_size
    monkeypatch.setattr(command, "READING_NOTICE", size - 1)
    assert main([path, "--reviewer", "周审阅", "--review", str(tmp_path / "r.toml")]) == 0
    said = capsys.readouterr().err
    assert "正在读取" in said and "baogou-2025" in said
    monkeypatch.setattr(command, "READING_NOTICE", size)
    assert main([path, "--reviewer", "周审阅", "--review", str(tmp_path / "r.toml")]) == 0
    assert "正在读取" not in capsys.readouterr().err
