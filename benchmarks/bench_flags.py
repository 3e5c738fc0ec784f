"""Precision of the flags on the labelled set, beside a baseline rule set in the same run.

The labelled set is ``tests/gold/flags*.toml``: flags read in context and judged true or false,
keyed by file, rule and quote (so a label survives offset changes). Every seed and corpus report
is checked by the current rules and by the baseline rules (the package as it was at
``--baseline``, a commit before the work on precision), each in its own process; for each rule and
each severity the table gives the flags raised, how many of them are labelled true and false, the
unlabelled rest, and the precision true / (true + false). Also: flags per report, and the named
examples on the seeds (labels with ``named = true``) still found.

Targets on labelled data: error ≥ 95%, warning ≥ 85%, info ≥ 60%.

    python benchmarks/bench_accuracy.py                 # baseline: the default commit below
    python benchmarks/bench_accuracy.py --baseline REV  # any commit, tag or branch
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from _timing import ROOT, SEEDS

CORPUS_ROOT = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "tests" / "gold"
# the rules as they were before flags were measured against labels
BASELINE = "aff32c1316295742f77af41abeaf849fd0585fa8"
TARGETS = {"error": 0.95, "warning": 0.85, "info": 0.60}
SEVERITIES = ("error", "warning", "info")

# run in a fresh interpreter with the rule set under test first on sys.path: reads file paths on
# stdin, prints one JSON line per report
_DUMP = r"""
import json, sys
from reviewer.document import load_document
from reviewer.flags import run_flags
from reviewer.i18n import set_language
set_language("zh")
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    try:
        doc = load_document(path)
    except Exception as exc:
        print(json.dumps({"file": path, "error": repr(exc)}, ensure_ascii=False))
        continue
    out = []
    for f in run_flags(doc):
        places = getattr(f, "occurrences", None) or [(f.start, f.end)]
        out.append({"rule": f.rule, "severity": f.severity,
                    "quotes": [doc.text[s:e] for s, e in places]})
    print(json.dumps({"file": path, "flags": out}, ensure_ascii=False))
"""


def report_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    for folder in ("gwr", "gwr-more"):
        files += sorted((CORPUS_ROOT / folder).glob("*.txt"))
    return files


def load_labels() -> dict[tuple[str, str, str], dict]:
    """(file name, rule, quote) → label; a later file's label wins over an earlier one."""
    labels: dict[tuple[str, str, str], dict] = {}
    for path in sorted(GOLD.glob("flags*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("flag", []):
            labels[(Path(entry["file"]).name, entry["rule"], entry["quote"])] = entry
    return labels


def run_rules(pythonpath: Path, files: list[Path]) -> dict[str, list[dict]]:
    env = dict(os.environ, PYTHONPATH=str(pythonpath))
    proc = subprocess.run([sys.executable, "-c", _DUMP], input="\n".join(map(str, files)),
                          capture_output=True, text=True, env=env, cwd=pythonpath, check=False)
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip()[-2000:])
    out = {}
    for line in proc.stdout.splitlines():
        report = json.loads(line)
        out[Path(report["file"]).name] = report.get("flags", [])
    return out


def baseline_tree(rev: str, into: Path) -> Path | None:
    """The ``reviewer`` package as it was at ``rev``, unpacked under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "reviewer"],
                             capture_output=True, check=False)
    if archive.returncode:
        print(f"baseline {rev} not available: {archive.stderr.decode().strip()}")
        return None
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


class Tally:
    """Flags of one rule set, counted against the labels."""

    def __init__(self, flags: dict[str, list[dict]], labels: dict):
        self.by_rule: dict[str, Counter] = defaultdict(Counter)
        self.by_severity: dict[str, Counter] = defaultdict(Counter)
        self.reports = len(flags)
        self.total = 0
        self.found: set[tuple[str, str, str]] = set()
        for name, found in flags.items():
            for f in found:
                self.total += 1
                verdict = None
                for quote in f["quotes"]:
                    label = labels.get((name, f["rule"], quote))
                    if label is not None:
                        self.found.add((name, f["rule"], quote))
                        verdict = label["verdict"] if verdict is None else verdict
                key = {True: "true", False: "false", None: "unlabelled"}[verdict]
                for counter in (self.by_rule[f["rule"]], self.by_severity[f["severity"]]):
                    counter["flags"] += 1
                    counter[key] += 1


def _precision(c: Counter) -> str:
    judged = c["true"] + c["false"]
    return f"{c['true'] / judged:6.1%}" if judged else "     —"


def _row(name: str, cur: Counter, base: Counter | None) -> str:
    line = (f"{name:<38} {cur['flags']:>5} {cur['true']:>5} {cur['false']:>5} "
            f"{cur['unlabelled']:>5} {_precision(cur)}")
    if base is not None:
        line += (f"   | {base['flags']:>5} {base['true']:>5} {base['false']:>5} "
                 f"{base['unlabelled']:>5} {_precision(base)}")
    return line


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help="commit of the baseline rules")
    args = parser.parse_args(argv)
    files = report_files()
    labels = load_labels()
    if not labels:
        print(f"no labels in {GOLD}")
        return 1
    corpus = len(files) - len(list(SEEDS.glob("*.txt")))
    print(f"{len(files)} reports ({corpus} from the corpus); {len(labels)} labels on "
          f"{len({k[0] for k in labels})} reports ({', '.join(p.name for p in sorted(GOLD.glob('flags*.toml')))})")
    current = Tally(run_rules(ROOT, files), labels)
    with tempfile.TemporaryDirectory() as tmp:
        tree = baseline_tree(args.baseline, Path(tmp))
        base = Tally(run_rules(tree, files), labels) if tree else None
    head = f"{'':<38} {'flags':>5} {'true':>5} {'false':>5} {'unlab':>5} {'prec':>6}"
    print(f"{'':<38} current rules{'':<22}" + (f"| baseline {args.baseline[:12]}" if base else ""))
    print(head + (f"   | {'flags':>5} {'true':>5} {'false':>5} {'unlab':>5} {'prec':>6}"
                  if base else ""))
    rules = sorted(set(current.by_rule) | set(base.by_rule if base else ()))
    for r in rules:
        print(_row(r, current.by_rule[r], base.by_rule[r] if base else None))
    print()
    for sev in SEVERITIES:
        print(_row(f"severity {sev}", current.by_severity[sev],
                   base.by_severity[sev] if base else None))
    print()
    for label, tally in (("current", current), ("baseline", base)):
        if tally is not None:
            print(f"flags per report, {label:<9} {tally.total / max(tally.reports, 1):6.1f} "
                  f"({tally.total} on {tally.reports} reports)")
    named = {k for k, v in labels.items() if v.get("named")}
    print(f"named examples found: {len(named & current.found)}/{len(named)}")
    wanted_true = {k for k, v in labels.items() if v["verdict"]}
    print(f"flags labelled true found: {len(wanted_true & current.found)}/{len(wanted_true)}")
    verdicts = []
    for sev in SEVERITIES:
        c = current.by_severity[sev]
        judged = c["true"] + c["false"]
        if judged:
            ok = c["true"] / judged >= TARGETS[sev]
            verdicts.append(f"{sev} ≥ {TARGETS[sev]:.0%}: {'met' if ok else 'NOT met'}")
    print("targets on the labelled set: " + "; ".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
