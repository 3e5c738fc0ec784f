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
import time
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


# --- file names that are not UTF-8 ------------------------------------------------------------

# A GBK name from a Windows zip archive reads as this on a UTF-8 system: bytes that are not UTF-8.
ODD_NAME = os.fsdecode(b"g\xff\xb9\xd8.txt")
SHOWN_NAME = "g\\xff\\xb9\\xd8.txt"
# Python under a UTF-8 locale such as en_US.UTF-8 or zh_CN.UTF-8 writes standard output strictly
# (a machine without that locale falls back to C.UTF-8, which hides the problem): said outright.
STRICT = {"LANG": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for value in values for text in strings(value)]


@pytest.fixture
def odd_name(tmp_path: Path) -> Path:
    path = tmp_path / ODD_NAME
    shutil.copy(seed_path(SEED), path)
    return path


def test_every_command_shows_a_name_that_is_not_utf8(odd_name: Path, tmp_path: Path) -> None:
    prior = tmp_path / "prior.txt"
    shutil.copy(seed_path("yanxi-2024"), prior)
    for argv in (["outline", str(odd_name)], ["check", str(odd_name)],
                 ["compare", str(prior), str(odd_name)]):
        done = run(argv, env=STRICT)
        assert done.returncode == 0, (argv, done.stderr)
        assert SHOWN_NAME in done.stdout and "Traceback" not in done.stderr, argv
    for argv in (["outline", "--json", str(odd_name)], ["check", "--json", str(odd_name)],
                 ["check", "--json", str(tmp_path)], ["compare", "--json", str(prior),
                                                     str(odd_name)]):
        done = run(argv, env=STRICT)
        assert done.returncode == 0, (argv, done.stderr)
        assert any(SHOWN_NAME in text for text in strings(json.loads(done.stdout))), argv
    empty = tmp_path / os.fsdecode(b"\xce\xde.txt")
    empty.write_bytes(b"")
    done = run(["outline", str(empty)], env=STRICT)
    assert done.returncode == 2 and "\\xce\\xde.txt" in done.stderr and "为空" in done.stderr


def test_a_review_of_a_report_whose_name_is_not_utf8_saves_and_exports(
        odd_name: Path, tmp_path: Path) -> None:
    session = Session.open(str(odd_name), reviewer="测试员")
    sentence = session.doc.sentences()[5]
    session.annotate(sentence.start, sentence.end, tag="数据存疑", severity="minor", note="名字")
    assert session.save() is None and session.save_error is None
    review = Path(default_review_path(str(odd_name)))
    assert review.exists()  # under the report's own, real name
    import tomllib

    stored = tomllib.loads(review.read_text(encoding="utf-8"))
    assert stored["report"]["path"] == SHOWN_NAME
    again = Session.open(str(odd_name), reviewer="测试员")
    assert [a.note for a in again.annotations] == ["名字"] and not again.problems
    for fmt in ("md", "csv", "json"):
        out = tmp_path / f"out.{fmt}"
        done = run(["export", str(review), "--format", fmt, "-o", str(out)], env=STRICT)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        text = out.read_text(encoding="utf-8-sig")
        assert "名字" in text
        if fmt == "md":
            assert SHOWN_NAME in text
        elif fmt == "json":
            assert json.loads(text)["report"]["path"] == SHOWN_NAME
    done = run(["export", str(review)], env=STRICT)
    assert done.returncode == 0 and SHOWN_NAME in done.stdout
    assert "report" not in done.stderr.lower()  # found the report: no "report missing"


