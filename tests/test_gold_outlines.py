"""The outline against gold labels written by reading every report (tests/gold/outlines.toml):
top-level kinds and periods, the years reviewed and planned, the title and genre, the children
of parts that join kinds or periods, and the spans (shortcomings, appendices, thanks, closing
words).

Seeds and corpus/gwr must agree on every label; corpus/gwr-more, 85 reports of other
governments and years, on at least 98% of the labels of each sort. A failure lists every label
that disagrees.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS
from reviewer.document import load_document

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import outline_gold  # noqa: E402

REPORTS = outline_gold.reports()
EXACT = [r["file"] for r in REPORTS if outline_gold.folder_of(r["file"]) in ("seeds", "gwr")]
MORE_SHARE = 0.98


def _path(name: str) -> Path:
    return SEEDS / name[len("seeds/"):] if name.startswith("seeds/") else CORPUS / name


def _load(name: str):
    path = _path(name)
    if not path.exists():
        pytest.skip(f"{name} not available: the shared corpus is not beside the repository "
                    f"({CORPUS}); set REVIEWER_CORPUS to its folder to run this test")
    return load_document(str(path))


def _report(name: str) -> dict:
    return next(r for r in REPORTS if r["file"] == name)


def _describe(checks) -> str:
    return "\n".join(f"{c.report} {c.what} {c.where}: expected {c.expected}, found {c.found}"
                     for c in checks)


def test_gold_covers_every_report_of_the_seeds():
    labelled = {r["file"] for r in REPORTS}
    assert {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")} <= labelled


@pytest.mark.parametrize("name", EXACT)
def test_seeds_and_corpus_agree_with_every_gold_label(name):
    checks = outline_gold.check(_report(name), _load(name))
    assert any(c.what == "part" for c in checks)
    wrong = [c for c in checks if not c.ok]
    assert not wrong, _describe(wrong)


def test_more_reports_agree_with_98_percent_of_each_sort_of_label():
    if not (CORPUS / "gwr-more").is_dir():
        pytest.skip(f"corpus/gwr-more is not beside the repository ({CORPUS}); set "
                    "REVIEWER_CORPUS to its folder to run this test")
    tally: dict[str, list] = defaultdict(list)
    for report in REPORTS:
        if outline_gold.folder_of(report["file"]) != "gwr-more":
            continue
        for c in outline_gold.check(report, _load(report["file"])):
            # a part of ours no label accounts for counts against the parts
            tally["part" if c.what == "extra" else c.what].append(c)
    assert {"part", "child", "span", "year_reviewed", "plan_year", "title", "genre"} <= set(tally)
    short = {}
    for what, checks in tally.items():
        share = sum(c.ok for c in checks) / len(checks)
        if share < MORE_SHARE:
            short[what] = share
    wrong = [c for checks in tally.values() for c in checks if not c.ok]
    assert not short, f"below {MORE_SHARE:.0%}: {short}\n{_describe(wrong)}"
