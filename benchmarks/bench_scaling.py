"""Scaling: outline, check and comparison time against the text's size, for real text and for
every hostile shape (``tests/hostile.py``), from 0.25 to 16 MB.

Times are the CPU seconds of this process (the stages run in one thread): on a machine shared
with other work, wall time adds whatever the others took while the stage waited for a core, and
that by chance grows or shrinks a point by half, enough to fit an exponent of 1.3 or 0.8 on one
shape from one run to the next. For each shape and stage the exponent of time against size is
fitted (least squares on the log-log points of half a second and more: below that fixed costs
move a point by more than the size does; a point that short is the fastest of several runs);
target ≤ 1.1. Each shape is set beside real text of the same size measured in the same run
(target: no more than 2× slower), and beside single real reports: the same stage on each of the
largest reports of the corpus (0.08–0.1 MB each), as seconds per megabyte, times the size.
Each flag rule's share of the check time is printed per shape, so a slow rule shows by name. Then
``reviewer check`` on a 20 MB report (target < 20 s), against reading and decoding that file.

Real text is every report the benchmark finds one after another (the seeds, and the corpus when
it is beside the repository), as often as the size asks, each pass after the first with its
years and figures varied (``hostile.vary``): what a cache of paragraphs or tokens read once saves
on a compilation repeated word for word is no saving a real report of that size gets. The
reports repeated word for word are measured beside it ("repeated"), for reference. A compilation
reads as one report, though: its plan and its shortcomings, what the slowest rules and the
comparison read most, do not grow with it, so its time grows more slowly than its size; single
reports are the other baseline, a report of real shape throughout, at the size reports have. The
comparison compares a text with itself, jieba loaded before timing and its token cache emptied
before each run.

    python benchmarks/bench_scaling.py                      # everything (about a quarter hour)
    python benchmarks/bench_scaling.py --max 4 --stages check --shapes real,headings
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import CORPUS, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "tests"))
import hostile  # noqa: E402  (the shape generators are shared with the tests)
from reviewer.compare import compare_documents, ensure_jieba  # noqa: E402
from reviewer.compare.tokens import clear_caches  # noqa: E402
from reviewer.document import parse_text  # noqa: E402
from reviewer.flags import RULES, run_flags  # noqa: E402

MB = 1024 * 1024
SIZES = (0.25, 0.5, 1, 2, 4, 8, 16)
# outline: parse_text; flags: run_flags on the parsed report; check: both, what `reviewer check`
# does for a report; compare: compare_documents
STAGES = ("outline", "flags", "check", "compare")
# the stages the 2× target is set for: what a person waits for
RATIO_STAGES = ("check", "compare")
EXPONENT_TARGET = 1.1
RATIO_TARGET = 2.0
BIG_REPORT_MB = 20
BIG_REPORT_TARGET = 20.0  # seconds
FIT_SECONDS = 0.5  # the exponent is fitted on points this long and longer
SHORT = 0.5  # a point shorter than this is run again until SHORT_TOTAL seconds are spent on it
SHORT_TOTAL = 1.5
SHORT_ROUNDS = 9  # at most
# the real reports repeated word for word: printed beside real text, no shape set against it
REPEATED = "repeated"
SINGLE_REPORTS = 10  # the largest reports, each measured alone: the per-megabyte baseline


def _reports() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    for folder in (CORPUS, CORPUS.parent / "gwr-more"):
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _timed(fn, rounds: int, clock=time.process_time) -> float:
    """The fastest of ``rounds`` runs (more for a short one, up to ``SHORT_ROUNDS`` or
    ``SHORT_TOTAL`` seconds), in CPU seconds of this process unless ``clock`` says otherwise:
    other work on a shared machine only ever adds time."""
    samples: list[float] = []
    while len(samples) < rounds or (min(samples) < SHORT and sum(samples) < SHORT_TOTAL
                                    and len(samples) < SHORT_ROUNDS):
        t0 = clock()
        fn()
        samples.append(clock() - t0)
    return min(samples)


def _exponent(points: list[tuple[float, float]]) -> float | None:
    """Slope of log(time) against log(size), least squares."""
    pts = [(math.log(s), math.log(t)) for s, t in points if t >= FIT_SECONDS]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def _measure(text: str, stages: tuple[str, ...], rounds: int
             ) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per stage, and each rule's seconds in the check."""
    times: dict[str, float] = {}
    doc = parse_text(text, "<scaling>")
    if "outline" in stages:
        times["outline"] = _timed(lambda: parse_text(text, "<scaling>"), rounds)
    rule_times: dict[str, float] = {}
    if "flags" in stages or "check" in stages:
        def flags() -> None:
            rule_times.clear()
            run_flags(doc, timings=rule_times)

        times["flags"] = _timed(flags, rounds)
        if "outline" in times:
            times["check"] = times["outline"] + times["flags"]
    if "compare" in stages:
        def compare() -> None:
            clear_caches()
            compare_documents(doc, doc)

        times["compare"] = _timed(compare, rounds)
    return times, rule_times


