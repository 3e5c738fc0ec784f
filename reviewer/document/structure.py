"""Headings, their levels, and the section tree.

A heading is recognised at the start of a paragraph by its numbering (第一部分 一、 （一） 1. （1）
一是) or, unnumbered, by how it stands and reads (the genre profile's ``structure`` rules): a short
line without sentence punctuation that opens a top-level part (``2024年工作回顾``) in a report whose
top level is made of such lines, or opens an appendix (附件, 名词解释) anywhere. A report whose
numbering starts after 一 (the first part's heading was lost) gets a ``lead`` heading for the text
before its first heading. Levels come from nesting, not from a fixed table: each numbering family
has a rank, and a heading becomes the child of the nearest open heading of a lower rank.
"""

from __future__ import annotations

import bisect
import re

from reviewer.document.model import Heading, NumberingIssue, Paragraph, Section
from reviewer.profiles import Profile, kinds_where
from reviewer.profiles.rules import Rules

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9,
              # the financial numerals some governments number their parts with (壹、贰、)
              "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN = "一二三四五六七八九十"
_DAXIE = "壹贰叁肆伍陆柒捌玖拾"

_SHI = re.compile(rf"([{_CN}]{{1,3}})是(?=[^，,。；]{{2}})")
# the numbering families, tried in this order at the start of a paragraph (compiled once: a
# report can have a heading on every line)
_CN_DUN = re.compile(rf"([{_CN}]{{1,3}}|[{_DAXIE}]{{1,3}}(?=、))\s*([、.．])(?=\S)")
_CN_DECIMAL = re.compile(rf"[{_CN}]{{1,3}}[.．]\d")
_CN_PAREN = re.compile(rf"([（(])\s*([{_CN}]{{1,3}})\s*([）)])")
_ARABIC_PAREN = re.compile(r"([（(])\s*(\d{1,2})\s*([）)])")
# (1.5倍 is a figure, 1.2025年… a part about a year)
_ARABIC = re.compile(r"(\d{1,2})\s*([.．、])(?!(?!(?:19|20)\d{2}\s*年)[\d.．%])\s*")
_SHI_CLAUSE_END = re.compile(r"[；;：:]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
# rank 0: the parts of a report whose top level is 第一部分, unnumbered lines or a lost heading, and
# appendices; a list under any of them starts afresh
RANK = {"cn_part": 0, "plain": 0, "lead": 0, "cn_dun": 1, "cn_paren": 2, "arabic": 3,
        "arabic_paren": 4, "cn_shi": 5,
        # unnumbered headings the source file marks (Word's Heading 1, 2…): their level is
        # their rank
        "styled1": 1, "styled2": 2, "styled3": 3, "styled4": 4, "styled5": 5}
_CN_PART = re.compile(rf"第([{_CN}]{{1,3}})部分\s*[、，,：:.．]?\s*")
_SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?]")
_LEAD_TITLE = 16
_PUNCT_AFTER = "、，,.．：:"
_TITLE_END = re.compile(r"[。！？!?]")
_MAX_TITLE = 80


def cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21 (small numbers as used in numbering)."""
    n = _cn_numbers.get(s)
    if n is None:
        n = _cn_number(s)
        if len(s) <= 3 and len(_cn_numbers) < _CN_NUMBERS_KEPT:
            _cn_numbers[s] = n
    return n


# the numerals read so far (a numbering has at most three characters: a report's parts and
# groups use a few dozen of them, asked at every heading)
_cn_numbers: dict[str, int] = {}
_CN_NUMBERS_KEPT = 4096


def _cn_number(s: str) -> int:
    if not s:
        return 0
    s = s.replace("拾", "十")
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
    # every numbering opens with a numeral, 第, a bracket or a digit: most paragraphs are told
    # by their first character that none of the patterns can match
    # (and each family is tried only where its first character can open it, in the same order)
    first = line[:1]
    if first == "第":
        m = _CN_PART.match(line)
        if m and len(line) > m.end():
            return "cn_part", cn_number(m.group(1)), m.group(0).rstrip(), "", m.end()
        return None
    if first in _CN or first in _DAXIE:
        m = _CN_DUN.match(line)
        # (after 一、 no decimal point can follow the numerals: 一.5 is tried only after a point)
        if m and (m.group(2) == "、" or not _CN_DECIMAL.match(line)):
            return "cn_dun", cn_number(m.group(1)), m.group(0), "", m.end()
        if first in _DAXIE:
            return None
        m = _SHI.match(line)
        if m:
            return "cn_shi", cn_number(m.group(1)), m.group(0), "", m.end()
        return None
    if first in "（(":
        m = _CN_PAREN.match(line)
        if m:
            return ("cn_paren", cn_number(m.group(2)), m.group(0),
                    _bracket(m.group(1), m.group(3)), m.end())
        m = _ARABIC_PAREN.match(line)
        if m:
            return ("arabic_paren", int(m.group(2)), m.group(0),
                    _bracket(m.group(1), m.group(3)), m.end())
        return None
    if first.isdigit():
        m = _ARABIC.match(line)
        if m and len(line) > m.end():
            return "arabic", int(m.group(1)), m.group(0).rstrip(), "", m.end()
    return None


def _bracket(open_: str, close: str) -> str:
    full = (open_ == "（", close == "）")
    if all(full):
        return "full"
    if not any(full):
        return "half"
    return "mixed"


def find_headings(text: str, paragraphs: list[Paragraph], profile: Profile,
                  after: int = 0) -> list[Heading]:
    """Every heading, in text order, with its level. ``after``: where the title lines end; no
    unnumbered line before it is a heading."""
    rules = profile.rules
    headings: list[Heading] = []
    plain: list[tuple[int, str]] = []  # (index in headings, "top" | "appendix" | "other")
    body = _body_start(text, paragraphs, rules)
    while body < len(paragraphs) and paragraphs[body].start < after:
        body += 1
    last_arabic = 0
    for pi, para in enumerate(paragraphs):
        line = text[para.start:para.end]
        if not line:
            continue
        num = _match_numbering(line)
        if num is not None and para.end <= after:
            continue  # the title is found after a contents list only: a line of the list
        if num is None:
            if pi < body:
                continue
            if _SENTENCE_PUNCT.search(line):
                cut = _run_in(line, rules)
                if cut is None:
                    cut = _cue_cut(line, profile)
                what = _plain_heading(line[:cut], profile) if cut is not None else None
                if what is not None:
                    # a heading run into its paragraph
                    plain.append((len(headings), what))
                    headings.append(Heading(level=0, style="plain", number=0, numbering="",
                                            title=line[:cut], start=para.start,
                                            end=para.start + cut, title_start=para.start,
                                            para_start=para.start, para_end=para.end,
                                            inline=True))
                # (a line with sentence punctuation is no heading of its own)
                continue
            what = _plain_heading(line, profile)
            if what is None or (what == "top" and not _opens_text(text, paragraphs, pi, rules)):
                continue
            plain.append((len(headings), what))
            headings.append(Heading(level=0, style="plain", number=0, numbering="", title=line,
                                    start=para.start, end=para.end, title_start=para.start,
                                    para_start=para.start, para_end=para.end))
            continue
        style, number, numbering, bracket, nend = num
        if style == "arabic":
            # 2.2025年… reads as a figure as much as a number before a year: a heading only
            # where it opens a list or goes on with one
            # (a line standing as a part's heading, 2.2022年重点工作安排 after a lost first
            # heading, is one whatever its number)
            if (line[nend:nend + 1].isdigit() and number != 1 and number != last_arabic + 1
                    and _plain_heading(line[nend:], profile) != "top"):
                continue
            last_arabic = number
        punct_after = ""
        k = nend
        if k < len(line) and (line[k] in _PUNCT_AFTER or line[k] in " \u3000"):
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
        if style != "cn_shi":
            cut = _run_in(rest, rules)
            # (a long heading standing on its own line, no sentence ending in it, is whole)
            if cut is None and m is not None and (len(title) > rules.plain_max
                                                  or _ANY_PUNCT.search(title)):
                cut = _cue_cut(rest, profile)
            if cut is not None and cut < len(title):
                title, end_in_line = rest[:cut], k + cut  # run into its paragraph
        # (the fields in their order, level, style, number, numbering, title, start, end,
        # title_start, para_start, para_end, bracket, punct_after, inline: given by name, a
        # heading on every line pays more for the names than for the heading)
        start = para.start
        headings.append(Heading(0, style, number, numbering, title.strip(), start,
                                start + end_in_line, start + k, start, para.end, bracket,
                                punct_after, end_in_line < len(line)))
    headings = _keep_plain(headings, plain)
    headings = _first_items_run_in(text, headings)
    headings = _drop_page_pieces(text, paragraphs, headings, rules)
    headings = _flat_top_headings(text, paragraphs, headings, profile)
    headings = _after_admission(text, paragraphs, headings, profile)
    lead = _lead_heading(text, paragraphs, headings, body, profile)
    if lead is not None:
        headings.insert(0, lead)
    _assign_levels(headings)
    return headings


_ANY_PUNCT = re.compile(r"[。，,；;：:！？!?、]")
# an item of a list, written right after the heading it runs into (（一）稳增长1.地区生产
# 总值… / 名词解释1.“三岛一区”：… / …厚植全民法治理念一是抓实干部学法。): never after a figure
_FIRST_ITEM = re.compile(rf"(?<![\d.．])(?:\d{{1,2}}\s*[.．、](?![\d.．%])|[{_CN}]{{1,3}}是|[{_CN}]{{1,3}}、"
                         rf"|[（(][{_CN}]{{1,3}}[）)])")
# how far after a heading's title starts its first item is looked for
_FIRST_ITEM_REACH = 40


def _first_items_run_in(text: str, headings: list[Heading]) -> list[Heading]:
    """A heading run into its paragraph that goes on with an item of a list below it (1. 一是 一、
    （一）) whose next item opens a paragraph of its own after it, numbered on, before the
    heading's next sibling (its siblings' shape): the item is a heading of its own, and the
    heading's title ends before it."""
    added: list[Heading] = []
    search = _FIRST_ITEM.search
    for k, h in enumerate(headings):
        reach = h.title_start + _FIRST_ITEM_REACH
        m = search(text, h.title_start + 1, reach if reach < h.para_end else h.para_end)
        if m is None or _HEADING_ENDS.search(text, h.title_start, m.start()):
            continue
        num = _match_numbering(text[m.start():h.para_end])
        if num is None:
            continue
        style, number, numbering, bracket, nend = num
        if RANK[style] <= RANK[h.style]:
            continue  # an item below the heading, its first child: (统一、高效 is none)
        # its next item, numbered on, opens a paragraph before the heading's next sibling
        nxt = None
        for g in headings[k + 1:]:
            if g.style == style:
                nxt = g
                break
            if RANK[g.style] <= RANK[h.style]:
                break
        if nxt is None or nxt.number != number + 1 or nxt.start != nxt.para_start:
            continue
        start = m.start()
        end_title = _TITLE_END.search(text, start + nend, h.para_end)
        end = end_title.end() if end_title and end_title.end() - start <= _MAX_TITLE else min(
            h.para_end, start + nend + _MAX_TITLE)
        title = text[start + nend:end].rstrip("。！？!?").strip()
        if not title:
            continue
        h.title = text[h.title_start:start].strip()
        h.end, h.inline = start, True
        added.append(Heading(level=0, style=style, number=number, numbering=numbering, title=title,
                             start=start, end=end, title_start=start + nend,
                             para_start=h.para_start, para_end=h.para_end, bracket=bracket,
                             inline=end < h.para_end))
    if not added:
        return headings
    return sorted(headings + added, key=lambda x: x.start)


