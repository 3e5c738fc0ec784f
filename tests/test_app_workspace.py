"""The folder of reports as a workspace in the app: sorting and filtering each column, finding a
government, opening reports and moving to the next and previous one with ]/[ (saving first),
the status after a verdict, last year's report named from the list, the place remembered, and
the flags filled in from the background and the cache."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from test_app_picker import row_of, scanned
from textual.widgets import Select, TabbedContent

from conftest import pilot_test, seed_path
from reviewer.document import load_document
from reviewer.review import ReviewStore, SaveResult, default_review_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.screens.choose import ChooseDialog
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.themes import bundled_themes_dir
from reviewer.workspace import report_paths
from reviewer.workspace.columns import COLUMNS


def year_earlier(name: str, path: Path) -> Path:
    text = Path(seed_path(name)).read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("2025", "2024"), encoding="utf-8")
    return path


@pytest.fixture
def workload(tmp_path: Path) -> Path:
    """A season's folder: this year's reports in 2025/, last year's in 2024/ under other names."""
    folder = tmp_path / "审阅"
    (folder / "2025").mkdir(parents=True)
    for name in ("guanba-2025", "hutiaoxia-2025", "baogou-2025"):
        shutil.copy(seed_path(name), folder / "2025" / f"{name}.txt")
    year_earlier("guanba-2025", folder / "2024" / "关坝镇上年.txt")
    shutil.copy(seed_path("yanxi-2024"), folder / "2024" / "烟溪镇.txt")
    return folder


def app_on(folder: Path) -> ReviewerApp:
    return ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                       folder=str(folder), paths=report_paths(str(folder)))


def names(screen: PickerScreen) -> list[str]:
    return [Path(p).name for p in screen.shown]


async def choose_column(pilot, screen: PickerScreen, column: str) -> None:
    while screen.place.column != column:
        await pilot.press("right")


async def opened(pilot) -> MainScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def review_with(report: Path, verdict: str = "", note: str = "") -> None:
    doc = load_document(str(report))
    store = ReviewStore(default_review_path(str(report)))
    review, _ = store.load_or_new(doc, "同事")
    if note:
        review.add_annotation(doc, 0, 8, tag="亮点", note=note)
    review.verdict = verdict
    assert store.save(review).ok


@pilot_test
async def test_every_column_is_listed_and_last_years_report_found(workload: Path) -> None:
    async with app_on(workload).run_test(size=(160, 30)) as pilot:
        screen = await scanned(pilot)
        assert len(screen.shown) == 5
        row = row_of(screen, workload / "2025" / "guanba-2025.txt")
        assert set(row) == set(COLUMNS)
        assert (row["file"], row["government"], row["year"], row["genre"]) == \
            (str(Path("2025") / "guanba-2025.txt"), "关坝镇", "2025", "法治政府")
        assert row["status"] == "未开始" and row["prior"].endswith("关坝镇上年.txt")
        found = screen.priors[str(workload / "2025" / "guanba-2025.txt")]
        assert found.path == str(workload / "2024" / "关坝镇上年.txt") and not found.chosen
        assert row["flags"].count("/") == 2
        assert row_of(screen, workload / "2025" / "baogou-2025.txt")["prior"] == ""


@pilot_test
async def test_sort_by_each_column_and_back(workload: Path) -> None:
    review_with(workload / "2025" / "baogou-2025.txt", verdict="pass")
    review_with(workload / "2025" / "hutiaoxia-2025.txt", note="未完")
    async with app_on(workload).run_test(size=(160, 30)) as pilot:
        screen = await scanned(pilot)
        assert names(screen) == sorted(names(screen), key=lambda n: (
            "2024" if n in ("关坝镇上年.txt", "烟溪镇.txt") else "2025", n))
        await choose_column(pilot, screen, "status")
        await pilot.press("s")
        statuses = [screen.entries[p].review.status for p in screen.shown]
        assert statuses == ["not_started"] * 3 + ["in_progress", "done"]
        await pilot.press("s")  # again: the other way round
        assert [screen.entries[p].review.status for p in screen.shown] == statuses[::-1]
        await choose_column(pilot, screen, "year")
        await pilot.press("s")
        years = [screen.entries[p].facts.year for p in screen.shown]
        assert years == sorted(years) and years[0] == 2024
        for column in COLUMNS:  # every column sorts, both ways, and keeps every report
            await choose_column(pilot, screen, column)
            await pilot.press("s")
            assert sorted(screen.shown) == sorted(screen.paths)
            await pilot.press("s")
            assert sorted(screen.shown) == sorted(screen.paths)
        assert screen.place.sort == COLUMNS[-1] and screen.place.reverse