@pilot_test
async def test_the_app_lists_opens_and_saves_a_report_whose_name_is_not_utf8(
        odd_name: Path) -> None:
    from test_app import type_note

    from reviewer.tui.screens.main import MainScreen

    folder = odd_name.parent
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      folder=str(folder), paths=_reports_in(str(folder)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert SHOWN_NAME in app.export_screenshot()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("J", "a")
        await type_note(pilot, "存盘")
        await pilot.press("enter")
        assert screen.save_now()
        assert screen.session.save_error is None
    review = ReviewStore(default_review_path(str(odd_name))).load()
    assert [a.note for a in review.annotations] == ["存盘"]


# --- TOML nested too deeply -------------------------------------------------------------------

DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def test_a_deeply_nested_review_is_refused_clearly_and_left_alone(tmp_path: Path) -> None:
    from reviewer.review import ReviewError

    review = tmp_path / "review.toml"
    review.write_text("schema = 1\n" + DEEP, encoding="utf-8")
    before = review.read_bytes()
    with pytest.raises(ReviewError, match="nested too deeply"):
        ReviewStore(review).load()
    done = run(["export", str(review)])
    assert done.returncode == 2 and "nested too deeply" in done.stderr
    assert "Traceback" not in done.stderr
    session = Session.open(seed_path(SEED), review_path=str(review), reviewer="测试员")
    sentence = session.doc.sentences()[2]
    session.annotate(sentence.start, sentence.end, tag="亮点", severity="minor", note="旁存")
    assert any("nested too deeply" in p for p in session.problems)
    assert session.save()  # saved beside it, and says so
    assert review.read_bytes() == before


def test_deeply_nested_settings_and_themes_are_reported_and_left_alone(tmp_path: Path) -> None:
    from reviewer.tui.config import load_config, remember
    from reviewer.tui.themes import load_themes

    config = tmp_path / "config.toml"
    config.write_text(DEEP, encoding="utf-8")
    loaded, problems = load_config(config)
    assert loaded.reviewer is None and any("nested too deeply" in p for p in problems)
    assert "nested too deeply" in (remember(config, reviewer="张三") or "")
    assert config.read_text(encoding="utf-8") == DEEP
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "deep.toml").write_text('name = "deep"\nprimary = "#000000"\n' + DEEP,
                                      encoding="utf-8")
    found, problems = load_themes([bundled_themes_dir(), themes])
    assert "deep" not in [theme.name for theme in found] and found
    assert any("deep.toml" in p and "nested too deeply" in p for p in problems)


def test_a_config_or_theme_that_is_a_fifo_does_not_block(tmp_path: Path) -> None:
    from reviewer.tui.config import load_config
    from reviewer.tui.themes import load_themes

    config = tmp_path / "config.toml"
    os.mkfifo(config)
    _, problems = unblocked(config, lambda: load_config(config))
    assert any("FIFO" in p for p in problems)
    themes = tmp_path / "themes"
    themes.mkdir()
    os.mkfifo(themes / "pipe.toml")
    _, problems = unblocked(themes / "pipe.toml", lambda: load_themes([themes]))
    assert any("FIFO" in p for p in problems)


# --- internal errors, leftovers, bad names --------------------------------------------------------

def _boom(*args, **kwargs):
    raise ZeroDivisionError("a bug in a rule")


def _log(tmp_path: Path) -> Path:
    return tmp_path / "xdg-state" / "reviewer" / "errors.log"  # conftest's state home


def test_a_bug_in_a_command_exits_3_with_one_line_and_the_traceback_in_the_log(
        tmp_path: Path, capsys, monkeypatch) -> None:
    from reviewer.cli import main

    monkeypatch.setattr("reviewer.commands.check.run_flags", _boom)
    assert main(["check", seed_path(SEED)]) == 3  # not 1, as when flags are found
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ZeroDivisionError" in err and str(_log(tmp_path)) in err
    log = _log(tmp_path).read_text(encoding="utf-8")
    assert "Traceback" in log and "a bug in a rule" in log and "_boom" in log
    monkeypatch.setattr("reviewer.commands.outline.render", _boom)
    assert main(["outline", seed_path(SEED)]) == 3
    assert capsys.readouterr().err.count("\n") == 1