_SENTENCE_END_CHARS = "。！？!?"


_PIECE = re.compile(r"(\d{1,2})、")


def _drop_page_pieces(text: str, paragraphs: list[Paragraph], headings: list[Heading],
                      rules: Rules) -> list[Heading]:
    """A document-sharing page gives a report as pieces of its pages, each numbered at its start
    (1、…依 / 2、法行政… / 3、…): long paragraphs numbered 1、 2、 … on by one (the last may be
    short), every piece after the first going on with a sentence the piece before broke off.
    Those numbers are the page's, no heading of the report."""
    pieces = []
    for para in paragraphs:
        m = _PIECE.match(text, para.start, para.end)
        if m:
            pieces.append((int(m.group(1)), para))
    if len(pieces) < 2 or [n for n, _ in pieces] != list(range(1, len(pieces) + 1)):
        return headings
    for k, (_, para) in enumerate(pieces):
        if k < len(pieces) - 1 and para.end - para.start < rules.flat_min:
            return headings  # (the last piece may be cut short)
        if k and text[pieces[k - 1][1].end - 1:pieces[k - 1][1].end] in _SENTENCE_END_CHARS:
            return headings
    starts = {para.start for _, para in pieces}
    return [h for h in headings if not (h.style == "arabic" and h.start in starts)]


# a top-level number run into a flattened paragraph, after a sentence's end or a space
_FLAT_TOP = re.compile(rf"(?:(?<=[。！？!?：:；;])|(?<=\s))\s*([{_CN}]{{1,3}})、(?=\S)")
# where such a heading's words end: a space, the first item below it, a year opening its
# paragraph, a sentence's end
_FLAT_TITLE_END = re.compile(rf"\s|[（(][{_CN}]{{1,3}}[）)]|(?<![\d.．])\d{{1,2}}[.．、](?![\d.．%])"
                             rf"|(?:19|20)\d{{2}}\s*年[，,]|[。！？!?；;]")