def _single(reports: list[str], stages: tuple[str, ...], rounds: int
            ) -> tuple[dict[str, float], int, float]:
    """Seconds per megabyte of each stage on the largest reports, each measured alone (the
    sum of their times over the sum of their sizes); how many, and their megabytes in all."""
    largest = sorted(reports, key=lambda r: len(r.encode("utf-8")), reverse=True)
    largest = largest[:SINGLE_REPORTS]
    total: dict[str, float] = {}
    for text in largest:
        for stage, seconds in _measure(text, stages, rounds)[0].items():
            total[stage] = total.get(stage, 0.0) + seconds
    size = sum(len(r.encode("utf-8")) for r in largest) / MB
    return {stage: seconds / size for stage, seconds in total.items()}, len(largest), size


def _big_report(reports: list[str]) -> list[str]:
    """``reviewer check`` on a 20 MB report, in a process, against reading and decoding it."""
    text = hostile.real(BIG_REPORT_MB * MB, reports)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "compilation-2025.txt"
        path.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "reviewer", "check", "--json", str(path)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, check=False)
        took = time.perf_counter() - t0
        read = _timed(lambda: path.read_bytes().decode("utf-8"), 3, time.perf_counter)
    size = path.stat().st_size if path.exists() else len(text.encode("utf-8"))
    verdict = "met" if took < BIG_REPORT_TARGET and proc.returncode in (0, 1) else "NOT met"
    lines = [f"reviewer check on a {size / MB:.1f} MB report (process, start-up included): "
             f"{took:.1f} s  vs  reading and decoding it {read * 1000:.0f} ms  "
             f"(target < {BIG_REPORT_TARGET:.0f} s: {verdict})"]
    if proc.returncode not in (0, 1):
        lines.append(f"  failed with exit code {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=float, default=SIZES[-1], help="largest size in MB")
    parser.add_argument("--shapes", default=",".join([*hostile.SHAPES, REPEATED]),
                        help=f"comma-separated shapes (default: all, and {REPEATED!r}: the "
                             f"real reports repeated word for word)")
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--rounds", type=int, default=3, help="rounds per point below 2 MB")
    parser.add_argument("--large-rounds", type=int, default=1, help="rounds from 2 MB up")
    parser.add_argument("--no-big", action="store_true", help="skip the 20 MB check")
    args = parser.parse_args(argv)
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in hostile.SHAPES and s != REPEATED]
    asked = set(args.stages.split(","))
    if "check" in asked:  # the sum of the two
        asked |= {"outline", "flags"}
    stages = tuple(s for s in STAGES if s in asked)
    if unknown or not stages:
        print(f"unknown shape(s) {unknown} or no stage; shapes: {', '.join(hostile.SHAPES)}; "
              f"stages: {', '.join(STAGES)}", file=sys.stderr)
        return 2
    if "real" in shapes:
        shapes.remove("real")
    shapes.insert(0, "real")  # every shape is set beside it
    if REPEATED in shapes:  # printed just below it
        shapes.remove(REPEATED)
        shapes.insert(1, REPEATED)
    sizes = [s for s in SIZES if s <= args.max]
    reports = _reports()
    print(f"real text: {len(reports)} reports ({sum(len(r) for r in reports)} characters) "
          f"one after another; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    if "compare" in stages:
        ensure_jieba()
    per_mb, n_single, single_mb = _single(reports, stages, args.rounds)
    print(f"single real reports (the {n_single} largest, {single_mb:.2f} MB in all, each "
          f"measured alone), CPU seconds per MB: "
          + ", ".join(f"{stage} {per_mb[stage]:.3f}" for stage in stages))

    # shape → stage → [(MB, seconds)], and the rule times at the largest size
    results: dict[str, dict[str, list[tuple[float, float]]]] = {}
    rule_share: dict[str, dict[str, float]] = {}
    print(f"\n{'shape':<15} {'MB':>5} {'chars':>9}  " + "  ".join(f"{s:>9}" for s in stages)
          + "   (seconds)")
    for shape in shapes:
        results[shape] = {stage: [] for stage in stages}
        for size in sizes:
            if shape in ("real", REPEATED):
                text = hostile.real(int(size * MB), reports, varied=shape == "real")
            else:
                text = hostile.make(shape, int(size * MB))
            times, rules = _measure(text, stages, args.rounds if size < 2 else args.large_rounds)
            for stage, seconds in times.items():
                results[shape][stage].append((size, seconds))
            total = sum(rules.values())
            if total:
                rule_share[shape] = {r: t / total for r, t in rules.items()}
            print(f"{shape:<15} {size:>5} {len(text):>9}  "
                  + "  ".join(f"{times[s]:>9.3f}" for s in stages), flush=True)

    print(f"\nexponent of time against size (fitted on the points of {FIT_SECONDS} s and more; "
          f"target ≤ {EXPONENT_TARGET}) and time at {sizes[-1]} MB against real text of that "
          f"size (× real: the compilation; × single: single reports' seconds per MB times the "
          f"size; target ≤ {RATIO_TARGET}× for {' and '.join(RATIO_STAGES)}); '·' marks a stage "
          f"with fewer than two such points, too fast to fit")
    print(f"{'shape':<15} " + "  ".join(f"{s + ' exp':>12} {'× real':>7} {'× single':>8}"
                                        for s in stages))
    worst_exp, worst_exp_at = 0.0, ""
    worst_ratio, worst_ratio_at = 0.0, ""
    worst_single, worst_single_at = 0.0, ""
    for shape in shapes:
        cells = []
        for stage in stages:
            points = results[shape][stage]
            exp = _exponent(points)
            real_t = results["real"][stage][-1][1]
            ratio = points[-1][1] / real_t if real_t else float("inf")
            single_t = per_mb[stage] * points[-1][0]
            single = points[-1][1] / single_t if single_t else float("inf")
            if exp is not None and exp > worst_exp:
                worst_exp, worst_exp_at = exp, f"{shape} {stage}"
            if (shape not in ("real", REPEATED) and stage in RATIO_STAGES
                    and ratio > worst_ratio):
                worst_ratio, worst_ratio_at = ratio, f"{shape} {stage}"
            if (shape not in ("real", REPEATED) and stage in RATIO_STAGES
                    and single > worst_single):
                worst_single, worst_single_at = single, f"{shape} {stage}"
            cells.append((f"{exp:>12.2f}" if exp is not None else f"{'·':>12}")
                         + f" {ratio:>6.2f}× {single:>7.2f}×")
        print(f"{shape:<15} " + "  ".join(cells))

    if rule_share:
        print(f"\neach rule's share of the flags time at {sizes[-1]} MB (%; rules under 1% in "
              f"every shape left out)")
        names = [s for s in shapes if s in rule_share]
        short = {s: s[:7] for s in names}
        print(f"{'rule':<36} " + " ".join(f"{short[s]:>7}" for s in names))
        for rule_id in RULES:
            shares = [rule_share[s].get(rule_id, 0.0) * 100 for s in names]
            if max(shares) >= 1:
                print(f"{rule_id:<36} " + " ".join(f"{v:>7.1f}" for v in shares))

    if not args.no_big:
        print()
        for line in _big_report(reports):
            print(line)
    exp_verdict = "met" if worst_exp <= EXPONENT_TARGET else "NOT met"
    ratio_verdict = "met" if worst_ratio <= RATIO_TARGET else "NOT met"
    single_verdict = "met" if worst_single <= RATIO_TARGET else "NOT met"
    print(f"\ntarget exponent ≤ {EXPONENT_TARGET}: {exp_verdict} (largest {worst_exp:.2f}, "
          f"{worst_exp_at or '—'}); target ≤ {RATIO_TARGET}× real text: against the "
          f"compilation {ratio_verdict} (largest {worst_ratio:.2f}×, {worst_ratio_at or '—'}), "
          f"against single reports {single_verdict} (largest {worst_single:.2f}×, "
          f"{worst_single_at or '—'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
