"""Word, PDF and web-page reports work wherever a .txt does: ``reviewer FILE``, the picker and
folder views, ``check``, ``compare`` (a .docx prior against a .pdf current), ``outline`` and
``export``; the review keeps the original file's SHA-256."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable

from conftest import pilot_test, seed_path
from report_files import make_docx, make_html, make_pdf
from reviewer.cli import main
from reviewer.document import load_document
from reviewer.document.files import iter_report_files
from reviewer.review import ReviewStore, default_review_path
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.screens.picker import PickerScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of reports as they arrive: a .docx, a .pdf, a saved page and a .txt, with
    Word's lock file and a spreadsheet beside them."""
    folder = tmp_path / "reports"
    folder.mkdir()
    make_docx(load_document(seed_path("guanba-2025")), folder / "guanba-2025.docx")
    make_pdf(load_document(seed_path("baogou-2025")), folder / "baogou-2025.pdf")
    make_html(load_document(seed_path("hutiaoxia-2025")), folder / "hutiaoxia-2025.html")
    shutil.copy(seed_path("yanxi-2024"), folder / "yanxi-2024.txt")
    (folder / "~$guanba-2025.docx").write_bytes(b"\x08lock")
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04")
    return folder


def _json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


# flags on what a file carried around the report (page debris, the page's publication date),
# which a .txt captured from a web page has and a Word file made from its text has not
AROUND = {"proofreading.debris", "timeliness.no_date", "timeliness.late_publication"}


def _flags(report: dict) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["quote"]) for f in report["flags"] if f["rule"] not in AROUND)


def test_folders_hold_every_kind_of_report(folder):
    names = [Path(p).name for p in iter_report_files([str(folder)])]
    assert names == ["baogou-2025.pdf", "guanba-2025.docx", "hutiaoxia-2025.html",
                     "yanxi-2024.txt"]


def test_check_flags_a_folder_of_mixed_files_as_their_texts(folder, capsys):
    code, data = _json(capsys, "check", "--json", "--jobs", "2", str(folder))
    assert code == 0
    by_name = {Path(r["path"]).stem: r for r in data["reports"]}
    assert sorted(by_name) == ["baogou-2025", "guanba-2025", "hutiaoxia-2025", "yanxi-2024"]
    for name in by_name:
        _, text = _json(capsys, "check", "--json", seed_path(name))
        assert _flags(by_name[name]) == _flags(text["reports"][0])
        assert by_name[name]["genre"] == text["reports"][0]["genre"]


def test_outline_of_a_word_file_is_the_outline_of_its_text(folder, capsys):
    _, word = _json(capsys, "outline", "--json", str(folder / "guanba-2025.docx"))
    _, text = _json(capsys, "outline", "--json", seed_path("guanba-2025"))
    assert word["sections"] == text["sections"] and word["text"] == text["text"]
    assert word["sha256"] == hashlib.sha256(
        (folder / "guanba-2025.docx").read_bytes()).hexdigest()
    assert {c["kind"] for c in word["changes"]} >= {"numbering"}
    assert main(["outline", str(folder / "baogou-2025.pdf")]) == 0
    out = capsys.readouterr().out
    assert "一、2025年度推进法治政府建设的主要举措和成效" in out


def test_compare_a_word_prior_with_a_pdf_current(folder, capsys):
    code, mixed = _json(capsys, "compare", "--json", str(folder / "guanba-2025.docx"),
                        str(folder / "baogou-2025.pdf"))
    assert code == 0
    _, text = _json(capsys, "compare", "--json", seed_path("guanba-2025"),
                    seed_path("baogou-2025"))
    for key in ("items", "targets"):
        assert mixed[key] == text[key]
    assert mixed["items"]


def test_a_review_of_a_word_file_keeps_its_hash_and_exports(folder, capsys):
    report = folder / "guanba-2025.docx"
    doc = Session.open(str(report), reviewer="张三").doc  # what `reviewer FILE.docx` opens
    store = ReviewStore(default_review_path(str(report)))
    review, _ = store.load_or_new(doc, "张三")
    start = doc.text.index("100%以上")
    review.add_annotation(doc, start, start + 6, tag="数据存疑", severity="major",
                          note="覆盖率超过100%？")
    assert store.save(review).ok
    saved = ReviewStore(default_review_path(str(report))).load()
    assert saved.report.sha256 == hashlib.sha256(report.read_bytes()).hexdigest()
    assert saved.report.path == "guanba-2025.docx"
    assert main(["export", default_review_path(str(report))]) == 0
    out = capsys.readouterr().out
    assert "> 100%以上" in out and saved.report.sha256 in out


def test_the_app_refuses_an_unreadable_pdf_before_taking_the_terminal(tmp_path, capsys):
    path = tmp_path / "scan.pdf"
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.rect(10, 10, 100, 100, fill=1)
    canvas.save()
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert "OCR it first" in err and "Traceback" not in err


@pilot_test
async def test_the_picker_lists_and_opens_word_pdf_and_web_pages(folder: Path) -> None:
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      folder=str(folder), paths=iter_report_files([str(folder)]))
    async with app.run_test(size=(110, 24)) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PickerScreen)
        assert screen.query_one(DataTable).row_count == 4
        assert not [e for e in screen.entries.values() if e.error]
        governments = {Path(p).suffix: e.facts.government for p, e in screen.entries.items()}
        assert governments == {".docx": "关坝镇", ".pdf": "鲍沟镇", ".html": "虎跳峡镇",
                               ".txt": "烟溪镇"}
        screen.open_report(str(folder / "guanba-2025.docx"))
        await pilot.pause()
        assert pilot.app.screen is not screen
