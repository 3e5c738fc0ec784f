"""A cheap text matcher: character-bigram TF-IDF vectors and their cosine.

Deciding whether some plan item addresses a shortcoming needs no word segmentation: Chinese
bigrams carry most of the vocabulary (普法, 执法, 队伍), and weighting them by how few of the
report's paragraphs use them mutes the words every paragraph shares (法治, 建设, 工作). This runs
in a fraction of the time segmenting the same text would take.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

_RUN = re.compile(r"[\u4e00-\u9fff]+")


def bigrams(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for run in _RUN.findall(text):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


class BigramIndex:
    """Inverse document frequencies learnt from ``background`` (e.g. a report's paragraphs)."""

    def __init__(self, background: Iterable[str]):
        df: Counter[str] = Counter()
        n = 0
        for doc in background:
            df.update(set(bigrams(doc)))
            n += 1
        self._n = n
        self._df = df
        # every candidate is scored against every query: weigh each text once
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}

    def idf(self, gram: str) -> float:
        return math.log((self._n + 1) / (self._df.get(gram, 0) + 0.5))

    def _weighed(self, text: str) -> tuple[dict[str, float], float]:
        """``text``'s vector and its norm, computed once per text."""
        found = self._vectors.get(text)
        if found is None:
            vector = {g: (1 + math.log(c)) * self.idf(g) for g, c in bigrams(text).items()}
            found = self._vectors[text] = (vector, math.sqrt(sum(w * w for w in vector.values())))
        return found

    def vector(self, text: str) -> dict[str, float]:
        return self._weighed(text)[0]

    def similarity(self, a: str, b: str) -> float:
        """The cosine of two texts' vectors."""
        (va, na), (vb, nb) = self._weighed(a), self._weighed(b)
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
        return dot / (na * nb) if na and nb else 0.0

    def coverage(self, query: str, text: str) -> float:
        """How much of ``query``'s weight ``text`` contains: a short problem statement against a
        longer passage, where length should not count against the passage."""
        wanted = set(bigrams(query))
        total = sum(self.idf(g) for g in wanted)
        found = wanted.intersection(self.vector(text))
        return sum(self.idf(g) for g in found) / total if total else 0.0

    def best(self, headline: str, body: str, candidates: Sequence[str]) -> tuple[int, float]:
        """The candidate that best takes up a headline and its body, and how well (0..1): the
        better of the headline's coverage and the whole passage's cosine. (-1, 0.0) if none."""
        whole = headline + body
        scored = [(max(self.coverage(headline, c), self.similarity(whole, c)), i)
                  for i, c in enumerate(candidates)]
        if not scored:
            return -1, 0.0
        score, index = max(scored)
        return index, score
