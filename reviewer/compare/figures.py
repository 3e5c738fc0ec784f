"""Targets of a plan, the figures a review reports for them, and the verdict.

A quantified target reads ``indicator [comparator] value unit [comparator]`` inside one clause of
the prior report's plan or targets: 国内生产总值增长5%左右, 城镇调查失业率控制在5.5%以内,
每月推送普法内容不少于7条, 增长4.5%—5%; ``A和B分别控制在5.5%以内、3.5%以内`` is two targets.
A relative target sets one indicator against another (居民收入增长和经济增长同步: judged from
the two actuals), a qualitative one states a condition (国际收支基本平衡: met when the review
says so in its own words).

The actual figure is the first figure for the same indicator (or a synonym) and a compatible
unit in the current report's account of the year: never an average over several years, a goal,
the earlier figure of a "from X to Y", a figure of a five-year period or of a later year, and a
share or a level is never read as a growth rate. ``A、B分别增长5.3%、7%`` gives each subject
its own figure.

Figures and their units are read by the reader shared with the flags
(:mod:`reviewer.document.figures`); the wording of indicators is data in
``data/indicators.toml``, thresholds in ``data/rules.toml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import chain

from reviewer.compare import data
from reviewer.document import Document
from reviewer.document.figures import Figure, comparable, convert, figures, narrow, unit_scale
from reviewer.document.sentences import full_stops
from reviewer.i18n import t
from reviewer.profiles import kinds_where

COMPARATORS = ("about", "at_least", "at_most", "range", "equal", "positive", "state",
               "relative")
VERDICTS = ("met", "missed", "unclear", "not_reported")
KINDS = ("quantified", "relative", "qualitative")

_CLAUSE = re.compile(r"[^，,；;。：:、\n！？!?]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_CLOSE = re.compile(r"[）)]")
_BRACKETED = re.compile(r"(.*?)[（(]([^（）()]+)[）)](.*)")


@dataclass(frozen=True)
class Target:
    """A target of a plan (offsets into the prior report's text).

    ``kind``: ``quantified`` (``value`` a number, or ``(low, high)`` for a range, in ``unit`` as
    written: 1200 万人), ``relative`` (``other`` names the indicator it is set against, ``state``
    the relation: 同步, 快于), ``qualitative`` (``state`` the condition promised: 基本平衡;
    ``value`` is None).
    """

    indicator: str
    comparator: str
    value: float | tuple[float, float] | None
    unit: str
    quote: str
    start: int
    end: int
    kind: str = "quantified"
    state: str = ""
    other: str = ""


@dataclass(frozen=True)
class Actual:
    """What the current report says for a target (offsets into its text): the figure in the
    target's unit, or ``None`` where it restates a condition in words."""

    value: float | None
    quote: str
    start: int
    end: int
    # the figure on a comparable basis the review gives beside it (增长1.7%（同口径增长2.5%以上）)
    basis: float | None = None
    # the figure is itself approximate (增长10%左右: the comparators' ``about`` words after it)
    about: bool = False
    # the figure is an estimate (初步预计，全年地区生产总值增长6.5%)
    estimate: bool = False
    # the figure is the year's end (年末城镇调查失业率5.5%) for an indicator whose target is the
    # year's average: no verdict from it
    year_end: bool = False


@dataclass(frozen=True)
class TargetResult(Target):
    """A target with what the current report says for it, the verdict and why.

    For a relative target ``actual`` is the figure of the indicator itself and ``other_actual``
    that of the one it is set against."""

    actual: Actual | None = None
    verdict: str = "not_reported"
    reasons: tuple[str, ...] = ()
    other_actual: Actual | None = None
    headline: bool = False


# --- reading targets ---------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _narrow(text: str) -> str:
    """``text`` with half-width digits, point and percent, and 。 for a half-width full stop
    ending a sentence (kept per text: called per target)."""
    return narrow(full_stops(text))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _words(where: str) -> tuple[str, ...]:
    comps = data.indicators()["comparators"]
    return tuple(sorted({w for c in comps.values() for w in c.get(where, ())}, key=len,
                        reverse=True))


def _amount(fig: Figure, value: float | None = None) -> float:
    """A figure's value in its unit as written (1200万人 → 1200 万人)."""
    scale = unit_scale(fig.magnitude) if fig.magnitude else None
    size = scale[1] if scale else 1.0
    return (fig.value if value is None else value) / size


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
    return len(_CJK.findall(text))


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
    if any(prefix.startswith(w) for w in conf["ignore_when_starting"]) or \
            any(w in prefix for w in conf["estimate_words"]):
        return None
    if _holds(prefix, conf["ignore_when_containing"]):
        return None
    name = _strip(prefix, conf["drop_before"], conf["drop_after"])
    if _generic(name):
        name += rest.strip(" \u3000")
    if _cjk(name) < 2:
        return None
    return name


def _holds(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``words`` once the names of a one-year mean (PM2.5年均值,
    年均浓度: ``[indicator] yearly_means``) are taken out: 年均 there is no multi-year average."""
    for mean in data.indicators()["indicator"]["yearly_means"]:
        text = text.replace(mean, "")
    return any(w in text for w in words)


def _multi_year(text: str, start: int, end: int) -> bool:
    """A clause speaking of several years (用3—5年时间, 到2027年, 三年行动): no target of the
    year."""
    return bool(_multi_year_pattern().search(text, start, end))


def multi_year_in(doc: Document, start: int, end: int) -> bool:
    """:func:`_multi_year` for a clause of ``doc``, or a later year than its plan's named in the
    clause or earlier in its run up to the last ；。：(到2025年，…): a goal of several years."""
    text = _narrow(doc.text)
    return _multi_year(text, start, end) or _later_goal(doc, text, start, end)


def _later_goal(doc: Document, text: str, start: int, end: int) -> bool:
    """A year after ``doc``'s plan year named in the clause or earlier in its run."""
    marks = _marks(text, _RUN_MARKS)
    i = bisect.bisect_left(marks, start)
    run = marks[i - 1] + 1 if i else 0
    if text.find("年", run, end) < 0:
        return False
    plan = doc.plan_year
    if plan is None:
        return False
    return any(int(m.group(1)) > plan for pattern in _later_year()
               for m in pattern.finditer(text, run, end))


@cache
def _later_year() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in data.indicators()["indicator"]["later_year"])


@cache
def _multi_year_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data.indicators()["indicator"]["multi_year"]))


