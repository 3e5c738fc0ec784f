"""``reviewer outline``: plain and JSON output, errors, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import seed_path
from reviewer.cli import main


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.get("children", []))


def test_outline_json_shape_and_offsets(capsys):
    assert main(["outline", "--json", seed_path("guanba-2025")]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("path", "title", "government", "year", "genre", "text", "changes", "sections",
                "year_reviewed", "plan_year", "spans", "periods", "missing_kinds",
                "unknown_sections"):
        assert key in data
    assert (data["year_reviewed"], data["plan_year"]) == (2025, 2026)
    assert data["missing_kinds"] == [] and data["unknown_sections"] == 0
    assert data["government"] == "关坝镇" and data["year"] == 2025 and data["genre"] == "fazhi"
    text = data["text"]
    assert [s["kind"] for s in data["sections"]] == [
        "achievements", "highlights", "responsibility", "shortcomings", "plan"]
    for sec in _walk(data["sections"]):
        assert sec["kind"] == sec["kinds"][0] and sec["reason"]
        assert 0 <= sec["confidence"] <= 1 and sec["period"] in ("year", "five_year", "mixed", "")
        body = text[sec["start"]:sec["end"]]
        heading = text[sec["heading_start"]:sec["heading_end"]]
        assert body.startswith(heading)
        assert sec["heading"] in heading
        for child in sec["children"]:
            assert sec["start"] <= child["start"] < child["end"] <= sec["end"]
    removed = [c["removed"] for c in data["changes"] if c["kind"] == "debris"]
    assert "语音播报" in removed and "返回顶部" in removed


def test_outline_plain_lists_metadata_and_kinds(capsys):
    assert main(["outline", seed_path("baixiang-2024")]) == 0
    out = capsys.readouterr().out
    assert "柏政〔2025〕14号" in out and "沁阳市司法局" in out
    assert "一、2024年法治政府建设主要工作及成效  [成效]" in out
    assert "    1. 强化法治建设领导机制  [成效]" in out


def test_outline_plain_shows_the_normalization_notes_in_their_own_view(capsys):
    assert main(["outline", seed_path("baixiang-2024")]) == 0
    out = capsys.readouterr().out
    notes = out[out.index("规范化改动:\n"):]
    assert "原文第105行  删除网页/打印残留：(此页无正文)" in notes
    assert "原文第47行  删除分页处重复的字：充" in notes
    assert "接合被分页打断的词：统一编号" in notes  # a join shows the words it re-joined


def test_outline_says_why_and_lists_passages_and_missing_parts(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("各位代表：\n一、2024年工作回顾\n全年地区生产总值增长5.2%，同比提高1个百分点，"
                      "建成了学校8所，荣获先进。\n同时，我们也清醒看到，发展还存在不少问题和不足。\n",
                      encoding="utf-8")
    assert main(["outline", str(report)]) == 0
    out = capsys.readouterr().out
    assert "一、2024年工作回顾  [成效]  本年 · heading: 工作回顾" in out
    assert "[不足]" in out and "清醒看到" in out
    assert "未找到必备部分：计划" in out


def test_outline_in_english(capsys):
    assert main(["outline", "--lang", "en", seed_path("yanxi-2024")]) == 0
    out = capsys.readouterr().out
    assert "Government: 烟溪镇" in out and "[shortcomings]" in out


def test_outline_errors_are_clear(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["outline", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "不存在" in err and "Traceback" not in err
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    assert main(["outline", str(binary)]) == 2
    assert "二进制" in capsys.readouterr().err


def test_outline_never_imports_jieba_or_textual():
    code = (
        "import sys, io, contextlib\n"
        "from reviewer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['outline', '--json', {seed_path('hutiaoxia-2025')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m_entry_point():
    out = subprocess.run([sys.executable, "-m", "reviewer", "outline", seed_path("baogou-2025")],
                         capture_output=True, text=True)
    assert out.returncode == 0
    assert "鲍沟镇" in out.stdout
