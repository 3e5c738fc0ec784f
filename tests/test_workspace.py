"""A folder of reports as a workspace (no Textual): facts, the cache by file hash, where each
review stands, last year's report found anywhere in the tree or chosen in the review, and the
list's columns, sorting and filters."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import seed_path
from reviewer.document import load_document
from reviewer.flags import run_flags
from reviewer.review import ReportIdentity, ReviewStore, default_review_path
from reviewer.review.store import relative_path
from reviewer.workspace import (
    Entry,
    Facts,
    FactsCache,
    Prior,
    check_report,
    find_priors,
    read_entry,
    report_facts,
    report_paths,
    review_state,
)
from reviewer.workspace.columns import arrange, cell


def year_earlier(name: str, path: Path) -> Path:
    """The same government's report of the year before, made from a seed: its years one less."""
    text = Path(seed_path(name)).read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("2025", "2024"), encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """2024/ and 2025/ subfolders, files named differently in each year, a report without a
    pair, and a file that is no report."""
    folder = tmp_path / "季度审阅"
    (folder / "2025").mkdir(parents=True)
    shutil.copy(seed_path("guanba-2025"), folder / "2025" / "关坝镇2025年报告.txt")
    shutil.copy(seed_path("hutiaoxia-2025"), folder / "2025" / "hutiaoxia.txt")
    shutil.copy(seed_path("baogou-2025"), folder / "2025" / "baogou.txt")
    year_earlier("guanba-2025", folder / "2024" / "綦江" / "guanba-last-year.txt")
    year_earlier("hutiaoxia-2025", folder / "2024" / "虎跳峡镇法治报告.txt")
    (folder / "2025" / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00" * 50)
    return folder


def entries(folder: Path, cache: FactsCache | None = None, **kw) -> dict[str, Entry]:
    return {p: read_entry(p, cache, **kw) for p in report_paths(str(folder))}


def test_every_report_of_the_tree_with_what_it_says(tree: Path, tmp_path: Path) -> None:
    found = entries(tree, FactsCache(tmp_path / "cache"))
    assert len(found) == 6
    for path, entry in found.items():
        if path.endswith("broken.txt"):
            assert entry.facts is None and entry.error
            continue
        doc = load_document(path)
        assert entry.facts.government == doc.government and entry.facts.year == doc.year
        assert entry.facts.genre == doc.genre and entry.facts.sha256 == doc.raw_sha256
        assert entry.review.status == "not_started" and not entry.review.exists


def test_last_years_report_is_found_by_government_and_year_anywhere(tree: Path) -> None:
    priors = find_priors(entries(tree))
    guanba = str(tree / "2025" / "关坝镇2025年报告.txt")
    hutiaoxia = str(tree / "2025" / "hutiaoxia.txt")
    assert priors[guanba] == Prior(str(tree / "2024" / "綦江" / "guanba-last-year.txt"))
    assert priors[hutiaoxia] == Prior(str(tree / "2024" / "虎跳峡镇法治报告.txt"))
    assert str(tree / "2025" / "baogou.txt") not in priors  # no 鲍沟镇 report of 2024
    assert not [k for k in priors if k.startswith(str(tree / "2024"))]  # nothing of 2023


def test_the_nearest_of_several_candidates_is_taken(tree: Path) -> None:
    far = year_earlier("guanba-2025", tree / "archive" / "old" / "关坝镇.txt")
    near = year_earlier("guanba-2025", tree / "2025" / "关坝镇2024.txt")
    priors = find_priors(entries(tree))
    assert priors[str(tree / "2025" / "关坝镇2025年报告.txt")].path == str(near)
    assert str(far) not in {p.path for p in priors.values()}


def test_without_a_government_the_file_name_pairs_the_years(tmp_path: Path) -> None:
    """Reports whose government the metadata cannot tell are paired by their names with the
    year taken out (district-2024.txt, district-2025.txt), only with the year before and the
    same genre; a second session's file (district-2021-2.txt) keeps its own name."""
    def entry(name: str, year: int, genre: str = "gongzuo", government: str = "") -> Entry:
        return Entry(str(tmp_path / name), Facts("0" * 64, government, year, genre, ""))

    found = [entry("district-2023.txt", 2023), entry("district-2024.txt", 2024),
             entry("sub/District_2025.txt", 2025), entry("district-2021-2.txt", 2022),
             entry("district-2021.txt", 2021), entry("other-2022.txt", 2022),
             entry("district-2026.txt", 2026, "fazhi"),
             entry("named-2027.txt", 2027, "fazhi", "某区")]
    priors = {Path(k).name: Path(v.path).name for k, v in find_priors(found).items()}
    assert priors == {"district-2024.txt": "district-2023.txt",
                      "District_2025.txt": "district-2024.txt"}


def review_of(report: str, **changes) -> Path:
    doc = load_document(report)
    store = ReviewStore(default_review_path(report))
    review, _ = store.load_or_new(doc, "测试员")
    for name, value in changes.items():
        if name == "scores":
            for criterion, score in value.items():
                review.set_score(criterion, score)
        elif name == "prior":
            prior = load_document(value)
            review.prior = ReportIdentity.of(prior, relative_path(value, store.path))
        elif name == "decide":
            review.decide_flag(doc, value, "dismissed")
        elif name == "annotate":
            review.add_annotation(doc, 0, 10, tag="亮点", note=value)
        else:
            setattr(review, name, value)
    assert store.save(review).ok
    return Path(store.path)


def test_status_follows_the_review(tree: Path) -> None:
    report = str(tree / "2025" / "baogou.txt")
    assert review_state(report).status == "not_started"
    review_of(report, annotate="第一条")
    state = review_state(report)
    assert (state.status, state.notes, state.verdict) == ("in_progress", 1, "")
    review_of(report, verdict="good", scores={"结构完整": 4, "数据翔实": 3})
    state = review_state(report)
    assert (state.status, state.verdict, state.score) == ("done", "good", 3.5)
    assert state.reviewer == "测试员"


def test_a_broken_review_file_is_a_state_with_its_reason(tree: Path) -> None:
    report = str(tree / "2025" / "baogou.txt")
    Path(default_review_path(report)).write_text("schema = 1\n[[annotation]\n", encoding="utf-8")
    state = review_state(report)
    assert state.exists and state.error and state.status == "in_progress"


def test_the_prior_a_review_names_wins_and_is_shown_as_chosen(tree: Path) -> None:
    guanba = str(tree / "2025" / "关坝镇2025年报告.txt")
    other = str(tree / "2024" / "虎跳峡镇法治报告.txt")
    review_file = review_of(guanba, prior=other)
    assert 'path = "../2024/虎跳峡镇法治报告.txt"' in review_file.read_text(encoding="utf-8")
    priors = find_priors(entries(tree))
    assert priors[guanba] == Prior(other, chosen=True)
    assert cell(read_entry(guanba), "prior", priors[guanba], str(tree)) == \
        os.path.join("2024", "虎跳峡镇法治报告.txt") + " *"
    os.unlink(other)  # the file it names is gone: back to the one found
    priors = find_priors(entries(tree))
    assert priors[guanba] == Prior(str(tree / "2024" / "綦江" / "guanba-last-year.txt"))


def test_open_flags_leave_out_the_decided_ones(tree: Path, tmp_path: Path) -> None:
    report = str(tree / "2025" / "hutiaoxia.txt")
    flags = run_flags(load_document(report))
    entry = read_entry(report, FactsCache(tmp_path / "cache"), checked=True)
    counts = tuple(sum(f.severity == s for f in flags) for s in ("error", "warning", "info"))
    assert entry.open_flags == counts and sum(counts) > 0
    decided = flags[0]
    review_of(report, decide=decided)
    entry = read_entry(report, FactsCache(tmp_path / "cache"), checked=True)
    index = ("error", "warning", "info").index(decided.severity)
    assert entry.open_flags[index] == counts[index] - 1
    assert read_entry(report, FactsCache(tmp_path / "other")).open_flags is None  # not checked


# --- the cache ---------------------------------------------------------------------------------


def test_the_cache_gives_back_what_was_computed_without_parsing(tree: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    cache = FactsCache(tmp_path / "cache")
    report = str(tree / "2025" / "hutiaoxia.txt")
    checked = check_report(report, cache)
    assert checked.flags and len(list((tmp_path / "cache").rglob("*.json"))) == 1

    def no_parsing(*_a, **_k):
        raise AssertionError("parsed although the cache holds the report")

    monkeypatch.setattr("reviewer.workspace.parse_bytes", no_parsing)
    assert check_report(report, FactsCache(tmp_path / "cache")) == checked
    assert report_facts(report, FactsCache(tmp_path / "cache")) == checked


def test_a_changed_file_is_never_answered_from_the_cache(tree: Path, tmp_path: Path) -> None:
    cache = FactsCache(tmp_path / "cache")
    report = tree / "2025" / "hutiaoxia.txt"
    before = check_report(str(report), cache)
    report.write_text(report.read_text(encoding="utf-8").replace("2025", "2023"),
                      encoding="utf-8")
    after = check_report(str(report), cache)
    doc = load_document(str(report))
    assert after.sha256 == doc.raw_sha256 != before.sha256 and after.year == doc.year == 2023
    assert [(f.rule, f.start) for f in after.flags] == \
        [(f.rule, f.start) for f in run_flags(doc)]


@pytest.mark.parametrize("damage", [
    b"", b"{", b"\xff\xfe\x00", b"[]", b'{"format": 1}', b"null",
    "wrong sha", "year is text", "flag cut short", "negative span", "other format",
])
def test_a_damaged_cache_entry_is_a_miss_and_is_written_again(tree: Path, tmp_path: Path,
                                                             damage) -> None:
    cache = FactsCache(tmp_path / "cache")
    report = str(tree / "2025" / "hutiaoxia.txt")
    right = check_report(report, cache)
    (entry,) = (tmp_path / "cache").rglob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    if isinstance(damage, bytes):
        entry.write_bytes(damage)
    else:
        if damage == "wrong sha":
            data["sha256"] = "0" * 64
        elif damage == "year is text":
            data["year"] = "2025"
        elif damage == "flag cut short":
            data["flags"][0] = data["flags"][0][:3]
        elif damage == "negative span":
            data["flags"][0][3] = -4
        else:
            data["format"] = 99
        entry.write_text(json.dumps(data), encoding="utf-8")
    assert FactsCache(tmp_path / "cache").get(right.sha256) is None
    assert check_report(report, FactsCache(tmp_path / "cache")) == right
    assert FactsCache(tmp_path / "cache").get(right.sha256) == right


def test_a_cache_that_cannot_be_written_only_costs_time(tree: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    report = str(tree / "2025" / "hutiaoxia.txt")
    facts = check_report(report, FactsCache(blocked))
    assert facts == check_report(report, None) and facts.flags


def test_sessions_writing_the_cache_at_once_leave_whole_entries(tree: Path,
                                                                tmp_path: Path) -> None:
    report = str(tree / "2025" / "hutiaoxia.txt")
    right = check_report(report, None)
    errors: list[BaseException] = []

    def write_and_read() -> None:
        try:
            cache = FactsCache(tmp_path / "cache")
            for _ in range(20):
                cache.put(right)
                got = cache.get(right.sha256)
                assert got is None or got == right  # never a half-written entry
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            errors.append(exc)

    threads = [threading.Thread(target=write_and_read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert FactsCache(tmp_path / "cache").get(right.sha256) == right
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_the_cache_lives_in_xdg_cache_home_per_language(tmp_path: Path, monkeypatch) -> None:
    from reviewer.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    zh = FactsCache()
    set_language("en")
    en = FactsCache()
    assert zh.root.parent == tmp_path / "xdg-cache" / "reviewer" / "facts"
    assert zh.root != en.root  # flag messages are in the interface language


# --- the columns -------------------------------------------------------------------------------


def test_sorting_puts_values_not_known_last_either_way(tree: Path) -> None:
    found = entries(tree)
    review_of(str(tree / "2025" / "baogou.txt"), verdict="pass", scores={"结构完整": 2})
    review_of(str(tree / "2025" / "hutiaoxia.txt"), scores={"结构完整": 5})
    found = entries(tree)
    priors = find_priors(found)
    for reverse in (False, True):
        listed = arrange(list(found.values()), priors, str(tree), sort="score", reverse=reverse)
        scores = [e.review.score for e in listed]
        known = [s for s in scores if s is not None]
        assert known == sorted(known, reverse=reverse) and len(known) == 2
        assert scores[:2] == known  # the reports without a score come after
        years = [e.facts.year if e.facts else None
                 for e in arrange(list(found.values()), priors, str(tree), sort="year",
                                  reverse=reverse)]
        assert years[-1] is None  # the unreadable file
        assert years[:-1] == sorted(years[:-1], reverse=reverse)


def test_filters_keep_rows_whose_cell_holds_the_text(tree: Path) -> None:
    review_of(str(tree / "2025" / "baogou.txt"), verdict="pass")
    found = entries(tree)
    priors = find_priors(found)
    folder = str(tree)
    done = arrange(list(found.values()), priors, folder, filters={"status": "已完成"})
    assert [Path(e.path).name for e in done] == ["baogou.txt"]
    in_2024 = arrange(list(found.values()), priors, folder, filters={"year": "2024"})
    assert {e.facts.year for e in in_2024} == {2024} and len(in_2024) == 2
    both = arrange(list(found.values()), priors, folder,
                   filters={"year": "2025", "government": "虎跳"})
    assert [Path(e.path).name for e in both] == ["hutiaoxia.txt"]
    with_prior = arrange(list(found.values()), priors, folder, filters={"prior": "2024"})
    assert len(with_prior) == 2


def test_flag_decisions_are_counted_by_their_place(tree: Path) -> None:
    """A decision about a flag elsewhere in the text does not close this one."""
    report = str(tree / "2025" / "hutiaoxia.txt")
    flag = run_flags(load_document(report))[0]
    elsewhere = SimpleNamespace(rule=flag.rule, start=flag.start + 1, end=flag.end + 1,
                                message="")
    review_of(report, decide=elsewhere)
    entry = read_entry(report, checked=True)
    assert sum(entry.open_flags) == len(run_flags(load_document(report)))