def _flat_top_headings(text: str, paragraphs: list[Paragraph], headings: list[Heading],
                       profile: Profile) -> list[Heading]:
    """A report run together on a few long lines (a document-sharing page: 法治保障。一、强化组织领导
    (一)健全工作机制…), none of its parts on a line of its own: the top-level headings inside
    those lines, each after a sentence's end, numbered on from the heading before it and followed
    by the next one's number or none, are headings run into the paragraph. Where the page cuts off
    in the last one's paragraph before any mark, its words run to the cut."""
    rules = profile.rules
    if not any(p.end - p.start >= rules.flat_min for p in paragraphs):
        return headings
    if any(h.start == h.para_start and h.style in ("cn_part", "cn_dun", "cn_paren") for h in headings):
        return headings  # the report's parts stand on lines of their own
    tops = [h for h in headings if h.style == "cn_dun"]
    added: list[Heading] = []
    for para in paragraphs:
        if para.end - para.start < rules.flat_min:
            continue
        for m in _FLAT_TOP.finditer(text, para.start + 1, para.end):
            start = m.start(1)
            if any(h.start == start for h in tops):
                continue
            number = cn_number(m.group(1))
            before = [h for h in tops if h.start < start]
            after = [h for h in tops if h.start > start]
            if number != (before[-1].number if before else 0) + 1:
                continue
            if after and after[0].number != number + 1:
                continue
            title_start = m.end()
            reach = min(para.end, title_start + _MAX_TITLE)
            rest = text[title_start:para.end]
            e = _FLAT_TITLE_END.search(text, title_start + 2, reach)
            ends = [e.start() if e else None]
            for cut in (_run_in(rest, rules), _cue_cut(rest, profile)):
                ends.append(title_start + cut if cut is not None else None)
            if not any(x is not None for x in ends):
                # no mark ends its words: they end at the first clause's end
                c = _CLAUSE_END.search(text, title_start + 2, reach)
                if c is None and para is paragraphs[-1] and para.end - title_start <= _MAX_TITLE:
                    ends.append(para.end)  # the page cuts off in the heading's paragraph
                else:
                    ends.append(c.start() if c else None)
            ends = [x for x in ends if x is not None]
            if not ends:
                continue
            end = min(ends)
            title = text[title_start:end].strip()
            if len(title) < 2:
                continue
            h = Heading(level=0, style="cn_dun", number=number, numbering=text[start:title_start],
                        title=title, start=start, end=end, title_start=title_start,
                        para_start=para.start, para_end=para.end, inline=True)
            added.append(h)
            tops = sorted(tops + [h], key=lambda x: x.start)
    if not added:
        return headings
    return sorted(headings + added, key=lambda x: x.start)


def _run_in(line: str, rules: Rules) -> int | None:
    """Where a heading run into its paragraph ends: at words that open a paragraph (the
    profile's ``run_in``), found after the heading's first words and before any punctuation."""
    m = rules.run_in.search(line, 4, rules.plain_max + 1)
    if m is None or _ANY_PUNCT.search(line, 0, m.start()):
        return None
    return m.start()


_CONNECTOR = re.compile(r"[和及与暨、]|以及")
# the words a clause goes on with before its first mark, at least, after a heading run into it
_CUE_CUT_REST = 6
# words that go on with a clause and never open one
_GOES_ON = frozenset("的是之等要了着得地所")
_STRONG_CUES: dict[tuple[str, bool], re.Pattern[str]] = {}


def _cues_of(profile: Profile, anchored: bool) -> re.Pattern[str]:
    """The profile's strong heading words (those that make an unnumbered line a heading) as one
    pattern, compiled once per genre; without ``anchored``, a cue's end anchor is dropped (words
    a heading ends with, 成绩$, end it where a cut is made)."""
    key = (profile.name, anchored)
    rx = _STRONG_CUES.get(key)
    if rx is None:
        weight = profile.rules.plain_cue_weight
        cues = [f"(?:{c.pattern.pattern})" for c in profile.headings if c.weight >= weight]
        if not anchored:
            cues = [c.replace("$)", ")") for c in cues]
        # (?!) matches nothing: a genre without such cues
        rx = _STRONG_CUES[key] = re.compile("|".join(cues) or "(?!)")
    return rx


def _strong_cue(profile: Profile) -> re.Pattern[str]:
    """The strong heading words where a heading run into its paragraph may be cut."""
    return _cues_of(profile, anchored=False)


