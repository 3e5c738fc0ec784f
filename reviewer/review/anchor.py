"""Anchors: where a note points, robust to the report being replaced by a corrected version.

Offsets alone break as soon as one character is inserted above the passage, so an anchor also
keeps the exact quote and up to 32 characters of context on each side, as web annotators do.
Placing it on a changed text tries, in order: the old offsets (the quote is still there, in its
context); the exact quote elsewhere, scored by its context and its distance from the old place;
fuzzy candidates, scored on quote, context and distance together — first where exact pieces of
quote and context are found, then where diff-match-patch's bitap matcher finds them. An anchor
that cannot be placed is an orphan: the caller keeps it with its quote, never drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

CONTEXT = 32
# diff-match-patch's bitap matcher handles at most 32 characters per pattern: longer quotes are
# matched in slices of this size.
_SLICE = 32
_MIN_PROBE = 3
# How far the matcher looks from the expected place (characters, at zero errors ±half of it).
_MATCH_DISTANCE = 2000
# An exact quote is compared in its context at this many occurrences nearest the old place.
_MAX_OCCURRENCES = 20
_W_QUOTE, _W_CONTEXT, _W_PLACE = 0.55, 0.35, 0.10
# A placement is accepted when its quote is this similar and its total score reaches _ACCEPT;
# between an intact prefix and suffix, a quote rewritten this far still marks the passage.
_MIN_QUOTE = 0.6
_MIN_QUOTE_IN_CONTEXT, _INTACT_CONTEXT = 0.34, 0.85
_ACCEPT = 0.65
# The exact quote in a context at least this similar is taken without trying fuzzy matches.
_SURE_CONTEXT = 0.6


@dataclass(frozen=True)
class Anchor:
    """A passage of the normalized text: ``text[start:end] == quote`` when it was made.

    ``orphan`` is true when the passage could not be found in the current text; ``start`` and
    ``end`` then still hold the last known place.
    """

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    orphan: bool = False

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Anchor:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}..{end} outside a text of {len(text)} characters")
        return cls(text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT],
                   start, end)

    def placed_in(self, text: str) -> tuple[Anchor, str]:
        """This anchor re-made on ``text`` and how it was placed (``same``, ``exact``, ``fuzzy``),
        or itself marked orphan with ``orphan``."""
        found = place(self, text)
        if found is None:
            return (self if self.orphan else replace(self, orphan=True)), "orphan"
        if found.method == "same" and not self.orphan:
            return self, "same"
        return Anchor.from_span(text, found.start, found.end), found.method


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    method: str  # "same" | "exact" | "fuzzy"
    score: float


@cache
def _dmp():
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Match_Distance = _MATCH_DISTANCE
    dmp.Diff_Timeout = 0.2
    return dmp


def similarity(a: str, b: str) -> float:
    """1 for equal strings, 0 for nothing in common (edit distance over the longer length)."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    dmp = _dmp()
    return 1.0 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / longest


