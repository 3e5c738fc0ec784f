"""The comparison measured against plan items and headline targets judged by reading
(``plan_items.toml``, ``plan_items-c.toml``, ``plan_items-d.toml``, ``targets-d1.toml`` and
``targets-d2.toml`` beside this file): shared by the gold test (tests/test_gold_compare.py) and
the accuracy benchmark (benchmarks/bench_compare_accuracy.py).

Every pair belongs to one set: ``tuned`` (the pairs of ``plan_items.toml`` the comparison was
tuned on, their misses read), ``held_out`` (the pairs of that file kept aside while tuning),
``c`` (the pairs of ``plan_items-c.toml``, judged by a third reader after the first round: an
honest test, only ever looked at for its figures and its misses as classes), ``d`` (the pairs of
``plan_items-d.toml``, judged by fourth readers on pairs no one had used) and ``targets_d`` (the
pairs of ``targets-d1.toml`` and ``targets-d2.toml``: headline targets only, no items; a pair
there may also stand in another set, read again by another reader).

Matching a gold label with what the program returns:

- a gold item is located by its quote in the prior report; a ``group`` label is compared with the
  program's plan group holding it, a ``promise`` label with the program's promise holding it
  (the group's own status when no promise holds it, counted as "promise not found");
- a returned evidence sentence is relevant when it overlaps one of the item's gold evidence
  fragments in the current report;
- a gold target is matched with a program headline target overlapping its quote, the one whose
  indicator shares most characters with the gold indicator; its actual is right when it
  overlaps the gold actual quote and has the gold figure.
"""

from __future__ import annotations

import os
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = Path(__file__).resolve().parent / "plan_items.toml"
GOLD_C = Path(__file__).resolve().parent / "plan_items-c.toml"
GOLD_D = Path(__file__).resolve().parent / "plan_items-d.toml"
GOLD_D1 = Path(__file__).resolve().parent / "targets-d1.toml"
GOLD_D2 = Path(__file__).resolve().parent / "targets-d2.toml"
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))
STATUSES = ("delivered", "partial", "no_evidence", "carried_over", "acknowledged_gap")
SETS = ("tuned", "held_out", "c", "d", "targets_d")
# the set of every file's pairs (None: tuned, or held out when named in HELD_OUT)
FILES = {GOLD: None, GOLD_C: "c", GOLD_D: "d", GOLD_D1: "targets_d", GOLD_D2: "targets_d"}
# about a third of the pairs, kept aside while the comparison is tuned on the others: their
# figures say how well it does on pairs it was not tuned on
HELD_OUT = ("gwr/national-2023.txt", "gwr/sichuan-2025.txt", "gwr-more/futian-2019.txt",
            "gwr-more/guangming-2023.txt")


def load_gold(paths: tuple[Path, ...] = tuple(FILES)) -> list[dict[str, Any]]:
    """The labelled pairs of ``paths``, each with its ``set`` (``SETS``); a pair of targets only
    has no ``item``."""
    out = []
    for path in paths:
        for pair in tomllib.loads(path.read_text(encoding="utf-8"))["pair"]:
            pair["set"] = FILES[path] or ("held_out" if pair["prior"] in HELD_OUT else "tuned")
            pair.setdefault("item", [])
            pair.setdefault("target", [])
            out.append(pair)
    return out


def corpus_ready(pairs: list[dict[str, Any]]) -> bool:
    return all((CORPUS / p[k]).exists() for p in pairs for k in ("prior", "current"))


@dataclass
class ItemRecord:
    pair: str
    quote: str
    level: str
    gold: str
    got: str
    found_promise: bool
    gold_evidence: list[tuple[int, int]]
    evidence: list[tuple[int, int, str]]  # (start, end, quote) best first
    outside_review: list[str] = field(default_factory=list)

    def relevant(self, k: int) -> list[bool]:
        return [any(a < ge and ga < b for ga, ge in self.gold_evidence)
                for a, b, _ in self.evidence[:k]]


@dataclass
class TargetRecord:
    pair: str
    indicator: str
    gold_verdict: str
    gold_actual: str
    found: bool
    got_indicator: str = ""
    got_verdict: str = ""
    got_actual: str = ""
    actual_right: bool = False
    target_right: bool = False
    located: bool = True  # the gold quote stands in the prior text (as the program reads it)


