"""Reports as they really arrive, made from the reports with gold outlines: each transform
rewrites a report's text the way one way of arriving does (pasted from a PDF, from Word, from a
web page, written with another government's numbering or words) and carries the gold labels
along, so the outline of the transformed text can be checked against the same reading.

Everything is generated from the report itself and a seed taken from its name: the same report
always gives the same transformed text, and nothing transformed is stored.

A report is held as its lines; the gold parts are placed on the lines their headings begin. A
transform returns new lines and the parts placed anew (with the labels it changes: a title
removed, parts reordered or split). :func:`evaluate` parses the transformed text and checks every
part's kinds, the years and the genre; a part's heading is found by its transformed line's first
words, wherever line breaks fall in the parsed text.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from reviewer.document import Document, parse_text
from reviewer.profiles import get_profile

_CN = "一二三四五六七八九十"
_TOP_DUN = re.compile(rf"^([{_CN}]{{1,3}})、")
_PAREN = re.compile(rf"^[（(]([{_CN}]{{1,3}})[）)]")
_ARABIC = re.compile(r"^(\d{1,2})[.．、](?!\d)")
_HALF = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")",
                       "！": "!", "？": "?", "“": '"', "”": '"'})
_DAXIE = "零壹贰叁肆伍陆柒捌玖拾"


@dataclass
class Part:
    kinds: tuple[str, ...]
    period: str
    line: int  # index of the line its heading begins on


@dataclass
class Case:
    """A report ready to be transformed: its lines and its labels."""

    name: str
    genre: str
    year_reviewed: int
    plan_year: int
    title: str
    lines: list[str]
    parts: list[Part]
    title_lines: list[int] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.lines)

    def rng(self, salt: str) -> random.Random:
        return random.Random(zlib.crc32(f"{self.name}:{salt}".encode()))

    def part_at(self) -> dict[int, int]:
        return {p.line: i for i, p in enumerate(self.parts)}


def case_of(report: dict, text: str) -> Case | None:
    """The report's lines with its gold parts placed; None when a heading is not found (or the
    report has none: a page with no report body)."""
    lines = [ln.rstrip("\r") for ln in text.split("\n")]
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    parts, cursor = [], 0
    for gold in report["part"]:
        at = text.find(gold["heading"], cursor)
        if at < 0:
            return None
        cursor = at + 1
        i = max(0, _line_of(starts, at))
        parts.append(Part(tuple(gold["kinds"]), gold["period"], i))
    if not parts:
        return None
    title_lines = []
    if report["title"]:
        head = report["title"]
        for i, ln in enumerate(lines[: parts[0].line]):
            s = ln.strip(" \u3000\t")
            if s and s in head:
                title_lines.append(i)
    return Case(report["file"], report["genre"], report["year_reviewed"], report["plan_year"],
                report["title"], lines, parts, title_lines)


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo


def _strip(line: str) -> str:
    return line.strip(" \u3000\t")


def _rebuild(case: Case, pieces: list[list[str]], **labels) -> Case:
    """``pieces[i]``: what line ``i`` became (several lines, or none); parts follow their line."""
    lines: list[str] = []
    where: list[int] = []
    for chunk in pieces:
        where.append(len(lines))
        lines.extend(chunk)
    parts = [replace(p, line=where[p.line]) for p in case.parts]
    titles = [where[i] for i in case.title_lines if pieces[i]]
    return replace(case, lines=lines, parts=parts, title_lines=titles, **labels)


# --- the transforms -------------------------------------------------------------------------

def pdf(case: Case) -> Case:
    """Text pasted from a PDF: hard breaks every 30–40 characters, a page number (``- 3 -`` or
    ``第3页``) and a running header at every page break."""
    rng = case.rng("pdf")
    width = rng.randint(30, 40)
    per_page = rng.randint(22, 30)
    style = rng.choice(("- {} -", "第{}页", "— {} —", "{}"))
    running = (case.title[:20] or "人民政府文件") if rng.random() < 0.5 else ""
    pieces: list[list[str]] = []
    on_page, page = 0, 1
    for ln in case.lines:
        s = _strip(ln)
        chunk: list[str] = []
        while len(s) > width:
            cut = width
            if s[cut - 1] == s[cut]:  # never a break between two equal characters
                cut -= 1
            chunk.append(s[:cut])
            s = s[cut:]
        if s:
            chunk.append(s)
        out: list[str] = []
        for piece in chunk:
            out.append(piece)
            on_page += 1
            if on_page >= per_page:
                out.append(style.format(page))
                if running:
                    out.append(running)
                page += 1
                on_page = 0
        pieces.append(out if ln.strip() else [""])
    return _rebuild(case, pieces)


def _is_heading_line(s: str) -> bool:
    return len(s) <= 40 and not re.search("[。；]", s)


def word(case: Case) -> Case:
    """Text pasted from Word with its list numbering lost: headings lose 一、 and （一）."""
    pieces = []
    for ln in case.lines:
        s = _strip(ln)
        m = _TOP_DUN.match(s) or _PAREN.match(s)
        pieces.append([s[m.end():]] if m and len(s) > m.end() else [ln])
    return _rebuild(case, pieces)


_MENU = ["首页", "政务公开", "政务服务", "互动交流", "走进本区", "专题专栏", "政府信息公开",
         "当前位置：首页 > 政务公开 > 政府工作报告", "【字体：大 中 小】", "打印本页"]
_FOOTER = ["关闭窗口", "网站地图 | 联系我们 | 使用帮助", "主办单位：区人民政府办公室",
           "版权所有：区人民政府", "网站标识码：4403000001", "粤ICP备12345678号-1",
           "粤公网安备 44030002000001号"]


def web(case: Case) -> Case:
    """A saved web page: menu lines before the report, footer lines after it."""
    rng = case.rng("web")
    menu = _MENU[: rng.randint(5, len(_MENU))]
    footer = _FOOTER[: rng.randint(4, len(_FOOTER))]
    pieces = [[ln] for ln in case.lines]
    pieces[0] = menu + pieces[0]
    pieces[-1] = pieces[-1] + footer
    return _rebuild(case, pieces)


def run_in(case: Case) -> Case:
    """Headings run into the paragraph after them (a web page's bold heading lost its line)."""
    pieces: list[list[str]] = [[ln] for ln in case.lines]
    heads = {p.line for p in case.parts}
    i = 0
    while i < len(case.lines):
        s = _strip(case.lines[i])
        nxt = i + 1
        while nxt < len(case.lines) and not _strip(case.lines[nxt]):
            nxt += 1
        if (s and _is_heading_line(s) and (i in heads or _PAREN.match(s))
                and nxt < len(case.lines) and nxt not in heads
                and not _PAREN.match(_strip(case.lines[nxt]))
                and len(_strip(case.lines[nxt])) > 40):
            pieces[i] = [s + _strip(case.lines[nxt])]
            for k in range(i + 1, nxt + 1):
                pieces[k] = []
            i = nxt + 1
            continue
        i += 1
    return _rebuild(case, pieces)


def _renumber_top(case: Case, fmt: Callable[[int], str], sub: Callable[[str], str] | None = None
                  ) -> Case:
    """The top-level parts' numbering 一、 rewritten as ``fmt(n)``; other lines by ``sub``."""
    heads = {p.line for p in case.parts}
    pieces = []
    for i, ln in enumerate(case.lines):
        s = _strip(ln)
        m = _TOP_DUN.match(s)
        if i in heads and m:
            from reviewer.document.structure import cn_number
            pieces.append([fmt(cn_number(m.group(1))) + s[m.end():]])
        elif sub is not None and s:
            pieces.append([sub(s)])
        else:
            pieces.append([ln])
    return _rebuild(case, pieces)


def cn_part(case: Case) -> Case:
    """第一部分 for the top level (a line of its own before the part's title)."""
    from reviewer.document.structure import cn_numeral
    return _renumber_top(case, lambda n: f"第{cn_numeral(n)}部分　")


def _arabic_sub(s: str) -> str:
    m = _ARABIC.match(s)
    return f"（{m.group(1)}）{s[m.end():]}" if m else s


def arabic(case: Case) -> Case:
    """1. 2. for the top level; the lists that used 1. take （1）."""
    return _renumber_top(case, lambda n: f"{n}.", _arabic_sub)


def daxie(case: Case) -> Case:
    """壹、贰、 for the top level (the financial numerals some governments use)."""
    def fmt(n: int) -> str:
        if n <= 10:
            return _DAXIE[n] + "、"
        return _DAXIE[10] + (_DAXIE[n - 10] if n > 10 else "") + "、"
    return _renumber_top(case, fmt)


# other governments' words for the same parts
_SYNONYMS = [("工作回顾", "主要工作"), ("存在的主要问题", "问题和不足"), ("存在的问题", "问题和不足"),
             ("工作计划", "工作打算"), ("工作安排", "工作打算"), ("主要工作及成效", "工作情况"),
             ("主要举措和成效", "主要做法和成效")]


def words(case: Case) -> Case:
    """Other governments' heading words: 主要工作 for 工作回顾, 问题和不足 for 存在的问题…"""
    heads = {p.line for p in case.parts}
    pieces = []
    for i, ln in enumerate(case.lines):
        s = ln
        if i in heads:
            for a, b in _SYNONYMS:
                if a in s:
                    s = s.replace(a, b, 1)
                    break
        pieces.append([s])
    return _rebuild(case, pieces)


def title_two_lines(case: Case) -> Case:
    """The title broken over two lines."""
    if len(case.title_lines) != 1:
        return case
    i = case.title_lines[0]
    s = _strip(case.lines[i])
    m = re.search("(关于|政府工作报告|法治政府建设)", s)
    cut = m.start() if m and m.start() > 2 else len(s) // 2
    pieces = [[ln] for ln in case.lines]
    pieces[i] = [s[:cut], s[cut:]]
    out = _rebuild(case, pieces)
    out.title_lines = [out.title_lines[0], out.title_lines[0] + 1]
    return out


def no_title(case: Case) -> Case:
    """The title lines left out."""
    pieces = [[] if i in case.title_lines else [ln] for i, ln in enumerate(case.lines)]
    return _rebuild(case, pieces, title="")


def blank_doubled(case: Case) -> Case:
    """A blank line after every line."""
    return _rebuild(case, [[ln, ""] for ln in case.lines])


def blank_missing(case: Case) -> Case:
    """No blank line anywhere."""
    return _rebuild(case, [[ln] if ln.strip() else [] for ln in case.lines])


def halfwidth(case: Case) -> Case:
    """Half-width punctuation (, . : ; ( ) " !) for the full-width marks."""
    return _rebuild(case, [[ln.translate(_HALF)] for ln in case.lines])


def _top_spans(case: Case) -> list[tuple[int, int]]:
    """The lines of each top-level part: from its heading to the next one (the last to the end
    of the text)."""
    starts = [p.line for p in case.parts]
    return [(s, starts[k + 1] if k + 1 < len(starts) else len(case.lines))
            for k, s in enumerate(starts)]


def reorder(case: Case) -> Case:
    """The parts in another order (a 法治 report putting its principals' duties or its problems
    elsewhere), numbered 一、二、 anew. Appendices and other parts keep their place at the end."""
    from reviewer.document.structure import cn_numeral
    spans = _top_spans(case)
    movable = [k for k, p in enumerate(case.parts) if p.kinds[0] not in ("appendix", "other")]
    if len(movable) < 3 or any(not _TOP_DUN.match(_strip(case.lines[case.parts[k].line]))
                               for k in movable):
        return case
    order = movable[:]
    case.rng("reorder").shuffle(order)
    if order == movable:
        order = movable[1:] + movable[:1]
    lines = case.lines[: spans[movable[0]][0]]
    parts: list[Part] = []
    # (the last movable part runs to the end of the text, over any closing lines: its own end is
    # where the next part of the gold begins, or the end of the text)
    for n, k in enumerate(order, start=1):
        s, e = spans[k]
        block = case.lines[s:e]
        head = _strip(block[0])
        block = [f"{cn_numeral(n)}、{head[_TOP_DUN.match(head).end():]}"] + block[1:]
        parts.append(replace(case.parts[k], line=len(lines)))
        lines.extend(block)
    for k in range(len(case.parts)):
        if k not in movable:
            s, e = spans[k]
            parts.append(replace(case.parts[k], line=len(lines)))
            lines.extend(case.lines[s:e])
    return replace(case, lines=lines, parts=parts)


def split_review(case: Case) -> Case:
    """A review split in two parts (主要举措 / 主要成效): a top-level heading of the second half
    before its middle group, the parts after it numbered on."""
    from reviewer.document.structure import cn_number, cn_numeral
    spans = _top_spans(case)
    k = next((k for k, p in enumerate(case.parts) if p.kinds == ("achievements",)), None)
    if k is None:
        return case
    s, e = spans[k]
    groups = [i for i in range(s + 1, e) if _PAREN.match(_strip(case.lines[i]))]
    if len(groups) < 4 or not _TOP_DUN.match(_strip(case.lines[s])):
        return case
    mid = groups[len(groups) // 2]
    gold = case.parts[k]
    pieces: list[list[str]] = [[ln] for ln in case.lines]
    own = cn_number(_TOP_DUN.match(_strip(case.lines[s])).group(1))
    pieces[mid] = [f"　　{cn_numeral(own + 1)}、取得的主要成效", case.lines[mid]]
    for j in range(k + 1, len(case.parts)):
        i = case.parts[j].line
        head = _strip(case.lines[i])
        m = _TOP_DUN.match(head)
        if m:
            pieces[i] = [f"{cn_numeral(cn_number(m.group(1)) + 1)}、{head[m.end():]}"]
    out = _rebuild(case, pieces)
    where = out.parts[k].line
    # the new part stands where the middle group was (its line and the group's, in order)
    new_line = sum(len(p) for p in pieces[:mid])
    assert where < new_line
    out.parts.insert(k + 1, Part(gold.kinds, gold.period, new_line))
    return out


TRANSFORMS: dict[str, Callable[[Case], Case]] = {
    "as is": lambda c: c,
    "pdf": pdf,
    "word": word,
    "web": web,
    "run_in": run_in,
    "cn_part": cn_part,
    "arabic": arabic,
    "daxie": daxie,
    "words": words,
    "title_two_lines": title_two_lines,
    "no_title": no_title,
    "blank_doubled": blank_doubled,
    "blank_missing": blank_missing,
    "halfwidth": halfwidth,
    "reorder": reorder,
    "split_review": split_review,
}
# the transforms that only apply to one genre's structure
GENRE_ONLY = {"reorder": "fazhi", "split_review": "fazhi"}


# --- checking -------------------------------------------------------------------------------

class Result(NamedTuple):
    """One transformed report checked: parts agreeing, parts read with a confident wrong kind,
    top-level sections no label accounts for read with a confident kind, and the metadata."""

    parts: int
    agree: int
    confident_wrong: int
    extra: int
    year_reviewed: bool
    plan_year: bool
    genre: bool
    title: bool
    misses: list[str]


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text without its line breaks, and each kept character's offset."""
    keep = [i for i, ch in enumerate(text) if ch != "\n"]
    return "".join(text[i] for i in keep), keep


def _quote(line: str) -> str:
    return _strip(line)[:12]


def evaluate(case: Case, doc: Document | None = None) -> Result:
    """The outline of ``case``'s text (``doc``, parsed here if not given) against its labels."""
    if doc is None:
        doc = parse_text(case.text(), case.name)
    squeezed, keep = _squeezed(doc.text)
    agree = wrong = 0
    misses: list[str] = []
    cursor = 0
    found_starts: set[int] = set()
    for part in case.parts:
        quote = _quote(case.lines[part.line])
        at = squeezed.find(quote, cursor)
        if at < 0:
            at = squeezed.find(quote)
        expected = "+".join(sorted(part.kinds))
        if at < 0:
            misses.append(f"{quote}: heading lost")
            continue
        cursor = at + 1
        offset = keep[at]
        chain = doc.section_at(offset)
        sec = chain[0] if chain else None
        para = doc.paragraph_at(offset)
        starts_here = (sec is not None and para is not None
                       and doc.paragraph_at(sec.start) == para)
        if starts_here:
            found_starts.add(sec.start)
        found = "+".join(sorted(sec.kinds)) if sec is not None else "none"
        if starts_here and found == expected:
            agree += 1
            continue
        where = "" if starts_here else " (inside another part)"
        misses.append(f"{quote}: expected {expected}, found {found}{where}")
        if sec is not None and sec.kinds != ("unknown",) and sec.kinds[0] not in part.kinds:
            wrong += 1
    extra = sum(1 for s in doc.sections
                if s.start not in found_starts and s.kinds[0] not in ("unknown", "appendix", "other")
                and not any(s.start <= fs < s.end for fs in found_starts))
    return Result(len(case.parts), agree, wrong, extra, doc.year_reviewed == case.year_reviewed,
                  doc.plan_year == case.plan_year, doc.genre == case.genre,
                  doc.title == case.title, misses)


def heading_words_baseline(doc: Document) -> None:
    """Classify the top-level parts by their heading's words only (no periods): how the outline
    read parts before evidence from years and content."""
    profile = get_profile(doc.genre)
    later = False
    for sec in doc.sections:
        cue = profile.heading_cue(sec.heading.title)
        kind = cue[0] if cue else None
        m = re.match(r"\s*(\d{4})\s*年", sec.heading.title)
        if kind is None and m and doc.plan_year and int(m.group(1)) == doc.plan_year:
            kind = "plan"
        if kind is None:
            kind = "other" if later else "achievements"
        later = later or kind in ("shortcomings", "plan", "targets")
        sec.set_kind((kind,), "heading words", 1.0, "")


def applies(name: str, case: Case) -> bool:
    return GENRE_ONLY.get(name, case.genre) == case.genre
