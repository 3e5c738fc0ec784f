"""The comparison held to plan items and headline targets judged by reading: the 13 pairs of
tests/gold/plan_items.toml (tuned on, and some held out) and the 8 pairs a third reader judged
afterwards (plan_items-c.toml), each set held to the goals on its own: every gold target found
and the GDP target right, actuals and verdicts as a reviewer reads them, evidence only from the
year's own account, statuses at least 15 points above calling everything delivered, the best
evidence relevant four times in five. The pairs fourth readers judged on pairs no one had used
(plan_items-d.toml; targets-d1.toml and targets-d2.toml, targets only) are held to the figures
reached on them and to evidence only from the year's own account. Figures and every miss:
benchmarks/bench_compare_accuracy.py."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import compare_gold  # noqa: E402

PAIRS = compare_gold.load_gold()
# the first two readers' pairs, tuned on or held out, and the third reader's: held to the goals
SETS = {"a+b": ("tuned", "held_out"), "c": ("c",)}
# the fourth readers' pairs no one had used: items and targets (d), targets only (targets_d)
UNSEEN = {"d": ("d",), "targets_d": ("targets_d",)}


@pytest.fixture(scope="module")
def records():
    if not compare_gold.corpus_ready(PAIRS):
        pytest.skip(f"the corpus of government work reports is not beside the repository "
                    f"({compare_gold.CORPUS}); set REVIEWER_CORPUS to its folder to run this test")
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    return [compare_gold.run_pair(p) for p in PAIRS]


def _of(records, name: str):
    return [r for r in records if r.set in {**SETS, **UNSEEN}[name]]


def _tuned(records):
    """The pairs of the first three readers, held to every goal."""
    return [r for r in records if r.set in ("tuned", "held_out", "c")]


def test_the_gold_files_are_well_formed():
    statuses = set(compare_gold.STATUSES)
    for name, sets in SETS.items():
        pairs = [p for p in PAIRS if p["set"] in sets]
        assert len(pairs) >= 8, name
        assert sum(len(p["item"]) for p in pairs) >= 100, name
    assert sum(len(p["item"]) for p in PAIRS if p["set"] == "d") >= 100
    assert not any(p["item"] for p in PAIRS if p["set"] == "targets_d")
    for name in ("tuned", "held_out", "c", "d", "targets_d"):  # no pair twice in one set
        keys = [(p["prior"], p["current"]) for p in PAIRS if p["set"] == name]
        assert len(set(keys)) == len(keys), name
    for p in PAIRS:
        for it in p["item"]:
            assert it["status"] in statuses and it["level"] in ("group", "promise")
        for tr in p.get("target", []):
            assert tr["verdict"] in ("met", "missed", "unclear", "not_reported")


def test_every_gold_target_is_found_and_the_gdp_target_is_right(records):
    records = _tuned(records)
    missing = [f"{tr.pair}: {tr.indicator}" for r in records for tr in r.targets if not tr.found]
    assert not missing, missing
    # and next to no target the labels do not have (a comment on a target, a hedge, a figure
    # without an indicator, a condition of several subjects cut apart)
    extra = [q for r in records for q in r.extra]
    assert len(extra) <= 2, extra
    for name in SETS:
        s = compare_gold.scores(_of(records, name))
        assert s["gdp"] >= 8 and s["gdp_right"] == s["gdp"], (name,
                                                               compare_gold.misses(records))


def test_actuals_and_verdicts_as_a_reviewer_reads_them(records):
    records = _tuned(records)
    s = compare_gold.scores(records)
    # the actual figure where one is reported, and none where none is
    assert s["actual_right"] / s["found"] >= 0.85, compare_gold.misses(records)
    assert s["reported_right"] / s["reported"] >= 0.85
    assert s["verdict"] / s["found"] >= 0.85


def test_the_targets_of_the_gwr_pairs_are_all_right(records):
    """The national and provincial pairs of corpus/gwr: every target's actual and verdict."""
    wrong = [f"{tr.pair}: {tr.indicator} gold {tr.gold_verdict} {tr.gold_actual!r}, got "
             f"{tr.got_verdict} {tr.got_actual!r}"
             for r in _tuned(records) if r.prior.startswith("gwr/") for tr in r.targets
             if not tr.actual_right or tr.got_verdict != tr.gold_verdict]
    # the labels allow no more than this many readings of a qualitative or split target to
    # differ; every quantified target's figure must be right
    assert len(wrong) <= 4, wrong


def test_evidence_only_from_the_years_own_account(records):
    outside = [(it.pair, q) for r in records for it in r.items for q in it.outside_review]
    assert not outside, outside


@pytest.mark.parametrize("name", SETS)
def test_every_gold_item_is_found_and_statuses_beat_always_delivered(records, name):
    part = _of(records, name)
    s = compare_gold.scores(part)
    found = sum(it.got != "(no item)" for r in part for it in r.items)
    assert found / s["items"] >= 0.95
    # "unclear" where the evidence is thin, but a confident status for most items, and no more
    # of the confident ones wrong than before they could say "unclear"
    assert s["decided"] / s["items"] >= 0.85
    assert (s["decided"] - s["agree_decided"]) / s["decided"] <= 0.38, \
        "\n".join(compare_gold.confusion(part, name))
    assert s["promises_found"] / s["promises"] >= 0.95
    margin = (s["agree"] - s["always_delivered"]) / s["items"]
    assert margin >= 0.15, "\n".join(compare_gold.report(part, name))


@pytest.mark.parametrize("name", SETS)
def test_the_best_evidence_is_relevant(records, name):
    s = compare_gold.scores(_of(records, name))
    assert s["p1"] / s["with_evidence"] >= 0.80
    assert s["hit3"] / s["with_gold"] >= 0.6


# The pairs no one had used before they were judged (held-out D, targets D): their figures were
# recorded before any rule was changed for them (targets found 98.0% / 92.0%, actual right
# 85.7% / 82.1%, verdicts 81.6% / 79.1%, GDP target 5 of 8 / 52 of 64); their target misses were
# then read as classes. The floors are the figures reached since: they may only get better (the
# goals are those of the sets above).
UNSEEN_FLOORS = {
    "d": {"found": 0.98, "actual_right": 0.85, "verdict": 0.85, "gdp_right": 6},
    # (a pair whose current report has no account of the year recognised is `unclear` where
    # these readers say `not_reported`, unless that report's review is of five years only)
    "targets_d": {"found": 0.98, "actual_right": 0.87, "verdict": 0.85, "gdp_right": 60},
}


@pytest.mark.parametrize("name", UNSEEN)
def test_the_targets_of_pairs_no_one_had_used(records, name):
    s = compare_gold.scores(_of(records, name))
    floor = UNSEEN_FLOORS[name]
    report = "\n".join(compare_gold.misses(_of(records, name)))
    assert s["found"] / s["targets"] >= floor["found"], report
    assert s["actual_right"] / s["found"] >= floor["actual_right"], report
    assert s["verdict"] / s["found"] >= floor["verdict"], report
    assert s["gdp_right"] >= floor["gdp_right"], report


def test_the_statuses_of_pairs_no_one_had_used(records):
    part = _of(records, "d")
    s = compare_gold.scores(part)
    assert s["decided"] / s["items"] >= 0.85
    # the goals of the sets above, reached since the spread of a word over the plan weighs it
    # in a promise's match (13.8 points and 79.0% when the pairs were still unseen)
    margin = (s["agree"] - s["always_delivered"]) / s["items"]
    assert margin >= 0.15, "\n".join(compare_gold.report(part, "held-out D"))
    assert s["p1"] / s["with_evidence"] >= 0.80
