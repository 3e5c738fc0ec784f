"""A small BM25 index over a few hundred passages (the sentences of one report's review).

Each passage's term weights are computed once, so a query costs one set intersection per
passage. Scores are also given as a share (0–1) of what the passage would score against a
query holding all of its words: a length-independent figure thresholds can be written against.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

K1 = 1.5
B = 0.75


class BM25:
    def __init__(self, passages: Sequence[Sequence[str]]):
        counts = [Counter(p) for p in passages]
        n = len(passages)
        avg = (sum(len(p) for p in passages) / n) if n else 0.0
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        idf = {w: math.log(1 + (n - d + 0.5) / (d + 0.5)) for w, d in df.items()}
        self.weights: list[dict[str, float]] = []
        for p, c in zip(passages, counts, strict=True):
            norm = K1 * (1 - B + B * len(p) / avg) if avg else K1
            self.weights.append({w: idf[w] * f * (K1 + 1) / (f + norm) for w, f in c.items()})
        self.best = [sum(w.values()) for w in self.weights]

    def __len__(self) -> int:
        return len(self.weights)

    def scores(self, query: Sequence[str]) -> list[tuple[int, float, float, int]]:
        """Every passage sharing a word with ``query``: (index, raw score, share, words shared)."""
        terms = set(query)
        out = []
        for i, weights in enumerate(self.weights):
            shared = terms.intersection(weights)
            if shared:
                raw = sum(weights[w] for w in shared)
                out.append((i, raw, raw / self.best[i], len(shared)))
        return out

    def search(self, query: Sequence[str], limit: int, min_shared: int = 1,
               min_share: float = 0.0) -> list[tuple[int, float, float]]:
        """The best passages for ``query`` by raw score, among those sharing at least
        ``min_shared`` words and ``min_share`` of their weight with it: (index, raw, share)."""
        hits = [(i, raw, share) for i, raw, share, n in self.scores(query)
                if n >= min_shared and share >= min_share]
        hits.sort(key=lambda h: (-h[1], h[0]))
        return hits[:limit]
