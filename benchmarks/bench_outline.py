"""Outline speed: decode + normalize + metadata + sections for the largest corpus report.

Target: well under 20 ms of work after import. Baseline in the same run: the floor of reading the
same bytes, decoding them and scanning every line once with a heading regex.

    python benchmarks/bench_outline.py
"""

from __future__ import annotations

import re
import sys

from _timing import CORPUS, SEEDS, measure

from reviewer.document import parse_bytes


def main() -> int:
    path = CORPUS / "guangdong-2025.txt"
    if not path.exists():
        path = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
        print(f"corpus not found; measuring the largest seed {path.name}")
    data = path.read_bytes()
    heading = re.compile(r"^[\s\u3000]*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")

    def floor() -> int:
        return sum(1 for line in data.decode("utf-8").splitlines() if heading.match(line))

    outline = measure("outline", lambda: parse_bytes(data, str(path)), rounds=30)
    base = measure("decode + one regex pass", floor, rounds=30)
    chars = len(data.decode("utf-8"))
    print(f"report: {path.name} ({chars} characters)")
    print(f"{'outline (decode, normalize, metadata, sections)':<50} {outline.ms()}")
    print(f"{'floor: decode + one heading regex pass':<50} {base.ms()}")
    verdict = "met" if outline.median < 0.020 else "NOT met"
    print(f"target < 20 ms: {verdict} ({outline.median / base.median:.1f}× the floor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
