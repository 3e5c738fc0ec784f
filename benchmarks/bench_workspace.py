"""A reviewer's workload: a folder of 200 reports (the corpus and the seeds copied into a
temporary folder, each copy a distinct file) in the app's list, and ``reviewer summary`` over 200
reviews.

- first screen: launch → the rows on screen (120×40) show government, year, status… (target
  < 1 s), beside a bare Textual app listing the same file names in a DataTable;
- complete: launch → every report read and checked in the background (the status line says the
  flags are known for all), beside the same work done by a plain loop in one process
  (load_document + run_flags per report), which the list cannot beat;
- the same two with the cache filled by the first launch;
- summary: ``reviewer summary`` over 200 reviews (target < 2 s), in process and on the command
  line, beside parsing the 200 review files with tomllib and reading the reports' bytes.

    python benchmarks/bench_workspace.py [--rounds N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from types import SimpleNamespace

from _timing import CORPUS, ROOT, SEEDS
from pty_driver import PtyApp

COUNT = 200
VISIBLE = 34  # rows of the list on a 120×40 screen (header, key line and status lines aside)
READ = re.compile(r"读取 (\d+)/(\d+)".encode())
CHECKED = "标记已查完".encode()
CHECKING = "检查标记".encode()


def sources() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt"))
    for folder in (CORPUS, CORPUS.parent / "gwr-more"):
        if folder.is_dir():
            found += sorted(p for p in folder.glob("*.txt") if p.name != "README.md")
    return found


def make_folder(root: Path) -> list[Path]:
    """COUNT report files in a few subfolders, each with bytes of its own (one more trailing
    line per copy), so no two share a cache entry."""
    files = sources()
    made = []
    for n in range(COUNT):
        source = files[n % len(files)]
        target = root / f"{n // 50:02d}" / f"{n:03d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes() + b"\n" * (1 + n // len(files)) + b" " * n)
        made.append(target)
    return made


def wait(app: PtyApp, done, timeout: float = 180.0) -> float:
    """Time at which ``done(output so far)`` first held."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        r, _, _ = select.select([app.fd], [], [], 0.01)
        if r:
            try:
                chunk = os.read(app.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            app.buffer += chunk
            if done(bytes(app.buffer)):
                return time.perf_counter()
    raise TimeoutError("the list never got there")


def first_screen(out: bytes) -> bool:
    read = [int(m[1]) for m in READ.finditer(out)]
    return (read and max(read) >= VISIBLE) or CHECKING in out or CHECKED in out


def listing(folder: Path, env: dict[str, str]) -> tuple[float, float]:
    app = PtyApp([sys.executable, "-m", "reviewer", str(folder), "--reviewer", "bench"],
                 env=env)
    t0 = app.start()
    try:
        first = wait(app, first_screen) - t0
        complete = wait(app, lambda out: CHECKED in out) - t0
        return first, complete
    finally:
        app.stop()


def baseline_listing(folder: Path, env: dict[str, str], marker: bytes) -> float:
    app = PtyApp([sys.executable, str(ROOT / "benchmarks" / "baseline_list.py"), str(folder)],
                 env=env)
    t0 = app.start()
    try:
        return app.read_until(marker) - t0
    finally:
        app.stop()


def plain_loop(files: list[Path]) -> float:
    from reviewer.document import load_document
    from reviewer.flags import run_flags

    t0 = time.perf_counter()
    for path in files:
        run_flags(load_document(str(path)))
    return time.perf_counter() - t0


def fmt(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.0f} ms  [{min(xs) * 1000:.0f}–{max(xs) * 1000:.0f}]"


def make_reviews(files: list[Path]) -> None:
    """A review beside every report: notes, flag decisions, plan items, scores and a verdict."""
    from reviewer.document import load_document
    from reviewer.review import Anchor, ReviewStore, default_review_path

    for n, path in enumerate(files):
        doc = load_document(str(path))
        store = ReviewStore(default_review_path(str(path)))
        review, _ = store.load_or_new(doc, "基准")
        sentences = [s for s in doc.sentences() if s.end - s.start > 10][:12]
        for i, s in enumerate(sentences[:6]):
            review.add_annotation(doc, s.start, s.end, tag="数据存疑", note=f"第{i}条意见")
        for i, s in enumerate(sentences[6:10]):
            flag = SimpleNamespace(rule=("numbers.over_100", "proofreading.term")[i % 2],
                                   start=s.start, end=s.end, message="示例")
            review.decide_flag(doc, flag, ("confirmed", "dismissed")[i % 3 == 2])
        for i, s in enumerate(sentences[10:12]):
            review.set_plan_assessment(Anchor.from_span(doc.text, s.start, s.end),
                                       heading=f"事项{i}", suggested="partial",
                                       status=("delivered", "partial")[i])
        review.set_score("结构完整", 1 + n % 5)
        review.verdict = ("good", "pass", "revise", "")[n % 4]
        review.summary = "综述。\n第二行。"
        assert store.save(review).ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    compileall.compile_dir(str(ROOT / "reviewer"), quiet=1)
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        files = make_folder(folder)
        names = sorted(str(p.relative_to(folder)) for p in files)
        marker = names[VISIBLE - 4].encode()
        env = {"XDG_CONFIG_HOME": f"{tmp}/config", "XDG_STATE_HOME": f"{tmp}/state",
               "TEXTUAL_ANIMATIONS": "none", "REVIEWER_LANG": "zh"}
        cold_first, cold_done, warm_first, warm_done, base = [], [], [], [], []
        loops = []
        for r in range(args.rounds):  # alternate so all see the same machine state
            cache = f"{tmp}/cache-{r}"
            first, done = listing(folder, {**env, "XDG_CACHE_HOME": cache})
            cold_first.append(first)
            cold_done.append(done)
            first, done = listing(folder, {**env, "XDG_CACHE_HOME": cache})
            warm_first.append(first)
            warm_done.append(done)
            base.append(baseline_listing(folder, env, marker))
            loops.append(plain_loop(files))
        b = statistics.median(base)
        loop = statistics.median(loops)
        rows.append(f"{'list of 200, first screen (cold cache)':<42} {fmt(cold_first)}  vs bare "
                    f"DataTable of the names {fmt(base)}  ratio {statistics.median(cold_first) / b:4.2f}"
                    f"  (target < 1 s)")
        rows.append(f"{'list of 200, first screen (cache filled)':<42} {fmt(warm_first)}  ratio "
                    f"{statistics.median(warm_first) / b:4.2f}")
        rows.append(f"{'list of 200, complete (cold: read + checked)':<42} {fmt(cold_done)}  vs "
                    f"load + checks in a plain loop {fmt(loops)}  ratio "
                    f"{statistics.median(cold_done) / loop:4.2f}")
        rows.append(f"{'list of 200, complete (cache filled)':<42} {fmt(warm_done)}  ratio "
                    f"{statistics.median(warm_done) / loop:4.2f} to the plain loop")

        make_reviews(files)
        from reviewer.workspace.cache import FactsCache
        from reviewer.workspace.summary import collect, to_csv, to_xlsx

        def floor() -> None:
            for path in files:
                tomllib.loads(Path(str(path) + ".review.toml").read_text(encoding="utf-8"))
                path.read_bytes()

        def ours() -> None:
            to_csv(collect(str(folder), FactsCache(Path(tmp) / "summary-cache")))

        inproc, floors, cli, start = [], [], [], []
        out = Path(tmp) / "summary.csv"
        for _ in range(max(args.rounds, 3)):
            t0 = time.perf_counter()
            ours()
            inproc.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            floor()
            floors.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reviewer", "summary", str(folder),
                            "--format", "csv", "-o", str(out)], check=True, capture_output=True,
                           env={**os.environ, **env, "XDG_CACHE_HOME": f"{tmp}/cache-0"})
            cli.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reviewer", "--version"], check=True,
                           capture_output=True)
            start.append(time.perf_counter() - t0)
        rows.append(f"{'summary of 200 reviews (in process, csv)':<42} {fmt(inproc)}  vs tomllib "
                    f"+ reading the files {fmt(floors)}  ratio "
                    f"{statistics.median(inproc) / statistics.median(floors):4.2f}")
        rows.append(f"{'reviewer summary, 200 reviews (command)':<42} {fmt(cli)}  vs reviewer "
                    f"--version {fmt(start)}  (target < 2 s)")
        try:
            records = collect(str(folder), FactsCache(Path(tmp) / "summary-cache"))
            t0 = time.perf_counter()
            to_xlsx(records)
            rows.append(f"{'.xlsx of the 200 (openpyxl)':<42} "
                        f"{(time.perf_counter() - t0) * 1000:7.0f} ms")
        except Exception as exc:  # the sheets extra is optional
            rows.append(f".xlsx not measured: {exc}")
        shutil.rmtree(folder, ignore_errors=True)
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