def _cue_cut(line: str, profile: Profile) -> int | None:
    """Where a heading run into its paragraph ends when no words opening a paragraph follow it
    (2022年工作安排今年政府工作的总体要求是：…): right after the heading's strong words (and the
    ones joined to them, 发展思路和2016年主要工作任务), where the paragraph's first clause then
    goes on, or a numbered heading follows."""
    rules = profile.rules
    window = line[: rules.plain_max + 1]
    first_mark = _ANY_PUNCT.search(window)
    limit = first_mark.start() if first_mark else len(window)
    if limit < 5:
        return None  # (most paragraphs: a clause mark before any heading's words could end)
    cut = None
    rx = _strong_cue(profile)
    for m in rx.finditer(window, 0, limit):
        if cut is None:
            if m.end() >= 4:
                cut = m.end()
                # words overlapping the first ones end the heading later (以来的工作|回顾)
                for k in range(m.start() + 1, cut):
                    m2 = rx.match(window, k, limit)
                    if m2 and m2.end() > cut:
                        cut = m2.end()
        elif m.start() - cut <= 12 and _CONNECTOR.match(window, cut):
            cut = m.end()
    if cut is None:
        # no kind's words: a year's or a period's words of work, where a numbered heading
        # follows them (2019年主要工作一、…)
        m = rules.plain_heading.search(window, 0, limit)
        if m is None or m.end() < 4 or _match_numbering(line[m.end():]) is None:
            return None
        cut = m.end()
    if cut is None or cut >= len(line):
        return None
    head = line[:cut]
    # a heading's words with no year, period or appendix in them are as often a sentence's
    # subject (镇主要负责人…): the cut is taken only where the heading names one
    if not (rules.year.search(head) or rules.numbered_period.search(head)
            or rules.past_period.search(head) or rules.future_period.search(head)
            or rules.appendix_heading.search(head)):
        return None
    rest = line[cut:]
    if _match_numbering(rest) is not None:
        return cut
    if rest[0] in _GOES_ON:
        return None  # the words go on with the clause (今年政府工作的总体要求是): no heading
    mark = _ANY_PUNCT.search(rest)
    if mark is None or mark.start() < _CUE_CUT_REST:
        return None
    return cut


def _after_admission(text: str, paragraphs: list[Paragraph], headings: list[Heading],
                     profile: Profile) -> list[Heading]:
    """In a report whose parts are unnumbered lines (its list numbering lost), a review closes
    by admitting its problems (我们也清醒看到…): a line standing as a heading right after that
    paragraph opens the next part, though it reads as a slogan with commas (站在新起点，把握新
    机遇，…) and no word of a kind."""
    rules = profile.rules
    # (a numbered list after the parts, a glossary's 1. 2., is no numbering of theirs)
    parts = (top_style(headings), "cn_part")
    numbered = next((h.start for h in headings if h.style in parts), len(text))
    tops = [h for h in headings if h.style == "plain"]
    if not tops or numbered < tops[0].start:
        return headings
    starts = [p.start for p in paragraphs]
    added: list[Heading] = []
    for k, h in enumerate(tops):
        cue = profile.heading_cue(h.title)
        if cue is None or cue[0] != "achievements":
            continue
        end = min(tops[k + 1].start if k + 1 < len(tops) else len(text), numbered)
        i = bisect.bisect_right(starts, h.para_end)
        while i + 2 < len(paragraphs) and paragraphs[i + 2].start < end:
            p, q, after = paragraphs[i], paragraphs[i + 1], paragraphs[i + 2]
            i += 1
            if not (rules.shortcomings_start.search(
                    text, p.start, min(p.end, p.start + rules.shortcomings_window))
                    and rules.problems.search(text, p.start, p.end)):
                continue
            line = text[q.start:q.end]
            if (len(line) > rules.group_line_max or _HEADING_ENDS.search(line)
                    or line.endswith(("：", ":")) or _match_numbering(line) is not None
                    or after.end - after.start <= rules.plain_max
                    or not _SENTENCE_PUNCT.search(text, after.start, after.end)):
                continue
            added.append(Heading(level=0, style="plain", number=0, numbering="", title=line,
                                 start=q.start, end=q.end, title_start=q.start,
                                 para_start=q.start, para_end=q.end))
            break
    if not added:
        return headings
    return sorted(headings + added, key=lambda x: x.start)


_HEADING_ENDS = re.compile(r"[。；;！？!?]")


_ENDS_SENTENCE = re.compile(r"[。；;！？!?]")
_CLOSING_MARKS = "。；;！？!?：:”"


