"""The labelled set: flags read in context and judged true or false (``tests/gold/flags*.toml``).

A flag labelled true must still be raised, one labelled false must not come back. Labels are keyed
by file, rule and quote, so they survive changes of offsets; a label matches a flag whose quote,
or the quote of any of its occurrences, is the label's. Reports of the corpus are skipped, saying
why, when the corpus is not beside the repository.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS
from reviewer.document import load_document
from reviewer.flags import RULES, run_flags
from reviewer.i18n import set_language

GOLD = ROOT / "tests" / "gold"


def _labels() -> dict[str, dict[tuple[str, str], dict]]:
    """file name → (rule, quote) → label (a later file's label wins)."""
    out: dict[str, dict[tuple[str, str], dict]] = defaultdict(dict)
    for path in sorted(GOLD.glob("flags*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["flag"]:
            out[Path(entry["file"]).name][(entry["rule"], entry["quote"])] = entry
    return dict(out)


LABELS = _labels()


def _where(name: str) -> Path | None:
    for folder in (SEEDS, CORPUS / "gwr", CORPUS / "gwr-more"):
        if (folder / name).exists():
            return folder / name
    return None


@cache
def _found(path: Path) -> frozenset[tuple[str, str]]:
    set_language("zh")
    doc = load_document(str(path))
    return frozenset((f.rule, doc.text[o.start:o.end])
                     for f in run_flags(doc) for o in f.occurrences)


def test_the_labelled_set_is_well_formed():
    assert LABELS, f"no labels in {GOLD}"
    for name, labels in LABELS.items():
        assert name.endswith(".txt"), name
        for (rule_id, quote), label in labels.items():
            assert rule_id in RULES, (name, rule_id)
            assert quote and isinstance(label["verdict"], bool), (name, rule_id, quote)
            assert label.get("reason"), (name, rule_id, quote)


def test_the_named_examples_on_the_seeds_are_labelled():
    named = [(n, k) for n, labels in LABELS.items() for k, v in labels.items() if v.get("named")]
    assert len(named) >= 16
    assert all((SEEDS / n).exists() and LABELS[n][k]["verdict"] for n, k in named)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labelled_flags(name):
    path = _where(name)
    if path is None:
        pytest.skip(f"{name} is not among the seeds, and the corpus is not beside the "
                    f"repository ({CORPUS}); set REVIEWER_CORPUS to its folder")
    found = _found(path)
    missing = [k for k, v in LABELS[name].items() if v["verdict"] and k not in found]
    back = [(k, v["reason"]) for k, v in LABELS[name].items() if not v["verdict"] and k in found]
    assert not missing, f"flags labelled true no longer raised: {missing}"
    assert not back, f"flags labelled false raised again: {back}"