def test_a_bug_on_one_report_of_a_folder_still_checks_the_others(tmp_path: Path, capsys,
                                                                 monkeypatch) -> None:
    from reviewer.cli import main
    from reviewer.flags import run_flags

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("guanba-2025", "baogou-2025", "yanxi-2024"):
        shutil.copy(seed_path(name), folder / f"{name}.txt")

    def flags(doc, *args, **kwargs):
        if "baogou" in doc.path:
            raise KeyError("a bug on one report")
        return run_flags(doc, *args, **kwargs)

    monkeypatch.setattr("reviewer.commands.check.run_flags", flags)
    assert main(["check", "--json", "--jobs", "2", str(folder)]) == 3
    reports = {Path(r["path"]).stem: r for r in json.loads(capsys.readouterr().out)["reports"]}
    assert "KeyError" in reports["baogou-2025"]["error"]
    assert reports["guanba-2025"]["flags"] and reports["yanxi-2024"]["flags"]
    assert "a bug on one report" in _log(tmp_path).read_text(encoding="utf-8")


@pilot_test
async def test_a_bug_in_the_app_saves_first_and_exits_3(tmp_path: Path, monkeypatch) -> None:
    from test_app import make_app, started, type_note

    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600)
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    monkeypatch.setattr("reviewer.tui.screens.main.MainScreen.action_next_theme", _boom)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            await pilot.press("J", "a")
            await type_note(pilot, "崩溃之前")
            await pilot.press("enter")
            await pilot.press("f4")
            await pilot.pause()
    assert app.return_code == 3
    assert app.crash is not None and app.crash[1] == str(_log(tmp_path))
    assert [a.note for a in ReviewStore(review).load().annotations] == ["崩溃之前"]


def test_the_command_line_of_a_crashed_app_says_one_line_and_exits_3(
        tmp_path: Path, capsys, monkeypatch) -> None:
    from textual.app import App

    from reviewer.cli import main

    monkeypatch.setattr(ReviewerApp, "run", lambda self: App.run(self, headless=True))
    monkeypatch.setattr("reviewer.tui.screens.main.MainScreen._after_first_frame", _boom)
    assert main([seed_path(SEED), "--review", str(tmp_path / "r.toml"), "--reviewer", "甲"]) == 3
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err and "Traceback" not in err
    assert "Traceback" in _log(tmp_path).read_text(encoding="utf-8")


KILLED_SAVE = """
import os, sys, time
from reviewer.review import store
store.os.replace = lambda *a: time.sleep(600)  # killed before the new file is moved in place
print("saving", flush=True)
store.write_atomic(sys.argv[1], b"x" * 200000, backup=True)
"""


def test_temporary_files_of_killed_saves_are_removed_at_the_next_start(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(seed_path(SEED), report)
    session = Session.open(str(report), reviewer="测试员")
    sentence = session.doc.sentences()[4]
    session.annotate(sentence.start, sentence.end, tag="亮点", severity="minor", note="保留")
    assert session.save() is None
    review = default_review_path(str(report))
    for _ in range(5):
        child = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, review],
                                 stdout=subprocess.PIPE)
        assert child.stdout.readline() == b"saving\n"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
                p.name.endswith(".tmp") and f".{child.pid}-" in p.name for p in tmp_path.iterdir()):
            time.sleep(0.02)
        child.kill()
        child.wait()
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert len(left) >= 5  # fresh files, which the stale rule alone kept
    reopened = Session.open(str(report), reviewer="测试员")
    assert [a.note for a in reopened.annotations] == ["保留"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("name", ["", "   ", os.fsdecode(b"\xd5\xc5\xc8\xfd"), "\x1b[2J张三",
                                  "张\n三"])
def test_an_invalid_reviewer_name_is_refused_and_nothing_is_written(tmp_path: Path,
                                                                    name: str) -> None:
    home = tmp_path / "config-home"
    done = run([seed_path(SEED), "--reviewer", name], env={"XDG_CONFIG_HOME": str(home)},
               timeout=20)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("reviewer: ")
    assert not home.exists() or not list(home.rglob("*.*"))


# --- exports that never destroy, and review files that are links -----------------------------

@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path]:
    """A report and its saved review with one note."""
    report = tmp_path / "report.txt"
    shutil.copy(seed_path(SEED), report)
    session = Session.open(str(report), reviewer="测试员")
    sentence = session.doc.sentences()[6]
    session.annotate(sentence.start, sentence.end, tag="数据存疑", severity="minor", note="导出")
    assert session.save() is None
    return report, Path(default_review_path(str(report)))


