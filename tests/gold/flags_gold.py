"""The labelled set of flags (``flags*.toml`` beside this file): shared by the gold test
(tests/test_gold_flags.py) and the precision benchmark (benchmarks/bench_flags.py).

``flags.toml`` holds the labels written by the rules' author; ``flags-*.toml`` those of
independent readers, who judged every flag on the reports they read without seeing the first
labels. Where two labels judge the same flag (same file, rule and quote), an independent reader's
wins over the author's, and a later independent file over an earlier one.

The independent labels are split by report into two halves: the rules are tuned on one, and the
other (``HELD_OUT``) says how they do on reports they were not tuned on.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = Path(__file__).resolve().parent
AUTHOR = GOLD / "flags.toml"
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))
SEEDS = ROOT / "seeds"

# reports whose independent labels are kept aside while the rules are tuned (about half of the
# labels, seeds and corpus reports of both genres)
HELD_OUT = frozenset({
    "hutiaoxia-2025.txt", "guanba-2025.txt", "baogou-2025.txt", "futian-2023.txt",
    "futian-2018.txt", "luohu-2015.txt", "guangming-2021.txt", "national-2017.txt",
})

Key = tuple[str, str, str]  # (file name, rule, quote)


def label_files() -> list[Path]:
    """The author's labels first, then the independent readers' files in name order."""
    independent = sorted(p for p in GOLD.glob("flags-*.toml"))
    return ([AUTHOR] if AUTHOR.exists() else []) + independent


def _entries(path: Path) -> list[dict[str, Any]]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("flag", [])


def load_labels(independent_only: bool = False) -> dict[Key, dict[str, Any]]:
    """(file name, rule, quote) → label; each label carries ``source`` (the name of the file
    whose verdict it is)."""
    labels: dict[Key, dict[str, Any]] = {}
    for path in label_files():
        if independent_only and path == AUTHOR:
            continue
        for entry in _entries(path):
            key = (Path(entry["file"]).name, entry["rule"], entry["quote"])
            # a later label's verdict and reason win; ``named`` stays the author's
            labels[key] = {**labels.get(key, {}), **entry, "source": path.name}
    return labels


def half(name: str) -> str:
    """Which half of the independent labels a report's belong to: ``tuned`` or ``held-out``."""
    return "held-out" if name in HELD_OUT else "tuned"


def where(name: str) -> Path | None:
    """The report a label's file name names: a seed or a corpus report."""
    for folder in (SEEDS, CORPUS / "gwr", CORPUS / "gwr-more"):
        if (folder / name).exists():
            return folder / name
    return None
