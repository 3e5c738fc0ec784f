"""Outline accuracy against the gold labels written by reading (tests/gold/outlines.toml).

Per genre and per corpus folder: the top-level parts whose kinds match (and whose kinds and
period both match), the children of joined parts, the spans, the years and the titles; beside a
baseline measured in the same run: the same parts classified by their heading's words alone
(the strongest cue of the genre profile, a heading year equal to the plan year for the plan,
else the review before the first problems or plan part and "other" after it), which is how the
outline read parts before evidence from years and content. Then every label that disagrees.

Targets: 100% on seeds and corpus/gwr, at least 98% on corpus/gwr-more.

    python benchmarks/bench_accuracy.py
"""

from __future__ import annotations

import sys
from collections import defaultdict

from _timing import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import outline_gold  # noqa: E402
import transforms  # noqa: E402

from reviewer.document import Document, load_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TARGETS = {"seeds": 1.0, "gwr": 1.0, "gwr-more": 0.98}


def _load(name: str) -> Document | None:
    path = SEEDS / name[len("seeds/"):] if name.startswith("seeds/") else CORPUS / name
    return load_document(str(path)) if path.exists() else None


def _add(tally: dict, key: tuple[str, str], ok: bool) -> None:
    tally[key][0] += bool(ok)
    tally[key][1] += 1


def _kinds_only(c: outline_gold.Check) -> bool:
    """Whether a part's kinds agree, whatever its period."""
    if c.ok or c.what != "part" or " / " not in c.found:
        return c.ok
    return c.expected.split(" / ")[0] == c.found.split(" / ")[0]


def main() -> int:
    if not CORPUS.is_dir():
        print("corpus not found beside the repository; measuring the seeds only")
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[outline_gold.Check] = []
    reports = 0
    for report in outline_gold.reports():
        doc = _load(report["file"])
        if doc is None:
            continue
        reports += 1
        groups = (outline_gold.folder_of(report["file"]), f"genre {report['genre']}")
        for c in outline_gold.check(report, doc):
            what = "part" if c.what == "extra" else c.what
            for g in groups:
                _add(tally, (g, what), c.ok)
                if what == "part":
                    _add(tally, (g, "part kinds"), _kinds_only(c))
            if not c.ok:
                misses.append(c)
        transforms.heading_words_baseline(doc)
        for c in outline_gold.check(report, doc):
            if c.what in ("part", "extra"):
                for g in groups:
                    _add(tally, (g, "baseline part kinds"), _kinds_only(c))
    print(f"{reports} reports with gold labels\n")
    print(f"{'group':<14} {'labels':<22} {'agree':>9} {'share':>7}   target")
    order = ("part kinds", "baseline part kinds", "part", "child", "span", "year_reviewed",
             "plan_year", "title", "genre")
    for group in sorted({g for g, _ in tally}):
        for what in order:
            if (group, what) not in tally:
                continue
            ok, n = tally[(group, what)]
            share = ok / n
            target = TARGETS.get(group)
            mark = ""
            if target is not None and not what.startswith("baseline"):
                mark = f"{target:.0%}: {'met' if share >= target else 'NOT met'}"
            label = {"part": "part kinds + period"}.get(what, what)
            print(f"{group:<14} {label:<22} {ok:>4}/{n:<4} {share:7.1%}   {mark}")
        print()
    print(f"{len(misses)} labels disagree:")
    for c in misses:
        print(f"  {c.report} {c.what} {c.where}: expected {c.expected}, found {c.found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
