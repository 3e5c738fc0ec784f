"""Where the comparison's evidence stands, by the gold outlines (``outlines.toml``): evidence of
delivery may come only from the current report's account of the year just ended (a review part
about the year, or the year's run inside a review of five years), never from the five-year
summary, the shortcomings, this year's plan or targets, the title and preface, the thanks and
closing words, or an appendix. Shared by the test (tests/test_evidence_place.py) and the
benchmark (benchmarks/bench_evidence_place.py).

Every sentence the comparison shows as evidence (a group's and a promise's top 1 and top 3, a
headline target's actual) is placed in the gold part it falls in:

- inside a gold span (a shortcomings paragraph, thanks, closing words, a glossary): its kind;
- before the first gold part: ``preface`` (title lines, the opening before the review);
- in a gold part, or the gold child it falls in where the part's children are labelled: by its
  kinds and period. A part of an evidence kind (achievements, responsibility, highlights) about
  the year (period ``year`` or none) is ``year`` (the year's review); about five years
  ``five_year``; a part about both with no labelled child there (its opening paragraph, or a
  part whose children nobody labelled) is ``mixed``: neither right nor wrong, counted apart;
  any other kind is its kind (``plan``, ``targets``, ``shortcomings``, ``other``…).

The pairs: every pair of the plan-items gold files in its set (tuned, held-out, C, D), and
every other pair of consecutive corpus reports of one government (by the gold outlines' years
and governments: the prior plans for the year the current reviews), as ``rest``.
"""

from __future__ import annotations

import bisect
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare_gold import CORPUS, load_gold

OUTLINES = Path(__file__).resolve().parent / "outlines.toml"
# the sets of pairs, in the order a pair named in several is put in the first
SETS = ("tuned", "held_out", "c", "d", "rest")
EVIDENCE_KINDS = ("achievements", "responsibility", "highlights")
# places that are the year's review (right), neither (a part about both, unresolved)
RIGHT = "year"
UNSURE = "mixed"


def _reports() -> dict[str, dict[str, Any]]:
    data = tomllib.loads(OUTLINES.read_text(encoding="utf-8"))["report"]
    return {r["file"]: r for r in data}


def _place_of(kinds: list[str], period: str) -> str:
    kind = kinds[0]
    if kind in EVIDENCE_KINDS:
        return {"five_year": "five_year", "mixed": UNSURE}.get(period, RIGHT)
    return kind


class GoldPlaces:
    """The gold outline of one report as sorted regions of the text, each with its place."""

    def __init__(self, report: dict[str, Any], text: str):
        bounds: list[tuple[int, str]] = []  # (start, place): a place holds until the next
        cursor = 0
        starts: list[int] = []
        for part in report["part"]:
            at = text.find(part["heading"], cursor)
            starts.append(at)
            if at >= 0:
                cursor = at + 1
        for i, part in enumerate(report["part"]):
            at = starts[i]
            if at < 0:
                continue
            end = next((s for s in starts[i + 1:] if s > at), len(text))
            children = part.get("child", [])
            bounds.append((at, UNSURE if children and part["period"] == "mixed"
                           else _place_of(part["kinds"], part["period"])))
            c_cursor = at
            for child in children:
                c_at = text.find(child["heading"], c_cursor, end)
                if c_at < 0:
                    continue
                c_cursor = c_at + 1
                bounds.append((c_at, _place_of(child["kinds"], child["period"])))
        bounds.sort()
        first = bounds[0][0] if bounds else len(text)
        self._starts = [0] + [a for a, _ in bounds]
        self._places = ["preface"] + [p for _, p in bounds]
        if first == 0:
            self._starts, self._places = self._starts[1:], self._places[1:]
        self._spans: list[tuple[int, int, str]] = []
        for span in report.get("span", ()):
            s = text.find(span["starts"])
            e = text.find(span["ends"], max(s, 0))
            if s >= 0 and e >= 0:
                self._spans.append((s, e + len(span["ends"]), span["kind"]))
        self._spans.sort()

    def at(self, offset: int) -> str:
        for s, e, kind in self._spans:
            if s <= offset < e:
                return kind
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._places[i] if i >= 0 else "preface"


@dataclass
class PairPlaces:
    prior: str
    current: str
    set: str
    top1: Counter = field(default_factory=Counter)
    top3: Counter = field(default_factory=Counter)
    actual: Counter = field(default_factory=Counter)
    sentences: Counter = field(default_factory=Counter)  # every sentence of the current report
    pool: Counter = field(default_factory=Counter)  # the sentences evidence is searched in
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (what, place, quote)


def pairs() -> list[tuple[str, str, str]]:
    """(prior, current, set) of every pair measured."""
    reports = _reports()
    seen: dict[tuple[str, str], str] = {}
    for p in load_gold():
        if p["set"] in SETS:
            key = (p["prior"], p["current"])
            if key not in seen or SETS.index(p["set"]) < SETS.index(seen[key]):
                seen[key] = p["set"]
    for name, r in reports.items():
        if name.startswith("seeds/"):
            continue
        for other, o in reports.items():
            if other != name and not other.startswith("seeds/") and \
                    o["government"] == r["government"] and r["genre"] == o["genre"] and \
                    o["plan_year"] == r["year_reviewed"] and (other, name) not in seen:
                seen[(other, name)] = "rest"
    return [(a, b, s) for (a, b), s in sorted(seen.items(), key=lambda kv: (
        SETS.index(kv[1]), kv[0]))]