def _subjects(text: str) -> list[str]:
    """The subjects listed before 分别 (城镇调查失业率和城镇登记失业率 → both)."""
    parts = re.split(_alternation(data.indicators()["indicator"]["joiners"]), text)
    return [p for p in parts if p]


def _prefix(subject: str) -> str:
    """The words of ``subject`` up to the end of the indicator it is measured per unit of
    (单位地区生产总值能耗 → 单位地区生产总值, 万元GDP建设用地 → 万元GDP), else ""."""
    conf = data.indicators()["indicator"]
    ends = [subject.find(w) + len(w) for w in conf["prefix_ends"] if w in subject]
    end = max(ends, default=0)
    return subject[:end] if 0 < end < len(subject) else ""


def _expanded(subjects: list[str]) -> list[str]:
    """Subjects sharing the first one's prefix (单位地区生产总值能耗、水耗、电耗) with their full
    names (单位地区生产总值水耗, …); short subjects before a last one that goes on with their
    shared name (城镇和农村居民人均可支配收入: 城镇居民人均可支配收入, 农村…) with theirs; others as
    they are."""
    if len(subjects) == 1:
        joint = data.indicators()["indicator"]["joint_subjects"]
        for word, members in joint.items():
            rest = subjects[0][len(word):] if subjects[0].startswith(word) else ""
            if _cjk(rest) >= 2:
                # 城乡居民人均可支配收入: 城镇居民人均可支配收入, 农村居民人均可支配收入
                return [m + rest for m in members]
    if len(subjects) < 2:
        return subjects
    short = data.indicators()["indicator"]["short_subject"]
    head = _prefix(subjects[0])
    if not head:
        *firsts, last = subjects
        width = len(firsts[0])
        if all(_cjk(s) <= short and len(s) == width for s in firsts) and \
                _cjk(last) > width + 1 and not _prefix(last):
            # the last one's own word is as long as the first ones' (城镇｜农村), the rest shared
            return [s + last[width:] for s in firsts] + [last]
        return subjects
    return [subjects[0], *(head + s if _cjk(s) <= short and not _prefix(s) else s
                           for s in subjects[1:])]


def targets_in(doc: Document, start: int, end: int) -> list[Target]:
    """Every quantified target in ``doc.text[start:end]``: one a clause, or one per subject of
    ``A和B分别…X、Y``."""
    text = _narrow(doc.text)
    before_words, after_words = _words("before"), _words("after")
    conf = data.indicators()["indicator"]
    out: list[Target] = []
    clauses = list(_CLAUSE.finditer(text, start, end))
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        i += 1
        if _multi_year(text, clause.start(), clause.end()):
            continue
        found = figures(doc.text, clause.start(), clause.end())
        if not found or _later_goal(doc, text, clause.start(), clause.end()):
            continue
        fig = found[0]
        before = next((w for w in before_words if text.startswith(w, fig.start - len(w))
                       and fig.start - len(w) >= clause.start()), None)
        after = next((w for w in after_words if text.startswith(w, fig.end)), None)
        head = fig.start - (len(before) if before else 0)
        tail = fig.end + (len(after) if after else 0)
        prefix = text[clause.start(): head]
        split = prefix.find("分别")
        if split >= 0:
            # the subjects may run back over clauses cut at 、 that hold no figure
            # (单位地区生产总值能耗、水耗、电耗分别下降…)
            first = i - 1
            while first > 0 and text[clauses[first].start() - 1] == "、" and \
                    not figures(doc.text, clauses[first - 1].start(), clauses[first - 1].end()):
                first -= 1
            lead = text[clauses[first].start(): clause.start()]
            subjects = _expanded(_subjects(_strip(lead + prefix[:split], conf["drop_before"],
                                                  ())))
            # the figures of 分别 joined in its clause (分别控制在5.5%和3.5%以内), then running on
            # over the next clauses cut at 、
            figs = [fig]
            for f in found[1:]:
                if len(figs) == len(subjects) or \
                        text[figs[-1].end: f.start].strip(" \u3000") not in conf["joiners"]:
                    break
                figs.append(f)
            j = i
            while len(figs) < len(subjects) and j < len(clauses) and \
                    text[clauses[j].start() - 1] == "、":
                more = figures(doc.text, clauses[j].start(), clauses[j].end())
                if not more:
                    break
                figs.append(more[0])
                j += 1
            if len(subjects) > 1 and len(figs) == len(subjects):
                measure = prefix[split + 2:]
                last = clauses[j - 1] if j > i else clause
                for subject, f in zip(subjects, figs, strict=True):
                    fafter = next((w for w in after_words if text.startswith(w, f.end)), None)
                    fbefore = before if f is fig else None
                    name = _strip(subject + measure, conf["drop_before"], conf["drop_after"])
                    if _cjk(name) < 2:
                        continue
                    comp, value = (("range", (_amount(f, f.low), _amount(f)))
                                   if f.low is not None else (_comparator(fbefore, fafter),
                                                              _amount(f)))
                    at = clauses[first].start()
                    out.append(Target(name, comp, value, f.written_unit,
                                      doc.text[at: last.end()], at, last.end()))
                i = j
                continue
        indicator = _indicator(prefix, text[tail: clause.end()])
        if indicator is None:
            continue
        upper = _to_figure(doc, text, fig, clause.start(), clause.end())
        if fig.low is not None:
            comparator, value = "range", (_amount(fig, fig.low), _amount(fig))
        elif upper is not None:
            comparator, value = "range", (_amount(fig), _amount(upper))
        else:
            comparator, value = _comparator(before, after), _amount(fig)
        out.append(Target(indicator, comparator, value, fig.written_unit, clause.group(),
                          clause.start(), clause.end()))
    return out


