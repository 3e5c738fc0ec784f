"""A BM25 index over the passages of one report (the sentences of its review).

Each passage's term weights are computed once; passages are found through an inverted index,
so a query costs what the passages sharing its words cost, and a passage that recurs word for
word (a compilation of reports, a repeated formula) is weighed and scored once for all its
places. Scores are also given as a share (0–1) of what the passage would score against a query
holding all of its words: a length-independent figure thresholds can be written against.

A word found in more than ``max_shared`` distinct passages tells none of them apart and counts
as no shared word: a query then costs what its own words lead to, whatever the length of the
text. An index within the bound (every real report) scores exactly as if every passage were
scored with every word.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter
from collections.abc import Iterator, Sequence

K1 = 1.5
B = 0.75


class BM25:
    def __init__(self, passages: Sequence[Sequence[str]], max_shared: int | None = None):
        n = len(passages)
        avg = (sum(len(p) for p in passages) / n) if n else 0.0
        # distinct passages, each with every place it holds, in order
        where: dict[tuple[str, ...], list[int]] = {}
        for i, p in enumerate(passages):
            where.setdefault(tuple(p), []).append(i)
        self._places = list(where.values())
        df: Counter[str] = Counter()
        counts = []
        for words, places in where.items():
            c = Counter(words)
            counts.append(c)
            for w in c:
                df[w] += len(places)
        idf = {w: math.log(1 + (n - d + 0.5) / (d + 0.5)) for w, d in df.items()}
        self._weights: list[dict[str, float]] = []
        for words, c in zip(where, counts, strict=True):
            norm = K1 * (1 - B + B * len(words) / avg) if avg else K1
            self._weights.append({w: idf[w] * f * (K1 + 1) / (f + norm) for w, f in c.items()})
        self._best = [sum(w.values()) for w in self._weights]
        postings: dict[str, list[int]] = {}
        for g, weights in enumerate(self._weights):
            for w in weights:
                postings.setdefault(w, []).append(g)
        self._postings = {w: p for w, p in postings.items()
                          if max_shared is None or len(p) <= max_shared}
        self._common = set(postings).difference(self._postings)
        self._n = n

    def __len__(self) -> int:
        return self._n

    def _score(self, terms: set[str], g: int) -> tuple[float, float, int]:
        """(raw, share, words shared) of passage ``g`` for the query's distinct ``terms``."""
        weights = self._weights[g]
        shared = terms.intersection(weights)
        raw = sum(weights[w] for w in shared)
        return raw, raw / self._best[g], len(shared)

    def _matches(self, query: Sequence[str]) -> Iterator[tuple[int, float, float, int]]:
        """Every distinct passage sharing a followed word with ``query``:
        (passage, raw, share, shared)."""
        terms = set(query).intersection(self._postings)
        found: set[int] = set()
        for w in terms:
            found.update(self._postings[w])
        for g in sorted(found):
            yield g, *self._score(terms, g)

    def scores(self, query: Sequence[str]) -> list[tuple[int, float, float, int]]:
        """Every passage sharing a word with ``query``: (index, raw score, share, words shared),
        in index order."""
        out = [(i, raw, share, n) for g, raw, share, n in self._matches(query)
               for i in self._places[g]]
        out.sort()
        return out

    def search(self, query: Sequence[str], limit: int, min_shared: int = 1,
               min_share: float = 0.0) -> list[tuple[int, float, float]]:
        """The best passages for ``query`` by raw score, among those sharing at least
        ``min_shared`` words and ``min_share`` of their weight with it: (index, raw, share);
        equal scores in index order.

        Scores are gathered word by word along the postings, and only the passages that pass
        both thresholds are scored exactly: a query costs what its own words lead to, not what the
        whole index holds."""
        if limit <= 0:
            return []
        followed = set(query).intersection(self._postings)
        raw: dict[int, float] = {}
        count: Counter[int] = Counter()
        for w in followed:
            found = self._postings[w]
            count.update(found)
            for g in found:
                raw[g] = raw.get(g, 0.0) + self._weights[g][w]
        hits: list[tuple[float, int, int, float]] = []
        for g, n in count.items():
            # the sums gathered word by word may differ from the exact one in the last digit
            if n < min_shared or raw[g] < (min_share - 1e-9) * self._best[g]:
                continue
            exact, share, _ = self._score(followed, g)
            if share >= min_share:
                hits.append((-exact, self._places[g][0], g, share))
        hits.sort()
        out: list[tuple[int, float, float]] = []
        # passages of one score, each with all its places, taken in index order up to the limit
        for neg_raw, tied in itertools.groupby(hits, key=lambda h: h[0]):
            if len(out) >= limit:
                break
            places = heapq.merge(*(zip(self._places[g], itertools.repeat(share))
                                   for _, _, g, share in tied))
            out.extend((i, -neg_raw, share)
                       for i, share in itertools.islice(places, limit - len(out)))
        return out