def _export(capsys, review: Path, *extra: str) -> tuple[int, str]:
    from reviewer.cli import main

    code = main(["export", str(review), *extra])
    return code, capsys.readouterr().err


def test_export_refuses_to_write_over_the_review_or_the_report(reviewed, tmp_path, capsys):
    report, review = reviewed
    before = {p: p.read_bytes() for p in (report, review)}
    link = tmp_path / "link.md"
    link.symlink_to(review)
    hard = tmp_path / "hard.md"
    os.link(report, hard)
    for target in (review, report, link, hard):
        code, err = _export(capsys, review, "-o", str(target), "--force")
        assert code == 2 and str(target) in err, target
    assert {p: p.read_bytes() for p in (report, review)} == before
    assert link.is_symlink()


def test_export_refuses_special_files(reviewed, tmp_path, capsys):
    _, review = reviewed
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    code, err = _export(capsys, review, "-o", str(fifo), "--force")
    assert code == 2 and "FIFO" in err and fifo.is_fifo()
    if os.path.exists("/dev/null"):
        device = tmp_path / "null.md"
        device.symlink_to("/dev/null")
        code, err = _export(capsys, review, "-o", str(device), "--force")
        assert code == 2 and "device" in err
        assert device.is_symlink() and Path("/dev/null").is_char_device()


def test_export_writes_through_a_link_to_its_target(reviewed, tmp_path, capsys):
    _, review = reviewed
    elsewhere = tmp_path / "records"
    elsewhere.mkdir()
    target = elsewhere / "record.md"
    target.write_text("old record\n", encoding="utf-8")
    link = tmp_path / "record.md"
    link.symlink_to(target)
    code, _ = _export(capsys, review, "-o", str(link), "--force")
    assert code == 0
    assert link.is_symlink() and "导出" in target.read_text(encoding="utf-8")
    assert not [p for p in (*elsewhere.iterdir(), *tmp_path.iterdir()) if p.name.startswith(".")]


def test_export_asks_before_replacing_a_file(reviewed, tmp_path, capsys, monkeypatch):
    import io

    _, review = reviewed
    out = tmp_path / "record.md"
    out.write_text("keep me\n", encoding="utf-8")
    code, err = _export(capsys, review, "-o", str(out))  # no terminal to ask: refused
    assert code == 2 and "--force" in err and out.read_text(encoding="utf-8") == "keep me\n"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, err = _export(capsys, review, "-o", str(out))
    assert code == 2 and str(out) in err and out.read_text(encoding="utf-8") == "keep me\n"
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    code, _ = _export(capsys, review, "-o", str(out))
    assert code == 0 and "导出" in out.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out.write_text("again\n", encoding="utf-8")
    code, _ = _export(capsys, review, "-o", str(out), "--force")
    assert code == 0 and "导出" in out.read_text(encoding="utf-8")