@pilot_test
async def test_filter_a_column_then_clear(workload: Path) -> None:
    review_with(workload / "2025" / "baogou-2025.txt", verdict="good")
    async with app_on(workload).run_test(size=(160, 30)) as pilot:
        screen = await scanned(pilot)
        await choose_column(pilot, screen, "status")
        await pilot.press("f")
        for char in "已完成":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert names(screen) == ["baogou-2025.txt"]
        assert "已完成" in str(screen.query_one("#status").render())
        await choose_column(pilot, screen, "year")
        await pilot.press("f", "2", "0", "2", "4", "enter")
        await pilot.pause()
        assert names(screen) == []  # both filters hold at once
        await pilot.press("F")
        assert len(screen.shown) == 5
        await pilot.press("f", "2", "0", "2", "4", "enter")
        await pilot.pause()
        assert sorted(names(screen)) == ["关坝镇上年.txt", "烟溪镇.txt"]


@pilot_test
async def test_slash_finds_a_government(workload: Path) -> None:
    async with app_on(workload).run_test(size=(160, 30)) as pilot:
        screen = await scanned(pilot)
        await pilot.press("slash")
        for char in "关坝":
            await pilot.press(char)
        first = screen.current_path()
        assert screen.entries[first].facts.government == "关坝镇"
        await pilot.press("enter")  # the next 关坝镇 report
        second = screen.current_path()
        assert second != first and screen.entries[second].facts.government == "关坝镇"
        await pilot.press("enter")  # and round again
        assert screen.current_path() == first
        await pilot.press("escape", "enter")
        main = await opened(pilot)
        assert main.session.doc.path == first


@pilot_test
async def test_brackets_open_the_next_and_previous_report_saving_first(workload: Path) -> None:
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        order = list(picker.shown)
        await pilot.press("enter")
        main = await opened(pilot)
        assert main.session.doc.path == order[0]
        await pilot.press("J", "a")
        for char in "先存":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.press("right_square_bracket")
        main = await opened(pilot)
        assert main.session.doc.path == order[1]
        assert "先存" in Path(default_review_path(order[0])).read_text(encoding="utf-8")
        assert picker.current_path() == order[1]  # the list follows
        await pilot.press("left_square_bracket")
        main = await opened(pilot)
        assert main.session.doc.path == order[0]
        await pilot.press("left_square_bracket")  # nothing before the first
        await pilot.pause()
        assert pilot.app.screen is main
        assert any("第一份" in n.message for n in pilot.app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.screen is picker and picker.current_path() == order[0]
        assert row_of(picker, order[0])["notes"] == "1"


@pilot_test
async def test_brackets_follow_the_list_as_sorted_and_filtered(workload: Path) -> None:
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        await choose_column(pilot, picker, "year")
        await pilot.press("f", "2", "0", "2", "5", "enter")
        await pilot.pause()
        await pilot.press("s", "s")  # by year, descending; then by file within a year
        listed = list(picker.shown)
        assert len(listed) == 3
        await pilot.press("enter")
        seen = [(await opened(pilot)).session.doc.path]
        for _ in range(3):
            await pilot.press("right_square_bracket")
            seen.append((await opened(pilot)).session.doc.path)
        assert seen == listed + [listed[-1]]  # the last stays: nothing after it


@pilot_test
async def test_a_failed_save_keeps_the_reviewer_on_the_report(workload: Path,
                                                             monkeypatch) -> None:
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        await pilot.press("enter")
        main = await opened(pilot)
        monkeypatch.setattr(ReviewStore, "save", lambda self, review: SaveResult(
            False, self.path, message="磁盘已满"))
        await pilot.press("J", "a", "x", "enter")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert pilot.app.screen is main and main.session.dirty
        assert [a.note for a in main.session.review.annotations] == ["x"]
        assert any("未切换" in n.message for n in pilot.app._notifications)
        monkeypatch.undo()
        await pilot.press("right_square_bracket")
        main = await opened(pilot)
        assert main.session.doc.path == picker.shown[1]


@pilot_test
async def test_status_shows_done_after_a_verdict(workload: Path) -> None:
    report = workload / "2025" / "hutiaoxia-2025.txt"
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        picker.table.move_cursor(row=picker.shown.index(str(report)))
        await pilot.press("enter")
        main = await opened(pilot)
        main.query_one(TabbedContent).active = "review"
        await pilot.pause()
        main.query_one("#verdict", Select).value = "good"
        await pilot.pause()
        main.reader.focus()
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.screen is picker
        row = row_of(picker, report)
        assert (row["status"], row["verdict"]) == ("已完成", "良好")
        await choose_column(pilot, picker, "status")
        await pilot.press("f")
        for char in "已完成":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert picker.shown == [str(report)]


@pilot_test
async def test_last_years_report_is_named_from_the_list(workload: Path) -> None:
    report = workload / "2025" / "baogou-2025.txt"
    chosen = workload / "2024" / "烟溪镇.txt"
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        picker.table.move_cursor(row=picker.shown.index(str(report)))
        await pilot.press("p")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChooseDialog)
        index = next(n for n, (value, _) in enumerate(dialog.options) if value == str(chosen))
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is picker
        assert row_of(picker, report)["prior"] == str(Path("2024") / "烟溪镇.txt") + " *"
        data = tomllib.loads(Path(default_review_path(str(report))).read_text(encoding="utf-8"))
        assert data["prior"]["path"] == "../2024/烟溪镇.txt"  # relative to the review file
        await pilot.press("enter")
        main = await opened(pilot)
        assert main.session.prior_path == str(chosen)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("p")  # and back to none: found again (none for 鲍沟镇)
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert row_of(picker, report)["prior"] == ""
        data = tomllib.loads(Path(default_review_path(str(report))).read_text(encoding="utf-8"))
        assert "prior" not in data


