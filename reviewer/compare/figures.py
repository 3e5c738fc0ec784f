"""Quantified targets of a plan, the figures a review reports for them, and the verdict.

A target reads ``indicator [comparator] value unit [comparator]`` inside one clause of the prior
report's plan or targets sections: 国内生产总值增长5%左右, 城镇调查失业率控制在5.5%以内,
每月推送普法内容不少于7条, 增长4.5%—5%. The actual figure is the first figure for the same
indicator (or a synonym) and a compatible unit in the current report's review part, skipping
averages over several years, goals, and the earlier figure of a "from X to Y".
All wording lives in ``data/indicators.toml`` and ``data/units.toml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from reviewer.compare import data
from reviewer.document import Document
from reviewer.i18n import t
from reviewer.profiles import kinds_where

COMPARATORS = ("about", "at_least", "at_most", "range", "equal")
VERDICTS = ("met", "missed", "unclear", "no_evidence")

# full-width digits, point and percent sign → half-width (same length, so offsets hold)
_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_NUM = r"(?<![\d.A-Za-z])\d+(?:\.\d+)?"
_CLAUSE = re.compile(r"[^，,；;。：:、\n！？!?]+")
_DASH = "—–\\-~～至到"
_SENTENCE_END = re.compile(r"[。；;\n]")


@dataclass(frozen=True)
class Target:
    """A quantified promise: ``value`` is a number, or ``(low, high)`` for a range."""

    indicator: str
    comparator: str
    value: float | tuple[float, float]
    unit: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Actual:
    """The figure the current report gives for a target's indicator (offsets into its text)."""

    value: float
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class TargetResult(Target):
    """A target with the figure found for it in the current report and the verdict."""

    actual: Actual | None
    verdict: str


@lru_cache(maxsize=8)
def _narrow(text: str) -> str:
    """``text`` with half-width digits, point and percent (kept per text: called per target)."""
    return text.translate(_WIDTH)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(target pattern, figure pattern), built from the unit and comparator data."""
    comps = data.indicators()["comparators"]
    before = _alternation(w for c in comps.values() for w in c.get("before", ()))
    after = _alternation(w for c in comps.values() for w in c.get("after", ()))
    unit = _alternation(data.units())
    target = re.compile(
        rf"(?P<before>{before})?(?P<low>{_NUM})(?:(?:{unit})?[{_DASH}](?P<high>{_NUM}))?"
        rf"(?P<unit>{unit})(?P<after>{after})?")
    figure = re.compile(rf"(?P<value>{_NUM})(?P<unit>{unit})")
    return target, figure


def _comparator(before: str | None, after: str | None) -> str:
    comps = data.indicators()["comparators"]
    for name, words in comps.items():
        if after and after in words.get("after", ()):
            return name
    for name, words in comps.items():
        if before and before in words.get("before", ()):
            return name
    return "equal"


def _strip(text: str, before: Iterable[str], after: Iterable[str], *,
           keep_one: bool = True) -> str:
    """Drop leading and trailing filler words, repeatedly (never the last one when
    ``keep_one``: a name made only of filler is left as it is)."""
    before = sorted(before, key=len, reverse=True)
    after = sorted(after, key=len, reverse=True)
    least = 1 if keep_one else 0
    changed = True
    while changed:
        changed = False
        for w in before:
            if text.startswith(w) and len(text) - len(w) >= least:
                text, changed = text[len(w):], True
        for w in after:
            if text.endswith(w) and len(text) - len(w) >= least:
                text, changed = text[: -len(w)], True
    return text


def _cjk(text: str) -> int:
    return len(re.findall(r"[\u3400-\u9fff]", text))


def _generic(name: str) -> bool:
    """Whether ``name`` says too little to be looked for: once generic verbs (实施, 新建…) are
    taken off both ends, fewer than three characters are left."""
    verbs = data.indicators()["indicator"]["generic_verbs"]
    return _cjk(_strip(name, verbs, verbs, keep_one=False)) < 3


def _indicator(prefix: str, rest: str) -> str | None:
    """The indicator named by the words before a figure (``rest``: the clause after it, used
    when those words are only a verb: 新建50个区域养老服务中心)."""
    conf = data.indicators()["indicator"]
    prefix = prefix.strip(" \u3000")
    if any(prefix.startswith(w) for w in conf["ignore_when_starting"]):
        return None
    if any(w in prefix for w in conf["ignore_when_containing"]):
        return None
    name = _strip(prefix, conf["drop_before"], conf["drop_after"])
    if _generic(name):
        name += rest.strip(" \u3000")
    if _cjk(name) < 2:
        return None
    return name


def targets_in(doc: Document, start: int, end: int) -> list[Target]:
    """Every quantified target in ``doc.text[start:end]``."""
    text = _narrow(doc.text)
    pattern, _ = _patterns()
    out: list[Target] = []
    for clause in _CLAUSE.finditer(text, start, end):
        m = pattern.search(clause.group())
        if not m:
            continue
        indicator = _indicator(clause.group()[: m.start()], clause.group()[m.end():])
        if indicator is None:
            continue
        low = float(m.group("low"))
        if m.group("high"):
            comparator, value = "range", (low, float(m.group("high")))
        else:
            comparator, value = _comparator(m.group("before"), m.group("after")), low
        out.append(Target(indicator, comparator, value, m.group("unit"), clause.group(),
                          clause.start(), clause.end()))
    return out


def extract_targets(doc: Document) -> list[Target]:
    """The quantified targets of ``doc``'s plan and targets sections, in text order."""
    sections = sorted(doc.sections_of_kind(*kinds_where("planned")), key=lambda s: s.start)
    return [t for s in sections for t in targets_in(doc, s.start, s.end)]