def test_a_review_file_that_is_a_link_is_saved_through_it(tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    real = shelf / "review.toml"
    link = tmp_path / "review.toml"
    link.symlink_to(real)
    session = Session.open(seed_path(SEED), review_path=str(link), reviewer="测试员")
    sentences = session.doc.sentences()
    for n, note in enumerate(("一", "二")):
        session.annotate(sentences[3 + n].start, sentences[3 + n].end, tag="亮点",
                         severity="minor", note=note)
        assert session.save() is None and session.save_error is None
        assert link.is_symlink() and os.readlink(link) == str(real)
        assert [a.note for a in ReviewStore(real).load().annotations][-1] == note
    assert (shelf / "review.toml.bak").exists()
    assert not [p for p in (*shelf.iterdir(), *tmp_path.iterdir())
                if p.name.startswith(".") or ".conflict-" in p.name]
    other = Session.open(seed_path(SEED), review_path=str(real), reviewer="乙")
    assert sorted(a.note for a in other.annotations) == ["一", "二"]


# --- signals ----------------------------------------------------------------------------------

@pilot_test
async def test_sigterm_saves_the_last_change_then_exits(tmp_path: Path, monkeypatch) -> None:
    import asyncio
    import signal

    from test_app import make_app, started, type_note

    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600)  # only the signal
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "终止之前")
        await pilot.press("enter")
        assert screen.session.dirty
        # only with the app's handler in place: the default would end pytest
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(40):
            if not app.is_running:
                break
            await asyncio.sleep(0.05)
        assert not app.is_running and not screen.session.dirty
    assert app.return_code == 128 + signal.SIGTERM
    assert [a.note for a in ReviewStore(review).load().annotations] == ["终止之前"]


# --- fast keys ----------------------------------------------------------------------------------

def burst(app, keys: list[str]) -> None:
    """Keys as a terminal delivers what came in one read (a paste, or keys pressed faster than
    the app draws): all sent at once, a microsecond apart."""
    from textual import events

    for key in keys:
        if key == "enter":
            event = events.Key("enter", "\r")
        else:
            event = events.Key(key, key)
        event.set_sender(app)
        app._driver.send_message(event)


@pilot_test
async def test_enter_three_times_quickly_in_the_note_dialog_saves_one_note(tmp_path) -> None:
    from test_app import make_app, started, type_note

    from reviewer.tui.dialogs import AnnotationDialog

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "快按")
        await pilot.pause(0.1)
        assert isinstance(app.screen, AnnotationDialog)
        burst(app, ["enter", "enter", "enter"])
        await pilot.pause(0.2)
        assert app.is_running and app.screen is screen
        assert [a.note for a in screen.session.annotations] == ["快按"]


@pilot_test
async def test_enter_three_times_quickly_in_the_decision_dialog_decides_once(tmp_path) -> None:
    from test_app import make_app, started, type_note

    from reviewer.tui.dialogs import PromptDialog

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("n")
        flag = screen._flag_here()
        await pilot.press("c")
        await type_note(pilot, "属实")
        await pilot.pause(0.1)
        assert isinstance(app.screen, PromptDialog)
        burst(app, ["enter", "enter", "enter"])
        await pilot.pause(0.2)
        assert app.is_running and app.screen is screen
        assert screen.session.decision(flag) == "confirmed"
        assert [d.note for d in screen.session.review.flags] == ["属实"]


@pilot_test
async def test_a_multi_line_paste_without_bracketed_paste_stays_in_the_note(tmp_path) -> None:
    from test_app import make_app, started

    from reviewer.tui.dialogs import AnnotationDialog, PromptDialog

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await pilot.pause(0.1)
        burst(app, [*"第一行", "enter", *"第二行", "enter", *"第三行"])
        await pilot.pause(0.2)
        assert isinstance(app.screen, AnnotationDialog)  # still open, nothing saved yet
        await pilot.press("enter")  # typed: saves
        await pilot.pause()
        assert app.screen is screen
        assert [a.note for a in screen.session.annotations] == ["第一行\n第二行\n第三行"]
        await pilot.press("n", "x")
        await pilot.pause(0.1)
        burst(app, [*"一", "enter", *"二"])
        await pilot.pause(0.2)
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [d.note for d in screen.session.review.flags] == ["一 二"]


# --- loose review files ---------------------------------------------------------------------------