def _to_figure(doc: Document, text: str, fig: Figure, start: int, end: int) -> Figure | None:
    """The upper end of a target written ``8.5%到9.0%`` (到 joining two figures of one unit,
    with no 从 before them: 从X提高到Y leads from one figure to another)."""
    if not text.startswith("到", fig.end) or "从" in text[start:fig.start]:
        return None
    nxt = figures(doc.text, fig.end + 1, end)
    if nxt and nxt[0].start == fig.end + 1 and nxt[0].written_unit == fig.written_unit \
            and nxt[0].value > fig.value:
        return nxt[0]
    return None


def extract_targets(doc: Document) -> list[Target]:
    """The quantified targets of ``doc``'s plan and targets sections, in text order."""
    sections = sorted(doc.sections_of_kind(*kinds_where("planned")), key=lambda s: s.start)
    return [t for s in sections for t in targets_in(doc, s.start, s.end)]


# --- reading the actual figure ---------------------------------------------------------------

def measure(indicator: str) -> tuple[str, str]:
    """(subject, direction of the measure: "up", "down" or "") of an indicator."""
    conf = data.indicators()
    for direction, words in (("down", conf["decrease_words"]), ("up", conf["growth_words"])):
        for w in sorted(words, key=len, reverse=True):
            if indicator.endswith(w) and len(indicator) > len(w):
                return indicator[: -len(w)], direction
    return indicator, ""


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for group in data.indicators()["synonyms"]["groups"]:
        names = tuple(sorted(group, key=len, reverse=True))
        for name in group:
            out[name] = names
    return out


@cache
def _aliases() -> dict[str, str]:
    return dict(data.indicators()["synonyms"].get("aliases", {}))


def _words_for(name: str) -> tuple[str, ...]:
    """The alias words standing for the indicator ``name`` or one of its synonyms (经济 for
    地区生产总值), longest first: those naming only a subject."""
    meant = set(_synonyms().get(name, (name,)))
    # an alias that is a whole indicator (经济增速, GDP增速) is found by the name it holds
    return tuple(sorted((w for w, m in _aliases().items() if m in meant and not measure(w)[1]),
                        key=lambda w: (-len(w), w)))


def _clause_end(text: str, pos: int, hi: int) -> int:
    ends = [i for i in (text.find(m, pos, hi) for m in _CLAUSE_MARKS) if i >= 0]
    return min(ends, default=hi)


def _stray_alias(text: str, lo: int, start: int, end: int) -> bool:
    """The name found at ``text[start:end]`` is an alias word (经济) not standing alone for its
    indicator (:func:`_alias_alone`)."""
    return text[start:end] in _aliases() and not _alias_alone(text, lo, start, end)


def _alias_alone(text: str, lo: int, start: int, end: int) -> bool:
    """The alias word at ``text[start:end]`` (经济) stands alone for its indicator: right before a
    word of growth or decrease, after a mark, the passage's start or a scope word (全省经济增长),
    not inside a longer name (数字经济增长)."""
    conf = data.indicators()
    if not any(text.startswith(w, end) for w in (*conf["growth_words"],
                                                   *conf["decrease_words"])):
        return False
    if start <= lo or not _CJK.match(text, start - 1):
        return True
    return any(text.endswith(w, lo, start) for w in conf["synonyms"]["alias_scope"])


