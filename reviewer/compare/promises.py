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
# a run shorter than this joins the one before it
_MIN_RUN = 6


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


def _runs(doc: Document, start: int, end: int) -> list[PromiseSpan]:
    """A sentence cut before every clause naming a deliverable or a figure."""
    cuts = [start]
    pos = start
    clauses: list[tuple[int, int]] = []
    for m in _CLAUSE_END.finditer(doc.text, start, end):
        clauses.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        clauses.append((pos, end))
    for a, b in clauses:
        if a - cuts[-1] >= _MIN_RUN and _deliverable(doc, a, b):
            cuts.append(a)
    cuts.append(end)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while b > a and doc.text[b - 1] in "，,；;：: \u3000":
            b -= 1
        if b - a >= 2:
            out.append(PromiseSpan(a, b))
    return out


def _is_promise(doc: Document, start: int, end: int) -> bool:
    text = doc.text[start:end].lstrip(" \u3000")
    if any(text.startswith(w) for w in _conf()["rhetoric"]):
        return False
    return bool(_pattern("action").search(doc.text, start, end)) or \
        _deliverable(doc, start, end)


def promises_in(doc: Document, start: int, end: int) -> list[PromiseSpan]:
    """The promises of ``doc.text[start:end]`` (a plan group or item), in text order; the
    group's heading is none."""
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
        out.extend(_runs(doc, a, b))
    return out
