"""Numbers: impossible rates, parts larger than their whole, odd approximations, one quantity
given two values, and perfect rates worth verifying."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from reviewer.flags.data import load, pattern, words
from reviewer.flags.engine import Hit, RuleContext, regions, rule
from reviewer.flags.quantities import Quantity, comparable
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# a figure starts where a run of digits starts: tried inside a run of ten thousand digits, the
# pattern would read the rest of the run again at every one of them
_PERCENT = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*[%％]")
# 的 before a percentage (or the first of several: 的109.3%、142.7%): "this share of a base"
_OF_BASE = re.compile(r"的\s*(?:\d+(?:\.\d+)?\s*[%％]\s*[、和及与]\s*)*$")
_OF_WINDOW = 40
_ABOVE_WINDOW = 4
_SPACES = re.compile(r"\s*")
_CLAUSE_MARKS = "，,。；;：:！？!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_SENTENCE_MARKS = "。；;！？!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")
# what may follow a count that closes its clause
_COUNT_CLOSES = re.compile(r"[ \u3000]*(?:[，,。；;、：:！？!?）)\n]|$)")
_PER = "每"
_PER_WINDOW = 4
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_BRACKET_CLOSE = re.compile(r"[）)]")
_QIZHONG = re.compile("其中")
# a rate's name: the words ending in 率, 度, 比例 or 比重 just before its value
_RATE_NAME_END = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:率|度|比例|比重)$")
_MIN_RATE_KEY = 4
_FLOOR_WINDOW = 8
_IN_LIST = re.compile(r"\s*[、和]\s*\d")
_TOTAL_SHOWN = 0
# how far before a whole a word of change (净增) is looked for
_CHANGE_WINDOW = 4
# a whole followed by more than a short noun before 其中 (a predicate) is no whole of the parts
_WHOLE_TAIL = 6
_MIN_KEY = 3
# a figure stated the second time may round the first: 100余 and 108 agree
_APPROX_SLACK = 1.2
# parts whose figures are promises or targets, not results (kinds.toml: planned)
_PLANNED = kinds_where("planned")
# how much of a rate's name the perfect-rate flag shows before 率
_RATE_NAME = 16
# how far back a perfect rate's sentence is read for its base or a routine subject
_BASE_WINDOW = 160


@cache
def _reach() -> int:
    return int(load("words")["clause_reach"])


def _clause_start(ctx: RuleContext, pos: int) -> int:
    """Where the clause before ``pos`` starts, read back no further than ``clause_reach``
    characters (a "clause" of a million figures is a flattened table: read whole for each of its
    figures, it would cost the square of its length). The clause marks are found once per text,
    by bisection: a figure every few characters would otherwise read its reach again each."""
    return ctx.after_mark(_CLAUSE_MARKS, pos, max(0, pos - _reach()))


def _clause_before(ctx: RuleContext, pos: int) -> str:
    """The clause before ``pos`` (:func:`_clause_start`)."""
    return ctx.text[_clause_start(ctx, pos):pos]


def _sentence(ctx: RuleContext, pos: int) -> tuple[int, int]:
    """The sentence holding ``pos``: its marks are found once per text, by bisection."""
    return ctx.after_mark(_SENTENCE_MARKS, pos), ctx.next_mark(_SENTENCE_MARKS, pos)


def _longer_period(ctx: RuleContext, pos: int, seen: dict[int, bool]) -> bool:
    """Whether the sentence holding ``pos`` speaks of a longer period (五年, 累计), decided once
    per sentence (``seen``: sentence start → answer)."""
    start = ctx.after_mark(_SENTENCE_MARKS, pos)
    if start not in seen:  # (where it ends is read once too)
        end = ctx.next_mark(_SENTENCE_MARKS, pos)
        seen[start] = pattern("words", "period_markers").search(ctx.text, start, end) is not None
    return seen[start]


def _is_rate(clause: str) -> bool:
    """A rate or coverage is named in the clause, and no word of change (增长, 提升) follows it
    unless it reads as a level reached (提高到). A completion rate may exceed 100%."""
    rates = pattern("words", "rate_words")
    if rates.search(clause) is None:
        return False  # most clauses of a text dense in percentages name no rate
    found = list(rates.finditer(clause))
    if pattern("words", "may_exceed").search(clause):
        return False
    after = clause[found[-1].end():]
    change = pattern("words", "change_words").search(after)
    return change is None or after[change.end():change.end() + 1] in ("到", "至")


@rule("numbers.over_100", "numbers", "error")
def over_100(ctx: RuleContext) -> Iterator[Hit]:
    """A rate or coverage above 100%, or 100%以上 (审查通过率100% is fine; a share of a base,
    是目标值的109.3%, may exceed it)."""
    text = ctx.text
    above_after_rx = pattern("words", "above_after")
    above_before = tuple(words("words", "above_before"))
    rates = _rate_words_at(ctx)
    reach = _reach()
    rate_starts, rate_ends = rates if rates is not None else ([], [])
    for start, stop, value in _percentages(ctx):
        if value < 100:
            continue  # the words around it only matter at 100% (100%以上)
        # no rate named in its clause: told without reading the clause, and first without
        # finding where it starts (no rate word within the farthest it may reach back: what
        # :func:`_near` asks, asked here in place for each of a text of percentages)
        if rates is not None:
            i = bisect.bisect_right(rate_ends, start - reach)
            if (i == len(rate_starts) or rate_starts[i] >= start
                    or not _near(rates, _clause_start(ctx, start), start)):
                continue
        gap = _SPACES.match(text, stop).end()
        above_after = above_after_rx.match(text, gap)
        if value == 100 and above_after is None:
            before = text[max(0, start - _ABOVE_WINDOW):start].rstrip()
            if not before.endswith(above_before):
                continue
        if _OF_BASE.search(text, max(0, start - _OF_WINDOW), start):
            continue  # 是目标值的109.3%: a share of a base may exceed it
        if not _is_rate(_clause_before(ctx, start)):
            continue
        end = above_after.end() if above_after else stop
        yield Hit(start, end, t("flags.over_100", value=text[start:end]),
                  t("flags.over_100_fix"))


def _rate_words_at(ctx: RuleContext) -> tuple[list[int], list[int]] | None:
    """Where the text's rate words are (starts, ends), read in one pass, when they are words
    alone (no pattern whose match could depend on what lies before a clause): each clause is
    then asked by bisection whether one lies in it, not read again for each percentage."""
    if any(re.escape(w) != w for w in words("words", "rate_words")):
        return None
    found = [(m.start(), m.end()) for m in pattern("words", "rate_words").finditer(ctx.text)]
    return [a for a, _ in found], [b for _, b in found]


def _near(rates: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether a rate word found in the whole text reaches into ``start``..``end``: a clause
    holding one of the words holds such a match (or lies inside one), so a clause without any is
    one that names no rate."""
    starts, ends = rates
    i = bisect.bisect_right(ends, start)
    return i < len(starts) and starts[i] < end


