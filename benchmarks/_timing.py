"""Small timing helpers shared by the benchmark scripts: rounds, median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "gwr"


@dataclass
class Figure:
    name: str
    median: float  # seconds
    low: float
    high: float
    rounds: int

    def ms(self) -> str:
        return f"{self.median * 1000:8.2f} ms  [{self.low * 1000:.2f}–{self.high * 1000:.2f}]"


def measure(name: str, fn: Callable[[], object], rounds: int = 15, warmup: int = 2) -> Figure:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return Figure(name, statistics.median(samples), min(samples), max(samples), rounds)


def ratio_line(label: str, subject: Figure, baseline: Figure, target: str) -> str:
    r = subject.median / baseline.median if baseline.median else float("inf")
    return f"{label:<44} {subject.ms()}  vs  {baseline.ms()}  ratio {r:5.2f}  (target {target})"