# --- reading the actual figure ---------------------------------------------------------------

def _measure(indicator: str) -> tuple[str, str]:
    """(subject, direction of the measure: "up", "down" or "") of an indicator."""
    conf = data.indicators()
    for direction, words in (("down", conf["decrease_words"]), ("up", conf["growth_words"])):
        for w in sorted(words, key=len, reverse=True):
            if indicator.endswith(w) and len(indicator) > len(w):
                return indicator[: -len(w)], direction
    return indicator, ""


def _names(subject: str) -> list[str]:
    for group in data.indicators()["synonyms"]["groups"]:
        if subject in group:
            return sorted(group, key=len, reverse=True)
    return [subject]


def _convertible(unit_a: str, unit_b: str) -> bool:
    table = data.units()
    return table[unit_a][0] == table[unit_b][0]


def _in_unit(value: float, unit: str, target_unit: str) -> float:
    table = data.units()
    return value * table[unit][1] / table[target_unit][1]


@cache
def _leads_to() -> re.Pattern[str]:
    """Words leading from an earlier figure to the one that counts (从X提高到Y)."""
    return re.compile(_alternation(data.indicators()["actual"]["leads_to"]))


def _figure_after(text: str, pos: int, limit: int, target: Target,
                  direction: str) -> re.Match[str] | None:
    """The first figure for the target after an indicator ending at ``pos``."""
    conf = data.indicators()
    act = conf["actual"]
    _, figure = _patterns()
    for m in figure.finditer(text, pos, limit):
        if not _convertible(m.group("unit"), target.unit):
            continue
        between = text[pos: m.start()]
        if any(w in between for w in act["not_actual"]):
            return None
        if direction and target.unit == "%":
            words = conf["growth_words"] if direction == "up" else conf["decrease_words"]
            if not any(w in between for w in words):
                continue
        later = _leads_to().match(text, m.end())
        if later:
            nxt = figure.match(text, later.end())
            if nxt and _convertible(nxt.group("unit"), target.unit):
                return nxt
        return m
    return None


_CLAUSE_MARKS = "，,；;。：:\n"


_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")


