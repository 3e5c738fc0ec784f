"""Whatever the system does, nothing is lost and nothing hangs: special files where reports,
reviews and settings are expected.

Every special file is made in the test's own folder. Commands that a regression could make block
on a FIFO or read a device without end run in their own process with a time and memory limit, so
such a regression fails the test within seconds instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable

from conftest import pilot_test, seed_path, unblocked
from reviewer.commands.app import _reports_in
from reviewer.review import ReviewStore, default_review_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

SEED = "guanba-2025"


def run(argv: list[str], *, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 30) -> subprocess.CompletedProcess:
    """``reviewer ARGV`` in its own process, with ``timeout`` seconds and 1 GB of memory."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "reviewer", *argv], capture_output=True,
                          text=True, timeout=timeout, preexec_fn=limit, check=False,
                          env={**os.environ, **(env or {})}, input=stdin)


def devices() -> list[str]:
    return [d for d in ("/dev/zero", "/dev/urandom") if os.path.exists(d)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a report, a FIFO and links to endless devices, all named like reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(seed_path(SEED), folder / f"{SEED}.txt")
    os.mkfifo(folder / "pipe.txt")
    for device in devices():
        (folder / f"{Path(device).name}.txt").symlink_to(device)
    return folder


# --- special files ------------------------------------------------------------------------------

def test_every_command_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for argv in (["outline", str(fifo)], ["check", str(fifo)],
                 ["compare", str(fifo), seed_path(SEED)], [str(fifo)]):
        done = run(argv)
        assert done.returncode == 2, (argv, done.stderr)
        assert "FIFO" in done.stderr and str(fifo) in done.stderr, argv
        assert "Traceback" not in done.stderr


def test_check_of_a_folder_skips_special_files_with_a_note(folder: Path) -> None:
    done = run(["check", "--json", "--jobs", "2", str(folder)])
    assert done.returncode == 0, done.stderr
    reports = json.loads(done.stdout)["reports"]
    assert [Path(r["path"]).name for r in reports] == [f"{SEED}.txt"]
    assert reports[0]["flags"]
    for name in ["pipe.txt", *(f"{Path(d).name}.txt" for d in devices())]:
        assert str(folder / name) in done.stderr
    assert "FIFO" in done.stderr


@pytest.mark.parametrize("special", ["fifo", *devices()])
def test_export_when_the_report_became_a_special_file_uses_the_stored_quotes(
        tmp_path: Path, special: str) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(seed_path(SEED), report)
    session = Session.open(str(report), reviewer="测试员")
    sentence = session.doc.sentences()[8]
    session.annotate(sentence.start, sentence.end, tag="数据存疑", severity="minor", note="留存")
    assert session.save() is None
    report.unlink()
    if special == "fifo":
        os.mkfifo(report)
    else:
        report.symlink_to(special)
    done = run(["export", default_review_path(str(report))])
    assert done.returncode == 0, done.stderr
    assert "留存" in done.stdout
    assert session.doc.text[sentence.start:sentence.end] in done.stdout


def test_a_review_path_that_is_a_fifo_is_refused_before_the_app(tmp_path: Path) -> None:
    fifo = tmp_path / "review.toml"
    os.mkfifo(fifo)
    done = run([seed_path(SEED), "--review", str(fifo)])
    assert done.returncode == 2, done.stderr
    assert str(fifo) in done.stderr and "Traceback" not in done.stderr


def test_a_review_file_that_became_a_fifo_is_never_replaced(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    session = Session.open(seed_path(SEED), review_path=str(review), reviewer="测试员")
    sentence = session.doc.sentences()[3]
    session.annotate(sentence.start, sentence.end, tag="数据存疑", severity="minor", note="甲")
    assert session.save() is None
    review.unlink()
    os.mkfifo(review)
    session.annotate(sentence.start, sentence.end, tag="亮点", severity="minor", note="乙")
    message = unblocked(review, session.save)  # blocked on the FIFO, or replaced it, before
    assert message and "FIFO" in message
    assert review.is_fifo()
    (aside,) = [p for p in tmp_path.iterdir() if ".conflict-" in p.name]
    assert sorted(a.note for a in ReviewStore(aside).load().annotations) == ["乙", "甲"]


@pilot_test
async def test_the_picker_lists_only_regular_files_and_quits(folder: Path) -> None:
    notes: list[str] = []
    paths = _reports_in(str(folder), notes)
    assert paths == [str(folder / f"{SEED}.txt")]
    assert any("pipe.txt" in note and "FIFO" in note for note in notes)
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()],
                               problems=notes), folder=str(folder), paths=paths)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        assert any("pipe.txt" in n.message for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
