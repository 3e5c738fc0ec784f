"""The concrete promises inside a plan group.

A government work report's plan group (``（三）着力扩大国内需求…``) holds many commitments: its
sentences, and inside a long sentence each clause that names a deliverable (…，完成造林1亿亩以上，
耕地轮作休耕试点面积增加到3000万亩，…) or a figure begins a promise of its own; ``一是…`` items
and the items of a 民生实事 list are sentences of their own. A sentence that commits to nothing
(no action, no deliverable, no figure: 当前我国经济金融风险总体可控) is no promise, nor is the
group's heading. The wording is data in ``data/promises.toml``. Every promise is a span of the
prior report's normalized text.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import NamedTuple

from reviewer.compare import data
from reviewer.document import Document
from reviewer.document.figures import figures

_CLAUSE_END = re.compile(r"[，,；;：:]")
_ENUMERATION = re.compile(r"、")
# a run shorter than this joins the one before it
_MIN_RUN = 6
# an action word this near a clause's start opens it (力争推动…, 加快推进…)
_ACTION_LEAD = 4


class PromiseSpan(NamedTuple):
    """One promise: ``text[start:end]`` of the prior report."""

    start: int
    end: int


def _conf() -> dict:
    return data.load("promises")["promise"]


@cache
def _pattern(key: str) -> re.Pattern[str]:
    words = sorted(_conf()[key], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _deliverable(doc: Document, start: int, end: int) -> bool:
    return bool(_pattern("deliverable").search(doc.text, start, end)) or \
        bool(figures(doc.text, start, end, bare=True))


def _figure(doc: Document, start: int, end: int) -> bool:
    return bool(figures(doc.text, start, end, bare=True))


def _opens_with_action(doc: Document, start: int, end: int) -> bool:
    m = _pattern("action").search(doc.text, start, min(end, start + _ACTION_LEAD))
    return m is not None


def _runs(doc: Document, start: int, end: int) -> list[PromiseSpan]:
    """A sentence cut before every clause: each commits to something of its own (规范发展地方性
    中小金融机构，着力解决小微企业融资难…), except a clause of figures after one (今年再压减钢铁产能
    3000万吨左右，退出煤炭产能1.5亿吨左右: one list of quantities) unless it opens with an action
    of its own."""
    cuts = [start]
    pos = start
    clauses: list[tuple[int, int]] = []
    for m in _CLAUSE_END.finditer(doc.text, start, end):
        clauses.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        clauses.append((pos, end))
    for n, (a, b) in enumerate(clauses):
        if n == 0 or a - cuts[-1] < _MIN_RUN:
            continue
        pa, pb = clauses[n - 1]
        if _figure(doc, a, b) and _figure(doc, pa, pb) and not _opens_with_action(doc, a, b):
            continue
        cuts.append(a)
    cuts.append(end)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while b > a and doc.text[b - 1] in "，,；;：: \u3000":
            b -= 1
        if b - a >= 2:
            out.extend(_enumerated(doc, a, b))
    return out


def _enumerated(doc: Document, start: int, end: int) -> list[PromiseSpan]:
    """A clause listing whole commitments apart by 、 (河套深圳园区规划体系正式发布、香蜜湖中区公共
    建筑工程全面开工、岗厦北综合交通枢纽顺利建成) as one promise each: every part ends with a
    completion of its own; the objects of one verb (完成安托山小学、深康学校新建…工程, 新改扩建
    幼儿园、中小学校34所) stay whole."""
    cuts = [start] + [m.end() for m in _ENUMERATION.finditer(doc.text, start, end)] + [end + 1]
    parts = [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False)]
    if len(parts) < 2 or not all(b - a >= _MIN_RUN and _ends_completed(doc, a, b)
                                 for a, b in parts):
        return [PromiseSpan(start, end)]
    return [PromiseSpan(a, b) for a, b in parts]


def _ends_completed(doc: Document, start: int, end: int) -> bool:
    while end > start and doc.text[end - 1] in "。；;，, \u3000":
        end -= 1
    return any(m.end() == end for m in _pattern("completion").finditer(doc.text, start, end))


def _is_promise(doc: Document, start: int, end: int) -> bool:
    text = doc.text[start:end].lstrip(" \u3000")
    if any(text.startswith(w) for w in _conf()["rhetoric"]):
        return False
    return bool(_pattern("action").search(doc.text, start, end)) or \
        _deliverable(doc, start, end)


def _commits(doc: Document, start: int, end: int) -> bool:
    """A clause of a targets passage commits to something checkable: a figure or a word of
    completion (岗厦北综合交通枢纽顺利建成, 香蜜湖中区公共建筑工程全面开工)."""
    return bool(_pattern("completion").search(doc.text, start, end)) or \
        _figure(doc, start, end)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted, disjoint) overlaps ``[start, end)``."""
    i = bisect.bisect_left(spans, end, key=lambda s: s[0]) - 1
    return i >= 0 and spans[i][1] > start


def promises_in(doc: Document, start: int, end: int, *, strict: bool = False,
                skip: list[tuple[int, int]] | None = None) -> list[PromiseSpan]:
    """The promises of ``doc.text[start:end]`` (a plan group or item), in text order; the
    group's heading is none. ``strict`` (a targets passage: its 总体要求 commit to nothing one
    can check): only clauses naming a figure or a completion, none inside ``skip`` (the list of
    headline targets, checked as targets of their own; sorted and disjoint)."""
    sentences = doc.sentences()
    first = bisect.bisect_left(sentences, start, key=lambda s: s.start)
    heads = doc.headings
    k = bisect.bisect_left(heads, start, key=lambda h: h.start)
    echo = _conf()["heading_echo"]
    out: list[PromiseSpan] = []
    for s in sentences[first:]:
        if s.start >= end:
            break
        a, b = s.start, min(s.end, end)
        # a heading at the sentence start: the promise is what follows it in the sentence (the
        # headings are walked once, in step with the sentences)
        while k < len(heads) and heads[k].end <= a:
            k += 1
        if k < len(heads) and heads[k].start <= a < heads[k].end:
            a = min(heads[k].end, b)
        if b - a < 2:
            continue
        text = doc.text[a:b]
        if a == start and len(text) <= echo and not figures(text):
            continue
        if not _is_promise(doc, a, b):
            continue
        if skip and _overlaps(skip, a, b):
            continue
        runs = _runs(doc, a, b)
        out.extend(r for r in runs if not strict or _commits(doc, r.start, r.end))
    return out
