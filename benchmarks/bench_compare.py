"""Comparison speed: each consecutive pair of national government work reports.

Target: a full comparison (plan groups and their promises, evidence, targets, statuses) at most
150 ms once jieba is loaded. Every round starts with an empty token cache, as the app's first
comparison does.
Baseline in the same run: jieba segmenting both reports' whole texts once, the floor of any
comparison built on jieba tokens. Beside the wall-clock medians, the CPU time of each (process
time, median, the two run in turn each round, and the median of their ratios): on a machine
other work keeps busy the wall clock grows with the load, the CPU ratio much less.

    python benchmarks/bench_compare.py
"""

from __future__ import annotations

import statistics
import sys
import time

from _timing import CORPUS, measure

from reviewer.compare import compare_documents, ensure_jieba
from reviewer.compare.tokens import clear_caches
from reviewer.document import load_document

PAIRS = [(f"national-{y}", f"national-{y + 1}") for y in (2021, 2022, 2023, 2024)]
TARGET = 0.150


def _cpu(fn, floor, rounds: int = 9) -> tuple[float, float, float]:
    """The median CPU times of ``fn`` and of ``floor`` (seconds of process time), and the
    median of their ratios, the two run in turn each round: on a machine whose load comes and
    goes, a ratio of two runs minutes apart measures the load as much as the code."""
    mine, base, ratios = [], [], []
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        t1 = time.process_time()
        floor()
        t2 = time.process_time()
        mine.append(t1 - t0)
        base.append(t2 - t1)
        ratios.append((t1 - t0) / (t2 - t1) if t2 > t1 else float("inf"))
    return statistics.median(mine), statistics.median(base), statistics.median(ratios)


def main() -> int:
    if not all((CORPUS / f"{name}.txt").exists() for pair in PAIRS for name in pair):
        print(f"corpus of national reports not found in {CORPUS}")
        return 1
    t0 = time.perf_counter()
    ensure_jieba()
    print(f"loading jieba and the user dictionary: {(time.perf_counter() - t0) * 1000:.0f} ms")
    import jieba

    print(f"{'pair':<28} {'chars':>12}  {'compare (cold tokens)':<34} "
          f"{'jieba on both texts':<34} ratio")
    worst = 0.0
    for prior_name, current_name in PAIRS:
        prior = load_document(str(CORPUS / f"{prior_name}.txt"))
        current = load_document(str(CORPUS / f"{current_name}.txt"))

        def cold(prior=prior, current=current) -> object:
            clear_caches()
            return compare_documents(prior, current)

        def segment(prior=prior, current=current) -> object:
            return jieba.lcut(prior.text), jieba.lcut(current.text)

        full = measure("compare", cold, rounds=9, warmup=1)
        floor = measure("jieba", segment, rounds=9, warmup=1)
        cpu, cpu_floor, cpu_ratio = _cpu(cold, segment)
        worst = max(worst, full.median)
        chars = f"{len(prior.text)}+{len(current.text)}"
        print(f"{prior_name + ' → ' + current_name:<28} {chars:>12}  {full.ms():<34} "
              f"{floor.ms():<34} {full.median / floor.median:5.2f}   CPU {cpu * 1000:.0f} ms "
              f"vs {cpu_floor * 1000:.0f} ms, ratio {cpu_ratio:.2f} (in turn)")
    verdict = "met" if worst <= TARGET else "NOT met"
    print(f"target ≤ {TARGET * 1000:.0f} ms per pair: {verdict} (slowest median "
          f"{worst * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
