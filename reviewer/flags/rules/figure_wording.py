"""Numbers, as they are written: a rate's change given in % where 百分点 is meant, a range that
is approximate twice over, a completion rate many times the plan, and one target stated twice in
a sentence. (The rules that read figures against each other are in ``numbers``.)"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from reviewer.flags.data import load, pattern
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.i18n import t

_NUMBER = r"\d+(?:\.\d+)?"
_PCT = r"\s*[%％]"
# the words ending in 率, 比重, 占比 or 比例 just before a value: the rate's name
_RATE_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.]{1,16}?(?:率|比重|占比|比例)$")
# a percentage ending at its sign, and how far before the sign its figure may begin
_BEFORE_SIGN = re.compile(rf"(?<![\d.])({_NUMBER}){_PCT}$")
_FIGURE_REACH = 16
_NAMES_A_RATE = re.compile("率|比重|占比|比例")
# the marks of the number rules (``numbers``): their offsets, found once per text, are shared
_SENTENCE_MARKS = "。；;！？!?\n"
_CLAUSE_MARKS = "，,。；;：:！？!?\n"
# how far before its value a rate's name is read (a clause of a flattened table runs on)
_NAME_REACH = 40


@cache
def _setting(key: str) -> float:
    return float(load("words")[key])


@cache
def _points_pattern() -> re.Pattern[str]:
    """A rate's value, then (after a comma at most) its change given in %: 优良率98.6%，提升
    1.15%. Read from the end of the rate's name (率, 比重…), a literal the scan finds fast."""
    endings = pattern("words", "points_rate_endings").pattern
    verbs = pattern("words", "points_change_words").pattern
    return re.compile(rf"(?:{endings})\s*(?:达到|达|为|是)?\s*{_NUMBER}{_PCT}\s*[，,]?\s*"
                      rf"(?:同比|比上年|较上年)?\s*(?:{verbs})了?\s*({_NUMBER}{_PCT})"
                      rf"(?!\s*[\d个])")


@rule("numbers.percent_for_points", "numbers", "warning")
def percent_for_points(ctx: RuleContext) -> Iterator[Hit]:
    """A rate's change given in % right after the rate (环境空气质量优良率98.6%，提升1.15%):
    the change of a rate is given in 百分点; a change in % reads as a share of the rate itself.
    One flag with every place."""
    places = [(m.start(1), m.end(1)) for m in _points_pattern().finditer(ctx.text)]
    if places:
        quote = ctx.text[places[0][0]:places[0][1]]
        number = re.match(_NUMBER, quote).group(0)
        yield Hit(*places[0], t("flags.percent_for_points", quote=quote),
                  t("flags.replace_with", right=f"{number}个百分点"), occurrences=tuple(places))


@cache
def _range_pattern() -> re.Pattern[str]:
    """A range of two figures ending where the word after it begins (read back from 左右)."""
    marks = pattern("words", "range_marks").pattern
    return re.compile(rf"(?<![\d.]){_NUMBER}(?:{_PCT})?\s*(?:{marks})\s*{_NUMBER}(?:{_PCT})?\s*$")


# how far before its 左右 a range is read
_RANGE_REACH = 32


@rule("numbers.range_approx", "numbers", "warning")
def range_approx(ctx: RuleContext) -> Iterator[Hit]:
    """A range made approximate again (增长6%-6.5%左右): a range already says how far the
    figure may be from each end; 左右 after it blurs both. One flag with every place."""
    text = ctx.text
    ranges = _range_pattern()
    places = []
    for m in pattern("words", "approx_after_range").finditer(text):
        r = ranges.search(text, max(0, m.start() - _RANGE_REACH), m.start())
        if r is not None:
            places.append((r.start(), m.end(), r.group(0).rstrip()))
    if places:
        start, end, right = places[0]
        quote = text[start:end]
        yield Hit(start, end, t("flags.range_approx", quote=quote),
                  t("flags.replace_with", right=right),
                  occurrences=tuple((s, e) for s, e, _ in places))