def _read_percentages(ctx: RuleContext) -> list[tuple[int, int, float]]:
    return [(m.start(), m.end(), float(m.group(1))) for m in _PERCENT.finditer(ctx.text)]


def _percentages(ctx: RuleContext) -> list[tuple[int, int, float]]:
    """Every percentage of the text: (start, end, value), read once per run for both rules that
    read them (a text dense in percentages has one every few characters)."""
    return ctx.shared("numbers.percentages", _read_percentages)


def _clause_after(text: str, pos: int) -> int:
    """Where the clause after ``pos`` ends, read no further than ``clause_reach``."""
    limit = min(len(text), pos + _reach())
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


def _counts_in(ctx: RuleContext, start: int, end: int) -> list[Quantity]:
    """The text's counts inside ``start``..``end``, found by bisection among all of them."""
    # counts do not overlap: their ends come in the order of their starts
    lo = bisect.bisect_left(ctx.quantity_starts, start)
    hi = bisect.bisect_right(ctx.quantity_ends, end)
    return ctx.quantities[lo:hi] if hi > lo else []


def _read_breakdowns(ctx: RuleContext) -> list[tuple[int, Quantity, int]]:
    """Every 其中 with the whole its parts belong to: the last count of the clause before it.
    None when there is none, or it is no total: a rate per head (每千人6.5批次), a change
    (净增608万户: the parts are of the stock), or a count followed by a predicate
    (仅有2名执法人员持有有效执法证，其中3名…: 其中 speaks of another subject).

    The count and the clause's start are found by bisection, what is told without reading the
    text first: a flattened table of 其中 has one every few characters."""
    text = ctx.text
    found = [m.start() for m in _QIZHONG.finditer(text)]
    change_wholes = pattern("words", "change_wholes")
    counts, starts = ctx.quantities, ctx.quantity_starts
    marks = ctx.marks(_CLAUSE_MARKS)
    reach = _reach()
    out = []
    for n, at in enumerate(found):
        stop = at - 1 if at and text[at - 1] in _CLAUSE_MARKS else at
        # the last count ending before 其中
        i = bisect.bisect_left(starts, stop) - 1
        while i >= 0 and counts[i].end > stop:
            i -= 1
        if i < 0:
            continue
        whole = counts[i]
        if stop - whole.end > _WHOLE_TAIL:
            continue
        # it lies in the clause (:func:`_clause_start`)
        j = bisect.bisect_left(marks, stop)
        floor = max(0, stop - reach)
        if whole.start < (max(marks[j - 1] + 1, floor) if j else floor):
            continue
        if text.find(_PER, max(0, whole.start - _PER_WINDOW), whole.start) >= 0:
            continue
        if change_wholes.search(text, max(0, whole.start - _CHANGE_WINDOW), whole.start):
            continue
        out.append((at + len("其中"), whole, found[n + 1] if n + 1 < len(found) else len(text)))
    return out