@lru_cache(maxsize=8)
def _clause_marks(text: str) -> list[int]:
    """Where the clause marks of ``text`` are (kept per text: looked up per occurrence)."""
    return [m.start() for m in _CLAUSE_MARK.finditer(text)]


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos`` (after the previous ，；。： or line break)."""
    marks = _clause_marks(text)
    i = bisect.bisect_left(marks, pos)
    return max(marks[i - 1] + 1, floor) if i else floor


class _Names:
    """Where indicator names occur in the review part of a report: every name of every target,
    found in one pass over the review (a trie with failure links), instead of one pass per
    target; :meth:`matches` then reads them as a search for the names would find them."""

    def __init__(self, text: str, spans: list[tuple[int, int]], names: set[str]):
        goto: list[dict[str, int]] = [{}]
        ends: list[list[str]] = [[]]
        for name in names:
            state = 0
            for ch in name:
                nxt = goto[state].get(ch)
                if nxt is None:
                    nxt = goto[state][ch] = len(goto)
                    goto.append({})
                    ends.append([])
                state = nxt
            ends[state].append(name)
        # where to go on when a character does not continue a name: the longest end of what
        # was read that begins a name (the root's children fall back to the root)
        fail = [0] * len(goto)
        queue = list(goto[0].values())
        for state in queue:  # breadth first: a state's failure is known before its children's
            for ch, nxt in goto[state].items():
                back = fail[state]
                while back and ch not in goto[back]:
                    back = fail[back]
                fail[nxt] = goto[back].get(ch, 0)
                ends[nxt] = ends[nxt] + ends[fail[nxt]]
                queue.append(nxt)
        self._at: dict[str, list[int]] = {name: [] for name in names}
        root = goto[0]
        for lo, hi in spans:
            state = 0
            for pos in range(lo, hi):
                ch = text[pos]
                if state == 0 and ch not in root:
                    continue
                while state and ch not in goto[state]:
                    state = fail[state]
                state = goto[state].get(ch, 0)
                for name in ends[state]:
                    self._at[name].append(pos + 1 - len(name))

    def matches(self, names: list[str]) -> list[tuple[int, int]]:
        """(start, end) of the occurrences of ``names`` a left-to-right search for the longest
        of them finds: at each place the longest name, none overlapping the one before."""
        found = sorted((start, -len(name)) for name in names for start in self._at.get(name, ()))
        out: list[tuple[int, int]] = []
        end = -1
        for start, neg_length in found:
            if start >= end:
                end = start - neg_length
                out.append((start, end))
        return out


def find_actual(doc: Document, target: Target, spans: list[tuple[int, int]],
                names: _Names | None = None) -> Actual | None:
    """The figure ``doc`` reports for ``target`` inside ``spans`` (its review part), or None.
    ``names``: where the names of the indicators occur in the spans, when known."""
    text = _narrow(doc.text)
    act = data.indicators()["actual"]
    subject, direction = _measure(target.indicator)
    if _generic(subject):
        return None
    wanted = _names(subject)
    if names is None:
        names = _Names(text, spans, set(wanted))
    starts = [lo for lo, _ in spans]
    for occ_start, occ_end in names.matches(wanted):
        lo, hi = spans[bisect.bisect_right(starts, occ_start) - 1]
        before = text[max(lo, occ_start - 2): occ_start]
        if any(before.endswith(w) for w in act["blocked_before"]):
            continue
        if any(text.startswith(w, occ_end) for w in act["blocked_after"]):
            continue
        start = _clause_start(text, occ_start, lo)
        if any(w in text[start: occ_start] for w in act["not_actual"]):
            continue
        stop = _SENTENCE_END.search(text, occ_end, min(hi, occ_end + act["max_gap"]))
        limit = min(occ_end + act["max_gap"], stop.start() if stop else hi)
        hit = _figure_after(text, occ_end, limit, target, direction)
        if hit is None:
            continue
        value = _in_unit(float(hit.group("value")), hit.group("unit"), target.unit)
        return Actual(value, doc.text[start: hit.end()], start, hit.end())
    return None


def lower_is_better(indicator: str) -> bool:
    """Whether a lower figure is the better one, a decrease measure counting the other way."""
    lower = any(w in indicator for w in data.indicators()["lower_is_better"])
    _, direction = _measure(indicator)
    return lower != (direction == "down")


def verdict(target: Target, actual: Actual | None) -> str:
    """``met``, ``missed``, ``unclear`` (inside the tolerance of 左右) or ``no_evidence``."""
    if actual is None:
        return "no_evidence"
    rules = data.rules()
    lower = lower_is_better(target.indicator)
    got = actual.value
    if target.comparator == "range":
        low, high = target.value  # type: ignore[misc]
        bound = high if lower else low
    else:
        bound = target.value  # type: ignore[assignment]
    if lower:
        got, bound = -got, -bound
    if got >= bound:
        return "met"
    if target.comparator == "about":
        tolerance = rules["about_points"] if target.unit == "%" else abs(bound) * rules["about_share"]
        if bound - got <= tolerance + 1e-9:
            return "unclear"
    return "missed"


def check_targets(targets: list[Target], current: Document,
                  spans: list[tuple[int, int]]) -> list[TargetResult]:
    """Each target with the figure ``current`` reports for it and the verdict. The review is
    read once for the names of all targets' indicators, and a target repeating an indicator and
    unit already looked for takes the same figure."""
    wanted = {name for target in targets
              for name in _names(_measure(target.indicator)[0])}
    names = _Names(_narrow(current.text), spans, wanted)
    found: dict[tuple[str, str], Actual | None] = {}
    out = []
    for target in targets:
        key = (target.indicator, target.unit)
        if key not in found:
            found[key] = find_actual(current, target, spans, names)
        actual = found[key]
        out.append(TargetResult(**vars(target), actual=actual, verdict=verdict(target, actual)))
    return out


def _number(value: float) -> str:
    return f"{value:g}"


def target_text(target: Target | TargetResult) -> str:
    """A target as a reader says it: 5%左右, 1200万人以上, 4.5–5% (about 5%… in English)."""
    if target.comparator == "range":
        low, high = target.value  # type: ignore[misc]
        value = f"{_number(low)}–{_number(high)}{target.unit}"
    else:
        value = f"{_number(target.value)}{target.unit}"  # type: ignore[arg-type]
    return t("compare.comparator_" + target.comparator, value=value)


def actual_text(result: TargetResult) -> str:
    """The reported figure in the target's unit, or a dash."""
    if result.actual is None:
        return t("compare.none")
    return f"{_number(result.actual.value)}{result.unit}"
