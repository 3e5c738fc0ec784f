"""Headings, their levels, and the section tree.

A heading is recognised at the start of a paragraph by its numbering (一、 （一） 1. （1） 一是) or,
for a few unnumbered top-level headings (``2024年工作回顾``), by its wording in the genre profile.
Levels come from nesting, not from a fixed table: each numbering family has a rank, and a heading
becomes the child of the nearest open heading of a lower rank.
"""

from __future__ import annotations

import re

from reviewer.document.model import Heading, NumberingIssue, Paragraph, Section
from reviewer.profiles import Profile

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"

_SHI = re.compile(rf"([{_CN}]{{1,3}})是(?=[^，,。；]{{2}})")
# the numbering families, tried in this order at the start of a paragraph (compiled once: a
# report can have a heading on every line)
_CN_DUN = re.compile(rf"([{_CN}]{{1,3}})\s*([、.．])(?=\S)")
_CN_DECIMAL = re.compile(rf"[{_CN}]{{1,3}}[.．]\d")
_CN_PAREN = re.compile(rf"([（(])\s*([{_CN}]{{1,3}})\s*([）)])")
_ARABIC_PAREN = re.compile(r"([（(])\s*(\d{1,2})\s*([）)])")
_ARABIC = re.compile(r"(\d{1,2})\s*([.．、])(?![\d.．%])\s*")
_SHI_CLAUSE_END = re.compile(r"[；;：:]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_PLAIN_PUNCT = re.compile(r"[。，,；;：:！？!?、]")
_YEAR = re.compile(r"\d{4}年")
RANK = {"plain": 1, "cn_dun": 1, "cn_paren": 2, "arabic": 3, "arabic_paren": 4, "cn_shi": 5}
_PUNCT_AFTER = "、，,.．：:"
_TITLE_END = re.compile(r"[。！？!?]")
_MAX_TITLE = 80


def cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21 (small numbers as used in numbering)."""
    if not s:
        return 0
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        return t * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    n = 0
    for ch in s:
        n = n * 10 + _CN_DIGITS.get(ch, 0)
    return n


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: the inverse of :func:`cn_number`."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _match_numbering(line: str) -> tuple[str, int, str, str, int] | None:
    """(style, number, numbering text, bracket, end of numbering) for a paragraph start."""
    # every numbering opens with a numeral, a bracket or a digit: most paragraphs are told by
    # their first character that none of the patterns can match
    first = line[:1]
    if not (first in _CN or first in "（(" or first.isdigit()):
        return None
    m = _CN_DUN.match(line)
    if m and not _CN_DECIMAL.match(line):
        return "cn_dun", cn_number(m.group(1)), m.group(0), "", m.end()
    m = _CN_PAREN.match(line)
    if m:
        return "cn_paren", cn_number(m.group(2)), m.group(0), _bracket(m.group(1), m.group(3)), m.end()
    m = _ARABIC_PAREN.match(line)
    if m:
        return "arabic_paren", int(m.group(2)), m.group(0), _bracket(m.group(1), m.group(3)), m.end()
    m = _ARABIC.match(line)
    if m and len(line) > m.end():
        return "arabic", int(m.group(1)), m.group(0).rstrip(), "", m.end()
    m = _SHI.match(line)
    if m:
        return "cn_shi", cn_number(m.group(1)), m.group(0), "", m.end()
    return None


def _bracket(open_: str, close: str) -> str:
    full = (open_ == "（", close == "）")
    if all(full):
        return "full"
    if not any(full):
        return "half"
    return "mixed"


def find_headings(text: str, paragraphs: list[Paragraph], profile: Profile) -> list[Heading]:
    headings: list[Heading] = []
    for para in paragraphs:
        line = text[para.start:para.end]
        if not line:
            continue
        num = _match_numbering(line)
        if num is None:
            plain = _plain_heading(line, profile)
            if plain is None:
                continue
            headings.append(Heading(level=0, style="plain", number=0, numbering="", title=line,
                                    start=para.start, end=para.end, title_start=para.start,
                                    para_start=para.start, para_end=para.end))
            continue
        style, number, numbering, bracket, nend = num
        punct_after = ""
        k = nend
        while k < len(line) and line[k] in _PUNCT_AFTER and len(punct_after) < 2:
            punct_after += line[k]
            k += 1
        while k < len(line) and line[k] in " \u3000":
            k += 1
        rest = line[k:]
        if not rest.strip():
            continue  # a bare number on its own line is no heading
        m = _TITLE_END.search(rest)
        if m:
            title = rest[: m.start()]
            end_in_line = k + m.end()
        else:
            title = rest
            end_in_line = len(line)
        if style == "cn_shi":
            # 一是 items are headings only when they lead a paragraph; the title is the first clause
            # up to 。 (or ；/， when the clause runs long)
            if not m or len(title) > _MAX_TITLE:
                m2 = _SHI_CLAUSE_END.search(rest)
                if m2 and m2.start() <= _MAX_TITLE:
                    title = rest[: m2.start()]
                    end_in_line = k + m2.end()
                elif len(title) > _MAX_TITLE:
                    title = rest[:_MAX_TITLE]
                    end_in_line = k + _MAX_TITLE
        elif len(title) > _MAX_TITLE:
            # a long first sentence is body text that happens to start with a number: the heading is
            # its first clause
            m2 = _CLAUSE_END.search(rest)
            cut = m2.start() if m2 and m2.start() <= _MAX_TITLE else _MAX_TITLE
            title = rest[:cut]
            end_in_line = k + cut + (1 if m2 and m2.start() <= _MAX_TITLE else 0)
        title = title.strip()
        headings.append(
            Heading(
                level=0,
                style=style,
                number=number,
                numbering=numbering,
                title=title,
                start=para.start,
                end=para.start + end_in_line,
                title_start=para.start + k,
                para_start=para.start,
                para_end=para.end,
                bracket=bracket,
                punct_after=punct_after,
                inline=end_in_line < len(line),
            )
        )
    _assign_levels(headings)
    return headings


def _plain_heading(line: str, profile: Profile) -> str | None:
    """An unnumbered heading: a short line with no sentence punctuation naming a section kind."""
    if len(line) > 24 or _PLAIN_PUNCT.search(line):
        return None
    if not _YEAR.search(line) and "回顾" not in line:
        return None
    kind = profile.classify(line)
    if kind is None or kind == "other":
        return None
    return kind


def _assign_levels(headings: list[Heading]) -> None:
    """Nest by rank. A top-level list that starts again at 一 after the report's own top-level
    sequence (an appended list such as 十件民生实事) nests under the open section instead of
    posing as new top-level sections."""
    stack: list[int] = []
    top_style: str | None = None
    top_max = 0
    appended = False
    prev_number = 0
    ranks: list[int] = []
    for h in headings:
        rank = RANK[h.style]
        if top_style is None and rank == 1:
            top_style = h.style
        if h.style == top_style:
            if appended and h.number == prev_number + 1:
                rank = 6
            elif h.number == 1 and top_max >= 2:
                appended, rank = True, 6
            else:
                appended = False
                top_max = max(top_max, h.number)
            prev_number = h.number
        while stack and ranks[stack[-1]] >= rank:
            stack.pop()
        h.level = len(stack) + 1
        ranks.append(rank)
        stack.append(len(ranks) - 1)


def numbering_issues(headings: list[Heading]) -> list[NumberingIssue]:
    """Gaps, repeats and punctuation after numbering, per sibling group; bracket styles mixed
    within the report."""
    issues: list[NumberingIssue] = []
    # sibling groups: consecutive headings sharing a parent and a style
    parents: list[int | None] = []
    stack: list[int] = []
    for i, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    last_in_group: dict[tuple[int | None, str], int] = {}
    for i, h in enumerate(headings):
        if h.style == "plain":
            continue
        key = (parents[i], h.style)
        prev = last_in_group.get(key)
        expected = headings[prev].number + 1 if prev is not None else 1
        if h.number != expected:
            if prev is not None and h.number <= headings[prev].number:
                kind = "repeat" if h.number == headings[prev].number else "restart"
                if kind == "restart" and h.number == 1:
                    pass  # a new list begins (e.g. an appendix): recorded, flags decide
            else:
                kind = "gap"
            issues.append(NumberingIssue(kind, i, h.start, h.title_start,
                                         f"{h.numbering}: expected {expected}, found {h.number}"))
        last_in_group[key] = i
        if h.punct_after:
            issues.append(NumberingIssue("punct_after", i, h.start, h.title_start,
                                         f"{h.numbering}{h.punct_after}"))
    styles = {h.bracket for h in headings if h.bracket}
    if len(styles) > 1 or "mixed" in styles:
        counts: dict[str, int] = {}
        for h in headings:
            if h.bracket:
                counts[h.bracket] = counts.get(h.bracket, 0) + 1
        majority = max(counts, key=lambda b: counts[b])
        for i, h in enumerate(headings):
            if h.bracket and h.bracket != majority:
                issues.append(NumberingIssue("mixed_bracket", i, h.start, h.title_start,
                                             f"{h.numbering} ({h.bracket}; report mostly {majority})"))
    return issues


def build_sections(text: str, headings: list[Heading], profile: Profile,
                   report_year: int | None) -> list[Section]:
    roots: list[Section] = []
    stack: list[Section] = []
    for h in headings:
        sec = Section(heading=h, kind="other", level=h.level, start=h.start, end=len(text))
        while stack and stack[-1].level >= h.level:
            closed = stack.pop()
            closed.end = _trim_end(text, h.start)
        if stack:
            sec.parent = stack[-1]
            stack[-1].children.append(sec)
        else:
            roots.append(sec)
        stack.append(sec)
    for s in stack:
        s.end = _trim_end(text, len(text))
    _classify(roots, profile, report_year)
    return roots


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return end


_ANY_KIND: dict[tuple, re.Pattern[str]] = {}


def _names_a_kind(profile: Profile, title: str) -> bool:
    """Whether any of the profile's kind patterns matches ``title``: one search, so that a
    report of thousands of parts naming no kind is not searched once per pattern."""
    rx = _ANY_KIND.get(profile.kinds)
    if rx is None:
        rx = _ANY_KIND[profile.kinds] = re.compile(
            "|".join(f"(?:{p.pattern})" for _, patterns in profile.kinds for p in patterns))
    return rx.search(title) is not None


def _classify(roots: list[Section], profile: Profile, report_year: int | None) -> None:
    seen_later = False
    for sec in roots:
        kind = profile.classify(sec.heading.title) if _names_a_kind(profile, sec.heading.title) \
            else None
        if kind is None and report_year is not None:
            m = re.match(r"\s*(\d{4})\s*年", sec.heading.title)
            if m and int(m.group(1)) == report_year + profile.plan_year_offset:
                kind = "plan"
        if kind is None:
            kind = "other" if seen_later else profile.default_kind
        if kind in ("shortcomings", "plan"):
            seen_later = True
        sec.kind = kind
        for child in sec.walk():
            if child is not sec:
                child.kind = kind