def stands_as_group_heading(text: str, line: Paragraph, after: Paragraph, rules: Rules) -> bool:
    """Whether ``line`` stands as the heading of a group whose number was lost (text pasted
    from Word): short, ending no sentence, before a paragraph (``after``) that ends one."""
    return (line.end - line.start <= rules.group_line_max
            and not _ENDS_SENTENCE.search(text, line.start, line.end)
            and text[line.end - 1] not in _CLOSING_MARKS
            and text[after.end - 1] in _CLOSING_MARKS)


def _body_start(text: str, paragraphs: list[Paragraph], rules: Rules) -> int:
    """Index of the first paragraph of the report's own text: after the salutation (各位代表：)
    and the opening formula (现在，我代表…报告) when the first lines hold them, else 0."""
    head = min(len(paragraphs), 15)
    # (a salutation after the opening formula is the review's own 各位代表！, the first one run
    # into the line before: the opening formula then says where the text begins)
    opening = next((i for i in range(head) if rules.opening.search(
        text, paragraphs[i].start, paragraphs[i].end)
        and paragraphs[i].end - paragraphs[i].start < 200), head)
    for i in range(opening):
        p = paragraphs[i]
        if rules.salutation.match(text, p.start, p.end):
            nxt = i + 1
            if nxt < len(paragraphs) and rules.opening.search(text, paragraphs[nxt].start,
                                                               paragraphs[nxt].end):
                nxt += 1
            return nxt
    return opening + 1 if opening < head else 0


def drop_headings_in(headings: list[Heading], start: int, end: int) -> list[Heading]:
    """The headings outside ``start..end``, nested anew: the report's title is no section,
    though a short one reads like an unnumbered heading (烟溪镇2024年度法治政府建设工作情况报告)."""
    kept = [h for h in headings if h.end <= start or h.start >= end]
    if len(kept) != len(headings):
        _assign_levels(kept)
    return kept


def add_styled_headings(text: str, paragraphs: list[Paragraph], headings: list[Heading],
                        hints: dict[int, int]) -> list[Heading]:
    """Headings the source file marks by style (``hints``: paragraph start → level 1…) that
    carry no numbering the outline sees, merged in and nested anew.

    A styled paragraph is taken only after the report's opening (its first paragraph of body
    text): the title, document number and addressee above it are styled too in many files,
    and are no sections. A styled line that reads as a sentence is no heading either."""
    have = {h.para_start for h in headings}
    body = next((p.start for p in paragraphs
                 if p.end - p.start >= 40 and re.search(r"[，。；,;]", text[p.start:p.end])),
                None)
    extra: list[Heading] = []
    for p in paragraphs:
        level = hints.get(p.start)
        if level is None or p.start in have or body is None or p.start <= body:
            continue
        line = text[p.start:p.end]
        if len(line) > _MAX_TITLE or _TITLE_END.search(line):
            continue
        extra.append(Heading(level=0, style=f"styled{min(max(level, 1), 5)}", number=0,
                             numbering="", title=line, start=p.start, end=p.end,
                             title_start=p.start, para_start=p.start, para_end=p.end))
    if not extra:
        return headings
    merged = sorted(headings + extra, key=lambda h: h.start)
    _assign_levels(merged)
    return merged


def _plain_heading(line: str, profile: Profile) -> str | None:
    """Whether a paragraph could be an unnumbered heading: ``top`` (a top-level part),
    ``appendix`` or ``other`` (after the report), or None."""
    rules = profile.rules
    if len(line) > rules.plain_max or _SENTENCE_PUNCT.search(line):
        return None
    if rules.appendix_heading.search(line):
        return "appendix"
    if rules.other_heading.search(line):
        return "other"
    if line.endswith(("：", ":")) or rules.report_name.search(line):
        return None
    if rules.plain_heading.search(line):
        return "top"
    if _plain_cues(profile).search(line):
        return "top"
    return None


def _plain_cues(profile: Profile) -> re.Pattern[str]:
    """The genre's heading cues strong enough to make a short line a heading, as one expression
    searched once (tried on every short line: a text of short lines has one every few
    characters); unlike :func:`_strong_cue`'s, a cue's end anchors stay (成绩$ names a heading
    only at the line's end)."""
    return _cues_of(profile, anchored=True)


