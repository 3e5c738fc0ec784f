"""Proofreading: punctuation, spaces, known typos and misused terms, and characters doubled at a
page break. What normalization removed (page debris) or re-joined is no flag: it stays in the
document's change log, which the outline shows in its own view."""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter
from collections.abc import Iterator
from functools import cache

from reviewer.flags.data import expressions, load, pattern, terms, words
from reviewer.flags.engine import Hit, RuleContext, regions, rule
from reviewer.i18n import t

_CJK = "\u4e00-\u9fff"
_DOUBLED = re.compile(r"[。，、；：,;:]{2,}")
_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000\u00a0]+(?=\S)")
# a space just inside quotation marks, before or after Chinese text or a figure (“ 严和实”)
_INSIDE_QUOTES = re.compile(rf"(?<=“)[ \u3000\u00a0]+(?=[{_CJK}\d])|(?<=[{_CJK}\d])[ \u3000\u00a0]+(?=”)")
_BEFORE_SPACE = re.compile(rf"[{_CJK}\d%％]")
_AFTER_CJK = re.compile(rf"[{_CJK}\d，。；：、！？]")
_AFTER_DIGIT = re.compile(rf"[{_CJK}]")
# full-width mark → its half-width twin
_PAIRS = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")"}
_HALF = {v: k for k, v in _PAIRS.items()}
_HALF_MARKS = re.compile("[" + re.escape("".join(_HALF)) + "]")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_FIGURE = re.compile(r"[\d.．%％]+")
_SPACES = re.compile(r"[ \u3000\u00a0]+")
_FIGURE_CHARS = frozenset("0123456789.．%％０１２３４５６７８９")
# a closing quotation or title mark, and the opening ones, around which a mark is in Chinese text
_CLOSING_QUOTES = frozenset("”’》」』")
_OPENING_QUOTES = frozenset("“‘《「『")
_CLOSING_BRACKETS = frozenset(")）")
# marks a report writes a few times only, whose width is judged by the report's other marks
_FEW = frozenset("!?")
# a half-width full stop or straight quote, and what may follow a full stop that ends a sentence
_STOP_OR_QUOTE = re.compile('[."]')
_AFTER_STOP = frozenset('\n"“”)）')
# half-width marks that may follow a figure inside Chinese text (增长9.0%;财政); a colon after
# a figure is a time (10:19)
_AFTER_FIGURE = frozenset(",;")
# a quotation or a title inside one paragraph (no nesting of the same mark); a report typed with
# straight quotes quotes with a pair of them
_QUOTED = re.compile(r"“[^“”\n]*”|《[^《》\n]*》|\"[^\"\n]*\"")
_APPENDIX_MARK = "附件"
_APPENDIX = re.compile(_APPENDIX_MARK + r"\s*\d{1,2}$")
_APPENDIX_WINDOW = 6
# a 顿号 between two quoted or titled items
_DUN_BETWEEN = re.compile(r"(?<=[”》])、(?=[“《])")
# quoted or titled items side by side without a 顿号 (“两重”“两新”)
_SIDE_BY_SIDE = re.compile("[”》][“《]")
# a question mark between two Chinese characters (a lost character where it stands in a quotation)
_LOST = re.compile(rf"(?<=[{_CJK}])\?(?=[{_CJK}])")
# how far an item of a 顿号 series may run
_ITEM_MAX = 40
# the Chinese words an item runs on with past its closing mark, up to 等 (…大棋士赛等)
_RUN_ON = re.compile(rf"(?:(?!等)[{_CJK}])+")
# marks that come in pairs; （ and ( pair alike, so a bracket of the wrong width is not unpaired
_OPENERS = {"“": "quote", "《": "title", "（": "bracket", "(": "bracket"}
_CLOSERS = {"”": "quote", "》": "title", "）": "bracket", ")": "bracket"}
_PAIR_MARKS = re.compile("[“”《》（）()]")
# a paragraph whose marks are only pairs opened and closed in turn (（1）（2）开展…（16）次)
# leaves what is open as it was and finds nothing unpaired: told in one match of its marks
_FLAT_PAIRS = re.compile("(?:" + "|".join(
    re.escape(o + c) for o, kind in _OPENERS.items() for c, k in _CLOSERS.items() if k == kind)
    + ")*")
# a list number closed by a bracket at the start of an item: 1） 2) 一）
_LIST_NUMBER = re.compile(r"(?:^|[\s。；;：:，,、])[0-9一二三四五六七八九十]{1,2}[）)]$", re.M)
_LIST_WINDOW = 4
# the marks a placeholder holds (every pattern of words.toml's placeholders has one), and how far
# before its mark a placeholder may begin (202X年)
_PLACEHOLDER_CHARS = re.compile("[XxＸ×某【○〇□]")
_PLACEHOLDER_LEAD = 3
# full-width digits and Latin letters, the run they stand in (their half-width twins, points and a
# percent sign joined to them: ４.５%, ＰＭ2.5) and each one's half-width twin
_WIDE_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_ALNUM_RUN = re.compile(rf"[{_ALNUM}]+(?:[.．][{_ALNUM}]+)*[%％]?")
_RUN_JOINERS = frozenset(".．%％")
_RUN_CHARS = frozenset(string.digits + string.ascii_letters + ".．"
                       + "".join(chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters))
