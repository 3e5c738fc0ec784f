"""Review file speed: autosave of a review with hundreds of annotations, loading it, re-anchoring.

Target: a save (one note changed, 300 annotations) well under 10 ms of work. Baseline in the
same run: the floor of writing the same bytes atomically (temporary file, fsync, rename), which
any safe save pays; the difference is the review's own work (change check, TOML, backup link).

    python benchmarks/bench_review.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time

from _timing import SEEDS, Figure, measure

from reviewer.document import load_document, parse_text
from reviewer.review import Review, ReviewStore
from reviewer.review.codec import TomlWriter, dumps, loads
from reviewer.review.store import write_atomic

COUNT = 300


def build(doc, count: int) -> Review:
    rng = random.Random(7)
    review = Review.new(doc, "基准")
    sentences = [s for s in doc.sentences() if s.end - s.start > 10]
    for n in range(count):
        s = rng.choice(sentences)
        review.add_annotation(doc, s.start, s.end, tag="数据存疑", note=f"第{n}条意见\n第二行")
    return review


def alternate(first, second, rounds: int) -> tuple[Figure, Figure]:
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for fn, out in ((first, samples[0]), (second, samples[1])):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return tuple(Figure("", statistics.median(s), min(s), max(s), rounds) for s in samples)


def main() -> int:
    doc = load_document(str(SEEDS / "hutiaoxia-2025.txt"))
    review = build(doc, COUNT)
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        store = ReviewStore(os.path.join(folder, "r.review.toml"))
        store.load_or_new(doc)
        store.save(review)
        data = dumps(review).encode("utf-8")
        floor_path = os.path.join(folder, "floor.toml")

        def autosave() -> None:
            target = rng.choice(review.annotations)
            review.update_annotation(target.id, note=f"{target.note[:20]}{rng.random()}")
            assert store.save(review).ok

        writer = TomlWriter()
        writer.render(review)
        # fsync times drift with the disk: measure save and floor in alternation, many rounds
        save, floor = alternate(autosave, lambda: write_atomic(floor_path, data), rounds=100)
        cached = measure("render, unchanged entries reused", lambda: writer.render(review),
                         rounds=40)
        fresh = measure("render from scratch", lambda: dumps(review), rounds=15)
        text = data.decode("utf-8")
        load = measure("load", lambda: loads(text), rounds=15)

    rate = random.Random(3)
    edited = list(doc.text)
    for _ in range(len(edited) // 30):  # about 3% of the characters changed
        edited[rate.randrange(len(edited))] = rate.choice("法治政府建设工作")
    changed = parse_text("".join(edited), doc.path, doc.genre)
    sample = build(doc, 100)
    reanchor = measure("reanchor 100", lambda: sample.copy().reanchor(changed), rounds=5,
                       warmup=1)

    print(f"review: {COUNT} annotations, {len(data)} bytes of TOML")
    print(f"{'autosave (one note changed)':<44} {save.ms()}")
    print(f"{'floor: atomic write of the same bytes':<44} {floor.ms()}")
    print(f"{'  of which TOML, entries reused':<44} {cached.ms()}")
    print(f"{'  TOML from scratch (no reuse)':<44} {fresh.ms()}")
    print(f"{'load (parse and check)':<44} {load.ms()}")
    print(f"{'re-anchor 100 notes on a 3%-edited report':<44} {reanchor.ms()}")
    work = save.median - floor.median
    verdict = "met" if work < 0.010 else "NOT met"
    print(f"target: save work beyond the floor < 10 ms: {verdict} ({work * 1000:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