def _opens_text(text: str, paragraphs: list[Paragraph], i: int, rules: Rules) -> bool:
    """Whether the paragraph after ``i``, or the one after a short line (its first group's
    heading), is report text (a sentence, or a numbered heading): a heading opens a part; a
    short line among short lines (a menu, a table) does not."""
    for k in (i + 1, i + 2):
        if k >= len(paragraphs):
            return False
        nxt = paragraphs[k]
        line = text[nxt.start:nxt.end]
        if (len(line) > rules.plain_max or bool(_SENTENCE_PUNCT.search(line))
                or _match_numbering(line) is not None):
            return True
        # one short line between: the heading of the part's first group, its numbering lost
        # (text pasted from Word); two are a menu or a table
    return False


def _keep_plain(headings: list[Heading], plain: list[tuple[int, str]]) -> list[Heading]:
    """Drop the unnumbered candidates that are not headings. Top-level lines count only in a
    report whose top level they make (the first of them comes before its first 一、 or 第一部分
    heading) and only before its appendices; an appendix line right under another (附件1 /
    政府工作报告名词、术语注释) is that appendix's title, not a heading of its own."""
    if not plain:
        return headings
    parts = (top_style(headings), "cn_part")
    first_top = next((h.start for h in headings if h.style in parts), None)
    tops = [i for i, what in plain if what == "top"]
    plain_topped = bool(tops) and (first_top is None or headings[tops[0]].start < first_top)
    drop: set[int] = set()
    in_appendix = False
    prev_end, prev_what = -2, ""
    for i, what in plain:
        h = headings[i]
        if what == "top":
            if not plain_topped or in_appendix:
                drop.add(i)
            continue
        if h.para_start == prev_end + 1 and (what == "appendix" or prev_what == "other"):
            # the title of the attachment (or link) announced on the line before (a link to a
            # picture, 图解, under the attachments' line is none: their file names between were
            # debris)
            drop.add(i)
        in_appendix = True
        prev_end, prev_what = h.para_end, what
    return [h for i, h in enumerate(headings) if i not in drop]


def _lead_heading(text: str, paragraphs: list[Paragraph], headings: list[Heading],
                  body: int, profile: Profile) -> Heading | None:
    """A heading for the report text before the first heading when that text is a part whose
    heading was lost: the top-level numbering starts after 一, or, in a report whose parts are
    unnumbered lines, the first of them opens a later part (its problems, its plan) after
    paragraphs of text, or there is no heading at all."""
    if body >= len(paragraphs):
        return None
    first = paragraphs[body]
    if headings:
        h = headings[0]
        if _starts_inside_first_part(headings):
            # the file starts inside its first part, at an item after its first ((三)…), and
            # the parts go on numbered after 一 (二、): the items are that part's
            if h.start < first.start:
                return None
        elif h.start <= first.start:
            return None
        elif h.style == "plain":
            if not _opens_later_part(text, paragraphs, h, body, profile):
                return None
        elif h.style not in (top_style(headings), "cn_part") or h.number <= 1:
            return None
    line = text[first.start:first.end]
    cut = _lead_cut(line)
    return Heading(level=0, style="lead", number=0, numbering="", title=line[:cut],
                   start=first.start, end=first.start + cut, title_start=first.start,
                   para_start=first.start, para_end=first.end, inline=cut < len(line))


def _starts_inside_first_part(headings: list[Heading]) -> bool:
    """Whether the first heading is an item of a part ((三), 3.) numbered after its first, and
    the first of the report's parts after it is numbered after 一: the file starts inside its
    first part, whose heading was lost."""
    h = headings[0]
    top = top_style(headings)
    if h.style in (top, "cn_part", "plain", "lead") or h.number <= 1 or RANK[h.style] <= RANK[top]:
        return False
    nxt = next((g for g in headings if g.style == top), None)
    return nxt is not None and nxt.number > 1


def _opens_later_part(text: str, paragraphs: list[Paragraph], h: Heading, body: int,
                      profile: Profile) -> bool:
    """Whether an unnumbered top-level heading names a part that comes after a review (the
    problems, the plan: the genre's heading words) with enough paragraphs of prose before it
    for a part of their own (a file starting inside its review, the review's heading lost)."""
    cue = profile.heading_cue(h.title)
    if cue is None or cue[0] not in _later_kinds():
        return False
    before = bisect.bisect_left([p.start for p in paragraphs], h.start)
    paras = paragraphs[body:before]
    if any(stands_as_group_heading(text, p, nxt, profile.rules)
           for p, nxt in zip(paras, paras[1:], strict=False)):
        return False  # lines standing as headings before it: parts or groups not read, no one part
    return sum(1 for p in paras if _SENTENCE_PUNCT.search(text, p.start, p.end)
               ) >= profile.rules.lost_lead_paragraphs


def _later_kinds() -> frozenset[str]:
    return frozenset(kinds_where("problem")) | frozenset(kinds_where("planned"))


