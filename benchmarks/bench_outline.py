"""Outline speed: decode + normalize + metadata + sections for the largest corpus report; then
the outline on reports as they really arrive.

Target: well under 20 ms of work after import. Baseline in the same run: the floor of reading the
same bytes, decoding them and scanning every line once with a heading regex.

Robustness: every report with a gold outline (tests/gold/outlines.toml) rewritten by each
transform of tests/gold/transforms.py (pasted from a PDF, from Word, from a web page, another
government's numbering or words…), and per transform: the top-level parts whose kinds agree with
gold, beside the same parts classified by their heading's words alone (the baseline, in the same
run); the parts read with a confident wrong kind (``unknown`` is not wrong, only unsure) and the
sections no label accounts for read with a confident kind; the years reviewed and planned, the
genre and the title.

    python benchmarks/bench_outline.py             # speed and robustness
    python benchmarks/bench_outline.py --misses    # ... and every part that disagrees
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

from _timing import CORPUS, ROOT, SEEDS, measure

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import outline_gold  # noqa: E402
import transforms  # noqa: E402

from reviewer.document import parse_bytes, parse_text  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def _cases() -> list[transforms.Case]:
    out = []
    for report in outline_gold.reports():
        name = report["file"]
        path = SEEDS / name[len("seeds/"):] if name.startswith("seeds/") else SHARED / name
        if path.exists():
            case = transforms.case_of(report, path.read_text(encoding="utf-8"))
            if case is not None:
                out.append(case)
    return out


def robustness(show_misses: bool) -> None:
    cases = _cases()
    genres = sorted({c.genre for c in cases})
    print(f"\nrobustness: {len(cases)} reports with gold outlines, each transformed")
    cols = " ".join(f"{g + ' kinds':>15}" for g in genres)
    print(f"{'transform':<16} {'part kinds':>15} {'heading words':>15} {cols} {'conf. wrong':>11} "
          f"{'extra':>5} {'yr rev.':>8} {'plan yr':>8} {'genre':>8} {'title':>8}")
    for name, fn in transforms.TRANSFORMS.items():
        t: dict[str, int] = defaultdict(int)
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        misses: list[str] = []
        for case in cases:
            if not transforms.applies(name, case):
                continue
            moved = fn(case)
            text = moved.text()
            res = transforms.evaluate(moved, parse_text(text, case.name))
            doc = parse_text(text, case.name)
            transforms.heading_words_baseline(doc)
            base = transforms.evaluate(moved, doc)
            t["n"] += 1
            t["parts"] += res.parts
            t["agree"] += res.agree
            t["base"] += base.agree
            t["wrong"] += res.confident_wrong
            t["extra"] += res.extra
            for key in ("year_reviewed", "plan_year", "genre", "title"):
                t[key] += getattr(res, key)
            per[case.genre][0] += res.agree
            per[case.genre][1] += res.parts
            misses += [f"  {name} {case.name}: {m}" for m in res.misses]
            if not (res.year_reviewed and res.plan_year and res.genre):
                misses.append(f"  {name} {case.name}: years or genre wrong")
        if not t["n"]:
            continue

        def share(ok: int, n: int) -> str:
            return f"{ok}/{n} {ok / n:4.0%}" if n else "-"

        by_genre = " ".join(f"{share(*per[g]):>15}" for g in genres)
        n = t["n"]
        print(f"{name:<16} {share(t['agree'], t['parts']):>15} {share(t['base'], t['parts']):>15} "
              f"{by_genre} {t['wrong']:>11} {t['extra']:>5} {share(t['year_reviewed'], n):>8} "
              f"{share(t['plan_year'], n):>8} {share(t['genre'], n):>8} {share(t['title'], n):>8}")
        if show_misses:
            print("\n".join(misses))


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
    robustness("--misses" in sys.argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
