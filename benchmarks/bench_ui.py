"""The app as a person feels it, in a pseudo-terminal, against a bare Textual app that shows
the same report in a read-only TextArea, measured side by side in the same run.

- start-up: launch → the first complete frame showing the report (target ratio ≤ 1.2);
- key latency: keypress → its frame, for cursor movement (↓) and page scrolling (PgDn) on the
  largest corpus report (target median and p95 ratios ≤ 1.2);
- memory: peak RSS with the largest report open and its comparison loaded, against the bare app
  with jieba initialised (target ratio ≤ 1.3).

    python benchmarks/bench_ui.py [--rounds N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

from _timing import CORPUS, ROOT, SEEDS
from pty_driver import PtyApp

DOWN, PGDN = b"\x1b[B", b"\x1b[6~"


def _reviewer(report: Path, tmp: str, *extra: str) -> list[str]:
    review = os.path.join(tmp, report.name + ".review.toml")
    return [sys.executable, "-m", "reviewer", str(report), "--review", review,
            "--reviewer", "bench", *extra]


def _baseline(report: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "benchmarks" / "baseline_app.py"), str(report), *extra]


def _env(tmp: str) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp, "TEXTUAL_ANIMATIONS": "none"}


def startup(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    app = PtyApp(argv, env=env)
    t0 = app.start()
    try:
        return app.read_until(marker) - t0
    finally:
        app.stop()


def keys(argv: list[str], marker: bytes, env: dict[str, str], key: bytes, n: int) -> list[float]:
    app = PtyApp(argv, env=env)
    app.start()
    try:
        app.read_until(marker)
        app.drain()
        out = []
        for _ in range(n):
            out.append(app.key(key))
        return [x for x in out if x == x]  # drop keys that drew nothing (NaN)
    finally:
        app.stop()


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def fmt(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.1f} ms  [{min(xs) * 1000:.1f}–{max(xs) * 1000:.1f}]"


def main() -> int:
    ap = argparse.ArgumentParser()
    # Start-up times of both apps move with the machine's load by ±10% from one launch to the
    # next; with 15 alternating launches of each, the median ratio moves by about ±0.05.
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    # An installed app runs from compiled bytecode, as Textual (the baseline) does from
    # site-packages: compile ours too, or every launch would also time compiling it.
    compileall.compile_dir(str(ROOT / "reviewer"), quiet=1)
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        seed = SEEDS / "hutiaoxia-2025.txt"
        marker = "虎跳峡".encode()
        ours, base = [], []
        for _ in range(args.rounds):  # alternate so both see the same machine state
            ours.append(startup(_reviewer(seed, tmp), marker, env))
            base.append(startup(_baseline(seed), marker, env))
        r = statistics.median(ours) / statistics.median(base)
        rows.append(f"{'start-up (seed, 120×40)':<34} {fmt(ours)}  vs TextArea {fmt(base)}  "
                    f"ratio {r:4.2f} (target ≤ 1.2)")

        big = CORPUS / "guangdong-2025.txt"
        if not big.exists():
            big = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
        bmarker = "广东".encode()
        for label, key, n in (("cursor ↓", DOWN, 40), ("page ↓", PGDN, 20)):
            o = keys(_reviewer(big, tmp), bmarker, env, key, n)
            b = keys(_baseline(big), bmarker, env, key, n)
            rm = statistics.median(o) / statistics.median(b)
            rp = p95(o) / p95(b)
            rows.append(f"{'key ' + label + ' (' + big.stem + ')':<34} {fmt(o)}  vs TextArea {fmt(b)}  "
                        f"median ratio {rm:4.2f}, p95 ratio {rp:4.2f} (target ≤ 1.2)")

        prior = CORPUS / "guangdong-2025.txt"
        current = CORPUS / "guangdong-2026.txt"
        if prior.exists() and current.exists():
            app = PtyApp(_reviewer(current, tmp, "--prior", str(prior)), env=env)
            app.start()
            try:
                app.read_until("广东".encode())
                app.drain()
                app.key(b"p")
                app.read_until(tuple(s.encode() for s in ("已落实", "部分落实", "未见成效", "原样续列")),
                               timeout=60)
                app.drain(1.0)
                ours_kb = app.peak_rss_kb()
            finally:
                app.stop()
            b = PtyApp(_baseline(current, "--jieba"), env=env)
            b.start()
            try:
                b.read_until("广东".encode(), timeout=60)
                b.drain(1.0)
                base_kb = b.peak_rss_kb()
            finally:
                b.stop()
            rows.append(f"{'peak memory (largest pair compared)':<34} {ours_kb / 1024:7.1f} MB  "
                        f"vs TextArea + jieba {base_kb / 1024:7.1f} MB  ratio "
                        f"{ours_kb / base_kb:4.2f} (target ≤ 1.3)")
        else:
            rows.append("peak memory: corpus not found, not measured")
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