def corpus_ready(measured: Iterable[tuple[str, str, str]]) -> bool:
    return all((CORPUS / n).exists() for a, b, _ in measured for n in (a, b))


def run_pair(prior_name: str, current_name: str, set_name: str) -> PairPlaces:
    from reviewer.compare import compare_documents
    from reviewer.compare.evidence import sentence_passages
    from reviewer.document import load_document

    prior = load_document(str(CORPUS / prior_name))
    current = load_document(str(CORPUS / current_name))
    gold = GoldPlaces(_reports()[current_name], current.text)
    comparison = compare_documents(prior, current)
    rec = PairPlaces(prior_name, current_name, set_name)
    for s in current.sentences():
        rec.sentences[gold.at(s.start)] += 1
    for a, _ in sentence_passages(current, current.review_spans()):
        rec.pool[gold.at(a)] += 1

    def count(what: str, evidence: list) -> None:
        for k, e in enumerate(evidence[:3]):
            place = gold.at(e.start)
            rec.top3[place] += 1
            if k == 0:
                rec.top1[place] += 1
            if place not in (RIGHT, UNSURE):
                rec.wrong.append((what, place, e.quote))

    for item in comparison.items:
        count(item.heading[-30:], item.evidence)
        for p in item.promises:
            count(p.text[:30], p.evidence)
    for tr in comparison.targets:
        if tr.actual is not None:
            place = gold.at(tr.actual.start)
            rec.actual[place] += 1
            if place not in (RIGHT, UNSURE):
                rec.wrong.append((f"target {tr.indicator}", place, tr.actual.quote))
    return rec


def share(counts: Counter) -> float | None:
    """The share of ``counts`` in the year's review, the unresolved places left out."""
    n = sum(v for k, v in counts.items() if k != UNSURE)
    return counts[RIGHT] / n if n else None


def _pct(x: float | None) -> str:
    return f"{100 * x:5.1f}%" if x is not None else "    —"


def _wrong(counts: Counter) -> str:
    bad = sorted(((k, v) for k, v in counts.items() if k not in (RIGHT, UNSURE)),
                 key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{k} {v}" for k, v in bad) or "none"


def table(records: list[PairPlaces]) -> list[str]:
    """Per set: the share of evidence in the year's review, the wrong places, the baselines."""
    lines = []
    columns = [(s, [r for r in records if r.set == s]) for s in SETS]
    columns.append(("all", records))
    for name, recs in columns:
        if not recs:
            continue
        tot = {k: sum((getattr(r, k) for r in recs), Counter())
               for k in ("top1", "top3", "actual", "sentences", "pool")}
        lines.append(f"{name} ({len(recs)} pairs)")
        for key, label in (("top1", "evidence top 1"), ("top3", "evidence top 3"),
                           ("actual", "targets' actuals"),
                           ("pool", "sentences searched"),
                           ("sentences", "baseline: every sentence")):
            c = tot[key]
            lines.append(f"  {label:<26}{_pct(share(c))} in the year's review of "
                         f"{sum(c.values()):>6} ({c[UNSURE]} in a part about both, unresolved)"
                         f"; wrong: {_wrong(c)}")
    return lines


# --- the same pairs with the current report as it may arrive -------------------------------

SHAPES = ("pdf", "word", "web", "run_in", "words", "halfwidth", "blank_missing")


def run_shaped(prior_name: str, current_name: str, shape: str) -> Counter:
    """The places of a pair's top-1 evidence when the current report arrives in ``shape``
    (``transforms.TRANSFORMS``): the gold parts are carried along by line, so a place is the
    top-level part's (no children nor spans: a shortcomings paragraph inside the review counts
    as the review). An empty count when the transform does not apply or a heading is lost."""
    import transforms

    from reviewer.compare import compare_documents
    from reviewer.document import load_document, parse_text

    report = _reports()[current_name]
    case = transforms.case_of(report, (CORPUS / current_name).read_text(encoding="utf-8"))
    if case is None or not transforms.applies(shape, case):
        return Counter()
    case = transforms.TRANSFORMS[shape](case)
    current = parse_text(case.text(), current_name)
    squeezed, keep = transforms._squeezed(current.text)
    starts, places, cursor = [], [], 0
    for part in case.parts:
        at = squeezed.find(transforms._quote(case.lines[part.line]), cursor)
        if at < 0:
            return Counter()
        cursor = at + 1
        starts.append(keep[at])
        places.append(_place_of(list(part.kinds), part.period))
    prior = load_document(str(CORPUS / prior_name))
    comparison = compare_documents(prior, current)
    out: Counter = Counter()

    def place(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        return places[i] if i >= 0 else "preface"

    for item in comparison.items:
        for unit in (item, *item.promises):
            if unit.evidence:
                out[place(unit.evidence[0].start)] += 1
    for tr in comparison.targets:
        if tr.actual is not None:
            out[place(tr.actual.start)] += 1
    return out


def shaped_table(measured: list[tuple[str, str, str]]) -> list[str]:
    """Per shape of arrival: the share of top-1 evidence and actuals in the year's review."""
    lines = ["current report as it may arrive (top-1 evidence and actuals, top-level parts)"]
    for shape in SHAPES:
        c = sum((run_shaped(a, b, shape) for a, b, _ in measured), Counter())
        lines.append(f"  {shape:<14}{_pct(share(c))} in the year's review of {sum(c.values()):>6}"
                     f" ({c[UNSURE]} unresolved); wrong: {_wrong(c)}")
    return lines