@dataclass
class PairRecord:
    prior: str
    current: str
    set: str  # SETS
    items: list[ItemRecord]
    targets: list[TargetRecord]
    warnings: list[str]
    extra: list[str] = field(default_factory=list)  # program targets no gold target matches


def _find(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    return (i, i + len(quote)) if i >= 0 else None


def _find_all(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0 and quote:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _gold_value(actual: str) -> float | None:
    from reviewer.document.figures import figures

    found = figures(actual)
    return found[0].value if found else None


def _units(item: Any) -> list[Any]:
    return list(getattr(item, "promises", []) or [])


def run_pair(pair: dict[str, Any], compare=None) -> PairRecord:
    from reviewer.compare import compare_documents
    from reviewer.document import load_document

    prior = load_document(str(CORPUS / pair["prior"]))
    current = load_document(str(CORPUS / pair["current"]))
    comparison = (compare or compare_documents)(prior, current)
    review = current.review_spans()
    name = f"{pair['prior']} → {pair['current']}"

    def in_review(a: int, b: int) -> bool:
        return any(lo <= a and b <= hi for lo, hi in review)

    items: list[ItemRecord] = []
    for g in pair.get("item", []):
        span = _find(prior.text, g["quote"])
        group = None
        if span is not None:
            group = next((it for it in comparison.items if it.start <= span[0] < it.end), None)
        unit, found = group, group is not None and g["level"] == "group"
        if group is not None and g["level"] == "promise":
            inner = [p for p in _units(group) if p.start <= span[0] < p.end]
            if inner:
                unit, found = min(inner, key=lambda p: p.end - p.start), True
        gold_ev = [s for s in (_find(current.text, e) for e in g["evidence"]) if s]
        if unit is None:
            items.append(ItemRecord(name, g["quote"], g["level"], g["status"], "(no item)", False,
                                    gold_ev, []))
            continue
        evidence = [(e.start, e.end, e.quote) for e in unit.evidence]
        outside = [e.quote for e in unit.evidence if not in_review(e.start, e.end)]
        items.append(ItemRecord(name, g["quote"], g["level"], g["status"], unit.status, found,
                                gold_ev, evidence, outside))

    targets, extra = _target_records(pair, name, comparison.targets,
                                     lambda q: _find_all(prior.text, q),
                                     lambda q: _find(current.text, q))
    return PairRecord(pair["prior"], pair["current"], pair.get("set", "tuned"), items,
                      targets, [getattr(w, "code", str(w)) for w in
                                getattr(comparison, "warnings", [])], extra)


def _target_records(pair: dict[str, Any], name: str, program: list[Any], in_prior, in_current
                    ) -> tuple[list[TargetRecord], list[str]]:
    """Each gold target of ``pair`` matched with one of the ``program``'s headline targets
    (``in_prior(quote)``: every span of a quote in the prior text; ``in_current(quote)``: its
    first span in the current one, or None), and the program's targets no gold one matched."""
    targets: list[TargetRecord] = []
    used: set[int] = set()
    for g in pair.get("target", []):
        spans = in_prior(g["quote"])
        rec = TargetRecord(name, g["indicator"], g["verdict"], g["actual"], False,
                           located=bool(spans))
        if spans:
            # the quote may stand elsewhere too (a review restating the target): the occurrence
            # the program's targets overlap
            cands = [(len(_bigrams(tr.indicator) & _bigrams(g["indicator"])), -n, n, tr)
                     for n, tr in enumerate(program) for span in spans
                     if n not in used and tr.start < span[1] and span[0] < tr.end]
            cands = [c for c in cands if c[0] > 0] or cands
            if cands:
                _, _, n, tr = max(cands, key=lambda c: (c[0], c[1]))
                used.add(n)
                rec.found, rec.got_indicator, rec.got_verdict = True, tr.indicator, tr.verdict
                rec.target_right = _target_figure_right(g, tr)
                act = tr.actual
                rec.got_actual = act.quote if act is not None else ""
                gold_span = in_current(g["actual_quote"]) if g["actual_quote"] else None
                if g["verdict"] == "not_reported" or not g["actual_quote"]:
                    rec.actual_right = act is None
                elif act is not None and gold_span is not None:
                    value = _gold_value(g["actual"])
                    overlaps = act.start < gold_span[1] and gold_span[0] < act.end
                    rec.actual_right = overlaps and (value is None or _same(act, value, tr))
        targets.append(rec)
    return targets, [tr.quote for n, tr in enumerate(program) if n not in used]


def narrow(text: str) -> str:
    from reviewer.document.figures import narrow as _narrow

    return _narrow(text)


def _target_figure_right(gold: dict[str, Any], target: Any) -> bool:
    """The program's target has the gold quote's figure: every number of its value is a number
    the quote writes (8.5%到9.0%; 分别控制在5.5%和3.5%以内), and a target read without a figure
    (a relative or qualitative one) is one whose clause in the quote names none; 实现正增长 is
    zero."""
    import re

    quote = narrow(gold["quote"])
    written = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", quote.replace(",", ""))]
    value = target.value
    if value is None or (value == 0 and not written):
        if value is None and gold.get("relative"):
            return True
        ind = gold["indicator"]
        at = next((quote.find(ind[:k]) for k in range(len(ind), 1, -1) if ind[:k] in quote), 0)
        clause = re.split(r"[，,；;。]", quote[at:], maxsplit=1)[0]
        return not re.search(r"\d", clause)
    values = value if isinstance(value, tuple) else (value,)
    return all(any(abs(v - w) <= 1e-6 * max(1.0, abs(w)) for w in written) for v in values)


def _same(actual: Any, gold_value: float, target: Any) -> bool:
    """The program's actual figure equals the gold one (in the target's unit, or as a figure of
    its own quote)."""
    from reviewer.document.figures import figures

    for f in figures(actual.quote):
        if abs(f.value - gold_value) <= 1e-6 * max(1.0, abs(gold_value)):
            return True
    return False


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    —"


def scores(pairs: list[PairRecord]) -> dict[str, Any]:
    items = [it for p in pairs for it in p.items]
    targets = [tr for p in pairs for tr in p.targets]
    n = len(items)
    gold = Counter(it.gold for it in items)
    agree = sum(it.gold == it.got for it in items)
    decided = [it for it in items if it.got in STATUSES]
    gdp = [tr for tr in targets if is_gdp(tr.indicator)]
    top = [it for it in items if it.evidence]
    p1 = sum(it.relevant(1)[0] for it in top)
    p3_num = sum(sum(it.relevant(3)) / len(it.relevant(3)) for it in top)
    with_gold = [it for it in items if it.gold_evidence]
    hit3 = sum(any(it.relevant(3)) for it in with_gold)
    per_status = {}
    for s in (*STATUSES, "unclear"):
        tp = sum(it.got == s and it.gold == s for it in items)
        said = sum(it.got == s for it in items)
        real = gold[s]
        per_status[s] = (tp, said, real)
    found = [tr for tr in targets if tr.found]
    reported = [tr for tr in found if tr.gold_verdict != "not_reported" and tr.gold_actual]
    return {
        "items": n, "agree": agree, "always_delivered": gold["delivered"],
        "agree_decided": sum(it.gold == it.got for it in decided),
        "gdp": len(gdp), "gdp_right": sum(tr.found and tr.actual_right and
                                          tr.got_verdict == tr.gold_verdict for tr in gdp),
        "majority": gold.most_common(1)[0] if gold else ("", 0), "decided": len(decided),
        "promises_found": sum(it.found_promise for it in items if it.level == "promise"),
        "promises": sum(it.level == "promise" for it in items),
        "with_evidence": len(top), "p1": p1, "p3": p3_num, "with_gold": len(with_gold),
        "hit3": hit3, "per_status": per_status,
        "outside": sum(len(it.outside_review) for it in items),
        "targets": len(targets), "found": len(found),
        "actual_right": sum(tr.actual_right for tr in found),
        "reported": len(reported), "reported_right": sum(tr.actual_right for tr in reported),
        "verdict": sum(tr.got_verdict == tr.gold_verdict for tr in found),
        "extra": sum(len(p.extra) for p in pairs),
    }


def is_gdp(indicator: str) -> bool:
    """A gold target about the economy's growth or size (国内生产总值增长, 地区生产总值总量), not
    an indicator measured per unit of it (单位国内生产总值能耗, 万元GDP能耗)."""
    return any(w in indicator for w in ("生产总值", "GDP")) and \
        not any(w in indicator for w in ("单位", "能耗", "水耗", "人均", "占"))


def _margin(s: dict[str, Any]) -> str:
    n = s["items"]
    return f"{100 * (s['agree'] - s['always_delivered']) / n:+5.1f} pts" if n else "    —"


def _per_status(status: str):
    return lambda s: f"{_pct(*s['precision'][status])} / {_pct(*s['recall'][status])}"


# the rows of the table: label, and the cell of one column's scores
_ROWS: list[tuple[str, Any]] = [
    ("pairs / items / targets", lambda s: f"{s['pairs']} / {s['items']} / {s['targets']}"),
    ("status agreement", lambda s: _pct(s["agree"], s["items"])),
    ("  baseline: always 'delivered'", lambda s: _pct(s["always_delivered"], s["items"])),
    ("  baseline: majority class", lambda s: f"{_pct(s['majority'][1], s['items'])} "
                                            f"{s['majority'][0][:4]}"),
    ("  margin over 'delivered'", _margin),
    ("coverage (not unclear)", lambda s: _pct(s["decided"], s["items"])),
    ("  error of confident statuses", lambda s: _pct(s["decided"] - s["agree_decided"],
                                                     s["decided"])),
    ("promises found", lambda s: _pct(s["promises_found"], s["promises"])),
    ("evidence precision@1", lambda s: _pct(s["p1"], s["with_evidence"])),
    ("evidence precision@3", lambda s: _pct(round(s["p3"]), s["with_evidence"])),
    ("gold evidence in top 3", lambda s: _pct(s["hit3"], s["with_gold"])),
    ("evidence outside review", lambda s: f"{s['outside']}"),
    *[(f"{st} precision / recall", _per_status(st)) for st in (*STATUSES, "unclear")],
    ("targets found", lambda s: _pct(s["found"], s["targets"])),
    ("actual figure right", lambda s: _pct(s["actual_right"], s["found"])),
    ("  where one is reported", lambda s: _pct(s["reported_right"], s["reported"])),
    ("GDP target: actual, verdict right", lambda s: f"{s['gdp_right']}/{s['gdp']}"),
    ("verdict agreement", lambda s: _pct(s["verdict"], s["found"])),
    ("targets no label matches", lambda s: f"{s['extra']}"),
]


def table(columns: list[tuple[str, list[PairRecord]]]) -> list[str]:
    """The figures of each column of pairs side by side, one row a measure."""
    cells = []
    for _, pairs in columns:
        s = scores(pairs)
        s["pairs"] = len(pairs)
        s["precision"] = {st: (tp, said) for st, (tp, said, _) in s["per_status"].items()}
        s["recall"] = {st: (tp, real) for st, (tp, _, real) in s["per_status"].items()}
        cells.append([cell(s) for _, cell in _ROWS])
    width = max(len(label) for label, _ in _ROWS) + 2
    col = max(17, *(len(name) + 2 for name, _ in columns))
    lines = [" " * width + "".join(f"{name:>{col}}" for name, _ in columns)]
    for r, (label, _) in enumerate(_ROWS):
        lines.append(f"{label:<{width}}" + "".join(f"{c[r]:>{col}}" for c in cells))
    return lines


def report(pairs: list[PairRecord], title: str) -> list[str]:
    """The figures of one set of pairs (a table of one column)."""
    return [title] + table([(title, pairs)])


def confusion(pairs: list[PairRecord], title: str) -> list[str]:
    """Gold status (rows) against the suggested one (columns): where confident statuses go
    wrong, as classes."""
    items = [it for p in pairs for it in p.items]
    got = (*STATUSES, "unclear")
    counts = Counter((it.gold, it.got if it.got in got else "unclear") for it in items)
    short = {"no_evidence": "no_ev", "carried_over": "carried", "acknowledged_gap": "ack_gap"}
    head = [short.get(g, g) for g in got]
    lines = [f"{title}: gold (rows) against suggested (columns)",
             f"{'':<18}" + "".join(f"{h:>10}" for h in head)]
    for g in STATUSES:
        lines.append(f"{g:<18}" + "".join(f"{counts[(g, s)]:>10}" for s in got))
    return lines


def misses(pairs: list[PairRecord]) -> list[str]:
    out = []
    for p in pairs:
        out.append(f"{p.prior} → {p.current}" + ("" if p.set == "tuned" else f" ({p.set})")
                   + (f"  warnings: {', '.join(p.warnings)}" if p.warnings else ""))
        for it in p.items:
            rel = it.relevant(1)
            ev_ok = "" if not it.evidence else ("" if rel[0] else "  [top evidence off]")
            if it.gold != it.got or ev_ok:
                top = it.evidence[0][2][:40] if it.evidence else "—"
                out.append(f"  item {it.level:<7} gold {it.gold:<16} got {it.got:<16} "
                           f"{it.quote[:30]}{'' if it.found_promise or it.level == 'group' else ' (promise not found)'}"
                           f"{ev_ok}  top: {top}")
        for quote in p.extra:
            out.append(f"  target not in gold: {quote[:40]}")
        for tr in p.targets:
            if not tr.found:
                out.append(f"  target not found: {tr.indicator}")
            elif not tr.actual_right or tr.got_verdict != tr.gold_verdict:
                out.append(f"  target {tr.indicator}: gold {tr.gold_verdict} {tr.gold_actual!r}"
                           f"  got {tr.got_verdict} {tr.got_actual[:40]!r}")
    return out


# --- the comparison on reports as they arrive ---------------------------------------------------
#
# Both reports of a pair rewritten by one transform of ``transforms.py`` (pasted from a PDF, from
# Word, from a web page, numbered or worded as other governments do), and the gold targets matched
# again. A transform moves the text, breaks lines, changes marks and drops numbering, so a gold
# quote is located by its squeezed text: without spaces and line breaks, half-width marks read as
# full-width ones, a leading list number left out, and (where a page number or a running header
# the reading kept stands inside it) by its two halves close together. A gold quote not located
# so is counted apart (``located``): the harness lost it, not the product.

_SPACES = frozenset(" \t\r\n\u3000\xa0")
_FULL = str.maketrans({",": "，", ".": "。", ":": "：", ";": "；", "(": "（", ")": "）",
                       "!": "！", "?": "？", '"': "“", "“": "“", "”": "“", "．": "。"})
_NUMBERING = None


def _numbering():
    import re

    global _NUMBERING
    if _NUMBERING is None:
        cn = "一二三四五六七八九十"
        _NUMBERING = re.compile(
            rf"^(?:[{cn}]{{1,3}}、|（[{cn}\d]{{1,3}}）|\d{{1,2}}[。、]|第[{cn}]{{1,3}}部分"
            rf"|[壹贰叁肆伍陆柒捌玖拾]{{1,2}}、)")
    return _NUMBERING


class Locator:
    """Where a gold quote stands in a transformed report's normalized text, by squeezed text."""

    GAP = 80  # the most characters a page number and a running header take inside a quote

    def __init__(self, text: str):
        self.keep = [i for i, ch in enumerate(text) if ch not in _SPACES]
        self.flat = "".join(text[i] for i in self.keep).translate(_FULL)

    def _key(self, quote: str) -> str:
        return "".join(ch for ch in quote if ch not in _SPACES).translate(_FULL)

    def _span(self, a: int, b: int) -> tuple[int, int]:
        return self.keep[a], self.keep[b - 1] + 1

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        key = self._key(quote)
        bare = _numbering().sub("", key)
        for q in dict.fromkeys((key, bare)):
            if not q:
                continue
            hits, i = [], self.flat.find(q)
            while i >= 0:
                hits.append(self._span(i, i + len(q)))
                i = self.flat.find(q, i + 1)
            if hits:
                return hits
        if len(bare) < 8:
            return []
        head, tail = bare[: len(bare) // 2], bare[len(bare) // 2:]
        hits, i = [], self.flat.find(head)
        while i >= 0:
            j = self.flat.find(tail, i + len(head), i + len(bare) + self.GAP)
            if j >= 0:
                hits.append(self._span(i, j + len(tail)))
            i = self.flat.find(head, i + 1)
        return hits

    def find(self, quote: str) -> tuple[int, int] | None:
        hits = self.find_all(quote)
        return hits[0] if hits else None


def target_pairs() -> list[dict[str, Any]]:
    """Every gold pair with headline targets, once (a pair two readers judged: the later
    reading, as the sets of ``load_gold`` go)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for pair in load_gold():
        if pair["target"]:
            out[(pair["prior"], pair["current"])] = pair
    return list(out.values())


class Transformed:
    """The corpus reports rewritten by the transforms, each parsed once per transform."""

    def __init__(self):
        import outline_gold

        self.gold = {r["file"]: r for r in outline_gold.reports()}
        self.cases: dict[str, Any] = {}
        self.docs: dict[tuple[str, str], Any] = {}

    def case(self, name: str):
        import transforms

        if name not in self.cases:
            report = self.gold.get(name)
            text = (CORPUS / name).read_text(encoding="utf-8")
            self.cases[name] = transforms.case_of(report, text) if report else None
        return self.cases[name]

    def document(self, name: str, transform: str):
        """The report ``name`` as ``transform`` rewrites it, parsed; None when it has no gold
        outline to carry (or the transform does not apply to its genre)."""
        import transforms

        from reviewer.document import parse_text

        key = (name, transform)
        if key not in self.docs:
            case = self.case(name)
            if case is None or not transforms.applies(transform, case):
                self.docs[key] = None
            else:
                self.docs[key] = parse_text(transforms.TRANSFORMS[transform](case).text(), name)
        return self.docs[key]

    def forget(self, transform: str) -> None:
        self.docs = {k: v for k, v in self.docs.items() if k[1] != transform}


def run_transformed(pair: dict[str, Any], transform: str, made: Transformed
                    ) -> PairRecord | None:
    """The headline targets of ``pair`` with both reports rewritten by ``transform`` (None when
    one of them cannot be)."""
    from reviewer.compare import compare_targets

    prior, current = (made.document(pair[k], transform) for k in ("prior", "current"))
    if prior is None or current is None:
        return None
    name = f"{pair['prior']} → {pair['current']}"
    before, now = Locator(prior.text), Locator(current.text)
    targets, extra = _target_records(pair, name, compare_targets(prior, current),
                                     before.find_all, now.find)
    return PairRecord(pair["prior"], pair["current"], pair.get("set", "tuned"), [], targets,
                      [], extra)


TRANSFORM_COLUMNS = ("pairs", "targets", "found", "target right", "actual right",
                     "verdict right", "GDP right", "not located")


def transform_row(records: list[PairRecord]) -> dict[str, tuple[int, int]]:
    """One transform's figures, each (right, out of): over every gold target, the GDP target
    (target found, actual and verdict right) over the GDP targets."""
    targets = [tr for r in records for tr in r.targets]
    gdp = [tr for tr in targets if is_gdp(tr.indicator)]
    n = len(targets)
    return {
        "pairs": (len(records), len(records)), "targets": (n, n),
        "found": (sum(tr.found for tr in targets), n),
        "target right": (sum(tr.found and tr.target_right for tr in targets), n),
        "actual right": (sum(tr.found and tr.actual_right for tr in targets), n),
        "verdict right": (sum(tr.found and tr.got_verdict == tr.gold_verdict
                              for tr in targets), n),
        "GDP right": (sum(tr.found and tr.actual_right and tr.got_verdict == tr.gold_verdict
                          for tr in gdp), len(gdp)),
        "not located": (sum(not tr.located for tr in targets), n),
    }


def transform_misses(records: list[PairRecord], baseline: dict[tuple[str, str, str], str]
                     ) -> list[str]:
    """The gold targets a transform gets wrong that the untransformed reports get right
    (``baseline``: what went wrong on those, per pair and indicator, "" when nothing)."""
    out = []
    for r in records:
        for tr in r.targets:
            what = target_fault(tr)
            if what and not baseline.get((r.prior, r.current, tr.indicator)):
                out.append(f"  {r.prior} → {r.current} {tr.indicator}: {what}; gold "
                           f"{tr.gold_verdict} {tr.gold_actual!r}, got {tr.got_verdict} "
                           f"{tr.got_actual[:50]!r}")
    return out


def target_fault(tr: TargetRecord) -> str:
    """What is wrong with one gold target's reading ("" when nothing)."""
    if not tr.located:
        return "quote not located"
    if not tr.found:
        return "not found"
    faults = [w for w, ok in (("target figure", tr.target_right), ("actual", tr.actual_right),
                              ("verdict", tr.got_verdict == tr.gold_verdict)) if not ok]
    return ", ".join(faults)
