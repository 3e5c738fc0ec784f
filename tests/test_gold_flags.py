"""The labelled set: flags read in context and judged true or false (``tests/gold/flags*.toml``,
read through ``tests/gold/flags_gold.py``: an independent reader's label wins over the author's).

A flag labelled true must still be raised, one labelled false must not come back. Labels are keyed
by file, rule and quote, so they survive changes of offsets; a label matches a flag whose quote,
or the quote of any of its occurrences, is the label's. Reports of the corpus are skipped, saying
why, when the corpus is not beside the repository.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS
from reviewer.document import load_document
from reviewer.flags import RULES, SEVERITIES, run_flags
from reviewer.i18n import set_language

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import flags_gold  # noqa: E402


def _by_file() -> dict[str, dict[tuple[str, str], dict]]:
    """file name → (rule, quote) → label."""
    out: dict[str, dict[tuple[str, str], dict]] = defaultdict(dict)
    for (name, rule_id, quote), label in flags_gold.load_labels().items():
        out[name][(rule_id, quote)] = label
    return dict(out)


LABELS = _by_file()


@cache
def _found(path: Path) -> frozenset[tuple[str, str]]:
    set_language("zh")
    doc = load_document(str(path))
    return frozenset((f.rule, doc.text[o.start:o.end])
                     for f in run_flags(doc) for o in f.occurrences)


def test_the_labelled_set_is_well_formed():
    assert LABELS, f"no labels in {flags_gold.GOLD}"
    for name, labels in LABELS.items():
        assert name.endswith(".txt"), name
        for (rule_id, quote), label in labels.items():
            assert rule_id in RULES, (name, rule_id)
            assert quote and isinstance(label["verdict"], bool), (name, rule_id, quote)
            assert label.get("reason"), (name, rule_id, quote)
            assert label.get("severity", "warning") in SEVERITIES, (name, rule_id, quote)


def test_an_independent_label_wins_over_the_authors():
    author = {k: v for k, v in flags_gold.load_labels().items() if v["source"] == "flags.toml"}
    independent = flags_gold.load_labels(independent_only=True)
    assert independent, "no independent labels (tests/gold/flags-*.toml)"
    merged = flags_gold.load_labels()
    for key, label in independent.items():
        assert merged[key]["verdict"] == label["verdict"], key
    assert all(v["source"] == "flags.toml" for v in author.values())


def test_the_first_independent_labels_are_split_by_report_into_two_halves():
    halved = flags_gold.labels_of(flags_gold.HALVED)
    halves = defaultdict(set)
    for name, _, _ in halved:
        halves[flags_gold.half(name)].add(name)
    assert set(halves) == {"tuned", "held-out"}
    counts = {h: sum(1 for k in halved if flags_gold.half(k[0]) == h) for h in halves}
    assert min(counts.values()) >= 0.4 * sum(counts.values()), counts


def test_a_later_readers_reports_are_a_set_of_their_own():
    """A later reader judged reports no other label file touches: their figures measure the
    rules on reports unseen when they were judged."""
    sets = flags_gold.label_sets()
    later = [p for p in flags_gold.label_files() if p not in (flags_gold.AUTHOR, flags_gold.HALVED)]
    assert later, "no later independent labels (tests/gold/flags-independent-2.toml…)"
    for path in later:
        own = flags_gold.reports_of(path)
        assert sets[flags_gold.set_name(path)] == own
        # reports read without a flag to judge are named in the file's comments and count too
        assert own > {k[0] for k in flags_gold.labels_of(path)}
        for other in flags_gold.label_files():
            if other != path:
                assert not own & flags_gold.reports_of(other), (path.name, other.name)


def test_later_files_win():
    assert [p.name for p in flags_gold.label_files()][:4] == [
        "flags.toml", "flags-independent.toml", "flags-independent-2.toml",
        "flags-independent-3.toml"]
    assert list(flags_gold.label_sets())[2:4] == ["reader 2, unseen", "reader 3, unseen"]


def test_the_named_examples_on_the_seeds_are_labelled():
    named = [(n, k) for n, labels in LABELS.items() for k, v in labels.items() if v.get("named")]
    assert len(named) >= 16
    assert all((SEEDS / n).exists() and LABELS[n][k]["verdict"] for n, k in named)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_flags(name):
    path = flags_gold.where(name)
    if path is None:
        pytest.skip(f"{name} is not among the seeds, and the corpus is not beside the "
                    f"repository ({CORPUS}); set REVIEWER_CORPUS to its folder")
    found = _found(path)
    missing = [k for k, v in LABELS[name].items() if v["verdict"] and k not in found]
    back = [(k, v["reason"]) for k, v in LABELS[name].items() if not v["verdict"] and k in found]
    assert not missing, f"flags labelled true no longer raised: {missing}"
    assert not back, f"flags labelled false raised again: {back}"
