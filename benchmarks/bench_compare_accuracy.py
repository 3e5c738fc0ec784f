"""How far the comparison agrees with a careful reader: plan items and headline targets of
consecutive-year pairs judged by reading (``tests/gold/plan_items.toml``: 13 pairs;
``tests/gold/plan_items-c.toml``: 8 more pairs a third reader judged, never tuned on;
``tests/gold/plan_items-d.toml``: 6 pairs fourth readers judged on pairs no one had used;
``tests/gold/targets-d1.toml`` and ``targets-d2.toml``: every headline target of 15 national and
provincial pairs and the GDP target of 53 district pairs, no items).

One column per set of pairs, the baselines beside the agreement (calling every item
"delivered", the most frequent gold status): the pairs the comparison was tuned on, those of the
same file kept aside while tuning (``HELD_OUT``), the third reader's (held-out C), all of these
three (all A–C), the fourth readers' (held-out D) and their targets-only pairs (targets D: only
its target rows mean anything). Then every miss of the tuned-on and held-out pairs; C's misses
only with ``--c``, D's with ``--d`` (read them as classes, after the figures are recorded).

    python benchmarks/bench_compare_accuracy.py            # figures and misses
    python benchmarks/bench_compare_accuracy.py --quiet    # figures only
    python benchmarks/bench_compare_accuracy.py --tuned    # misses of the tuned-on pairs only
    python benchmarks/bench_compare_accuracy.py --c        # misses of the C pairs only
    python benchmarks/bench_compare_accuracy.py --d        # misses of the D pairs only
    python benchmarks/bench_compare_accuracy.py --transforms           # on reports as they arrive
    python benchmarks/bench_compare_accuracy.py --transforms --misses  # ... and what goes wrong

On reports as they arrive (``--transforms``, its own run: about 20 s of CPU beside the default
run's 17 s): both reports of every pair with gold headline targets (78 pairs once each, 343
targets) rewritten by each transform of tests/gold/transforms.py (pasted from a PDF, from Word,
from a web page, numbered or worded as other governments do, half-width marks), and per
transform, of every gold target: found, its target figure right, its actual right, its verdict
right, and the GDP target right (found, actual and verdict), beside the reports as they are (the
first row). A gold quote is located by its squeezed text (``compare_gold.Locator``); the quotes
it cannot locate are counted apart, a fault of the measure, not of the comparison. ``--misses``
lists the targets a transform gets wrong that the reports as they are get right.

Targets, on every set: status agreement at least 15 points above "always delivered", at most one
confident status (not ``unclear``) in five wrong, evidence precision@1 at least 80%, every
headline target found. A confusion matrix per column (gold status against the suggested one)
shows which classes the wrong confident statuses fall in.
"""

from __future__ import annotations

import sys

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests" / "gold"))
from compare_gold import (  # noqa: E402
    CORPUS,
    TRANSFORM_COLUMNS,
    Transformed,
    confusion,
    corpus_ready,
    load_gold,
    misses,
    run_pair,
    scores,
    table,
    target_fault,
    target_pairs,
    transform_misses,
    transform_row,
)


def arrival(show_misses: bool) -> None:
    """The headline targets on reports as they arrive, one row per transform."""
    import transforms
    from compare_gold import run_transformed

    pairs = target_pairs()
    made = Transformed()
    head = f"{'transform':<16}" + "".join(f"{c:>15}" for c in TRANSFORM_COLUMNS)
    print(f"headline targets on reports as they arrive ({len(pairs)} pairs, both reports "
          f"transformed; of every gold target)")
    print(head)
    baseline: dict[tuple[str, str, str], str] = {}
    for name in transforms.TRANSFORMS:
        records = [r for r in (run_transformed(p, name, made) for p in pairs) if r is not None]
        made.forget(name)
        if not records:
            continue
        row = transform_row(records)
        cells = []
        for col in TRANSFORM_COLUMNS:
            ok, n = row[col]
            cells.append(f"{ok}" if col in ("pairs", "targets") else
                         f"{ok}/{n} {ok / n:4.0%}" if n else "-")
        print(f"{name:<16}" + "".join(f"{c:>15}" for c in cells))
        if name == "as is":
            baseline = {(r.prior, r.current, tr.indicator): target_fault(tr)
                        for r in records for tr in r.targets}
        elif show_misses:
            print("\n".join(transform_misses(records, baseline)))


def main(argv: list[str]) -> int:
    pairs = load_gold()
    if not corpus_ready(pairs):
        print(f"corpus of government work reports not found in {CORPUS}")
        return 1
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    if "--transforms" in argv:
        arrival("--misses" in argv)
        return 0
    records = [run_pair(p) for p in pairs]
    columns = [("tuned on", [r for r in records if r.set == "tuned"]),
               ("held out", [r for r in records if r.set == "held_out"]),
               ("held-out C", [r for r in records if r.set == "c"]),
               ("all A–C", [r for r in records if r.set in ("tuned", "held_out", "c")]),
               ("held-out D", [r for r in records if r.set == "d"]),
               ("targets D", [r for r in records if r.set == "targets_d"])]
    lines = table(columns) + [""]
    for name, part in columns:
        s = scores(part)
        if not s["items"]:
            lines.append(f"targets ({name}): targets found {s['found']}/{s['targets']}, "
                         f"GDP target right {s['gdp_right']}/{s['gdp']}")
            continue
        margin = 100 * (s["agree"] - s["always_delivered"]) / s["items"]
        p1 = 100 * s["p1"] / s["with_evidence"] if s["with_evidence"] else 0.0
        wrong = s["decided"] - s["agree_decided"]
        error = 100 * wrong / s["decided"] if s["decided"] else 0.0
        lines.append(f"targets ({name}): agreement {margin:+.1f} points over 'always delivered' "
                     f"(≥ +15: {'met' if margin >= 15 else 'NOT met'}), confident statuses "
                     f"wrong {error:.1f}% (≤ 20%: {'met' if error <= 20 else 'NOT met'}), "
                     f"evidence precision@1 {p1:.1f}% (≥ 80%: {'met' if p1 >= 80 else 'NOT met'}), "
                     f"targets found {s['found']}/{s['targets']}")
    for name, part in columns:
        if scores(part)["items"]:
            lines += [""] + confusion(part, name)
    if "--quiet" not in argv:
        if "--c" in argv:
            shown = columns[2][1]
        elif "--d" in argv:
            shown = columns[4][1] + columns[5][1]
        elif "--tuned" in argv:
            shown = columns[0][1]
        else:
            shown = columns[0][1] + columns[1][1]
        lines += ["", "misses:"] + misses(shown)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
