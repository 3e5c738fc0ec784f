"""Precision of the flags on the labelled set, beside baseline rule sets in the same run.

The labelled set is ``tests/gold/flags*.toml`` (read through ``tests/gold/flags_gold.py``): flags
read in context and judged true or false, keyed by file, rule and quote (so a label survives
offset changes). ``flags.toml`` holds the rules' author's labels, ``flags-*.toml`` those of
independent readers, whose label wins where both judged a flag.

Every seed and corpus report is checked by the current rules and by each baseline (the package
as it was at a commit), each in its own process. Printed:

- per rule, on each set of labels (the author's own; the first independent reader's, tuned-on
  and held-out halves; each later reader's file on reports no one had used): flags raised,
  labelled true and false, unlabelled, the precision true / (true + false), and the true labels
  still found (recall), beside the first baseline (the rules before round 4: on the third
  reader's reports, the figures before the rules were tuned on them; the rules before round 3
  are that measure on the second reader's, in the table per severity);
- per severity, on each set and on every label, for the current rules and each baseline, with
  the true labels found;
- flags per report on each set, and the named examples on the seeds and the true labels found.

Targets on labelled data: error ≥ 95%, warning ≥ 85%, info ≥ 60%, on every independent set.

    python benchmarks/bench_flags.py
    python benchmarks/bench_flags.py --baseline REV [--baseline REV …]
    python benchmarks/bench_flags.py --arrival [--places]   # ... and on reports as they arrive

``--arrival`` adds the flags on reports as they arrive (tests/gold/flags_arrival.py): every
report with a gold outline checked as it is and rewritten by each transform of
tests/gold/transforms.py, the places of the two sets of flags matched by rule and squeezed quote;
per transform and severity the places kept, lost (the true labels lost among them) and new, the
new ones by class (intended by the transform, a conversion artefact, other); the finding the
transform makes on purpose counts once per report, however many places it holds. It costs one parse
and one check of each report per transform: about 25 s on 2 cores for 107 reports and 16
transforms. ``--places`` lists every place lost or new.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from _timing import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import flags_arrival  # noqa: E402
import flags_gold  # noqa: E402

CORPUS_ROOT = flags_gold.CORPUS
# the rules before round 4 (the third independent reader judged them: their figures on that
# reader's reports are the measure on unseen reports), before round 3 (the same for the second
# reader), the rules the first independent reader judged, and the rules as they were before
# flags were measured against labels at all
BASELINES = {"478468b4eda3d9c2e46d892357f3a809b83dab45": "before round 4",
             "ae425987cba3cab810e6582310cfe609b8c51cb8": "before round 3",
             "f6dd2c13345aabc44a0c640ed15b7637bacc952c": "round 1",
             "aff32c1316295742f77af41abeaf849fd0585fa8": "before labels"}
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
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


class Tally:
    """Flags of one rule set, counted against one set of labels; ``reports`` limits the count
    to those reports (None: all)."""

    def __init__(self, flags: dict[str, list[dict]], labels: dict,
                 reports: set[str] | None = None):
        self.by_rule: dict[str, Counter] = defaultdict(Counter)
        self.by_severity: dict[str, Counter] = defaultdict(Counter)
        self.reports = 0
        self.total = 0
        self.found: set[flags_gold.Key] = set()
        for name, found in flags.items():
            if reports is not None and name not in reports:
                continue
            self.reports += 1
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

    def met(self, severity: str) -> bool | None:
        c = self.by_severity[severity]
        judged = c["true"] + c["false"]
        return c["true"] / judged >= TARGETS[severity] if judged else None


def _precision(c: Counter) -> str:
    judged = c["true"] + c["false"]
    return f"{c['true'] / judged:6.1%}" if judged else "     —"


def _counts(c: Counter) -> str:
    return (f"{c['flags']:>5} {c['true']:>5} {c['false']:>5} {c['unlabelled']:>5} "
            f"{_precision(c)}")


def _severity_line(name: str, tally: Tally) -> str:
    parts = []
    for sev in SEVERITIES:
        c = tally.by_severity[sev]
        parts.append(f"{sev} {c['true']}/{c['true'] + c['false']} {_precision(c).strip()}")
    return f"  {name:<24} " + "   ".join(parts)


def _rule_table(title: str, pool: dict, reports: set[str], sets: dict, first_base: str | None):
    """Per rule on one set of labels: the current rules beside the first baseline, with the
    recall of the set's true labels."""
    cur = Tally(sets["current"], pool, reports)
    base = Tally(sets[first_base], pool, reports) if first_base else None
    judged = {k: v for k, v in pool.items() if k[0] in reports}
    wanted = Counter(k[1] for k, v in judged.items() if v["verdict"])
    found = Counter(k[1] for k in cur.found if judged[k]["verdict"])
    print(f"\nper rule, {title} ({len(reports)} reports, {len(judged)} labels)")
    head = f"{'':<36} {'flags':>5} {'true':>5} {'false':>5} {'unlab':>5} {'prec':>6} {'recall':>7}"
    print(f"{'':<36} current rules{'':<30}" + (f"| {first_base}" if base else ""))
    print(head + (f"   | {'flags':>5} {'true':>5} {'false':>5} {'unlab':>5} {'prec':>6}"
                  if base else ""))
    for r in sorted(set(cur.by_rule) | set(base.by_rule if base else ()) | set(wanted)):
        recall = f"{found[r]}/{wanted[r]}" if wanted[r] else "—"
        line = f"{r:<36} {_counts(cur.by_rule[r])} {recall:>7}"
        if base:
            line += f"   | {_counts(base.by_rule[r])}"
        print(line)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", action="append",
                        help="commit of a baseline rule set (repeatable; default: the rules "
                             "before round 4 and before round 3, those the first independent "
                             "reader judged, and those before any labels)")
    parser.add_argument("--arrival", action="store_true",
                        help="also the flags on reports as they arrive, per transform")
    parser.add_argument("--places", action="store_true",
                        help="with --arrival: every place lost or new")
    args = parser.parse_args(argv)
    baselines = args.baseline or list(BASELINES)
    files = report_files()
    labels = flags_gold.load_labels()
    independent = flags_gold.load_labels(independent_only=True)
    if not labels:
        print(f"no labels in {flags_gold.GOLD}")
        return 1
    corpus = len(files) - len(list(SEEDS.glob("*.txt")))
    # every set of labels: the author's own, then each independent set (the halves of the first
    # reader's file, each later reader's file), then every label together
    parts: list[tuple[str, dict, set[str] | None, bool]] = []
    if flags_gold.AUTHOR.exists():
        # the flags the author judged, with an independent verdict where one judged them too
        own = {k: labels[k] for k in flags_gold.labels_of(flags_gold.AUTHOR)}
        parts.append(("self", own, flags_gold.reports_of(flags_gold.AUTHOR), False))
    for name, reports in flags_gold.label_sets().items():
        parts.append((name, independent, reports, True))
    print(f"{len(files)} reports ({corpus} from the corpus); {len(labels)} labels on "
          f"{len({k[0] for k in labels})} reports "
          f"({', '.join(p.name for p in flags_gold.label_files())})")
    for name, pool, reports, _ in parts:
        print(f"  {name}: {sum(1 for k in pool if k[0] in reports)} labels on "
              f"{len(reports)} reports")
    sets = {"current": run_rules(ROOT, files)}
    with tempfile.TemporaryDirectory() as tmp:
        for rev in baselines:
            tree = baseline_tree(rev, Path(tmp) / rev)
            if tree is not None:
                sets[f"{BASELINES.get(rev, 'baseline')} {rev[:7]}"] = run_rules(tree, files)
    names = list(sets)
    first_base = names[1] if len(names) > 1 else None

    for name, pool, reports, _ in parts:
        _rule_table(name, pool, reports, sets, first_base)

    print("\nper severity: true/judged precision; true labels found")
    verdicts = []
    for part, pool, reports, target in [*parts, ("every label", labels, None, False)]:
        print(f"{part} ({len(reports) if reports is not None else len(sets['current'])} "
              f"reports)")
        true = {k for k, v in pool.items() if v["verdict"]
                and (reports is None or k[0] in reports)}
        for name in names:
            tally = Tally(sets[name], pool, reports)
            print(_severity_line(name, tally) + f"   recall {len(true & tally.found)}/{len(true)}")
            if name == "current" and target:
                for sev in SEVERITIES:
                    ok = tally.met(sev)
                    if ok is not None:
                        verdicts.append(f"{part} {sev} ≥ {TARGETS[sev]:.0%}: "
                                        f"{'met' if ok else 'NOT met'}")
    print()
    for part, pool, reports, _ in [*parts, ("every report", labels, None, False)]:
        for name in names:
            tally = Tally(sets[name], pool, reports)
            print(f"flags per report, {part:<28} {name:<24} "
                  f"{tally.total / max(tally.reports, 1):6.1f} "
                  f"({tally.total} on {tally.reports} reports)")
    every = Tally(sets["current"], labels)
    named = {k for k, v in labels.items() if v.get("named")}
    print(f"named examples found: {len(named & every.found)}/{len(named)}")
    true_all = {k for k, v in labels.items() if v["verdict"]}
    true_ind = {k for k, v in independent.items() if v["verdict"]}
    print(f"flags labelled true found: independent {len(true_ind & every.found)}/{len(true_ind)}, "
          f"every label {len(true_all & every.found)}/{len(true_all)}")
    false_all = {k for k, v in labels.items() if not v["verdict"]}
    print(f"flags labelled false raised: {len(false_all & every.found)}/{len(false_all)}")
    print("targets: " + "; ".join(verdicts))
    if args.arrival:
        arrival(args.places)
    return 0


def _by_severity(c: Counter) -> str:
    return "/".join(str(c[s]) for s in SEVERITIES)


def arrival(show_places: bool) -> None:
    """The flags of every report with a gold outline, as it is against each transform."""
    tallies = flags_arrival.measure()
    print("\nflags on reports as they arrive: places as error/warning/info; new ones intended by "
          "the transform (findings, one per report however many places), conversion artefacts, other")
    print(f"{'transform':<16} {'reports':>7} {'kept':>12} {'moved':>7} {'lost':>10} {'true lost':>12} "
          f"{'new intended':>13} {'new artefact':>13} {'new other':>10}")
    for name, t in tallies.items():
        true = f"{_by_severity(t.true_lost)} of {sum(t.true_there.values())}"
        print(f"{name:<16} {t.reports:>7} {_by_severity(t.kept):>12} {_by_severity(t.moved):>7} "
              f"{_by_severity(t.lost):>10} "
              f"{true:>12} {_by_severity(t.new['intended']):>13} "
              f"{_by_severity(t.new['artefact']):>13} {_by_severity(t.new['other']):>10}")
        if show_places and (t.lost_places or t.new_places):
            print("\n".join(t.lost_places + t.new_places))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