def names(subject: str) -> tuple[str, ...]:
    """The names a review may use for a subject: its synonyms (``indicators.toml``), found for
    the subject itself or once its leading scope words (全省, 全社会…) are taken off."""
    table = _synonyms()
    conf = data.indicators()["indicator"]
    bare = _strip(subject, conf["drop_before"], ())
    aliases = _aliases()
    for name in (subject, bare):
        if name in aliases:
            # 经济 for 国内生产总值: its names, and the word itself (read where it stands alone)
            meant = aliases[name]
            return tuple(dict.fromkeys((*table.get(meant, (meant,)), *_words_for(meant))))
        if name in table:
            return tuple(dict.fromkeys((*table[name], *_words_for(name))))
    # a name with its abbreviation in brackets (地区生产总值（GDP）): the name, then the
    # abbreviation, each with its synonyms
    m = _BRACKETED.fullmatch(bare)
    if m is not None:
        out: list[str] = []
        for part in (m.group(1) + m.group(3), m.group(2)):
            if _cjk(part) >= 2 or (part.isascii() and len(part) >= 2):
                out.extend(n for n in names(part) if n not in out)
        if out:
            return (subject, *out)
    return (subject,) if bare == subject else (subject, bare)


@lru_cache(maxsize=256)
def _spellings(found: tuple[str, ...]) -> tuple[str, ...]:
    """The names of an indicator as a review may write them, longest first: a name ending in a
    measure (现代服务业增加值) also with a verb before the measure (现代服务业实现增加值)."""
    act = data.indicators()["actual"]
    out: set[str] = set()
    for name in set(found):
        out.add(name)
        noun = next((n for n in act["measure_nouns"]
                     if name.endswith(n) and _cjk(name[: -len(n)]) >= 2), None)
        if noun is not None:
            out.update(name[: -len(noun)] + verb + noun for verb in act["verb_infix"])
    return tuple(sorted(out, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=256)
def _name_pattern(found: tuple[str, ...]) -> re.Pattern[str]:
    """A search for the names of an indicator as a review may write them (:func:`_spellings`),
    the longest where several begin at the same place."""
    return re.compile(_alternation(_spellings(found)))


@cache
def _leads_to() -> re.Pattern[str]:
    """Words leading from an earlier figure to the one that counts (从X提高到Y)."""
    return re.compile(_alternation(data.indicators()["actual"]["leads_to"]))


def _figure_after(text: str, pos: int, limit: int, target: Target,
                  direction: str, index: int = 0) -> Figure | None:
    """The figure for the target after an indicator ending at ``pos`` (the ``index``-th of
    the comparable ones after 分别)."""
    conf = data.indicators()
    act = conf["actual"]
    seen = 0
    for m in figures(text, pos, limit):
        if not comparable(m.written_unit, target.unit):
            continue
        between = text[pos: m.start]
        if _holds(between, act["not_actual"]):
            return None
        if _another_subject(text, pos, m.start, target):
            return None
        if _restated(text, m.end, conf):
            return None  # 经济增长5%左右的预期目标顺利实现: the target, not the year's figure
        if target.unit == "%":
            if any(w in between for w in act["share_words"]):
                return None
            if direction:
                words = (*conf["growth_words"], *conf["decrease_words"], *act["growth_only"])
                if not any(w in between for w in words):
                    continue
        if seen < index:
            seen += 1
            continue
        later = _leads_to().match(text, m.end)
        if later:
            nxt = figures(text, later.end(), limit)
            if nxt and nxt[0].start == later.end() and comparable(nxt[0].written_unit,
                                                                  target.unit):
                return nxt[0]
        return m
    return None


_CLAUSE_MARKS = "，,；;。：:\n"
_RUN_MARKS = "；;。：:\n"
_LATER_CLAUSE = re.compile(r"[，,；;：:]([^，,；;：:]*)$")
_ASIDE = re.compile(r"[（(][^（）()]*[）)]|[、\s\u3000]")


@cache
def _comparators_after() -> tuple[str, ...]:
    conf = data.indicators()["comparators"]
    return tuple(sorted((w for c in conf.values() for w in c.get("after", ())),
                        key=len, reverse=True))


def _restated(text: str, at: int, conf: dict) -> bool:
    """The figure ending at ``at`` is followed, past its comparator, by words naming it the
    target (…5%左右的预期目标)."""
    rest = text[at: at + 16]
    for w in _comparators_after():
        if rest.startswith(w):
            rest = rest[len(w):]
            break
    return any(rest.startswith(w) for w in conf["actual"]["target_after"])


def _another_subject(text: str, pos: int, at: int, target: Target) -> bool:
    """The figure at ``at`` (the indicator's name ending at ``pos``) stands in a later clause
    with a subject of its own (…同比持平，规模以上工业增加值增长6%), not one that only goes on
    to its measure (地区生产总值2150亿元、比上年增长8.7%；…同口径增长8.56%；同比（下同）增长7%)."""
    m = _LATER_CLAUSE.search(text, pos, at)
    if m is None:
        return False
    lead, cut = [], m.start(1)
    for fig in figures(text, m.start(1), at):  # the level given before the growth
        lead.append(text[cut:fig.start])
        cut = fig.end
    lead.append(text[cut:at])
    conf = data.indicators()
    words = (*conf["actual"]["clause_lead"], *conf["actual"]["basis_words"],
             *conf["growth_words"], *conf["decrease_words"],
             *names(measure(target.indicator)[0]), *_aliases())
    rest = _ASIDE.sub("", "".join(lead))
    return _cjk(_strip(rest, words, words, keep_one=False)) >= 2


@lru_cache(maxsize=16)
def _marks(text: str, marks: str) -> list[int]:
    """Where the characters of ``marks`` stand in ``text`` (kept per text and set of marks:
    looked up per occurrence)."""
    return [m.start() for m in re.finditer(f"[{re.escape(marks)}]", text)]


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos`` (after the previous ，；。： or line break)."""
    marks = _marks(text, _CLAUSE_MARKS)
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


_SENTENCE_MARKS = "。；;！？!?\n"


def _sentence_start(text: str, pos: int, floor: int) -> int:
    marks = _marks(text, _SENTENCE_MARKS)
    i = bisect.bisect_left(marks, pos)
    return max(marks[i - 1] + 1, floor) if i else floor


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """Where the sentence holding ``pos`` ends, at ``hi`` at the latest."""
    marks = _marks(text, _SENTENCE_MARKS)
    i = bisect.bisect_left(marks, pos)
    return min(marks[i], hi) if i < len(marks) else hi


def _other_period(text: str, start: int, clause: int, end: int, year: int | None) -> bool:
    """The passage speaks of another period than the year reviewed: a later year's months
    (今年一季度) or several years (五年来, 年均) in the clause (from ``clause``), or a year other
    than the one reviewed in the sentence (from ``start``)."""
    act = data.indicators()["actual"]
    if any(w in text[clause:end] for w in act["other_period"]):
        return True
    before, upto = text[start:clause], text[start:end]
    part = max((before.rfind(w) for w in act["part_of_year"]), default=-1)
    if part >= 0 and part > max((upto.rfind(w) for w in act["whole_year"]), default=-1):
        # 全区经济在一季度跌入谷底，GDP同比下降7.4%: the quarter's figure
        return True
    if year is not None:
        for m in _YEAR.finditer(text, start, end):
            if int(m.group(1)) != year and not _base_year(text, m.start(), m.end(), act):
                return True
    return False


def _base_year(text: str, start: int, end: int, act: dict) -> bool:
    """The year at ``text[start:end]`` (2020年) is the base of a comparison (与2020年比)."""
    return any(text.startswith(w, end) for w in act["base_year_after"]) or \
        any(text.endswith(w, 0, start) for w in act["base_year_before"])


def _split_index(text: str, lo: int, occ_start: int, occ_end: int, limit: int) -> int:
    """The place of a subject among those listed before 分别 (``A、B分别增长…``), else 0."""
    at = text.find("分别", occ_end, limit)
    if at < 0:
        return 0
    start = _clause_start(text, occ_start, lo)
    subjects = _subjects(text[start:at])
    for n, s in enumerate(subjects):
        if text[occ_start:occ_end] in s:
            return n
    return 0


def _occurrences(text: str, spans: list[tuple[int, int]], wanted: tuple[str, ...],
                 index: _Names | None) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, span start, span end) of each occurrence of the names ``wanted`` in
    ``spans``, as a search for the longest of them finds them: from ``index`` when given (all
    targets' names found in one pass), else searched for."""
    if index is None:
        found = _name_pattern(wanted)
        for lo, hi in spans:
            for occ in found.finditer(text, lo, hi):
                yield occ.start(), occ.end(), lo, hi
        return
    starts = [lo for lo, _ in spans]
    for start, end in index.matches(list(_spellings(wanted))):
        lo, hi = spans[bisect.bisect_right(starts, start) - 1]
        yield start, end, lo, hi


def find_actual(doc: Document, target: Target, spans: list[tuple[int, int]],
                subject: str | None = None, index: _Names | None = None) -> Actual | None:
    """The figure ``doc`` reports for ``target`` inside ``spans`` (its account of the year), or
    None. ``subject`` overrides the subject read from the target's indicator; ``index``: where
    the names of all targets' indicators occur in the spans, when known."""
    text = _narrow(doc.text)
    act = data.indicators()["actual"]
    subj, direction = measure(target.indicator)
    if subject is not None:
        subj = subject
    known = names(subj)
    if _generic(subj) and len(known) == 1:
        return None  # a name saying too little, unless it is one of a named indicator's
    year = doc.year_reviewed
    averaged = any(w in subj for w in act["averaged"])
    year_end: Actual | None = None
    for occ_start, occ_end, lo, hi in chain(_occurrences(text, spans, known, index),
                                            _short_occurrences(text, spans, subj),
                                            _shared_occurrences(text, spans, subj)):
        if _blocked(text, lo, occ_start, occ_end, act):
            continue
        if _stray_alias(text, lo, occ_start, occ_end):
            continue
        alias = text[occ_start:occ_end] in _aliases()
        if _part(text, lo, occ_start, act):
            continue
        start = _clause_start(text, occ_start, lo)
        if _holds(text[start: occ_start], act["not_actual"]):
            continue
        end_of_sentence = _sentence_end(text, occ_end, hi)
        limit = min(occ_end + act["max_gap"], end_of_sentence)
        split = _split_index(text, lo, occ_start, occ_end, end_of_sentence)
        if split:
            limit = end_of_sentence
        if alias:  # the word's own figure is in its clause (经济增长5.3%，not 经济增长强劲，GDP…)
            limit = min(limit, _clause_end(text, occ_end, limit))
        hit = _figure_after(text, occ_end, limit, target, direction, split)
        if hit is None:
            continue
        if _other_period(text, _sentence_start(text, occ_start, lo), start, hit.end, year):
            # a quarter's figure, then the whole year's later in the sentence (GDP增速一季度
            # -9.9%，上半年-6.2%，…，全年增速达到2%)
            hit = _whole_year_after(text, hit.end, end_of_sentence, target, direction)
            if hit is None:
                continue
        if averaged and any(w in text[start: hit.start] for w in act["year_end"]):
            # 年末城镇调查失业率5.0%: the year's average later in the sentence, else elsewhere
            mean = _average_after(text, hit.end, end_of_sentence, target)
            if mean is None:
                if year_end is None:
                    found = _actual(doc, text, target, direction, start, occ_end, hit,
                                    end_of_sentence)
                    year_end = replace(found, year_end=True) if found else None
                continue
            hit = mean
        found = _actual(doc, text, target, direction, start, occ_end, hit, end_of_sentence)
        if found is not None:
            return found
    return year_end


def _actual(doc: Document, text: str, target: Target, direction: str, start: int,
            name_end: int, hit: Figure, end_of_sentence: int) -> Actual | None:
    """The figure ``hit`` read for ``target`` (its indicator named up to ``name_end``, its
    clause from ``start``), or None where its unit does not convert."""
    value = convert(hit.value, hit.unit, target.unit)
    if value is None:
        return None
    if direction and target.unit == "%" and _falls(text, name_end, hit.start, direction):
        value = -value
    elif _minus(text, hit.start):  # 增长-3.2%
        value = -value
    about = _about_after(text, hit.end, end_of_sentence)
    end = max(hit.end, about)
    basis = _basis(text, end, end_of_sentence, target)
    end = basis[1] if basis else end
    return Actual(value, doc.text[start:end], start, end, basis[0] if basis else None,
                  about=about > 0, estimate=_estimate(text, start, hit.start))


def _minus(text: str, at: int) -> bool:
    """A minus sign stands before the figure at ``at`` (增长-3.2%), not a range's dash (5-6%)."""
    return at > 0 and text[at - 1] in "-－−" and not (at > 1 and text[at - 2].isdigit())


def _estimate(text: str, start: int, pos: int) -> bool:
    """The figure at ``pos`` (its clause from ``start``) is an estimate: an estimate word in its
    clause before it, or a clause of only such words before (初步预计，全年…)."""
    words = data.indicators()["actual"]["estimate"]
    if any(w in text[start:pos] for w in words):
        return True
    before = _clause_start(text, start - 1, 0) if start else 0
    lead = text[before: max(before, start - 1)].strip(" \u3000")
    return bool(lead) and not _strip(lead, words, words, keep_one=False)


def _short_occurrences(text: str, spans: list[tuple[int, int]], subject: str
                       ) -> Iterator[tuple[int, int, int, int]]:
    """Where a subject sharing a prefix (单位地区生产总值水耗) stands by its short name in a list
    led by the prefix (单位地区生产总值能耗、水耗、电耗分别…), as :func:`_occurrences` gives them."""
    head = _prefix(subject)
    rest = subject[len(head):]
    if not head or _cjk(rest) > data.indicators()["indicator"]["short_subject"]:
        return
    drop = data.indicators()["indicator"]["drop_before"]
    for lo, hi in spans:
        at = text.find(rest, lo, hi)
        while at >= 0:
            start = _clause_start(text, at, lo)
            listed = _subjects(_strip(text[start: at + len(rest)], drop, ()))
            if len(listed) > 1 and _expanded(listed)[-1] == subject:
                yield at, at + len(rest), lo, hi
            at = text.find(rest, at + len(rest), hi)


def _shared_occurrences(text: str, spans: list[tuple[int, int]], subject: str
                        ) -> Iterator[tuple[int, int, int, int]]:
    """Where a subject stands by its own short word first in a list going on with the shared
    name before 分别 (城镇、农村居民人均可支配收入分别增长… for 城镇居民人均可支配收入), as
    :func:`_occurrences` gives them: from the short word to the end of the list."""
    conf = data.indicators()["indicator"]
    joiners = tuple(conf["joiners"])
    for k in range(1, conf["short_subject"] + 1):
        first = subject[:k]
        if _cjk(subject[k:]) < 2:
            return
        for lo, hi in spans:
            at = text.find(first, lo, hi)
            while at >= 0:
                after = at + len(first)
                if text.startswith(joiners, after):
                    stop = _sentence_end(text, after, hi)
                    split = text.find("分别", after, stop)
                    if split > 0 and _clause_start(text, at, lo) <= at:
                        listed = _subjects(text[at:split])
                        if len(listed) > 1 and _expanded(listed)[0] == subject:
                            yield at, split, lo, hi
                at = text.find(first, after, hi)


def _whole_year_after(text: str, pos: int, limit: int, target: Target,
                      direction: str) -> Figure | None:
    """After a part of the year's figure, the whole year's in a later clause of the sentence
    that names only the year and the measure (全年增速达到2%), else None."""
    conf = data.indicators()
    words = [*conf["indicator"]["drop_after"], *conf["growth_words"], *conf["decrease_words"]]
    for w in conf["actual"]["whole_year"]:
        at = text.find(w, pos, limit)
        if at < 0:
            continue
        stop = _SEGMENT_END.search(text, at, limit)
        for f in figures(text, at + len(w), stop.start() if stop else limit):
            between = text[at + len(w): f.start]
            if comparable(f.written_unit, target.unit) and \
                    not _cjk(_strip(between, (), words, keep_one=False)) and \
                    (not direction or target.unit != "%" or
                     any(g in between for g in (*conf["growth_words"], *conf["decrease_words"]))):
                return f
            break
    return None


def _average_after(text: str, pos: int, limit: int, target: Target) -> Figure | None:
    """The year's average later in the sentence (年末5.0%，全年平均5.8%), else None."""
    act = data.indicators()["actual"]
    for f in figures(text, pos, limit):
        if comparable(f.written_unit, target.unit) and \
                any(w in text[_clause_start(text, f.start, pos): f.start] for w in act["average"]):
            return f
    return None


def _about_after(text: str, pos: int, limit: int) -> int:
    """Where the ``about`` word right after a reported figure ends (增长10%左右), else 0."""
    for w in data.indicators()["comparators"]["about"]["after"]:
        if text.startswith(w, pos) and pos + len(w) <= limit:
            return pos + len(w)
    return 0


def _basis(text: str, pos: int, limit: int, target: Target) -> tuple[float, int] | None:
    """The figure on a comparable basis right after a reported one (增长1.7%（同口径增长2.5%
    以上）): (value in the target's unit, where it ends), or None."""
    act = data.indicators()["actual"]
    window = text[pos: min(limit, pos + act["basis_gap"])]
    at = next((window.find(w) for w in act["basis_words"] if w in window), -1)
    if at < 0:
        return None
    for f in figures(text, pos + at, limit):
        if comparable(f.written_unit, target.unit):
            value = convert(f.value, f.unit, target.unit)
            if value is None:
                return None
            close = _CLOSE.search(text, f.end, min(limit, f.end + act["basis_gap"]))
            return value, close.end() if close else f.end
    return None


def _grams(text: str) -> set[str]:
    chars = "".join(_CJK.findall(text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


_SEGMENT_END = re.compile(r"[，,；;。：:、\n！？!?]")


def _segment(text: str, pos: int, end: int, floor: int, limit: int) -> tuple[int, int]:
    """The run around the figure at ``text[pos:end]`` up to the nearest separator either side
    (、 too: 完成36个小区优质饮用水改造、234个小区二次供水提标改造 names each figure by its own
    words, before or after it)."""
    cut = max(text.rfind(c, floor, pos) for c in "，,；;。：:、\n！？!?")
    stop = _SEGMENT_END.search(text, end, limit)
    return max(cut + 1, floor), stop.start() if stop else limit


@lru_cache(maxsize=4096)
def _passage_figures(text: str, start: int, end: int, most: int) -> tuple[Figure, ...]:
    """The first ``most`` figures of ``text[start:end]`` (an evidence sentence, read once
    whatever the number of promises it answers; a real sentence gives a few dozen at most)."""
    return tuple(figures(text, start, end)[:most])


def actual_in(doc: Document, target: Target, passages: list[tuple[int, int]]) -> Actual | None:
    """The figure for ``target`` inside ``passages`` (the evidence sentences of its promise,
    best first): a figure of a comparable unit named by the words of the target's indicator (at
    least ``[actual] min_shared_name`` of its character pairs in its clause before it, or in the
    words around it up to the nearest separator); in the best sentence a figure written in the
    target's own unit needs only ``min_shared_same_unit`` (筹集建设公共住房8731套 for
    筹集保障性住房8700套)."""
    text = _narrow(doc.text)
    subject, direction = measure(target.indicator)
    want = _grams(subject)
    if not want:
        return None
    conf = data.indicators()["actual"]
    window = conf["figure_window"]
    best: tuple[float, Figure, int, int] | None = None
    for n, (lo, hi) in enumerate(passages):
        for f in _passage_figures(doc.text, lo, hi, conf["max_figures"]):
            if not comparable(f.written_unit, target.unit):
                continue
            # the words naming a figure stand near it: a clause is read back at most this far,
            # so a sentence of any length costs each promise the same
            near = max(lo, f.start - window)
            start = _clause_start(text, f.start, near)
            a, b = _segment(text, f.start, f.end, near, min(hi, f.end + window))
            before = len(want & _grams(text[start:f.start]))
            around = len(want & _grams(text[a:f.start] + text[f.end:b]))
            share = max(before, around) / len(want)
            least = conf["min_shared_same_unit"] if n == 0 and f.written_unit == target.unit \
                else conf["min_shared_name"]
            if share >= least and (best is None or share > best[0]):
                best = (share, f, start, b if around > before else f.end)
    if best is None:
        return None
    _, f, start, end = best
    value = convert(f.value, f.unit, target.unit)
    if value is None:
        return None
    if direction and target.unit == "%" and _falls(text, start, f.start, direction):
        value = -value
    return Actual(value, doc.text[start:end], start, end)


def _blocked(text: str, lo: int, start: int, end: int, act: dict) -> bool:
    """The name at ``text[start:end]`` is part of another indicator's (单位国内生产总值能耗,
    万元GDP水耗, 占地区生产总值比重)."""
    before = text[max(lo, start - 2): start]
    return any(before.endswith(w) for w in act["blocked_before"]) or \
        any(text.startswith(w, end) for w in act["blocked_after"])


def _part(text: str, lo: int, start: int, act: dict) -> bool:
    """The name at ``start`` is a part's (农村居民人均可支配收入 for 居民人均可支配收入)."""
    before = text[max(lo, start - 2): start]
    return any(before.endswith(w) for w in act["part_before"])


def _falls(text: str, start: int, end: int, direction: str) -> bool:
    """A growth measure reported as a fall (下降0.2%): the figure counts below zero."""
    conf = data.indicators()
    opposite = conf["decrease_words"] if direction == "up" else conf["growth_words"]
    own = conf["growth_words"] if direction == "up" else conf["decrease_words"]
    between = text[start:end]
    return any(w in between for w in opposite) and not any(w in between for w in own)


def mentions(doc: Document, subject: str, spans: list[tuple[int, int]]
             ) -> tuple[int, int] | None:
    """The first clause of ``spans`` naming ``subject`` (or a synonym), as (start, end)."""
    if _cjk(subject) < 2:
        return None
    text = _narrow(doc.text)
    found = _name_pattern(names(subject))
    year = doc.year_reviewed
    act = data.indicators()["actual"]
    for lo, hi in spans:
        for occ in found.finditer(text, lo, hi):
            if _blocked(text, lo, occ.start(), occ.end(), act):
                continue
            if _stray_alias(text, lo, occ.start(), occ.end()):
                continue
            start = _clause_start(text, occ.start(), lo)
            stop = re.compile(r"[，,；;。！？!?\n]").search(text, occ.end(), hi)
            end = stop.start() if stop else hi
            # the period is said before the name (今年一季度进出口…), not by what the clause
            # goes on to say of it (创有记录以来最好水平)
            if _other_period(text, _sentence_start(text, occ.start(), lo), start, occ.end(),
                             year):
                continue
            return start, end
    return None


def lower_is_better(indicator: str) -> bool:
    """Whether a lower figure is the better one. A decrease measure (能耗降低2.5%, 农村贫困人口
    减少1000万以上) reports the size of the cut: a bigger one is better."""
    _, direction = measure(indicator)
    if direction == "down":
        return False
    return any(w in indicator for w in data.indicators()["lower_is_better"])


def verdict(target: Target, actual: Actual | None) -> str:
    """``met``, ``missed``, ``unclear`` (inside the tolerance of 左右) or ``not_reported``, for a
    quantified target."""
    if actual is None or actual.value is None:
        return "not_reported"
    if actual.year_end:
        # the year's end does not say the year's average
        return "unclear"
    rules = data.rules()
    # a ceiling the target's own words set (控制在18微克/立方米以下) is one whatever the
    # indicator; else the indicator's kind decides (失业率: lower is better)
    lower = target.comparator == "at_most" or lower_is_better(target.indicator)
    got = actual.value
    if target.comparator == "positive":
        return "met" if got > 0 else "missed"
    if target.comparator == "range":
        low, high = target.value  # type: ignore[misc]
        bound = high if lower else low
    else:
        bound = target.value  # type: ignore[assignment]
    if lower:
        got, bound = -got, -bound
    tolerance = rules["about_points"] if target.unit == "%" else abs(bound) * rules["about_share"]
    if got >= bound - 1e-9:
        if actual.about and target.comparator != "about" and got - bound < tolerance - 1e-9:
            # 增长10%左右 against 增长10%以上: an approximate figure at the bound may be under it
            # (against 增长10%左右 it is the target itself)
            return "unclear"
        return "met"
    if target.comparator == "about" and bound - got <= tolerance + 1e-9:
        return "unclear"
    return "missed"


def check_targets(targets: list[Target], current: Document,
                  spans: list[tuple[int, int]]) -> list[TargetResult]:
    """Each quantified target with the figure ``current`` reports for it and the verdict. The
    review is read once for the names of all targets' indicators, and a target repeating an
    indicator and unit already looked for takes the same figure."""
    wanted = {name for target in targets
              for name in _spellings(names(measure(target.indicator)[0]))}
    index = _Names(_narrow(current.text), spans, wanted)
    found: dict[tuple[str, str], Actual | None] = {}
    out = []
    for target in targets:
        key = (target.indicator, target.unit)
        if key not in found:
            found[key] = find_actual(current, target, spans, index=index)
        actual = found[key]
        out.append(TargetResult(**vars(target), actual=actual, verdict=verdict(target, actual)))
    return out


def _number(value: float) -> str:
    return f"{value:g}"


def target_text(target: Target | TargetResult) -> str:
    """A target as a reader says it: 5%左右, 1200万人以上, 4.5–5% (about 5%… in English); a
    qualitative one by its condition, a relative one by what it is set against."""
    if target.kind == "qualitative":
        return target.state
    if target.kind == "relative":
        return t("compare.relative_target", other=target.other, state=target.state)
    if target.comparator == "positive":
        return t("compare.comparator_positive")
    if target.comparator == "range":
        low, high = target.value  # type: ignore[misc]
        value = f"{_number(low)}–{_number(high)}{target.unit}"
    else:
        value = f"{_number(target.value)}{target.unit}"  # type: ignore[arg-type]
    return t("compare.comparator_" + target.comparator, value=value)


def actual_text(result: TargetResult) -> str:
    """The reported figure in the target's unit, the words restating a condition, or a dash."""
    if result.actual is None:
        return t("compare.none")
    if result.kind == "relative":
        mine = _number(result.actual.value) + "%" if result.actual.value is not None else "?"
        other = (_number(result.other_actual.value) + "%"
                 if result.other_actual is not None and result.other_actual.value is not None
                 else "?")
        return f"{mine} / {other}"
    if result.actual.value is None:
        return result.actual.quote[:16]
    return f"{_number(result.actual.value)}{result.unit}"