def _context(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text around ``start..end`` matches the anchor's prefix and suffix."""
    total = weight = 0.0
    if anchor.prefix:
        before = text[max(0, start - len(anchor.prefix)):start]
        total += len(anchor.prefix) * similarity(anchor.prefix, before)
        weight += len(anchor.prefix)
    if anchor.suffix:
        after = text[end:end + len(anchor.suffix)]
        total += len(anchor.suffix) * similarity(anchor.suffix, after)
        weight += len(anchor.suffix)
    return total / weight if weight else 1.0


def _score(anchor: Anchor, text: str, start: int, end: int, method: str) -> Placement:
    context = _context(anchor, text, start, end)
    quote = similarity(anchor.quote, text[start:end]) if anchor.quote else context
    nearness = 1.0 / (1.0 + abs(start - anchor.start) / 1000)
    total = _W_QUOTE * quote + _W_CONTEXT * context + _W_PLACE * nearness
    if quote < _MIN_QUOTE and not (quote >= _MIN_QUOTE_IN_CONTEXT
                                   and context >= _INTACT_CONTEXT):
        total = 0.0
    return Placement(start, end, method, total)


def _occurrences(needle: str, text: str, near: int) -> list[int]:
    found: list[int] = []
    pos = text.find(needle)
    while pos != -1:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    found.sort(key=lambda p: abs(p - near))
    return found[:_MAX_OCCURRENCES]


def _exact(anchor: Anchor, text: str) -> list[Placement]:
    quote = anchor.quote
    if quote:
        return [_score(anchor, text, p, p + len(quote), "exact")
                for p in _occurrences(quote, text, anchor.start)]
    joint = anchor.prefix + anchor.suffix
    if not joint:
        return []
    shift = len(anchor.prefix)
    return [_score(anchor, text, p + shift, p + shift, "exact")
            for p in _occurrences(joint, text, anchor.start - shift)]


def _probes(anchor: Anchor) -> list[tuple[str, int, int]]:
    """Patterns of at most 32 characters to look for: (pattern, expected place, offset from the
    place where the pattern is found to the start of the quote)."""
    quote, n = anchor.quote, len(anchor.quote)
    probes = []
    if n > _SLICE:
        offsets = sorted({0, n // 4, n // 2, 3 * n // 4, n - _SLICE})
    else:
        offsets = [0] if n else []
    for off in offsets:
        probes.append((quote[off:off + _SLICE], anchor.start + off, -off))
    tail = anchor.prefix[-_SLICE:]
    probes.append((tail, anchor.start - len(tail), len(tail)))
    head = anchor.suffix[:_SLICE]
    probes.append((head, anchor.end, -n))
    return [p for p in probes if len(p[0]) >= _MIN_PROBE]


def _spans(anchor: Anchor, text: str, start: int) -> set[tuple[int, int]]:
    """Spans the quote may cover around a rough start: the quote's length from there, and the
    ends found by diffing quote and text (edits inside the quote change its length)."""
    n = len(anchor.quote)
    if n == 0:
        return {(start, start)}
    spans = {(start, min(len(text), start + n))}
    pad = 4 + n // 8
    lo, hi = max(0, start - pad), min(len(text), start + n + pad)
    dmp = _dmp()
    diffs = dmp.diff_main(anchor.quote, text[lo:hi], False)
    first = lo + dmp.diff_xIndex(diffs, 0)
    last = lo + dmp.diff_xIndex(diffs, n - 1) + 1
    if first < last:
        spans.add((first, last))
    return spans


def _nearest(text: str, pattern: str, expected: int) -> int:
    found = _occurrences(pattern, text, expected)
    return found[0] if found else -1


def _bitap(text: str, pattern: str, expected: int) -> int:
    return _dmp().match_main(text, pattern, min(max(expected, 0), len(text)))


def _fuzzy(anchor: Anchor, text: str, find: Callable[[str, str, int], int]) -> list[Placement]:
    """Candidates around where ``find`` puts the probes (pieces of quote and context)."""
    starts = {anchor.start} if anchor.start <= len(text) else set()
    for pattern, expected, shift in _probes(anchor):
        loc = find(text, pattern, expected)
        if loc != -1:
            starts.add(min(max(loc + shift, 0), len(text)))
    spans = set().union(*(_spans(anchor, text, s) for s in starts))
    return [_score(anchor, text, s, e, "fuzzy") for s, e in spans]


def place(anchor: Anchor, text: str) -> Placement | None:
    """Where ``anchor`` lies in ``text``, or ``None`` when no candidate is convincing.

    Cheap candidates first (the old offsets, exact quote, exact pieces of context); the bitap
    matcher, which is slow on a long text, only when none of them is convincing.
    """
    start, end, quote = anchor.start, anchor.end, anchor.quote
    sure = _W_QUOTE + _W_CONTEXT * _SURE_CONTEXT
    if quote and text[start:end] == quote and _context(anchor, text, start, end) == 1.0:
        # quote and context intact at the old place: nowhere can score better. (With the
        # context only similar, a short quote in a run of like characters would stay put while
        # the text moved under it: the exact candidates below weigh that place against others.)
        return _score(anchor, text, start, end, "same")
    candidates = _exact(anchor, text)
    for find in (_nearest, _bitap):
        best = max(candidates, key=lambda c: c.score, default=None)
        if best is not None and best.score >= sure:
            break
        candidates += _fuzzy(anchor, text, find)
    best = max(candidates, key=lambda c: c.score, default=None)
    if best is None or best.score < _ACCEPT:
        return None
    if best.start == start and best.end == end and text[start:end] == quote:
        return replace(best, method="same")
    return best