_NARROW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII → ASCII
# the majority must outnumber the minority this many times before the minority is a slip
_MAJORITY = 2
_PADDED_NAME = 4


@rule("proofreading.doubled_punct", "proofreading", "warning")
def doubled_punct(ctx: RuleContext) -> Iterator[Hit]:
    """Two sentence marks in a row: 。。 ，。 ；；"""
    for m in _DOUBLED.finditer(ctx.text):
        yield Hit(m.start(), m.end(), t("flags.doubled_punct", quote=m.group(0)),
                  t("flags.replace_with", right=m.group(0)[-1]))


def _chinese_context(text: str, i: int) -> bool:
    """A half-width mark written inside Chinese text (not in 10:19, 1,000 or English); a comma
    or semicolon after a figure when Chinese text goes on after it (增长9.0%;财政综合预算收入);
    a mark after a closing quotation or title mark or a bracket before Chinese text (“厕所革命”,
    升级; 机制(试行),优化); a
    closing bracket whose opening one stands in Chinese text, whatever it follows (（7)在各街道,
    人民币国际化(SDR))."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] == "(":
        return bool(_CJK_CHAR.match(after) or _CJK_CHAR.match(before))
    if text[i] == ")" and not _CJK_CHAR.match(before):
        return _opened_in_chinese(text, i)
    if text[i] in _AFTER_FIGURE and before in _FIGURE_CHARS:
        return bool(_CJK_CHAR.match(after))
    if before in _CLOSING_QUOTES or before in _CLOSING_BRACKETS:
        return bool(_CJK_CHAR.match(after) or after in _OPENING_QUOTES)
    return bool(_CJK_CHAR.match(before))


def _opened_in_chinese(text: str, i: int) -> bool:
    """The bracket that the ``)`` at ``i`` closes, looked for back on its line within
    ``_ITEM_MAX`` characters, is a full-width （ or a ( in Chinese text."""
    lo = max(0, i - _ITEM_MAX)
    line = text.rfind("\n", lo, i) + 1 or lo
    j = max(text.rfind("(", line, i), text.rfind("（", line, i))
    if j < 0 or max(text.rfind(")", j, i), text.rfind("）", j, i)) >= 0:
        return False  # no opening bracket, or one already closed
    return text[j] == "（" or _chinese_context(text, j)


@rule("proofreading.punct_width", "proofreading", "warning")
def punct_width(ctx: RuleContext) -> Iterator[Hit]:
    """A half-width mark in Chinese text where the report otherwise writes full-width (and the
    reverse): one flag per mark, with every place it occurs. A report typed half-width
    throughout (``words.toml``'s ``halfwidth_report_share`` of its marks or more) has no
    full-width text to judge its marks by: it breaks GB/T 15834 everywhere, one finding with
    every half-width place, its full stops and straight quotes in Chinese text included. Heading
    numbers are left to the bracket-style rule."""
    text = ctx.text
    quoted = _quoted(ctx)
    quoted_starts = [s for s, _ in quoted]
    numbering = sorted((h.start, h.title_start) for h in ctx.doc.headings)
    starts = [s for s, _ in numbering]
    # the marks outside heading numbers: full-width ones counted in one pass each (a list of
    # bracketed numbers has one every few characters), their places read only for a mark
    # flagged; half-width ones tested one by one against the Chinese text around them
    masked = _blanked(text, regions(numbering))
    seen: dict[str, list[int]] = {}
    for m in _HALF_MARKS.finditer(masked):
        i = m.start()
        ch = m.group()
        if not _chinese_context(text, i):
            continue
        if ch == "?" and _LOST.match(text, i) and _inside(quoted, quoted_starts, i):
            continue  # a lost character, not a question mark
        seen.setdefault(ch, []).append(i)
    counts = {full: masked.count(full) for full in _PAIRS}
    counts.update((half, len(found)) for half, found in seen.items())

    def places_of(mark: str) -> list[int]:
        if mark in _HALF:
            return seen.get(mark, [])
        return [m.start() for m in re.finditer(re.escape(mark), masked)]

    # the report's style over every mark: an exclamation or question mark it never writes
    # full-width (各位代表!) is judged by the others (a report of ，；： writes ！ too); a report
    # writes those few, while brackets or commas all half-width are a style of its own
    all_full = sum(counts[full] for full in _PAIRS)
    all_half = sum(counts.get(half, 0) for half in _HALF)
    if all_half and all_half >= _ratio("halfwidth_report_share") * (all_full + all_half):
        places = sorted([i for half in _HALF for i in seen.get(half, ())]
                        + _half_stops_and_quotes(text, numbering, starts))
        yield Hit(places[0], places[0] + 1,
                  t("flags.punct_width_report", half=all_half, total=all_full + all_half),
                  t("flags.punct_width_report_fix"), occurrences=tuple((i, i + 1) for i in places))
        return
    for full, half in _PAIRS.items():
        n_full, n_half = counts[full], counts.get(half, 0)
        if (half in _FEW and n_full == 0 and n_half
                and all_full >= _MAJORITY * all_half):
            minority, right, style = half, full, "full"
        elif n_full >= _MAJORITY * n_half:
            minority, right, style = half, full, "full"
        elif n_half >= _MAJORITY * n_full:
            minority, right, style = full, half, "half"
        else:
            continue
        places = places_of(minority) if counts.get(minority) else []
        if places:
            yield Hit(places[0], places[0] + 1,
                      t("flags.punct_width", mark=minority, style=t(f"flags.width_{style}")),
                      t("flags.replace_with", right=right),
                      occurrences=tuple((i, i + 1) for i in places))


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of the disjoint, sorted ``spans`` blanked out (the same length, no
    mark in it): what a search for marks outside them reads."""
    pieces, at = [], 0
    for a, b in spans:
        pieces += (text[at:a], "\0" * (b - a))
        at = b
    pieces.append(text[at:])
    return "".join(pieces)


def _half_stops_and_quotes(text: str, numbering: list[tuple[int, int]], starts: list[int]
                           ) -> list[int]:
    """The half-width full stops and straight double quotes of Chinese text, outside heading
    numbers: a ``.`` after a Chinese character ending a sentence (稳定.全省, 任务.), not a
    figure's point, an ellipsis or a web address; a ``"`` beside a Chinese character."""
    out = []
    for m in _STOP_OR_QUOTE.finditer(text):
        i = m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if text[i] == ".":
            if not (_CJK_CHAR.match(before) and (not after or after in _AFTER_STOP
                                                 or _CJK_CHAR.match(after))):
                continue
        elif not (_CJK_CHAR.match(before) or _CJK_CHAR.match(after)):
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k < 0 or i >= numbering[k][1]:
            out.append(i)
    return out


def _quoted(ctx: RuleContext) -> list[tuple[int, int]]:
    """The insides of quotation marks and title marks (“…”, 《…》) within one line, in text
    order: one pass."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(ctx.text)]


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a passage so that it neither begins nor ends inside a figure (2024 年, not 4 年)."""
    while start > 0 and text[start - 1] in _FIGURE_CHARS and text[start] in _FIGURE_CHARS:
        start -= 1
    while end < len(text) and text[end] in _FIGURE_CHARS and text[end - 1] in _FIGURE_CHARS:
        end += 1
    return start, end


def _letter_spaced(text: str, para_start: int, para_end: int, start: int, end: int) -> bool:
    """Whether the spaces at ``start:end`` part two characters that each stand alone between
    spaces (or the line's edges) in a short line: letter-spacing, as a title or a byline's name
    is set (政 府 工 作 报 告, 区长 林 坤), not a slip of the keyboard."""
    if para_end - para_start > load("words")["letter_spaced_max"]:
        return False
    left, right = start - 1, end  # the single characters either side
    return ((left == para_start or text[left - 1].isspace())
            and (right + 1 == para_end or text[right + 1].isspace()))


_SPACE_CHARS = " \u3000\u00a0"
# a space run the rule flags, by what stands either side: between Chinese characters, or after
# one before a figure or a sentence mark, or after a figure or percent sign before a Chinese
# character (the before/after tests of the per-space walk in one expression); inside quotation
# or title marks, not between two Chinese characters (“首善之区 幸福福田”)
_STRAY_AFTER_CJK = rf"(?<=[{_CJK}])[{_SPACE_CHARS}]+(?=[{_CJK}\d，。；：、！？])"
_STRAY_AFTER_CJK_QUOTED = rf"(?<=[{_CJK}])[{_SPACE_CHARS}]+(?=[\d，。；：、！？])"
_STRAY_AFTER_FIGURE = rf"(?<=[\d%％])[{_SPACE_CHARS}]+(?=[{_CJK}])"
_FIGURE_SET = re.escape("".join(sorted(_FIGURE_CHARS)))


def _stray_places(run: str) -> re.Pattern[str]:
    """Stray spaces joined across the figures between them (增长 12.5 %) as one match, from the
    character before them (the whole figure it ends) to, in group 1, the character after them
    (the whole figure it begins): the place :func:`_whole_tokens` widens a run of spaces to."""
    return re.compile(rf"(?:(?<![{_FIGURE_SET}])[{_FIGURE_SET}]+|[^{_FIGURE_SET}])"
                      rf"(?:{run})(?:{_FIGURE.pattern}(?:{run}))*(?=([{_FIGURE_SET}]+|.))")


_STRAY = _stray_places(f"{_STRAY_AFTER_CJK}|{_STRAY_AFTER_FIGURE}")
_STRAY_QUOTED = _stray_places(f"{_STRAY_AFTER_CJK_QUOTED}|{_STRAY_AFTER_FIGURE}")


@cache
def _no_slip_words(names: tuple[str, ...], credits: tuple[str, ...]) -> re.Pattern[str]:
    """Any word beside which a space may be no slip: a name's title, a credit, an appendix."""
    return re.compile("|".join(re.escape(w) for w in (*names, *credits, _APPENDIX_MARK)))


def _collect(found: re.Pattern[str], text: str, start: int, end: int,
             places: list[tuple[int, int]]) -> None:
    """The places of ``found``'s stray spaces in ``text[start:end]`` (:func:`_stray_places`)."""
    places += [(m.start(), m.end(1)) for m in found.finditer(text, start, end)]


def _walked(ctx: RuleContext, para, quoted: list[tuple[int, int]], quoted_starts: list[int],
            names: tuple[str, ...], credits: tuple[str, ...], numbering: re.Pattern[str]
            ) -> list[tuple[int, int]]:
    """The stray spaces of one paragraph where a space may be no slip (a short line, a name's
    title, a credit, an appendix number, a heading's number), each space tested on its own."""
    text = ctx.text
    runs: list[list[int]] = []
    for m in _SPACE_RUN.finditer(text, para.start, para.end):
        start, end = m.span()
        before, after = text[start - 1], text[end]
        if not _BEFORE_SPACE.match(before):
            continue
        if not (_AFTER_DIGIT if before.isdigit() or before in "%％" else _AFTER_CJK).match(after):
            continue
        if para.end - para.start <= _PADDED_NAME:
            continue  # 李　强: a two-character name padded to three
        if names and text.endswith(names, 0, start):
            continue  # 省长 王伟中: the space sets off a name
        if _letter_spaced(text, para.start, para.end, start, end):
            continue  # 政 府 工 作 报 告 / 区长 林 坤: a short line set letter by letter
        if text.startswith(credits, end):
            continue  # 记者 刘尚文 摄
        if _APPENDIX.search(text, max(0, start - _APPENDIX_WINDOW), start):
            continue  # 附件2 名词解释
        if numbering.fullmatch(text, para.start, start):
            continue  # 第一部分　2024年工作回顾: the space sets off a heading's title
        if (_CJK_CHAR.match(before) and _CJK_CHAR.match(after)
                and _inside(quoted, quoted_starts, start)):
            continue  # “首善之区 幸福福田”: the space parts a slogan or a title
        if runs and _FIGURE.fullmatch(text, runs[-1][1], start):
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [_whole_tokens(text, start - 1, end + 1) for start, end in runs]


@cache
def _joint_issuer() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The ending of an issuing body just before a space, and the next body's name just after
    it, up to a space, the line's end, 关于 or a year (中共某县县委 某县人民政府关于…); and the
    two with the spaces between them, matching the first body's ending (whose end is where the
    spaces start), read over a whole text at once."""
    ends = "|".join(f"(?:{e})" for e in load("words")["joint_issuer_ends"])
    longest = load("words")["joint_issuer_max"]
    before = re.compile(rf"(?:{ends})\Z")
    name = rf"[{_CJK}]{{0,{longest}}}?(?:{ends})(?=[\s\u3000\u00a0]|关于|(?:19|20)\d{{2}}|\Z)"
    after = re.compile(name)
    both = re.compile(rf"(?:{ends})(?={_SPACES.pattern}{name})")
    return before, after, both


def _between_issuers(text: str, place: tuple[int, int]) -> bool:
    """Whether the one run of spaces in ``place`` parts two issuing bodies named side by side."""
    start, end = place
    run = _SPACES.search(text, start, end)
    if run is None or _SPACES.search(text, run.end(), end) is not None:
        return False  # spaces around a figure are no two names
    before, after, _ = _joint_issuer()
    return (before.search(text, max(0, run.start() - 8), run.start()) is not None
            and after.match(text, run.end()) is not None)


def _holds(positions: list[int], place: tuple[int, int]) -> bool:
    """Whether one of the sorted ``positions`` lies inside ``place``."""
    i = bisect.bisect_left(positions, place[0])
    return i < len(positions) and positions[i] < place[1]


def _signature_lines(ctx: RuleContext) -> list[tuple[int, int]]:
    """The lines of the report's byline or signature (某市人民政府　2025年3月28日, 某县水利局　赵某某):
    the space there sets the issuer off from its date or its signer."""
    out = []
    for key in ("issuer", "date_signed"):
        f = ctx.doc.metadata.get(key)
        if f is not None and f.start >= 0 and f.source in ("byline", "signature"):
            para = ctx.doc.paragraph_at(f.start)
            if para is not None:
                out.append((para.start, para.end))
    return out


@rule("proofreading.stray_space", "proofreading", "warning")
def stray_space(ctx: RuleContext) -> Iterator[Hit]:
    """Spaces inside Chinese text (三是 加强, 200 余人次): Chinese sets no spaces. One flag for
    the report, with every place; spaces on both sides of a figure are one place, and each
    place shows whole figures (2024 年); a space just inside quotation marks (“ 严和实”) is one
    too. No slip: the space that sets off a name (省长 王伟中, 旗长 双宝), a short line set letter by
    letter (政 府 工 作 报 告, a byline's 林 坤),
    a credit (记者 刘尚文 摄), an appendix number (附件2 名词解释), or the two halves of a slogan
    or of a title inside quotation or title marks (“首善之区 幸福福田”, 《中共中央 国务院关于…》), or two
    issuing bodies named side by side (中共某县县委 某县人民政府关于…), or the issuer set off from
    its date or its signer on the byline or the signature (某市人民政府　2025年3月28日).

    A paragraph where none of these can be is read by one expression per stretch inside and
    outside quotation marks (a text set letter by letter has a space every other character);
    only the others are walked space by space."""
    text = ctx.text
    quoted = _quoted(ctx)
    quoted_starts = [s for s, _ in quoted]
    credits = words("words", "credit_marks")
    names = tuple(words("words", "name_titles"))
    numbering = pattern("words", "spaced_numbering")
    no_slip = _no_slip_words(names, credits)
    short = max(load("words")["letter_spaced_max"], _PADDED_NAME)
    places: list[tuple[int, int]] = []
    paragraphs = ctx.doc.paragraphs
    para_starts = ctx.doc.starts(paragraphs)
    q = 0  # the first quoted passage not before the paragraph
    at = 0
    # from one paragraph with a space to the next (most paragraphs of most texts have none)
    while (space := _SPACE_RUN.search(text, at)) is not None:
        para = paragraphs[bisect.bisect_right(para_starts, space.start()) - 1]
        start, end = para.start, para.end
        at = max(end, space.end())
        while q < len(quoted) and quoted[q][0] < start:
            q += 1
        if (end - start <= short or no_slip.search(text, max(0, start - _APPENDIX_WINDOW), end)
                or numbering.match(text, start, end)):
            places += _walked(ctx, para, quoted, quoted_starts, names, credits, numbering)
            continue
        while q < len(quoted) and quoted[q][0] < end:
            inside, closing = quoted[q]
            _collect(_STRAY, text, start, inside, places)
            _collect(_STRAY_QUOTED, text, inside, closing, places)
            start = closing
            q += 1
        _collect(_STRAY, text, start, end, places)
    # 县委 县人民政府: two bodies; asked only of a place where spaces follow a body's ending (a
    # text set letter by letter has hundreds of thousands of places and no such ending)
    issuers = [m.end() for m in _joint_issuer()[2].finditer(text)]
    if issuers:
        places = [p for p in places if not (_holds(issuers, p) and _between_issuers(text, p))]
    signed = _signature_lines(ctx)
    if signed:
        places = [p for p in places if not any(a <= p[0] < b for a, b in signed)]
    inside_quotes = [_whole_tokens(text, m.start() - 1, m.end() + 1)
                     for m in _INSIDE_QUOTES.finditer(text)]  # “ 严和实”: just inside the marks
    if inside_quotes:
        places += inside_quotes
        places.sort()
    if places:
        quote = text[places[0][0]:places[0][1]]
        yield Hit(*places[0], t("flags.stray_space", quote=quote),
                  t("flags.replace_with", right=_SPACES.sub("", quote)), occurrences=tuple(places))


def _report_year(ctx: RuleContext) -> int | None:
    return ctx.doc.year_reviewed or ctx.doc.year


@rule("proofreading.fullwidth_alnum", "proofreading", "warning")
def fullwidth_alnum(ctx: RuleContext) -> Iterator[Hit]:
    """Full-width digits or Latin letters in running text (前海湾等４个, ２０２５年, ＧＤＰ): figures
    and letters beside Chinese text are written half-width. One place per run, the half-width
    characters, points and percent sign joined to it included (４.５%, ＰＭ2.5), one flag with
    every place. Not inside quotation or title marks, which keep what they quote, nor a run that
    is a table's cell of its own (alone on its line or between tabs)."""
    text = ctx.text
    quoted = _quoted(ctx)
    quoted_starts = [s for s, _ in quoted]
    places: list[tuple[int, int]] = []
    for m in _WIDE_ALNUM.finditer(text):
        if places and m.start() < places[-1][1]:
            continue  # inside the run just found
        start = m.start()
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        while text[start] in _RUN_JOINERS:
            start += 1
        run = _ALNUM_RUN.match(text, start)
        end = max(run.end(), m.end()) if run is not None else m.end()
        if _inside(quoted, quoted_starts, start):
            continue
        cell_start = max(text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
        cell_end = min((k for k in (text.find("\n", end), text.find("\t", end)) if k >= 0),
                       default=len(text))
        if not text[cell_start:start].strip() and not text[end:cell_end].strip():
            continue  # a table's cell
        places.append((start, end))
    if places:
        quote = text[places[0][0]:places[0][1]]
        right = quote.translate(_NARROW)
        yield Hit(*places[0], t("flags.fullwidth_alnum", quote=quote),
                  t("flags.replace_with", right=right), occurrences=tuple(places))


@rule("proofreading.range_dash", "proofreading", "info")
def range_dash(ctx: RuleContext) -> Iterator[Hit]:
    """A range of figures or years beside Chinese text joined by a hyphen or a half-width tilde
    (1-2个, 2012-2016年, 6.5-7%) in a report that joins its other ranges with the dash GB/T 15834
    sets for a range, the 一字线 or the 浪纹线 (1—2个, 15～65岁): the same report two ways. A
    report writing hyphens alone has a habit, not a slip; a range quoted or in a title (《…
    （2016-2035年）》) keeps its source's. One flag with every place."""
    text = ctx.text
    standard = words("words", "range_dashes_standard")
    other = words("words", "range_dashes_other")
    quoted = _quoted(ctx)
    quoted_starts = [s for s, _ in quoted]
    ranges: list[tuple[int, int, int]] = []  # start, end, the dash's offset
    for f in ctx.ranges:
        dash = next((k for k in range(f.start + 1, f.end) if text[k] in standard
                     or text[k] in other), None)
        if dash is not None:
            ranges.append((f.start, f.end, dash))
    for m in _year_range().finditer(text):
        ranges.append((m.start(), m.end() + 1, m.start("dash")))  # 年 included
    found = [r for r in sorted(ranges) if not _inside(quoted, quoted_starts, r[0])
             and (_CJK_CHAR.match(text, r[1] - 1) or _CJK_CHAR.match(text, max(r[0] - 1, 0)))]
    written = Counter(text[d] for _, _, d in found if text[d] in standard)
    slips = [r for r in found if text[r[2]] in other]
    if written and slips:
        right = written.most_common(1)[0][0]
        s, e, d = slips[0]
        quote = text[s:e]
        yield Hit(s, e, t("flags.range_dash", quote=quote, dash=text[d], right=right),
                  t("flags.replace_with", right=quote[:d - s] + right + quote[d - s + 1:]),
                  occurrences=tuple((s, e) for s, e, _ in slips))


@cache
def _year_range() -> re.Pattern[str]:
    return re.compile(load("words")["year_range"])


@rule("proofreading.term", "proofreading", "warning")
def term(ctx: RuleContext) -> Iterator[Hit]:
    """A known typo or misused term from the data list (专个→专项, 法制→法治 where the rule of
    law is meant). One flag per wrong word, with every place it occurs; a term that became
    wrong in some year (``since``) only in reports of that year or later."""
    text = ctx.text
    year = _report_year(ctx)
    for entry in terms():
        if entry.since and year is not None and year < entry.since:
            continue
        found: dict[str, list[tuple[int, int]]] = {}
        for m in entry.pattern.finditer(text):
            if entry.allow is not None and entry.allow.match(text, m.start()):
                continue
            found.setdefault(m.group(0), []).append((m.start(), m.end()))
        for wrong, places in found.items():
            key = f"flags.term_{entry.note}" if entry.note else "flags.term"
            yield Hit(*places[0], t(key, wrong=wrong, right=entry.right),
                      t("flags.replace_with", right=entry.right), occurrences=tuple(places))


@rule("proofreading.expression", "proofreading", "warning")
def expression(ctx: RuleContext) -> Iterator[Hit]:
    """A standard political expression (提法) written wrongly or cut short: 习近平新时代中国特色
    社会主义思想, 习近平法治思想, 党的二十大, 二十届三中全会… (``data/expressions.toml``)."""
    text = ctx.text
    for entry in expressions():
        places = [(m.start(), m.end()) for m in entry.pattern.finditer(text)]
        if places:
            wrong = text[places[0][0]:places[0][1]]
            yield Hit(*places[0], t("flags.expression", wrong=wrong, right=entry.right),
                      t("flags.replace_with", right=entry.right), occurrences=tuple(places))


@rule("proofreading.placeholder", "proofreading", "error")
def placeholder(ctx: RuleContext) -> Iterator[Hit]:
    """A placeholder left in from a template: XX镇, ××局, 202X年, 某某单位, empty 【】. A name
    made anonymous (张某某, 王××) is no placeholder."""
    text = ctx.text
    full = pattern("words", "placeholders")
    places: list[tuple[int, int]] = []
    for m in _PLACEHOLDER_CHARS.finditer(text):
        if places and m.start() < places[-1][1]:
            continue  # inside the placeholder just found
        # a placeholder begins at the mark, or (202X年) up to three figures before it
        for at in range(max(m.start() - _PLACEHOLDER_LEAD, 0), m.start() + 1):
            found = full.match(text, at)
            if found is not None and found.end() > m.start():
                places.append((found.start(), found.end()))
                break
    if places:
        quote = text[places[0][0]:places[0][1]]
        yield Hit(*places[0], t("flags.placeholder", quote=quote), t("flags.placeholder_fix"),
                  occurrences=tuple(places))


def _quoted_series(text: str, at: int, lo: int, hi: int) -> tuple[int, bool]:
    """The 顿号 series (within ``lo``..``hi``) holding the 、 at ``at``, which stands between a
    quoted or titled item and the next: where the series ends, and whether every item of it is
    quoted or titled (“两重”、“两新”), not a mixed series where such items stand beside bare
    ones (“强对流天气”、“龙舟水”、台风季; “深圳蓝”可持续、碧水巩固提质、“无废城市”).
    Each item is looked for at most ``_ITEM_MAX`` characters away."""
    pos = at  # walk left: the item before each 、 back to the series' first
    while True:
        opener = "“" if text[pos - 1] == "”" else "《"
        o = text.rfind(opener, max(lo, pos - 1 - _ITEM_MAX), pos - 1)
        if o < 0:
            return at + 1, False
        if o - 1 >= lo and text[o - 1] == "、":
            if o - 2 >= lo and text[o - 2] in "”》":
                pos = o - 1
                continue
            return at + 1, False  # a bare item before
        break
    pos = at  # walk right: the item after each 、 on to the series' last
    while True:
        closer = "”" if text[pos + 1] == "“" else "》"
        c = text.find(closer, pos + 2, min(hi, pos + 2 + _ITEM_MAX))
        if c < 0:
            return pos + 1, False
        if c + 1 < hi and text[c + 1] == "、":
            if c + 2 < hi and text[c + 2] in "“《":
                pos = c + 1
                continue
            return c + 1, False  # a bare item after
        return c + 1, not _runs_on_past(text, pos, c, hi)


def _runs_on_past(text: str, at: int, close: int, hi: int) -> bool:
    """The series' last item, quoted from ``at`` + 1 to ``close``, goes on past its closing mark
    as an item of its own: its quotation marks a word inside it (“湾区杯”中国围棋大棋士赛,
    “医”路无忧), not the item. Told from the shape: the words after the mark outrun the quoted
    ones, and the item before is quoted at several times their length (a series' bare items are
    alike; a head they share, “六稳”、“六保”工作, is short)."""
    quoted = close - at - 2
    opener = "“" if text[at - 1] == "”" else "《"
    o = text.rfind(opener, max(0, at - 1 - _ITEM_MAX), at - 1)
    run = _RUN_ON.match(text, close + 1, min(hi, close + 1 + _ITEM_MAX))
    return (o >= 0 and run is not None and quoted > 0 and run.end() - run.start() > quoted
            and at - 1 - (o + 1) >= _ratio("dun_item_runs_on_ratio") * quoted)


@cache
def _ratio(name: str) -> float:
    return float(load("words")[name])


@rule("proofreading.dun_between_quotes", "proofreading", "warning")
def dun_between_quotes(ctx: RuleContext) -> Iterator[Hit]:
    """A 顿号 between items that quotation or title marks already set apart (“两重”、“两新”;
    《宪法》、《民法典》): GB/T 15834 sets none there. In a series whose every item is quoted or
    titled always. In a mixed series, where such items stand beside bare ones (“强对流天气”、
    “龙舟水”、台风季; “一国两制”、“港人治港”、“澳人治澳”、高度自治的方针), the 顿号 keeps
    the items of one series apart: no slip where the report sets quoted items side by side
    without one elsewhere (it knows the convention), the report's habit where it never does.
    One flag with every place."""
    text = ctx.text
    knows = _SIDE_BY_SIDE.search(text) is not None
    places = []
    series_end, quoted = -1, False
    for m in _DUN_BETWEEN.finditer(text):
        if m.start() >= series_end:  # each series judged once
            para = ctx.doc.paragraph_at(m.start())
            lo, hi = (para.start, para.end) if para is not None else (0, len(text))
            series_end, quoted = _quoted_series(text, m.start(), lo, hi)
        if quoted or not knows:
            places.append((m.start(), m.end()))
    if places:
        yield Hit(*places[0], t("flags.dun_between_quotes"), t("flags.dun_between_quotes_fix"),
                  occurrences=tuple(places))


@rule("proofreading.unpaired", "proofreading", "warning")
def unpaired(ctx: RuleContext) -> Iterator[Hit]:
    """A quotation mark, title mark or bracket never closed, or closed without being opened. A
    mark may close a line or two later (a web page breaks 《中共中央关于…》 over lines), a
    quotation may run over paragraphs that each open with “, and a list number may be closed
    by a bracket alone (1）); which width a bracket has is the width rule's business. One flag
    with every place."""
    text = ctx.text
    places: list[int] = []
    paragraphs = ctx.doc.paragraphs
    carry = int(load("words")["pair_carry_lines"])
    stack: list[tuple[str, int, int]] = []  # (kind, offset, paragraph index)
    for k, p in enumerate(paragraphs):
        # the stack holds marks in the order of their paragraphs: the oldest tells whether any
        # is stale, without reading the others (a report of brackets has a stack every line)
        stale = [e for e in stack if k - e[2] > carry] if stack and k - stack[0][2] > carry \
            else None
        if stale:
            places.extend(e[1] for e in stale if not _runs_on(text, e, paragraphs))
            stack = [e for e in stack if k - e[2] <= carry]
        if _FLAT_PAIRS.fullmatch("".join(_PAIR_MARKS.findall(text, p.start, p.end))):
            continue
        for m in _PAIR_MARKS.finditer(text, p.start, p.end):
            ch, i = m.group(0), m.start()
            if ch in _OPENERS:
                stack.append((_OPENERS[ch], i, k))
            elif stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            elif any(e[0] == _CLOSERS[ch] for e in stack):
                while stack[-1][0] != _CLOSERS[ch]:  # marks opened inside and left open
                    places.append(stack.pop()[1])
                stack.pop()
            elif not _LIST_NUMBER.search(text, max(p.start, i - _LIST_WINDOW), i + 1):
                places.append(i)
    places.extend(e[1] for e in stack if not _runs_on(text, e, paragraphs))
    if places:
        places.sort()
        yield Hit(places[0], places[0] + 1, t("flags.unpaired", mark=text[places[0]]),
                  t("flags.unpaired_fix"), occurrences=tuple((i, i + 1) for i in places))


def _runs_on(text: str, entry: tuple[str, int, int], paragraphs) -> bool:
    """A quotation left open at the end of its paragraph that the next paragraph opens again:
    a quotation of several paragraphs."""
    kind, _, k = entry
    return (kind == "quote" and k + 1 < len(paragraphs)
            and text.startswith("“", paragraphs[k + 1].start))


@rule("proofreading.lost_character", "proofreading", "warning")
def lost_character(ctx: RuleContext) -> Iterator[Hit]:
    """A ``?`` standing for a character lost in a conversion of encodings: between two Chinese
    characters inside a quotation or a title (“城畔山水?花漾罗湖”, 《罗湖?梦开始的地方》: the
    间隔号 · lost), where no question is asked. One flag with every place."""
    text = ctx.text
    quoted = _quoted(ctx)
    starts = [s for s, _ in quoted]
    places = [(m.start(), m.end()) for m in _LOST.finditer(text)
              if _inside(quoted, starts, m.start())]
    if places:
        yield Hit(*places[0], t("flags.lost_character"), t("flags.lost_character_fix"),
                  occurrences=tuple(places))


@rule("proofreading.lost_zero", "proofreading", "warning")
def lost_zero(ctx: RuleContext) -> Iterator[Hit]:
    """A year of this century in Chinese numerals that lost its 〇 (到二三五年: 二〇三五年):
    three numerals after 二 and before 年, none before them (``lost_zero_not_after``), is no year
    written whole (``words.toml``'s ``lost_zero``). One flag with every place."""
    text = ctx.text
    numerals = load("words")["lost_zero_not_after"]
    places = [(m.start(), m.end()) for m in pattern("words", "lost_zero").finditer(text)
              if not (m.start() and text[m.start() - 1] in numerals)]
    if places:
        quote = text[places[0][0]:places[0][1]]
        right = quote[0] + "〇" + quote[1:]
        yield Hit(*places[0], t("flags.lost_zero", quote=quote, right=right),
                  t("flags.replace_with", right=right), occurrences=tuple(places))


@rule("proofreading.page_break_double", "proofreading", "warning")
def page_break_double(ctx: RuleContext) -> Iterator[Hit]:
    """A character written twice across a page break (充/充分发挥); normalization kept one."""
    text = ctx.text
    for change in ctx.doc.changes:
        if change.kind != "dedup":
            continue
        char = change.removed.strip()[:1]
        at = change.start if text.startswith(char, change.start) else change.start - 1
        yield Hit(at, at + max(len(char), 1),
                  t("flags.page_break_double", char=char, line=change.line),
                  t("flags.page_break_double_fix"))
