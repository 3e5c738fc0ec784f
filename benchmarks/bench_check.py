"""Checking speed: outline + every flag rule over all seeds and the corpus, against jieba
segmenting the same text once (its dictionary loaded before timing), and ``reviewer check`` over
the whole folder on all cores against one core.

Target: checking takes less than half the time segmenting does; on a batch big enough to
outweigh starting the workers, all cores beat one. The corpus is both of its folders (gwr and
gwr-more). Run:

    python benchmarks/bench_check.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from _timing import CORPUS, SEEDS, Figure, measure, ratio_line

from reviewer.document import parse_bytes
from reviewer.flags import run_flags

# every folder of the corpus: gwr beside gwr-more
FOLDERS = [CORPUS, CORPUS.parent / "gwr-more"]
# checking must take less than this share of the time jieba needs to segment the same text
TARGET = 0.5


def _files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    for folder in FOLDERS:
        if folder.is_dir():
            files += sorted(folder.glob("*.txt"))
        else:
            print(f"corpus folder not found at {folder}; measuring without it")
    return files


def _cli(*args: str, rounds: int = 5) -> Figure:
    """Wall time of the real command, start-up included."""
    cmd = [sys.executable, "-m", "reviewer", "check", "--json", *args]

    def once() -> None:
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return measure(" ".join(args), once, rounds=rounds, warmup=1)


def main() -> int:
    files = _files()
    blobs = [(str(p), p.read_bytes()) for p in files]
    texts = [parse_bytes(data, path).text for path, data in blobs]
    chars = sum(len(t) for t in texts)

    def check_all() -> int:
        return sum(len(run_flags(parse_bytes(data, path))) for path, data in blobs)

    import jieba

    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    jieba.initialize()
    load = time.perf_counter() - t0

    def segment_all() -> int:
        return sum(len(jieba.lcut(t)) for t in texts)

    check = measure("outline + flags", check_all, rounds=7, warmup=1)
    segment = measure("jieba segmentation", segment_all, rounds=5, warmup=1)
    folders = [str(SEEDS)] + [str(f) for f in FOLDERS if f.is_dir()]
    cores = os.cpu_count() or 1
    pooled = _cli(*folders)
    single = _cli(*folders, "--jobs", "1")
    # the same folders four times over: a batch big enough for the workers to pay off
    big_pooled = _cli(*folders * 4, rounds=3)
    big_single = _cli(*folders * 4, "--jobs", "1", rounds=3)

    load1, _, _ = os.getloadavg()
    print(f"{len(files)} reports, {chars} characters of normalized text; {cores} cores, "
          f"load average {load1:.1f} (other work on the machine takes cores from the workers)")
    print(f"(jieba dictionary load, not timed below: {load * 1000:.0f} ms)")
    print(f"{'':<44} {'median':>11}  [min–max]")
    print(f"{'outline + flags, in process':<44} {check.ms()}")
    print(f"{'jieba segmenting the same text once':<44} {segment.ms()}")
    print(f"{'reviewer check, all cores (process)':<44} {pooled.ms()}")
    print(f"{'reviewer check --jobs 1 (process)':<44} {single.ms()}")
    print(f"{'reviewer check ×4, all cores (process)':<44} {big_pooled.ms()}")
    print(f"{'reviewer check ×4 --jobs 1 (process)':<44} {big_single.ms()}")
    print(ratio_line("outline + flags vs jieba", check, segment, f"< {TARGET}"))
    print(ratio_line("all cores vs one core", pooled, single, "< 1 with several cores"))
    print(ratio_line("×4: all cores vs one core", big_pooled, big_single, "< 1 with several cores"))
    verdict = "met" if check.median < TARGET * segment.median else "NOT met"
    print(f"target (checking in less than half the time of segmenting): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
