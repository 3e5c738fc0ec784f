"""Numbers: impossible rates, parts larger than their whole, odd approximations, one quantity
given two values, and perfect rates worth verifying."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reviewer.flags.data import load, pattern, words
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.flags.quantities import Quantity, comparable
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# a figure starts where a run of digits starts: tried inside a run of ten thousand digits, the
# pattern would read the rest of the run again at every one of them
_PERCENT = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*[%％]")
_ABOVE_WINDOW = 4
_SPACES = re.compile(r"\s*")
_CLAUSE_MARKS = "，,。；;：:！？!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_SENTENCE_MARKS = "。；;！？!?\n"
_PER = re.compile("每")
_PER_WINDOW = 4
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_MIN_KEY = 3
# a figure stated the second time may round the first: 100余 and 108 agree
_APPROX_SLACK = 1.2
# parts whose figures are promises or targets, not results (kinds.toml: planned)
_PLANNED = kinds_where("planned")
# how much of a rate's name the perfect-rate flag shows before 率
_RATE_NAME = 16


def _reach() -> int:
    return int(load("words")["clause_reach"])


def _clause_start(ctx: RuleContext, pos: int) -> int:
    """Where the clause before ``pos`` starts, read back no further than ``clause_reach``."""
    return ctx.after_mark(_CLAUSE_MARKS, pos, max(0, pos - _reach()))


def _is_rate(clause: str) -> bool:
    """A rate or coverage is named in the clause, and no word of change (增长, 提升) follows it
    unless it reads as a level reached (提高到). A completion rate may exceed 100%."""
    rates = pattern("words", "rate_words")
    found = list(rates.finditer(clause))
    if not found or pattern("words", "may_exceed").search(clause):
        return False
    after = clause[found[-1].end():]
    change = pattern("words", "change_words").search(after)
    return change is None or after[change.end():change.end() + 1] in ("到", "至")


@rule("numbers.over_100", "numbers", "error")
def over_100(ctx: RuleContext) -> Iterator[Hit]:
    """A rate or coverage above 100%, or 100%以上 (审查通过率100% is fine)."""
    text = ctx.text
    for m in _PERCENT.finditer(text):
        value = float(m.group(1))
        gap = _SPACES.match(text, m.end()).end()
        above_after = pattern("words", "above_after").match(text, gap)
        before = text[max(0, m.start() - _ABOVE_WINDOW):m.start()].rstrip()
        above = above_after is not None or any(before.endswith(w)
                                               for w in words("words", "above_before"))
        if not (value > 100 or (value == 100 and above)):
            continue
        if not _is_rate(text[_clause_start(ctx, m.start()):m.start()]):
            continue
        end = above_after.end() if above_after else m.end()
        yield Hit(m.start(), end, t("flags.over_100", value=text[m.start():end]),
                  t("flags.over_100_fix"))


@rule("numbers.part_exceeds_whole", "numbers", "error")
def part_exceeds_whole(ctx: RuleContext) -> Iterator[Hit]:
    """After 其中, a part larger than the whole it belongs to (2800余次 checks, 其中 4000余起).

    The whole is the last count in the clause before 其中, the parts are the counts in the clause
    after it, up to the next 其中 (which opens another breakdown); a whole given per head
    (每千人6.5批次) is a rate, not a total.
    """
    text = ctx.text
    counts = ctx.quantities
    starts = ctx.quantity_starts
    found = [m.start() for m in re.finditer("其中", text)]
    for n, at in enumerate(found):
        stop = at - 1 if _CLAUSE_END.match(text, at - 1) else at
        # the last count ending before 其中, if it lies in the clause
        i = bisect.bisect_left(starts, stop) - 1
        while i >= 0 and counts[i].end > stop:
            i -= 1
        if i < 0 or counts[i].start < _clause_start(ctx, stop):
            continue
        whole = counts[i]
        if _PER.search(text, max(0, whole.start - _PER_WINDOW), whole.start):
            continue
        after = at + len("其中")
        end = ctx.next_mark(_CLAUSE_MARKS, after, min(after + _reach(),
                                                      found[n + 1] if n + 1 < len(found) else
                                                      len(text)))
        for k in range(bisect.bisect_left(starts, after), len(counts)):
            part = counts[k]
            if part.end > end:
                break
            if part.value > whole.value and comparable(whole, part):
                yield Hit(whole.start, part.end,
                          t("flags.part_exceeds_whole", part=text[part.start:part.end],
                            whole=text[whole.start:whole.end]),
                          t("flags.part_exceeds_whole_fix"))
                break


@rule("numbers.approx_exact", "numbers", "warning")
def approx_exact(ctx: RuleContext) -> Iterator[Hit]:
    """余 after an exact count: 12余次 (余 rounds a round figure: 800余, 1.2万余)."""
    for q in ctx.quantities:
        if q.approx and not q.is_round:
            quote = ctx.text[q.start:q.end]
            yield Hit(q.start, q.end, t("flags.approx_exact", quote=quote),
                      t("flags.replace_with", right=quote.replace("余", "").replace("多", "")))


def _key(text: str, q: Quantity) -> str | None:
    """What a count counts: its description without the words that only open it (接待法律咨询
    100余人次 and 全年提供法律咨询200人次 both count 法律咨询). None when there is no plain
    description, or when it speaks of a change (增至, 高于全国)."""
    desc = _description(text, q.start)
    if desc is None:
        return None
    # fillers and openers are cut by moving the ends, not by copying what is left each time
    fillers = words("words", "count_fillers")
    end = len(desc)
    while (w := next((w for w in fillers if desc.endswith(w, 0, end)), None)) is not None:
        end -= len(w)
    openers = pattern("words", "count_openers")
    start = 0
    while (m := openers.match(desc, start, end)) and m.end() < end:
        start = m.end()
    desc = desc[start:end]
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


def _description(text: str, pos: int) -> str | None:
    """The words right before a count, when the clause before it, after its last 、, is made of
    Chinese characters only (spaces at its ends aside); else None, as no key can come of it.
    Only those characters are read: the run before one count ends where the count before it
    ends, so all counts together read the text once."""
    i = pos
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    end = i
    while i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    start = i
    if i > 0 and text[i - 1] == "、":
        return text[start:end]
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] in _CLAUSE_MARKS:
        return text[start:end]
    return None


@rule("numbers.inconsistent", "numbers", "warning")
def inconsistent(ctx: RuleContext) -> Iterator[Hit]:
    """The same count given two different values within one part of the report's account of its
    work. Counts in sentences about a longer period (五年, 十四五, 累计) are left out: they are
    other totals, not the year's figure restated."""
    text = ctx.text
    periods = pattern("words", "period_markers")
    seen: dict[tuple[int, str], Quantity] = {}
    longer_period: dict[int, bool] = {}  # sentence start → whether it speaks of a longer period
    for q in ctx.quantities:
        chain = ctx.doc.section_at(q.start)
        if not chain or chain[0].kind in _PLANNED or periods.search(chain[0].heading.title):
            continue
        start = ctx.after_mark(_SENTENCE_MARKS, q.start)
        if start not in longer_period:
            end = ctx.next_mark(_SENTENCE_MARKS, q.start)
            longer_period[start] = periods.search(text, start, end) is not None
        if longer_period[start]:
            continue
        key = _key(text, q)
        if key is None:
            continue
        first = seen.setdefault((chain[0].start, key), q)
        if first is not q and comparable(first, q) and not _agree(first, q):
            yield Hit(q.start, q.end,
                      t("flags.inconsistent", what=key, quote=text[q.start:q.end],
                        first=text[first.start:first.end]),
                      t("flags.inconsistent_fix"))


_PERFECT = re.compile(r"(?:率|满意度)\s*(?:均)?\s*(?:达到|达|为|保持|实现)?\s*100\s*[%％](?!\s*以上)")


@rule("numbers.perfect_rate", "numbers", "info")
def perfect_rate(ctx: RuleContext) -> Iterator[Hit]:
    """A perfect rate claimed for work done (胜诉率100%): plausible, but worth verifying."""
    for m in _PERFECT.finditer(ctx.text):
        if ctx.kind_at(m.start()) in _PLANNED:
            continue
        start = m.start()
        while start > m.start() - _RATE_NAME and _CJK.match(ctx.text[start - 1]):
            start -= 1
        yield Hit(start, m.end(), t("flags.perfect_rate", quote=ctx.text[start:m.end()]),
                  t("flags.perfect_rate_fix"))