def _loosened(tmp_path: Path) -> tuple[Path, Path, dict]:
    """A saved review of three notes, then edited by hand: one note's offsets beyond the text,
    one whose quote is not what its offsets hold (it is elsewhere), one whose quote is nowhere;
    a score off the scale and one for a criterion the rubric lacks."""
    import tomllib

    import tomli_w

    report = tmp_path / "report.txt"
    shutil.copy(seed_path(SEED), report)
    session = Session.open(str(report), reviewer="测试员")
    text = session.doc.text
    sentences = session.doc.sentences()
    for n, note in enumerate(("越界", "错位", "无踪")):
        s = sentences[10 + 5 * n]
        session.annotate(s.start, s.end, tag="数据存疑", severity="minor", note=note)
    assert session.save() is None
    review = Path(default_review_path(str(report)))
    data = tomllib.loads(review.read_text(encoding="utf-8"))
    truth = {a["note"]: (a["anchor"]["start"], a["anchor"]["end"]) for a in data["annotation"]}
    by_note = {a["note"]: a["anchor"] for a in data["annotation"]}
    by_note["越界"]["start"], by_note["越界"]["end"] = len(text) + 500, len(text) + 520
    by_note["错位"]["start"] -= 40  # the quote kept, the offsets moved by hand
    by_note["错位"]["end"] -= 40
    by_note["无踪"]["quote"] = "这段文字在报告里从来没有出现过"
    data["scores"] = {"结构完整": 9, "外观": 3, "数据翔实": 4}
    review.write_text(tomli_w.dumps(data), encoding="utf-8")
    return report, review, truth


def test_a_loose_review_is_loaded_with_a_warning_and_placed_again(tmp_path: Path) -> None:
    report, review, truth = _loosened(tmp_path)
    session = Session.open(str(report), reviewer="测试员")
    notes = {a.note: a.anchor for a in session.annotations}
    text = session.doc.text
    for note in ("越界", "错位"):  # placed where their quotes are
        assert (notes[note].start, notes[note].end) == truth[note]
        assert text[notes[note].start:notes[note].end] == notes[note].quote
    assert notes["无踪"].orphan  # never shown at a wrong place
    problems = " ".join(session.problems)
    assert "3" in problems and "结构完整 = 9" in problems and "外观 = 3" in problems
    assert "数据翔实 = 4" not in problems
    assert session.review.scores == {"结构完整": 9, "外观": 3, "数据翔实": 4}  # kept


def test_the_export_of_a_loose_review_shows_the_passages_where_they_are(
        tmp_path: Path, capsys) -> None:
    import csv

    from reviewer.cli import main

    _, review, truth = _loosened(tmp_path)
    out = tmp_path / "review.csv"
    assert main(["--lang", "en", "export", str(review), "--format", "csv", "-o", str(out)]) == 0
    rows = {r["Note"]: r for r in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())}
    for note in ("越界", "错位"):
        assert (int(rows[note]["Start"]), int(rows[note]["End"])) == truth[note]


