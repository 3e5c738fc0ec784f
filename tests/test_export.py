"""``reviewer export``: a review for the record, with or without the report beside it."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import seed_path
from reviewer.cli import main
from reviewer.document import load_document
from reviewer.flags import run_flags
from reviewer.i18n import set_language
from reviewer.review import Anchor, ReviewStore, default_review_path, load_vocabulary


@pytest.fixture
def saved(tmp_path: Path):
    """A review of a seed copy with an annotation, a flag decision, a score, a plan item and a
    target."""
    report = tmp_path / "guanba-2025.txt"
    shutil.copyfile(seed_path("guanba-2025"), report)
    doc = load_document(str(report))
    store = ReviewStore(default_review_path(str(report)))
    review, _ = store.load_or_new(doc, "张三")
    start = doc.text.index("100%以上")
    review.add_annotation(doc, start, start + 6, tag="数据存疑", severity="major",
                          note="覆盖率超过100%？\n请核实口径。")
    flag = SimpleNamespace(rule="numbers.over_100", start=start, end=start + 6)
    review.decide_flag(doc, flag, "confirmed", "确有问题")
    review.set_score("结构完整", 3)
    review.verdict, review.summary = "revise", "不足部分放在责任之后，顺序不合规定。"
    where = doc.text.index("2800余次")
    review.set_plan_assessment(Anchor.from_span(doc.text, 0, 10), heading="普法宣传",
                               suggested="partial", status="delivered",
                               evidence=[Anchor.from_span(doc.text, where, where + 7)])
    goal = doc.text.index("80%")
    review.set_target_assessment(Anchor.from_span(doc.text, goal, goal + 3),
                                 indicator="群众法治知晓率", suggested="met", verdict="missed",
                                 note="口径不同")
    assert store.save(review).ok
    set_language("zh")
    yield report, Path(store.path), review
    set_language("zh")


def test_markdown_is_a_readable_record(saved, capsys):
    _report, path, review = saved
    assert main(["export", str(path), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# 审阅记录：{review.report.title}")
    assert "> 100%以上" in out and "覆盖率超过100%？\n请核实口径。" in out
    assert "数据存疑 · 较重" in out and " › ".join(review.annotations[0].section_path) in out
    assert "| 结构完整 | 3 |" in out and "需修改" in out
    assert "**确认** `numbers.over_100`" in out and "已落实" in out and "> 2800余次" in out
    assert "## 上年量化目标 (1)" in out
    assert "- **群众法治知晓率** — 未完成 (建议: 完成) “80%” — 口径不同" in out


def test_csv_has_a_bom_and_one_row_per_note_or_decision(saved, tmp_path):
    _report, path, review = saved
    out = tmp_path / "review.csv"
    assert main(["--lang", "en", "export", str(path), "--format", "csv", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["Kind"] for r in rows] == ["review", "annotation", "flag", "plan", "target"]
    assert rows[1]["Note"] == "覆盖率超过100%？\n请核实口径。" and rows[1]["Passage"] == "100%以上"
    assert rows[2]["Decision"] == "confirmed" and rows[3]["Status"] == "delivered"
    assert (rows[4]["Indicator"], rows[4]["Suggested"], rows[4]["Status"], rows[4]["Passage"],
            rows[4]["Note"]) == ("群众法治知晓率", "met", "missed", "80%", "口径不同")
    assert int(rows[1]["Start"]) == review.annotations[0].anchor.start


def test_every_csv_row_names_the_report_its_verdict_scores_and_summary(saved, tmp_path):
    """So the CSVs of several reviews stack into one sheet."""
    _report, path, review = saved
    out = tmp_path / "review.csv"
    assert main(["--lang", "en", "export", str(path), "--format", "csv", "-o", str(out)]) == 0
    reader = csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")))
    header = next(reader)
    rubric = [c.name for c in load_vocabulary().criteria]
    assert header[:4] == ["File", "Government", "Year", "Verdict"]
    assert header[4:4 + len(rubric)] == rubric and header[4 + len(rubric)] == "Summary"
    for row in reader:
        cells = dict(zip(header, row, strict=True))
        assert (cells["File"], cells["Government"], cells["Year"]) == \
            ("guanba-2025.txt", "关坝镇", "2025")
        assert cells["Verdict"] == "needs revision" and cells["结构完整"] == "3"
        assert cells["数据翔实"] == "" and cells["Summary"] == review.summary


def test_a_decided_flag_shows_what_the_check_said(saved, tmp_path, capsys):
    """A decision stored without its message (as older reviews are) gets it from the checks
    of the report; one made now keeps the message in the review file."""
    report, path, _review = saved
    doc = load_document(str(report))
    said = next(f for f in run_flags(doc) if f.rule == "numbers.over_100")
    out = tmp_path / "review.csv"
    assert main(["export", str(path), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert [r["检查提示"] for r in rows if r["类别"] == "检查"] == [said.message]
    assert main(["export", str(path)]) == 0
    assert f"`numbers.over_100` {said.message}" in capsys.readouterr().out

    store = ReviewStore(str(path))
    review, _ = store.load_or_new(doc)
    review.decide_flag(doc, said, "dismissed")
    assert store.save(review).ok
    assert f'message = "{said.message}"' in path.read_text(encoding="utf-8")
    report.unlink()  # no checks to ask now: the message comes from the review file
    assert main(["export", str(path)]) == 0
    assert f"**排除** `numbers.over_100` {said.message}" in capsys.readouterr().out


def test_json_holds_the_same_data_as_the_toml(saved, capsys):
    _report, path, _review = saved
    assert main(["export", str(path), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    stored = tomllib.loads(path.read_text(encoding="utf-8"))
    assert exported["annotation"][0]["anchor"] == stored["annotation"][0]["anchor"]
    assert exported["created"] == stored["created"].isoformat()
    assert set(exported) == set(stored)
    assert exported["target"][0]["anchor"] == stored["target"][0]["anchor"]
    assert (exported["target"][0]["verdict"], stored["target"][0]["verdict"]) == ("missed",) * 2


def test_export_works_from_stored_quotes_when_the_report_is_gone(saved, capsys):
    report, path, _review = saved
    report.unlink()
    assert main(["export", str(path)]) == 0
    captured = capsys.readouterr()
    assert "> 100%以上" in captured.out and str(report) in captured.err


def test_export_follows_a_corrected_report(saved, capsys):
    report, path, _review = saved
    text = load_document(str(report)).text
    report.write_text("（更正版）\n" + text.replace("2800余次", "2900余次"), encoding="utf-8")
    assert main(["export", str(path), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    moved = exported["annotation"][0]["anchor"]
    assert moved["quote"] == "100%以上" and moved["start"] == text.index("100%以上") + 6
    assert path.read_text(encoding="utf-8").count("2800余次") >= 1  # the file is untouched


def test_bad_review_files_get_a_message_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "none.review.toml"
    assert main(["export", str(missing)]) == 2
    broken = tmp_path / "broken.review.toml"
    broken.write_text("schema = 1\n[[annotation]\n", encoding="utf-8")
    assert main(["export", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and f"{broken}:2:" in err
