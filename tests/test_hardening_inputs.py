"""Bad and odd report files in every command and in the app.

A file that cannot be a report is refused with its name and a reason, exit code 2 and no
traceback, wherever it is given: ``outline``, ``check``, ``compare`` (as either report), the report
of a review being exported, ``reviewer FILE`` before the terminal is taken over, and a file chosen
in the picker (a notification; the app keeps running). A file that is only unusual (another
encoding, odd newlines, very large, one huge line, control characters, markup) is read, not
refused.
"""

from __future__ import annotations

import builtins
import codecs
import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_app import pilot_test, started
from textual.widgets import DataTable

from conftest import seed_path
from reviewer.cli import main
from reviewer.document import files as files_module
from reviewer.document import load_document
from reviewer.document.files import iter_report_files
from reviewer.review import default_review_path
from reviewer.review import store as store_module
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir

SEED = "yanxi-2024"  # has a plan part, so it serves as the prior report of a comparison
TEXT = Path(seed_path(SEED)).read_text(encoding="utf-8")
RAW = TEXT.encode("utf-8")
LARGE_SEED = Path(seed_path("baogou-2025")).read_text(encoding="utf-8")


MIDDLE = RAW.index(b"\n", len(RAW) // 2) + 1  # the start of a line near the middle
MIDDLE_LINE = RAW.count(b"\n", 0, MIDDLE) + 1


def _invalid_utf8_in_the_middle() -> bytes:
    return RAW[:MIDDLE] + b"\xff\xfe" + RAW[MIDDLE:]


def _five_megabytes() -> bytes:
    """A long report: the seed's body repeated past 5 MB, as a compilation of reports reads."""
    data = (LARGE_SEED + "\n").encode("utf-8")
    return data * (5 * 1024 * 1024 // len(data) + 1)


def _one_line_of_a_megabyte() -> bytes:
    line = TEXT.replace("\n", "")
    return (line * (1024 * 1024 // len(line.encode("utf-8")) + 1)).encode("utf-8")


def _mixed_newlines() -> bytes:
    lines = TEXT.split("\n")
    return "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines)).encode()


def _escapes_and_markup() -> bytes:
    cut = TEXT.index("\n", 200)
    odd = "\x1b[31m红色\x1b[0m[bold red]粗体[/]\x1b]0;标题\x07[link=http://x]链接[/link]"
    return (TEXT[:cut] + odd + TEXT[cut:]).encode("utf-8")


# name → (file contents, or None for a folder/missing/denied path; words its reason must give)
BAD: dict[str, tuple[bytes | None, tuple[str, ...]]] = {
    "binary": (bytes(range(256)) * 40, ("二进制",)),
    "empty": (b"", ("为空",)),
    "whitespace": ("  \n\n\t\u3000\r\n \n".encode("utf-8"), ("没有任何文字",)),
    "debris": ("您当前的位置:首页>政府信息公开\n语音播报\n打印\n返回顶部\n主办:某某市人民政府\n"
               .encode(), ("残留",)),
    # the reason names the line of the damage
    "invalid-utf8": (_invalid_utf8_in_the_middle(), ("UTF-8", f"第 {MIDDLE_LINE} 行")),
    "folder": (None, ("文件夹",)),
    "missing": (None, ("不存在",)),
    "denied": (None, ("权限",)),
}

# name → file contents; each must read as a report
ODD: dict[str, Callable[[], bytes]] = {
    "gb18030": lambda: TEXT.encode("gb18030"),
    "utf16-le-no-bom": lambda: TEXT.encode("utf-16-le"),
    "utf16-be-no-bom": lambda: TEXT.encode("utf-16-be"),
    "mixed-newlines": _mixed_newlines,
    "nul-bytes": lambda: RAW.replace("。".encode(), "。\x00".encode(), 3),
    "escapes-and-markup": _escapes_and_markup,
    "five-megabytes": _five_megabytes,
    "one-megabyte-line": _one_line_of_a_megabyte,
}



def deny_reading(monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    """Refuse to open ``path`` where reports and reviews are opened (root reads any file whatever
    its mode, so the refusal is simulated)."""
    def guarded(file, *args, **kwargs):
        if str(file) == path:
            raise PermissionError(13, "Permission denied", path)
        return builtins.open(file, *args, **kwargs)

    for module in (files_module, store_module):
        monkeypatch.setattr(module, "open", guarded, raising=False)


@pytest.fixture
def bad(request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, tuple[str, ...]]:
    """A bad report path (by the test's parameter) and the words its refusal must contain."""
    name = request.param
    data, words = BAD[name]
    path = tmp_path / f"{name}.txt"
    if name == "folder":
        path.mkdir()
    elif name == "denied":
        path.write_bytes(RAW)
        deny_reading(monkeypatch, str(path))
    elif data is not None:
        path.write_bytes(data)
    return str(path), words


@pytest.fixture
def odd(request, tmp_path: Path) -> str:
    path = tmp_path / f"{request.param}.txt"
    path.write_bytes(ODD[request.param]())
    return str(path)


def refused(capsys, argv: list[str], path: str, words: tuple[str, ...]) -> str:
    """Run the command line; it must answer exit code 2 with the file and the reason."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: ") and "Traceback" not in err
    assert path in err
    for word in words:
        assert word in err
    return err


bad_files = pytest.mark.parametrize("bad", sorted(BAD), indirect=True)
odd_files = pytest.mark.parametrize("odd", sorted(ODD), indirect=True)


# --- bad files: refused everywhere with the file and the reason ------------------------------

@bad_files
def test_outline_refuses_a_bad_file(bad, capsys) -> None:
    path, words = bad
    refused(capsys, ["outline", path], path, words)


# ``check`` and the app take folders of reports: an empty one is what they refuse
NO_REPORTS = ("没有报告文件",)


@pytest.mark.parametrize("bad", sorted(set(BAD) - {"folder"}), indirect=True)
def test_check_refuses_a_bad_file_and_still_checks_the_others(bad, capsys) -> None:
    path, words = bad
    refused(capsys, ["check", path], path, words)
    assert main(["check", "--json", "--jobs", "1", path, seed_path(SEED)]) == 2
    reports = json.loads(capsys.readouterr().out)["reports"]
    assert all(w in reports[0]["error"] for w in words)
    assert reports[1]["path"] == seed_path(SEED) and reports[1]["flags"]


@bad_files
@pytest.mark.parametrize("side", ["prior", "current"])
def test_compare_refuses_a_bad_file_on_either_side(bad, capsys, side) -> None:
    path, words = bad
    argv = [path, seed_path(SEED)] if side == "prior" else [seed_path(SEED), path]
    refused(capsys, ["compare", *argv], path, words)


@bad_files
def test_export_refuses_a_bad_review_path(bad, capsys) -> None:
    """Given as the review to export, each bad file is refused (a report's bytes are no review
    either); a folder is searched for reviews, and one without any says so."""
    path, words = bad
    err = refused(capsys, ["export", path], path, ())
    if words[0] == "文件夹":
        assert "没有审阅文件" in err
    elif words[0] in ("不存在", "权限"):
        assert any(w in err for w in ("No such file", "Permission denied"))


@bad_files
def test_export_works_from_the_quotes_when_the_report_went_bad(bad, capsys, tmp_path,
                                                               monkeypatch) -> None:
    """The review outlives its report: the report turned into a bad file, the export still
    gives every note, and says the report could not be read."""
    path, _ = bad
    report = tmp_path / "report.txt"
    report.write_bytes(RAW)
    session = Session.open(str(report), reviewer="测试员")
    sentence = session.doc.sentences()[5]
    session.annotate(sentence.start, sentence.end, tag="问题", severity="major", note="留住")
    assert session.save() is None
    report.unlink()
    if Path(path).is_dir():
        report.mkdir()
    elif Path(path).exists():
        shutil.copyfile(path, report)
    if path.endswith("denied.txt"):
        report.write_bytes(RAW)
        deny_reading(monkeypatch, str(report))
    assert main(["export", default_review_path(str(report)), "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert "留住" in out and session.doc.text[sentence.start:sentence.end].strip()[:10] in out
    assert str(report) in err and "Traceback" not in err


@bad_files
def test_the_app_refuses_a_bad_file_before_taking_the_terminal(bad, capsys, monkeypatch) -> None:
    path, words = bad
    started_apps: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: started_apps.append(self))
    if words == ("文件夹",):
        refused(capsys, [path], path, NO_REPORTS)
        words = ("文件夹",)  # as the prior report, a folder is no report
    else:
        refused(capsys, [path], path, () if words == ("不存在",) else words)
    refused(capsys, [seed_path(SEED), "--prior", path], path, () if words == ("不存在",) else words)
    assert not started_apps


@pytest.mark.parametrize("bad", sorted(set(BAD) - {"folder"}), indirect=True)  # files only
@pilot_test
async def test_a_bad_file_chosen_in_the_picker_is_a_notification(bad, tmp_path: Path) -> None:
    path, words = bad
    shutil.copy(seed_path(SEED), tmp_path / "good.txt")
    paths = [path, str(tmp_path / "good.txt")]
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      folder=str(tmp_path), paths=paths)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        table = picker.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(path))
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is picker
        told = [n.message for n in app._notifications if n.severity == "error"]
        assert any(path in m and all(w in m for w in words) for m in told), told
        # the other report still opens
        table.move_cursor(row=table.get_row_index(str(tmp_path / "good.txt")))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("bad", ["denied", "binary"], indirect=True)
@pilot_test
async def test_a_report_gone_bad_after_the_scan_is_a_notification(bad, tmp_path: Path,
                                                                  monkeypatch) -> None:
    """The picker read the report fine; by the time it is chosen it is no longer readable."""
    path, words = bad
    good = tmp_path / "good.txt"
    shutil.copy(seed_path(SEED), good)
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      folder=str(tmp_path), paths=[str(good)])
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        if "权限" in words:
            deny_reading(monkeypatch, str(good))
        else:
            shutil.copyfile(path, good)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is picker
        assert any(str(good) in n.message for n in app._notifications)


# --- odd files: read, not refused -----------------------------------------------------------

@odd_files
def test_odd_files_are_read_by_every_command(odd, capsys) -> None:
    reference = load_document(seed_path(SEED))
    assert main(["outline", "--json", odd]) == 0
    outline = json.loads(capsys.readouterr().out)
    # a report run onto one line has no headings left to find: its text is all there is
    assert outline["sections"] or len(outline["text"]) > 300_000
    assert main(["check", "--json", odd]) == 0
    assert json.loads(capsys.readouterr().out)["reports"][0]["flags"]
    assert main(["compare", "--json", seed_path(SEED), odd]) == 0
    assert json.loads(capsys.readouterr().out)["items"]
    if "megabyte-line" not in odd:  # one line has no headings, hence no plan to compare
        assert main(["compare", "--json", odd, seed_path("baogou-2025")]) == 0
        assert json.loads(capsys.readouterr().out)["items"]
    if "megabyte" not in odd:
        # only the encoding, newlines or a few characters differ: the same outline
        assert [s["heading"] for s in outline["sections"]] == \
            [s.heading.title for s in reference.sections]


@odd_files
def test_odd_files_open_in_the_app(odd, capsys, monkeypatch) -> None:
    started_apps: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: started_apps.append(self))
    assert main([odd]) == 0
    assert "Traceback" not in capsys.readouterr().err
    (app,) = started_apps
    assert app.session.doc.path == odd
    assert app.session.doc.text_sha256 == load_document(odd).text_sha256


@pytest.mark.parametrize("odd", ["escapes-and-markup", "one-megabyte-line", "five-megabytes",
                                 "utf16-be-no-bom"], indirect=True)
@pilot_test
async def test_odd_files_show_in_the_reader(odd, tmp_path: Path) -> None:
    session = Session.open(odd, review_path=str(tmp_path / "r.toml"), reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        assert screen.reader.text == session.doc.text
        shown = app.export_screenshot()
        assert "\x1b" not in shown and "\x07" not in shown
        first = session.doc.text.strip().split("\n")[0][:6]
        assert first in shown.replace("&#160;", " ")
        await pilot.press("G")  # to the end and back: every line can be laid out
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert first in app.export_screenshot().replace("&#160;", " ")


def test_check_refuses_a_folder_without_reports(tmp_path: Path, capsys) -> None:
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    refused(capsys, ["check", str(tmp_path)], str(tmp_path), NO_REPORTS)


def test_check_on_a_folder_of_bad_and_odd_files_reports_each(tmp_path: Path, capsys) -> None:
    for name, (data, _) in BAD.items():
        if data is not None:
            (tmp_path / f"{name}.txt").write_bytes(data)
    for name in ("gb18030", "mixed-newlines", "escapes-and-markup"):
        (tmp_path / f"{name}.txt").write_bytes(ODD[name]())
    assert main(["check", "--json", "--jobs", "2", str(tmp_path)]) == 2
    reports = {Path(r["path"]).stem: r for r in json.loads(capsys.readouterr().out)["reports"]}
    assert len(reports) == len(iter_report_files([str(tmp_path)]))
    for name, (data, words) in BAD.items():
        if data is not None:
            assert all(w in reports[name]["error"] for w in words), reports[name]
    for name in ("gb18030", "mixed-newlines", "escapes-and-markup"):
        assert "error" not in reports[name] and reports[name]["flags"]


def test_a_bom_that_lies_is_refused_clearly(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lying-bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + RAW[:100] + b"\xff\xff" + RAW[100:])
    refused(capsys, ["outline", str(path)], str(path), ("utf-8",))


@pytest.mark.parametrize("odd", ["escapes-and-markup"], indirect=True)
def test_escape_sequences_in_a_report_never_reach_the_terminal(odd, capsys) -> None:
    """What the commands print for a person shows a report's control characters as glyphs,
    as the reader does: printed raw they would recolour, retitle or clear the terminal."""
    for argv in (["outline", odd], ["check", odd], ["compare", seed_path(SEED), odd],
                 ["compare", odd, seed_path("baogou-2025")]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, argv
    heading = Path(odd).with_name("heading.txt")
    heading.write_text(TEXT.replace("一、", "一、\x1b[2J", 1), encoding="utf-8")
    assert main(["outline", str(heading)]) == 0
    assert "一、␛[2J" in capsys.readouterr().out  # the heading, shown inert


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(tmp_path, capsys) -> None:
    path = tmp_path / "report\x1b]0;title\x07\x1b[2J.txt"
    path.write_bytes(b"")
    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "␛[2J" in err and "为空" in err


def test_an_export_shown_on_a_terminal_shows_escape_sequences_inert(tmp_path) -> None:
    """Notes and quotes may hold escape sequences: shown on a terminal they are glyphs; sent to
    a file or a pipe, the export is byte for byte the record."""
    report = tmp_path / "report.txt"
    report.write_bytes(_escapes_and_markup())
    session = Session.open(str(report), reviewer="测试员")
    start = session.doc.text.index("\x1b[31m")
    session.annotate(start, start + 12, tag="问题", severity="minor", note="注\x1b]0;改标题\x07")
    assert session.save() is None
    review = default_review_path(str(report))
    command = [sys.executable, "-m", "reviewer", "export", review]
    piped = subprocess.run(command, capture_output=True, timeout=60).stdout
    assert b"\x1b]0;" in piped  # the record keeps what the reviewer wrote
    main_end, child_end = pty.openpty()
    done = subprocess.run(command, stdout=child_end, stderr=subprocess.PIPE, timeout=60)
    os.close(child_end)
    shown = b""
    while True:
        try:
            chunk = os.read(main_end, 65536)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_end)
    assert done.returncode == 0
    text = shown.decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert "注␛]0;改标题␇" in text