def _breakdowns(ctx: RuleContext) -> list[tuple[int, Quantity, int]]:
    """Every 其中 with a whole before it: (where its parts start, the whole, the next 其中 or
    the end of the text), read once per run for both rules that check breakdowns."""
    return ctx.shared("numbers.breakdowns", _read_breakdowns)


def _part_scope(text: str, pos: int, limit: int) -> int:
    """Where the parts after 其中 end: the clause, or the bracket that holds 其中 (1050个(其中
    义务教育学位750个)、病床位85张: the beds are no part of the school places), and at
    ``limit`` (the next 其中, which opens another breakdown)."""
    end = min(_clause_after(text, pos), limit)
    close = _BRACKET_CLOSE.search(text, pos, end)
    return close.start() if close else end


@rule("numbers.part_exceeds_whole", "numbers", "error")
def part_exceeds_whole(ctx: RuleContext) -> Iterator[Hit]:
    """After 其中, a part larger than the whole it belongs to (2800余次 checks, 其中 4000余起).

    The whole is the last count in the clause before 其中, the parts are the counts in the clause
    after it; a whole given per head (每千人6.5批次) is a rate, not a total.
    """
    text = ctx.text
    counts, starts = ctx.quantities, ctx.quantity_starts
    reach = _reach()
    for at, whole, limit in _breakdowns(ctx):
        # a count larger than the whole must start before the parts can end at the farthest:
        # where they end is found only then (most parts are smaller)
        k, bound = bisect.bisect_left(starts, at), min(limit, at + reach)
        while k < len(starts) and starts[k] < bound and counts[k].value <= whole.value:
            k += 1
        if k == len(starts) or starts[k] >= bound:
            continue
        for part in _counts_in(ctx, at, _part_scope(text, at, limit)):
            if part.value > whole.value and comparable(whole, part):
                yield Hit(whole.start, part.end,
                          t("flags.part_exceeds_whole", part=text[part.start:part.end],
                            whole=text[whole.start:whole.end]),
                          t("flags.part_exceeds_whole_fix"))
                break


