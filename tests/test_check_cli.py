"""``reviewer check``: the table, the JSON shape, exit codes, unreadable files, folders."""

from __future__ import annotations

import json
import shutil
import sys

from conftest import SEEDS, require_corpus, seed_path
from reviewer.cli import main
from reviewer.commands.check import PROGRESS_MIN
from reviewer.document import load_document
from reviewer.terminal import cell_width, fit


def _json(capsys, *argv):
    code = main(["check", "--json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_json_shape_and_quotes_are_the_text_at_the_offsets(capsys):
    code, data = _json(capsys, seed_path("guanba-2025"))
    assert code == 0
    (report,) = data["reports"]
    assert report["path"] == seed_path("guanba-2025") and report["genre"] == "fazhi"
    assert "error" not in report
    text = load_document(seed_path("guanba-2025")).text
    keys = {"rule", "category", "severity", "start", "end", "quote", "message", "suggestion",
            "occurrences"}
    for f in report["flags"]:
        assert set(f) == keys
        assert f["quote"] == text[f["start"]:f["end"]]
        assert f["occurrences"][0] == {"start": f["start"], "end": f["end"], "quote": f["quote"]}
        for o in f["occurrences"]:
            assert o["quote"] == text[o["start"]:o["end"]]
    assert any(f["rule"] == "numbers.over_100" and f["quote"] == "100%以上"
               for f in report["flags"])


def test_flags_are_filtered_by_severity_category_and_rule(capsys):
    path = seed_path("guanba-2025")
    _, everything = _json(capsys, path)
    flags = everything["reports"][0]["flags"]
    ranks = [("error", "warning", "info").index(f["severity"]) for f in flags]
    assert ranks == sorted(ranks)  # the engine's order of importance
    _, errors = _json(capsys, path, "--severity", "error")
    assert errors["reports"][0]["flags"] == [f for f in flags if f["severity"] == "error"]
    _, some = _json(capsys, path, "--severity", "error,warning", "--category", "numbers")
    assert some["reports"][0]["flags"] == [
        f for f in flags if f["severity"] != "info" and f["category"] == "numbers"]
    _, two = _json(capsys, path, "--rule", "numbers.over_100", "--rule",
                   "structure.punct_after_numbering")
    assert {f["rule"] for f in two["reports"][0]["flags"]} == {
        "numbers.over_100", "structure.punct_after_numbering"}
    # the exit code follows what is shown: no error is left once only warnings are asked for
    assert main(["check", "--severity", "warning", "--fail-on", "error", path]) == 0
    assert main(["check", "--fail-on", "error", path]) == 1
    capsys.readouterr()


def test_an_unknown_filter_value_is_a_clear_error(capsys):
    assert main(["check", "--rule", "numbers.nope", seed_path("guanba-2025")]) == 2
    err = capsys.readouterr().err
    assert "numbers.nope" in err and "numbers.over_100" in err and "Traceback" not in err
    assert main(["check", "--severity", "fatal", seed_path("guanba-2025")]) == 2
    assert "fatal" in capsys.readouterr().err


def test_fail_on_sets_the_exit_code(capsys):
    # guanba has errors (100%以上); baogou only warnings and info
    assert main(["check", "--fail-on", "error", seed_path("guanba-2025")]) == 1
    assert main(["check", "--fail-on", "error", seed_path("baogou-2025")]) == 0
    assert main(["check", "--fail-on", "warning", seed_path("baogou-2025")]) == 1
    assert main(["check", seed_path("guanba-2025")]) == 0
    capsys.readouterr()


def test_table_is_grouped_by_report_with_a_summary(capsys):
    assert main(["check", seed_path("hutiaoxia-2025"), seed_path("baogou-2025")]) == 0
    out = capsys.readouterr().out
    first = out.index(seed_path("hutiaoxia-2025"))
    second = out.index(seed_path("baogou-2025"))
    assert first < out.index("。。") < second
    row = next(line for line in out.splitlines() if "proofreading.doubled_punct" in line)
    assert "警告" in row and "标点重复" in row and "9:" in row
    last = out.strip().splitlines()[-1]
    assert last.startswith("共 2 份报告") and "无法读取 0" in last


def test_english_table(capsys):
    assert main(["--lang", "en", "check", seed_path("yanxi-2024")]) == 0
    out = capsys.readouterr().out
    assert "the report carries no date at all" in out
    assert out.strip().splitlines()[-1].startswith("1 report(s)")


def test_unreadable_files_are_reported_and_the_rest_still_checked(tmp_path, capsys):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    missing = tmp_path / "gone.txt"
    code, data = _json(capsys, str(binary), seed_path("yanxi-2024"), str(missing))
    assert code == 2
    bad, good, gone = data["reports"]
    assert bad["path"] == str(binary) and bad["error"] and bad["flags"] == []
    assert gone["error"] and "gone.txt" in gone["error"]
    assert good["genre"] == "fazhi" and good["flags"] and "error" not in good


def test_unreadable_file_in_the_table(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["check", str(empty), seed_path("baogou-2025")]) == 2
    captured = capsys.readouterr()
    assert str(empty) in captured.err and "Traceback" not in captured.err
    assert "无法读取 1" in captured.out


def test_a_folder_is_checked_recursively_in_order(tmp_path, capsys):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    for name in ("yanxi-2024", "guanba-2025"):
        shutil.copy(SEEDS / f"{name}.txt", nested / f"{name}.txt")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")  # a spreadsheet is no report
    code, data = _json(capsys, str(tmp_path), "--jobs", "2")
    assert code == 0
    assert [r["path"] for r in data["reports"]] == [
        str(nested / "guanba-2025.txt"), str(nested / "yanxi-2024.txt")]
    single = json.loads(json.dumps(_json(capsys, str(nested / "yanxi-2024.txt"))[1]))
    assert data["reports"][1]["flags"] == single["reports"][0]["flags"]


def test_a_folder_without_reports_is_an_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_whole_corpus_and_seeds_check_without_error(capsys):
    folder = require_corpus()
    code, data = _json(capsys, str(SEEDS), str(folder))
    assert code == 0
    assert len(data["reports"]) == 5 + len(list(folder.glob("*.txt")))
    assert all("error" not in r for r in data["reports"])


def test_progress_bar_only_for_a_person_watching_many_files(tmp_path, capsys, monkeypatch):
    for i in range(PROGRESS_MIN):
        shutil.copy(SEEDS / "baogou-2025.txt", tmp_path / f"r{i}.txt")
    assert main(["check", "--jobs", "1", str(tmp_path)]) == 0
    assert "[#" not in capsys.readouterr().err  # not a terminal: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["check", "--jobs", "1", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert f"{PROGRESS_MIN}/{PROGRESS_MIN}" in captured.err
    assert "#" not in captured.out
    assert main(["check", seed_path("baogou-2025")]) == 0  # one file: no bar
    assert "#" not in capsys.readouterr().err


def test_long_quotes_are_cut_to_the_column():
    assert fit("法治政府建设年度报告", 9) == "法治政府…"
    assert fit("a\nb", 5) == "a⏎b  "
    assert cell_width(fit("二十届四中全会精神", 12)) == 12
