"""The labelled set of flags (``flags*.toml`` beside this file): shared by the gold test
(tests/test_gold_flags.py) and the precision benchmark (benchmarks/bench_flags.py).

``flags.toml`` holds the labels written by the rules' author; ``flags-*.toml`` those of
independent readers, who judged every flag on the reports they read without seeing the first
labels. Where two labels judge the same flag (same file, rule and quote), an independent reader's
wins over the author's, and a later independent file over an earlier one.

The first independent reader's labels (``flags-independent.toml``) are split by report into two
halves: the rules are tuned on one, and the other (``HELD_OUT``) says how they do on reports they
were not tuned on. Every later reader's file (``flags-independent-2.toml``…) judged reports no
label had touched before: each is a set of its own (:func:`label_sets`), its figures before the
rules were tuned on it kept as the honest measure on unseen reports.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = Path(__file__).resolve().parent
AUTHOR = GOLD / "flags.toml"
# the independent file split into a tuned-on and a held-out half
HALVED = GOLD / "flags-independent.toml"
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))
SEEDS = ROOT / "seeds"

# reports whose independent labels are kept aside while the rules are tuned (about half of the
# labels, seeds and corpus reports of both genres)
HELD_OUT = frozenset({
    "hutiaoxia-2025.txt", "guanba-2025.txt", "baogou-2025.txt", "futian-2023.txt",
    "futian-2018.txt", "luohu-2015.txt", "guangming-2021.txt", "national-2017.txt",
})

Key = tuple[str, str, str]  # (file name, rule, quote)


def _order(path: Path) -> tuple[str, int]:
    """flags-independent.toml, then flags-independent-2.toml, -3…: the readers in turn."""
    m = re.fullmatch(r"(.*?)(?:-(\d+))?", path.stem)
    return m.group(1), int(m.group(2) or 1)


def label_files() -> list[Path]:
    """The author's labels first, then the independent readers' files in turn
    (flags-independent.toml, flags-independent-2.toml…)."""
    independent = sorted(GOLD.glob("flags-*.toml"), key=_order)
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


# a report the reader read, named in a comment line even where it raised no flag to judge
_READ = re.compile(r"^# file: (\S+\.txt)", re.M)


def reports_of(path: Path) -> set[str]:
    """The names of the reports a label file judges: those its labels name, and those its
    ``# file: …`` comments say were read (a report on which no flag was raised is read too)."""
    text = path.read_text(encoding="utf-8")
    return ({Path(e["file"]).name for e in _entries(path)}
            | {Path(m.group(1)).name for m in _READ.finditer(text)})


def label_sets() -> dict[str, set[str]]:
    """Each independent set of labels → the reports it judges: the two halves of the first
    independent reader's file, then every later reader's file as its own set
    (:func:`set_name`: ``reader 2, unseen``)."""
    out: dict[str, set[str]] = {}
    if HALVED.exists():
        halved = reports_of(HALVED)
        out["independent, tuned-on half"] = {n for n in halved if half(n) == "tuned"}
        out["independent, held-out half"] = {n for n in halved if half(n) == "held-out"}
    for path in label_files():
        if path not in (AUTHOR, HALVED):
            out[set_name(path)] = reports_of(path)
    return out


def set_name(path: Path) -> str:
    """The name a later reader's file goes by as a set of its own: ``reader 3, unseen`` for
    ``flags-independent-3.toml`` (the reports were unseen when that reader judged them)."""
    return f"reader {_order(path)[1]}, unseen"


def labels_of(path: Path) -> dict[Key, dict[str, Any]]:
    """One file's labels alone, (file name, rule, quote) → label."""
    return {(Path(e["file"]).name, e["rule"], e["quote"]): {**e, "source": path.name}
            for e in _entries(path)}


def half(name: str) -> str:
    """Which half of the independent labels a report's belong to: ``tuned`` or ``held-out``."""
    return "held-out" if name in HELD_OUT else "tuned"


def where(name: str) -> Path | None:
    """The report a label's file name names: a seed or a corpus report."""
    for folder in (SEEDS, CORPUS / "gwr", CORPUS / "gwr-more"):
        if (folder / name).exists():
            return folder / name
    return None