@pilot_test
async def test_the_list_comes_back_where_it_was_left(workload: Path) -> None:
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        await choose_column(pilot, picker, "government")
        await pilot.press("s", "s", "down", "down")
        left_on = picker.current_path()
        order = list(picker.shown)
        await pilot.press("q")
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        assert picker.place.sort == "government" and picker.place.reverse
        assert picker.shown == order and picker.current_path() == left_on


@pilot_test
async def test_flags_fill_in_from_the_background_then_from_the_cache(workload: Path,
                                                                    monkeypatch) -> None:
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        first = {p: row_of(picker, p)["flags"] for p in picker.shown}
        assert all(v.count("/") == 2 for v in first.values())
        assert "检查" not in str(picker.query_one("#status").render())  # done: no progress

    def no_checks(*_args, **_kwargs):
        raise AssertionError("the checks ran although the cache has their flags")

    monkeypatch.setattr("reviewer.flags.run_flags", no_checks)
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        assert {p: row_of(picker, p)["flags"] for p in picker.shown} == first


@pilot_test
async def test_progress_shows_while_the_checks_run(workload: Path, monkeypatch) -> None:
    import threading

    import reviewer.flags

    gate = threading.Event()
    real = reviewer.flags.run_flags

    def slow(doc, *args, **kwargs):
        gate.wait(10)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr("reviewer.flags.run_flags", slow)
    async with app_on(workload).run_test(size=(120, 40)) as pilot:
        picker = pilot.app.screen
        for _ in range(100):  # the facts come first, the checks wait at the gate
            await pilot.pause(0.02)
            if isinstance(picker, PickerScreen) and picker.progress and \
                    picker.progress[0] == "check":
                break
            picker = pilot.app.screen
        assert "检查标记 0/5" in str(picker.query_one("#status").render())
        assert all(picker.entries[p].facts is not None for p in picker.paths)
        assert all(row_of(picker, p)["flags"] == "" for p in picker.shown)
        gate.set()
        await scanned(pilot)
        assert all(row_of(picker, p)["flags"] for p in picker.shown)


def test_the_session_names_last_years_report_and_takes_it_back(workload: Path) -> None:
    from reviewer.review import Anchor
    from reviewer.tui.session import Session

    report = workload / "2025" / "guanba-2025.txt"
    prior = load_document(str(workload / "2024" / "关坝镇上年.txt"))
    other = load_document(str(workload / "2024" / "烟溪镇.txt"))
    session = Session.open(str(report))
    assert session.choose_prior(prior) and session.dirty
    assert session.review.prior.path == "../2024/关坝镇上年.txt"
    assert session.prior_report() == str(workload / "2024" / "关坝镇上年.txt")
    assert not session.choose_prior(prior)  # the same again: nothing changed
    assert session.undo().kind == "prior" and session.review.prior is None
    session.choose_prior(prior)
    session.assess_plan(prior, 0, 10, heading="事项", suggested="partial", status="delivered",
                        note="")
    with pytest.raises(ValueError, match="关坝镇上年"):  # its plan items point into that text
        session.choose_prior(other)
    assert session.review.prior.path == "../2024/关坝镇上年.txt"
    assert session.review.plans[0].item == Anchor.from_span(prior.text, 0, 10)


@pilot_test
async def test_many_reports_are_checked_in_other_processes(tmp_path: Path) -> None:
    """Past a handful the checks run in a pool of processes: the same flags, cached alike."""
    from reviewer.flags import run_flags
    from reviewer.tui.screens.picker import POOL_MIN

    folder = tmp_path / "many"
    folder.mkdir()
    names = ("guanba-2025", "hutiaoxia-2025", "baogou-2025", "yanxi-2024", "baixiang-2024")
    for n in range(POOL_MIN + 2):
        data = Path(seed_path(names[n % len(names)])).read_bytes() + b"\n" * (n + 1)
        (folder / f"{n:02d}.txt").write_bytes(data)
    async with app_on(folder).run_test(size=(120, 40)) as pilot:
        picker = await scanned(pilot)
        for _ in range(200):  # the pool hands its results over as they come
            if picker.checked:
                break
            await pilot.pause(0.05)
        assert picker.checked == POOL_MIN + 2
        for path in picker.shown:
            flags = run_flags(load_document(path))
            counts = [sum(f.severity == s for f in flags) for s in ("error", "warning", "info")]
            assert row_of(picker, path)["flags"] == "/".join(map(str, counts))
    assert len(list((tmp_path / "xdg-cache").rglob("*.json"))) == POOL_MIN + 2
