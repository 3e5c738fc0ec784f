"""``reviewer compare``, lazy jieba, finding last year's report, and shortcomings → plan."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import corpus_path, seed_path
from reviewer.cli import main
from reviewer.compare import find_prior, shortcomings_to_plan
from reviewer.document import parse_text
from reviewer.i18n import set_language


def test_json_shape(capsys):
    prior, current = corpus_path("national-2024"), corpus_path("national-2025")
    assert main(["compare", prior, current, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"prior", "current", "summary", "warnings", "items", "targets"}
    assert set(data["prior"]) == {"path", "title", "year", "year_reviewed", "plan_year",
                                  "government"}
    assert data["current"]["year"] == 2025
    assert set(data["summary"]) == {"targets", "promises", "items"}
    assert set(data["summary"]["targets"]) == {"met", "missed", "unclear", "not_reported"}
    assert sum(data["summary"]["targets"].values()) == len(data["targets"])
    assert sum(data["summary"]["items"].values()) == len(data["items"])
    # the ten groups of the plan, then the commitments of the year's targets part
    assert [it["kind"] for it in data["items"]] == ["plan"] * 10 + ["targets"]
    assert sum(data["summary"]["promises"].values()) == sum(len(it["promises"])
                                                            for it in data["items"])
    evidence_keys = {"quote", "start", "end", "score", "section_kind", "period"}
    for item in data["items"]:
        assert set(item) == {"text", "heading", "kind", "start", "end", "status", "reasons",
                             "evidence", "targets", "promises"}
        for ev in item["evidence"]:
            assert set(ev) == evidence_keys
        assert item["promises"]
        for p in item["promises"]:
            assert set(p) == {"text", "start", "end", "status", "reasons", "evidence", "targets",
                              "repeated", "named"}
            assert item["start"] <= p["start"] < p["end"] <= item["end"]
            for ev in p["evidence"]:
                assert set(ev) == evidence_keys and ev["period"] == "year"
    gdp = next(tr for tr in data["targets"] if tr["indicator"] == "国内生产总值增长")
    assert set(gdp) == {"indicator", "kind", "comparator", "value", "unit", "state", "other",
                        "quote", "start", "end", "actual", "other_actual", "verdict", "reasons"}
    assert gdp["value"] == 5 and gdp["actual"]["value"] == 5 and gdp["verdict"] == "met"
    assert set(gdp["actual"]) == {"value", "basis", "quote", "start", "end"}
    assert gdp["actual"]["basis"] is None  # no figure on a comparable basis beside it
    income = next(tr for tr in data["targets"] if tr["kind"] == "relative")
    assert income["actual"]["value"] == 5.1 and income["other_actual"]["value"] == 5
    assert any(tr["kind"] == "qualitative" for tr in data["targets"])
    # a pair of one government's consecutive reports: nothing to warn about
    assert data["warnings"] == []


def test_json_range_value_is_a_pair(capsys):
    assert main(["compare", corpus_path("guangdong-2026"), corpus_path("guangdong-2026"),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gdp = next(tr for tr in data["targets"] if tr["indicator"] == "地区生产总值增长")
    assert gdp["comparator"] == "range" and gdp["value"] == [4.5, 5]


def test_table_lists_statuses_and_targets(capsys):
    try:
        assert main(["--lang", "en", "compare", corpus_path("national-2024"),
                     corpus_path("national-2025")]) == 0
    finally:
        set_language("zh")
    out = capsys.readouterr().out
    assert "（十）切实保障和改善民生" in out
    assert "delivered" in out
    line = next(ln for ln in out.splitlines() if ln.startswith("城镇调查失业率"))
    assert "about 5.5%" in line and "5.1%" in line and line.rstrip().endswith("met")


def test_unreadable_files_exit_2(capsys, tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    assert main(["compare", str(tmp_path / "missing.txt"), seed_path("baogou-2025")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert main(["compare", seed_path("baogou-2025"), str(binary)]) == 2
    err = capsys.readouterr().err
    assert "x.txt" in err and "Traceback" not in err


def test_prior_without_a_plan_is_refused(capsys, tmp_path):
    text = open(seed_path("baogou-2025"), encoding="utf-8").read()
    cut = tmp_path / "noplan.txt"
    cut.write_text(text[: text.index("四、2026年度推进")], encoding="utf-8")
    assert main(["compare", str(cut), seed_path("baogou-2025")]) == 2
    assert "noplan.txt" in capsys.readouterr().err


def test_importing_the_package_does_not_load_jieba():
    code = ("import sys, reviewer.compare, reviewer.commands.compare, reviewer.tui.screens.compare; "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_loading_jieba_prints_nothing():
    code = ("from reviewer.compare import ensure_jieba; ensure_jieba(); import sys; "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True" and out.stderr == ""


def test_domain_words_stay_whole():
    from reviewer.compare.tokens import tokenize

    words = tokenize("深化一村一法律顾问制度，加强法律明白人培养，严格落实行政执法三项制度，发展新质生产力")
    for word in ("一村一法律顾问", "法律明白人", "三项制度", "新质生产力"):
        assert word in words


def test_find_prior_in_the_same_folder(tmp_path):
    for name in ("national-2023", "national-2024", "national-2025", "beijing-2025"):
        shutil.copy(corpus_path(name), tmp_path / f"{name}.txt")
    assert find_prior(str(tmp_path / "national-2025.txt")) == str(tmp_path / "national-2024.txt")
    assert find_prior(str(tmp_path / "national-2023.txt")) is None
    # found by what the reports say, not by file name
    (tmp_path / "national-2024.txt").rename(tmp_path / "last-year.txt")
    assert find_prior(str(tmp_path / "national-2025.txt")) == str(tmp_path / "last-year.txt")
    assert find_prior(seed_path("baogou-2025")) is None


def test_shortcomings_map_to_the_plan_items_addressing_them(seeds):
    links = shortcomings_to_plan(seeds["baogou-2025"])
    assert len(links) == 4
    doc = seeds["baogou-2025"]
    for link in links:
        assert doc.text[link.start:link.end] == link.text
        assert link.items, link.heading
    # each of baogou's four shortcomings is answered by the plan item of the same number
    for n, link in enumerate(links):
        assert link.items[0].heading.split(" / ")[-1].startswith(f"({'一二三四'[n]})")


def test_a_shortcoming_nothing_addresses_has_no_items(seeds):
    doc = seeds["baogou-2025"]
    # the same report with its plan cut down to the first item only
    cut = parse_text(doc.text[: doc.text.index("(二)规范权力运行")], "cut.txt")
    links = shortcomings_to_plan(cut)
    assert links[0].items and not links[2].items
