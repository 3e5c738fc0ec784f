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
    confusion,
    corpus_ready,
    load_gold,
    misses,
    run_pair,
    scores,
    table,
)


def main(argv: list[str]) -> int:
    pairs = load_gold()
    if not corpus_ready(pairs):
        print(f"corpus of government work reports not found in {CORPUS}")
        return 1
    from reviewer.compare import ensure_jieba

    ensure_jieba()
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