def _lead_cut(line: str) -> int:
    """Where the words standing for a lost heading end: the first clause, at most a few words."""
    m = _SENTENCE_PUNCT.search(line, 4, _LEAD_TITLE + 1)
    return m.start() if m else min(len(line), _LEAD_TITLE)


# the numbering families a report can number its parts with below 第一部分; where it has no 一、
# the first of the others it uses is its top level (1. 2. or （一）（二） for the parts)
_PART_FAMILIES = ("cn_dun", "cn_paren", "arabic", "arabic_paren")


def _ranks(headings: list[Heading]) -> dict[str, int]:
    """Each family's rank in this report: the fixed order, except that a report without 一、
    headings among its parts takes the first numbered family it opens a list with (number 1) as
    its parts' (一、 after the last of them: an appended list, 附件1 十件民生实事)."""
    # (a list that opens at 2 is the top level whose first heading was lost: 2.2022年重点工作安排
    # after a review with no heading)
    # (read up to the heading that tells, most often the first: the outline asks for the ranks
    # several times, and a report of headings has tens of thousands)
    first = None
    seen = False
    for h in headings:
        if h.style in _PART_FAMILIES:
            if h.number == 1 or not seen and h.number == 2:
                first = h.style
                break
            seen = True
    if first is None or first == "cn_dun":
        return RANK
    last = max(h.start for h in headings if h.style == first)
    if any(h.style == "cn_dun" and h.start < last for h in headings):
        return RANK
    ranks = dict(RANK)
    ranks[first] = RANK["cn_dun"]
    for style in _PART_FAMILIES[1:]:
        if style != first and RANK[style] < RANK[first]:
            ranks[style] = RANK[style] + 1
    return ranks


def top_style(headings: list[Heading]) -> str:
    """The numbering family of the report's parts below 第一部分 (一、 unless it has none)."""
    ranks = _ranks(headings)
    # (一、 keeps its rank where another family numbers the parts: the family moved up is theirs)
    return next((s for s in _PART_FAMILIES[1:] if ranks[s] == RANK["cn_dun"]), "cn_dun")


_parts_family = top_style  # (a name _assign_levels does not shadow)


def _assign_levels(headings: list[Heading]) -> None:
    """Nest by rank. A top-level list that starts again at 一 after the report's own top-level
    sequence (an appended list such as 十件民生实事) nests under the open section instead of
    posing as new top-level sections."""
    # the ranks of the open headings, outermost first
    stack: list[int] = []
    top_style: str | None = None
    top_max = 0
    appended = False
    prev_number = 0
    rank_of = _ranks(headings)
    for k, h in enumerate(headings):
        style = h.style
        rank = rank_of[style]
        if style == "lead" and k + 1 < len(headings):
            # it stands for the lost heading of that level, or, the file starting inside its
            # first part, for the part's
            rank = (rank_of[_parts_family(headings)] if _starts_inside_first_part(headings[k + 1:])
                    else rank_of[headings[k + 1].style])
        if rank == 0:
            # a new part of the highest rank: the lists inside it start afresh
            top_style, top_max, appended, prev_number = None, 0, False, 0
        if top_style is None and rank == 1 and not style.startswith("styled"):
            top_style = style
        if style == top_style:
            number = h.number
            if appended and number == prev_number + 1:
                rank = 6
            elif number == 1 and top_max >= 2:
                appended, rank = True, 6
            else:
                appended = False
                if number > top_max:
                    top_max = number
            prev_number = number
        while stack and stack[-1] >= rank:
            stack.pop()
        h.level = len(stack) + 1
        stack.append(rank)


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
        if not h.numbering:  # unnumbered: plain or styled
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


def build_sections(text: str, headings: list[Heading]) -> list[Section]:
    """The section tree: each heading's section runs to the next heading of the same or a higher
    level. Kinds are set afterwards (reviewer.document.kinds)."""
    roots: list[Section] = []
    stack: list[Section] = []
    size = len(text)
    for h in headings:
        # (heading, kind, level, start, end: by position, as a heading on every line makes a
        # part of every line)
        sec = Section(h, "other", h.level, h.start, size)
        if stack and stack[-1].level >= h.level:
            end = _trim_end(text, h.start)
            while stack and stack[-1].level >= h.level:
                stack.pop().end = end
        if stack:
            sec.parent = stack[-1]
            stack[-1].children.append(sec)
        else:
            roots.append(sec)
        stack.append(sec)
    for s in stack:
        s.end = _trim_end(text, len(text))
    return roots


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return end
