"""How far the comparison agrees with a careful reader: plan items and headline targets of 13
consecutive-year pairs judged by reading (``tests/gold/plan_items.toml``).

Printed for the pairs the comparison was tuned on and, apart, for the pairs kept aside while
tuning (``HELD_OUT``), with the baselines beside the agreement: calling every item "delivered",
and the most frequent gold status. Then every miss.

    python benchmarks/bench_compare_accuracy.py            # figures and misses
    python benchmarks/bench_compare_accuracy.py --quiet    # figures only
    python benchmarks/bench_compare_accuracy.py --tuned    # misses of the tuned-on pairs only

Targets: status agreement at least 15 points above "always delivered", evidence precision@1 at
least 80%.
"""

from __future__ import annotations

import sys

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests" / "gold"))
from compare_gold import (  # noqa: E402
    CORPUS,
    corpus_ready,
    load_gold,
    misses,
    report,
    run_pair,
    scores,
)


def main(argv: list[str]) -> int:
    pairs = load_gold()
    if not corpus_ready(pairs):
        print(f"corpus of government work reports not found in {CORPUS}")
        return 1
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    records = [run_pair(p) for p in pairs]
    tuned = [r for r in records if not r.held_out]
    held = [r for r in records if r.held_out]
    lines = report(tuned, "tuned on") + [""] + report(held, "held out") + [""] + \
        report(records, "all pairs")
    for name, part in (("tuned on", tuned), ("held out", held), ("all pairs", records)):
        s = scores(part)
        margin = 100 * (s["agree"] - s["always_delivered"]) / s["items"]
        p1 = 100 * s["p1"] / s["with_evidence"] if s["with_evidence"] else 0.0
        lines.append(f"targets ({name}): agreement {margin:+.1f} points over 'always delivered' "
                     f"(≥ +15: {'met' if margin >= 15 else 'NOT met'}), evidence precision@1 "
                     f"{p1:.1f}% (≥ 80%: {'met' if p1 >= 80 else 'NOT met'})")
    if "--quiet" not in argv:
        shown = tuned if "--tuned" in argv else records
        lines += ["", "misses:"] + misses(shown)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