@pilot_test
async def test_the_app_shows_a_loose_review_without_stopping(tmp_path: Path) -> None:
    from test_app import started
    from textual.widgets import Select, TabbedContent

    report, review, _ = _loosened(tmp_path)
    session = Session.open(str(report), reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        screen.query_one(TabbedContent).active = "review"
        await pilot.pause()
        await pilot.pause()
        scores = {s.name: s.value for s in screen.query(Select) if s.id.startswith("score-")}
        assert scores["结构完整"] is Select.NULL and scores["数据翔实"] == 4
        assert any("结构完整 = 9" in n.message for n in app._notifications)
        assert screen.session.save() is None
    assert ReviewStore(review).load().scores["结构完整"] == 9  # kept until scored anew


# --- a corrected report with lines added at the top ------------------------------------------------

WORK_REPORT = """政府工作报告
——2025年1月15日在某市第十届人民代表大会第四次会议上
市长　张某
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
一、2024年工作回顾
过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长3.1%，城镇新增就业3.2万人。
我们坚持稳中求进工作总基调，扎实推进高质量发展，新建改建农村公路120公里，改造老旧小区45个。
二、2025年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。
重点抓好以下工作：一是扩大有效投资，二是提升城市品质，三是保障改善民生。
"""


def _added_lines(title: str) -> list[str]:
    """What a corrected version puts above a report: notes of the correction, in several forms."""
    return ["（2026年3月修订）\n", "本文已于2026年3月5日更新\n\n",
            "更正说明：2026年3月5日对本报告第三部分数据进行了更正。\n",
            f"关于《{title}》的更正\n", "来源：政府办公室\n发布时间：2026-03-05\n\n"]


def _reports() -> list:
    out = [pytest.param(Path(seed_path(name)).read_text(encoding="utf-8"), id=name)
           for name in ("guanba-2025", "yanxi-2024", "baixiang-2024")]
    out.append(pytest.param(WORK_REPORT, id="work-report"))
    return out


@pytest.mark.parametrize("original", _reports())
def test_a_corrected_report_with_lines_added_at_the_top_keeps_its_review(
        tmp_path: Path, original: str) -> None:
    report = tmp_path / "report.txt"
    report.write_text(original, encoding="utf-8")
    session = Session.open(str(report), reviewer="测试员")
    doc = session.doc
    assert doc.title and doc.year
    sentences = doc.sentences()
    picked = [sentences[len(sentences) * k // 4] for k in (1, 2, 3)]
    for n, s in enumerate(picked):
        session.annotate(s.start, s.end, tag="数据存疑", severity="minor", note=f"第{n}条")
    assert session.save() is None
    quotes = {a.note: a.anchor.quote for a in session.annotations}
    review = Path(default_review_path(str(report)))
    first = review.read_bytes()
    for added in _added_lines(doc.title):
        review.write_bytes(first)
        report.write_text(added + original, encoding="utf-8")
        again = Session.open(str(report), reviewer="测试员")
        notes = {a.note: a.anchor for a in again.annotations}  # reads the review
        if again.doc.text != doc.text:  # page metadata alone is taken out: the same text
            assert any("另一个版本" in p for p in again.problems), (added, again.problems)
        for note, quote in quotes.items():
            anchor = notes[note]
            assert not anchor.orphan and anchor.quote == quote
            assert again.doc.text[anchor.start:anchor.end] == quote
        assert again.save() is None  # nothing to save: in place, not beside
        again.set_summary(f"更正版：{added.strip()}")
        assert again.save() is None
        assert not [p for p in tmp_path.iterdir() if ".conflict-" in p.name], added
        report.write_text(original, encoding="utf-8")  # and back: the review follows again
        back = Session.open(str(report), reviewer="测试员")
        assert sorted(a.note for a in back.annotations) == sorted(quotes)
        assert back.save() is None and back.review.report.title == doc.title
        assert not [p for p in tmp_path.iterdir() if ".conflict-" in p.name], added


@pytest.mark.parametrize("name", ["national-2024", "beijing-2025", "qinghai-2026"])
def test_a_corrected_work_report_of_the_corpus_is_the_same_report(name: str) -> None:
    from conftest import corpus_path
    from reviewer.document import load_document, parse_text
    from reviewer.review import ReportIdentity
    from reviewer.review.store import same_report

    path = corpus_path(name)
    doc = load_document(path)
    original = Path(path).read_text(encoding="utf-8")
    identity = ReportIdentity.of(doc)
    for added in _added_lines(doc.title):
        assert same_report(identity, parse_text(added + original, "corrected")), added


def test_another_governments_report_of_the_same_title_is_not_the_same_report() -> None:
    from reviewer.document import parse_text
    from reviewer.review import ReportIdentity
    from reviewer.review.store import same_report

    ours = ReportIdentity.of(parse_text(WORK_REPORT))
    assert ours.title == "政府工作报告" and ours.year == 2025
    for other in (WORK_REPORT.replace("某市", "另一市"), WORK_REPORT.replace("2025年", "2026年")
                  .replace("2024年", "2025年"),
                  "（2026年3月修订）\n" + WORK_REPORT.replace("某市", "另一市")):
        assert not same_report(ours, parse_text(other)), other[:40]