@rule("numbers.approx_exact", "numbers", "warning")
def approx_exact(ctx: RuleContext) -> Iterator[Hit]:
    """余 after an exact count: 12余次 (余 rounds a round figure: 800余, 1.2万余). The same count
    written so again in one clause is one finding with each place (a flattened table of 12余次
    would otherwise be a flag every few characters)."""
    # the words of each quote's flag, written once: a table of counts repeats its figures
    said: dict[str, tuple[str, str]] = {}
    marks = ctx.marks(_CLAUSE_MARKS)
    # (the clause's index among the marks, the quote) → its places, in text order
    found: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for q in ctx.quantities:
        if q.approx and not q.is_round:
            found.setdefault((bisect.bisect_left(marks, q.start), ctx.text[q.start:q.end]),
                             []).append((q.start, q.end))
    for (_, quote), places in found.items():
        words_of = said.get(quote)
        if words_of is None:
            words_of = said[quote] = (
                t("flags.approx_exact", quote=quote),
                t("flags.replace_with", right=quote.replace("余", "").replace("多", "")))
        (start, end), more = places[0], len(places) > 1
        yield Hit(start, end, *words_of, occurrences=tuple(places) if more else ())


def _key(ctx: RuleContext, q: Quantity, clause: str | None = None) -> str | None:
    """What a count counts: its description without the words that only open it (接待法律咨询
    100余人次 and 全年提供法律咨询200人次 both count 法律咨询). None when there is no plain
    description, or when it speaks of a change (增至, 高于全国). ``clause``: the clause before
    the count, when the caller has read it already.

    Read once per clause for every rule of a run (the answer depends on the clause's words
    alone): a text whose items are alike says the same clause before thousands of counts."""
    if clause is None:
        clause = _clause_before(ctx, q.start)
    keys = ctx.shared("count_keys", _no_keys)
    if clause not in keys:
        keys[clause] = _read_key(clause)
    return keys[clause]


def _no_keys(ctx: RuleContext) -> dict[str, str | None]:
    return {}


def _no_periods(ctx: RuleContext) -> dict[int, bool]:
    return {}


def _read_key(clause: str) -> str | None:
    """:func:`_key` of a clause."""
    desc = clause.strip()
    desc = desc[desc.rfind("、") + 1:]
    fillers = words("words", "count_fillers")
    while (end := next((w for w in fillers if desc.endswith(w)), None)) is not None:
        desc = desc[: -len(end)]
    openers = pattern("words", "count_openers")
    periods = pattern("words", "period_openers")
    while ((m := openers.match(desc) or periods.match(desc)) is not None
           and m.end() < len(desc)):
        desc = desc[m.end():]
    if len(desc) < _MIN_KEY or not _CJK.match(desc):
        return None
    if pattern("words", "change_words").search(desc) or pattern("words", "comparisons").search(desc):
        return None
    return desc


def _agree(a: Quantity, b: Quantity) -> bool:
    if a.value == b.value:
        return True
    low, high = sorted((a, b), key=lambda q: q.value)
    return low.approx and high.value <= low.value * _APPROX_SLACK


def _sentence_start(text: str, pos: int, window: int) -> int:
    """Where the sentence holding ``pos`` begins, looking back at most ``window`` characters."""
    lo = max(pos - window, 0)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, pos)]
    return ends[-1] if ends else lo