@cache
def _completion_pattern() -> re.Pattern[str]:
    names = pattern("words", "may_exceed").pattern
    verbs = pattern("words", "rate_verbs").pattern
    return re.compile(rf"(?:{names})\s*(?:{verbs})?\s*({_NUMBER}){_PCT}")


@rule("numbers.completion_far_above", "numbers", "warning")
def completion_far_above(ctx: RuleContext) -> Iterator[Hit]:
    """A completion rate named as such and many times the plan (“个转企”完成率640%): a plan
    fulfilled several times over was no plan, or the figure lost its decimal point (64.0%).
    ``completion_far_above`` in ``words.toml`` says how many times; 完成率129.6% is a plan
    exceeded, no finding."""
    least = _setting("completion_far_above")
    for m in _completion_pattern().finditer(ctx.text):
        if float(m.group(1)) >= least:
            yield Hit(m.start(), m.end(), t("flags.completion_far_above",
                                            quote=ctx.text[m.start():m.end()]),
                      t("flags.completion_far_above_fix"))


def _rate_name(text: str, start: int, pos: int) -> str | None:
    """The rate a percentage at ``pos`` gives, named in its clause (from ``start``): the words
    ending in 率/比重/占比/比例 before it, without the verbs between (污水集中处理率达到95% →
    污水集中处理率)."""
    desc = text[start:pos].strip()
    verbs = pattern("words", "rate_verbs")
    while (m := verbs.search(desc)) is not None and m.end() == len(desc) and m.start() > 0:
        desc = desc[:m.start()].rstrip()
    m = _RATE_NAME.search(desc)
    if m is None:
        return None
    name = m.group(0)
    while (lead := verbs.match(name)) is not None and lead.end() < len(name):
        name = name[lead.end():]
    return name if len(name) >= _setting("target_twice_min_name") else None


def _percentages(ctx: RuleContext, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The percentages in ``lo``..``hi``, read back from each % sign (found once per text):
    far fewer than the digits a scan for figures would stop at."""
    marks = ctx.marks("%％")
    for k in range(bisect.bisect_left(marks, lo), bisect.bisect_left(marks, hi)):
        m = _BEFORE_SIGN.search(ctx.text, max(lo, marks[k] - _FIGURE_REACH), marks[k] + 1)
        if m is not None:
            yield m


def _spans(sections) -> list[tuple[int, int]]:
    """The text of the sections (their bodies, from each heading's end), a part nested in
    another read once."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted((s.heading.end, s.end) for s in sections):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@rule("numbers.target_twice", "numbers", "warning")
def target_twice(ctx: RuleContext) -> Iterator[Hit]:
    """One target stated twice in one sentence of the plan (污水集中处理率达到95%以上……污水
    集中处理率达到95%): the same rate named again with a value, in the list of the year's
    targets, is a paste left in or two values for one target."""
    text = ctx.text
    said: set[int] = set()
    for lo, hi in _spans(s for s in ctx.doc.plan_sections() + ctx.doc.sections_of_kind("targets")
                         if s.period != "five_year"):
        seen: dict[tuple[int, str], tuple[int, int]] = {}
        values = [(ctx.after_mark(_SENTENCE_MARKS, m.start(), lo), m)
                  for m in _percentages(ctx, lo, hi)]
        per_sentence = Counter(sentence for sentence, _ in values)
        for sentence, m in values:
            if per_sentence[sentence] < 2:
                continue  # one value in its sentence states nothing twice
            clause = ctx.after_mark(_CLAUSE_MARKS, m.start(),
                                    max(sentence, m.start() - _NAME_REACH))
            if not _NAMES_A_RATE.search(text, clause, m.start()):
                continue
            name = _rate_name(text, clause, m.start())
            if name is None:
                continue
            first = seen.setdefault((sentence, name), (m.start(), m.end()))
            if first[0] != m.start() and m.start() not in said:
                said.add(m.start())
                start = text.rfind(name, clause, m.start())
                yield Hit(start, m.end(), t("flags.target_twice", rate=name,
                                            first=text[first[0]:first[1]],
                                            second=text[m.start():m.end()]),
                          t("flags.target_twice_fix"), occurrences=((start, m.end()),))
