"""Whether the comparison's evidence comes only from the year's review: every evidence sentence
(a group's and a promise's top 1 and top 3, a headline target's actual) placed in the gold
outline of the current report (``tests/gold/outlines.toml``), per set of pairs (tuned, held-out,
C, D, and every other consecutive pair of the corpus), beside two baselines: the share of the
sentences evidence is searched in, and of every sentence of the report, that lie in the year's
review; with ``--shapes``, the top-1 evidence when the current report arrives pasted from a
PDF, from Word, from a web page… (``tests/gold/transforms.py``). Then every evidence sentence from a wrong place (``--quiet``: figures only).

    python benchmarks/bench_evidence_place.py
    python benchmarks/bench_evidence_place.py --quiet
    python benchmarks/bench_evidence_place.py --quiet --shapes   # and as reports arrive
"""

from __future__ import annotations

import sys

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests" / "gold"))
from compare_gold import CORPUS  # noqa: E402
from evidence_place import corpus_ready, pairs, run_pair, shaped_table, table  # noqa: E402


def main(argv: list[str]) -> int:
    measured = pairs()
    if not corpus_ready(measured):
        print(f"corpus of government work reports not found in {CORPUS}")
        return 1
    from reviewer.compare import ensure_jieba

    ensure_jieba()
    records = [run_pair(*p) for p in measured]
    lines = table(records)
    if "--shapes" in argv:
        lines += [""] + shaped_table(measured)
    if "--quiet" not in argv:
        lines += ["", "evidence from a wrong place:"]
        for r in records:
            if r.wrong:
                lines.append(f"{r.prior} → {r.current} ({r.set})")
                lines += [f"  [{place}] {what}: {quote[:60]}" for what, place, quote in r.wrong]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