def _within(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _among(items: list[tuple[int, int, float]], starts: list[int],
           inside: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
    """The items (sorted by start, ``starts`` their starts) starting inside one of the disjoint,
    sorted stretches ``inside`` (:func:`~reviewer.flags.engine.regions`), in order: found by bisection per region, not asked per item (a text
    dense in percentages has one every few characters, most outside the parts a rule reads)."""
    for a, b in inside:
        yield from items[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]


def _names_before(text: str, q: Quantity) -> bool:
    """The count closes its clause, so the words before it name what it counts (法律咨询200人次，);
    in 新开工10项治水工程 the thing counted comes after the count, and the words before are a
    verb."""
    return _COUNT_CLOSES.match(text, q.end) is not None


@rule("numbers.inconsistent", "numbers", "info")
def inconsistent(ctx: RuleContext) -> Iterator[Hit]:
    """The same count given two different values within one item of the year's own account of
    its work (:meth:`Document.review_spans`: five-year reviews, plans and problems left out): in
    different items the same words may count different things (帮扶 and 就业 both 提供就业岗位).
    The key is the thing counted, named before the count that closes its clause (接待法律咨询
    100余人次 and 全年提供法律咨询200人次 both count 法律咨询). Counts in sentences about a
    longer period (五年, 十四五, 累计) are other totals; a count of what is new (新增) is no
    restatement of a count of all there is."""
    text = ctx.text
    periods = pattern("words", "period_markers")
    longer = ctx.shared("longer_period", _no_periods)
    increments = pattern("words", "increment_words")
    spans = ctx.review_spans()
    starts = [s for s, _ in spans]
    seen: dict[tuple[int, str], tuple[Quantity, bool]] = {}
    for q in ctx.quantities:
        if not _within(spans, starts, q.start) or not _names_before(text, q):
            continue
        chain = ctx.section_at(q.start)
        if not chain or periods.search(chain[0].heading.title):
            continue
        if _longer_period(ctx, q.start, longer):
            continue
        clause = _clause_before(ctx, q.start)
        key = _key(ctx, q, clause)
        if key is None:
            continue
        new = increments.search(clause) is not None
        first, first_new = seen.setdefault((chain[-1].start, key), (q, new))
        if first is q or first_new != new:
            continue
        if ctx.doc.paragraph_at(first.start) == ctx.doc.paragraph_at(q.start):
            continue  # one paragraph listing like things: 下沙王母安置区…1247套，坝光安置区…4458套
        if comparable(first, q) and not _agree(first, q):
            yield Hit(q.start, q.end,
                      t("flags.inconsistent", what=key, quote=text[q.start:q.end],
                        first=text[first.start:first.end]),
                      t("flags.inconsistent_fix"))


@cache
def _perfect() -> re.Pattern[str]:
    names = "|".join(words("words", "outcome_rates"))
    return re.compile(rf"(?:{names})\s*(?:均)?\s*(?:达到|达|为|保持|实现)?\s*100\s*[%％](?!\s*以上)")


@rule("numbers.perfect_rate", "numbers", "info")
def perfect_rate(ctx: RuleContext) -> Iterator[Hit]:
    """A perfect outcome rate claimed for work done (胜诉率100%, 化解率100%): every case, each
    decided on its own, won or settled; plausible, but worth verifying. Not a satisfaction score
    (满意度100%: an opinion, commonly reported whole), nor where 100% is what the law asks
    (合法性审查覆盖率, 负责人出庭应诉率, 按期办结率): ``words.toml``'s ``outcome_rates`` name the
    rates meant. Not the
    routine claim of every report (``routine_rates``: 人大代表建议、政协提案办理满意率100%), nor a
    rate whose base its sentence states before it (行政诉讼案件3件…胜诉率100%): the counts say
    what it is of."""
    routine = pattern("words", "routine_rates")
    counted = [q.start for q in ctx.quantities]
    for m in _perfect().finditer(ctx.text):
        if ctx.kind_at(m.start()) in _PLANNED:
            continue
        sentence_start = _sentence_start(ctx.text, m.start(), _BASE_WINDOW)
        if routine.search(ctx.text, sentence_start, m.start()):
            continue
        i = bisect.bisect_left(counted, sentence_start)
        if i < len(counted) and counted[i] < m.start():
            continue  # the base is stated: 62件，其中成功调解62件，调解成功率达到100%
        start = m.start()
        while start > m.start() - _RATE_NAME and _CJK.match(ctx.text[start - 1]):
            start -= 1
        yield Hit(start, m.end(), t("flags.perfect_rate", quote=ctx.text[start:m.end()]),
                  t("flags.perfect_rate_fix"))


def _rate_key(ctx: RuleContext, pos: int) -> str | None:
    """The rate a percentage at ``pos`` gives: the words ending in 率/度/比例 just before it,
    without the verbs between (群众法治知晓率提升至80% → 群众法治知晓率)."""
    desc = _clause_before(ctx, pos).strip()
    verbs = pattern("words", "rate_verbs")
    while (m := verbs.search(desc)) is not None and m.end() == len(desc) and m.start() > 0:
        desc = desc[:m.start()]
    m = _RATE_NAME_END.search(desc)
    if m is None:
        return None
    key = m.group(0)
    while (lead := verbs.match(key)) is not None and lead.end() < len(key):
        key = key[lead.end():]  # 保持诉求化解率 → 诉求化解率
    return key


def _same_rate(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= _MIN_RATE_KEY and long_.endswith(short)


@rule("numbers.target_below_reached", "numbers", "warning")
def target_below_reached(ctx: RuleContext) -> Iterator[Hit]:
    """A target set below the level the review reports already reached: 保持90%以上 for a rate
    the year's account gives as 99.39%. Only floors (以上, 不低于, 保持): a ceiling (控制在…以内)
    is meant to be lower. A target to keep a level (``keep_words``: 保持98%以上 with 98.6%
    reached) is set too low only when the shortfall it allows is several times the year's
    (``keep_headroom_ratio``)."""
    text = ctx.text
    spans = ctx.review_spans()
    starts = [s for s, _ in spans]
    reached: list[tuple[str, float, int, int]] = []
    planned: list[tuple[str, float, int, int]] = []
    plans = [(s.start, s.end) for s in ctx.plan_sections() + ctx.sections_of_kind("targets")
             if s.period != "five_year"]
    plans.sort()
    floor_after = pattern("words", "floor_after")
    floor_before = pattern("words", "floor_before")
    pct = _percentages(ctx)
    pct_starts = ctx.shared("numbers.percentage_starts", lambda c: [p[0] for p in pct])
    in_review = regions(spans)
    for start, stop, value in _among(pct, pct_starts, in_review):
        if _IN_LIST.match(text, stop) or text[start - 1:start] == "、":
            continue  # 分别为99.3%、93.8%、84.6%: which rate each is, the words do not say
        key = _rate_key(ctx, start)
        if key:
            reached.append((key, value, start, stop))
    for start, stop, value in _among(pct, pct_starts, regions(plans)):
        if _within(spans, starts, start):
            continue  # read as the year's account above
        gap = _SPACES.match(text, stop).end()
        before = text[max(0, start - _FLOOR_WINDOW):start]
        floor = floor_after.match(text, gap)
        if floor or floor_before.search(before):
            key = _rate_key(ctx, start)
            if key:
                planned.append((key, value, start, floor.end() if floor else stop))
    # one rate's name ends another's (知晓率, 群众法治知晓率): they share their last characters
    by_end: dict[str, list[tuple[str, float, int, int]]] = {}
    for r in reached:
        by_end.setdefault(r[0][-_MIN_RATE_KEY:], []).append(r)
    keep = pattern("words", "keep_words")
    headroom = float(load("words")["keep_headroom_ratio"])
    for key, value, start, end in planned:
        best = max((r for r in by_end.get(key[-_MIN_RATE_KEY:], ())
                    if _same_rate(key, r[0]) and r[1] > value), key=lambda r: r[1], default=None)
        if best is not None and keep.search(_clause_before(ctx, start)) and best[1] <= 100:
            # 保持98%以上 with 98.6% reached keeps the level; 保持90%以上 with 99.39% reached
            # allows sixteen times this year's shortfall
            if 100 - value < headroom * (100 - best[1]):
                continue
        if best is not None:
            yield Hit(start, end,
                      t("flags.target_below_reached", rate=key, target=text[start:end],
                        reached=text[best[2]:best[3]]),
                      t("flags.target_below_reached_fix"))


@rule("numbers.parts_sum", "numbers", "warning")
def parts_sum(ctx: RuleContext) -> Iterator[Hit]:
    """Counts that do not add up: the parts listed after 其中 together exceed the total they
    belong to (12件，其中维持8件、撤销5件). A single part larger than its whole is
    ``part_exceeds_whole``."""
    text = ctx.text
    starts = ctx.quantity_starts
    reach = _reach()
    for at, whole, limit in _breakdowns(ctx):
        # two counts at least must start before the list can end at the farthest (a 其中 with
        # one part, most of them, is told without finding where its list ends)
        second = bisect.bisect_left(starts, at) + 1
        if second >= len(starts) or starts[second] >= min(limit, at + reach):
            continue
        parts = [q for q in _counts_in(ctx, at, _list_end(text, at, limit))
                 if q.unit == whole.unit and comparable(whole, q)]
        if len(parts) < 2 or any(p.value > whole.value for p in parts):
            continue  # one part too large is the other rule's
        if sum(p.value for p in parts) > whole.value * (_APPROX_SLACK if whole.approx else 1):
            total = sum(p.value for p in parts)
            yield Hit(whole.start, parts[-1].end,
                      t("flags.parts_sum", whole=text[whole.start:whole.end],
                        total=f"{total:g}{whole.unit}"),
                      t("flags.part_exceeds_whole_fix"))


def _list_end(text: str, pos: int, limit: int) -> int:
    """Where a list of parts after 其中 ends: the sentence, or the bracket that holds it, read
    no further than the next 其中 (``limit``) and ``clause_reach`` characters."""
    limit = min(limit, pos + _reach())
    m = _SENTENCE_END.search(text, pos, limit)
    end = m.start() if m else limit
    close = _BRACKET_CLOSE.search(text, pos, end)
    return close.start() if close else end


@rule("numbers.multi_year_total", "numbers", "info")
def multi_year_total(ctx: RuleContext) -> Iterator[Hit]:
    """A multi-year total given as the year's figure: the year's account states, as its own, a
    count the report elsewhere gives as a total over several years (累计, 五年来, 十四五期间)."""
    text = ctx.text
    spans = ctx.review_spans()
    starts = [s for s, _ in spans]
    longer_period = ctx.shared("longer_period", _no_periods)
    totals: dict[tuple[str, float, str], Quantity] = {}
    yearly: list[Quantity] = []
    for q in ctx.quantities:
        if not _names_before(text, q):
            continue
        chain = ctx.section_at(q.start)
        longer = (_longer_period(ctx, q.start, longer_period)
                  or any(s.period == "five_year" for s in chain))
        if longer:
            key = _key(ctx, q)
            if key is not None:
                totals.setdefault((key, q.value, q.unit), q)
        elif _within(spans, starts, q.start):
            yearly.append(q)
    # what a year's count counts is read only where a total over several years has its
    # value and unit (a text dense in counts, most of them without one, reads few)
    figures = {(value, unit) for _, value, unit in totals}
    for q in yearly:
        if (q.value, q.unit) not in figures:
            continue
        key = _key(ctx, q)
        total = totals.get((key, q.value, q.unit)) if key is not None else None
        if total is not None:
            ident = (key, q.value, q.unit)
            yield Hit(q.start, q.end,
                      t("flags.multi_year_total", quote=text[q.start:q.end], what=ident[0],
                        total=text[total.start:min(total.end + _TOTAL_SHOWN, len(text))]),
                      t("flags.multi_year_total_fix"))
