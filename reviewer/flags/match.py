"""A cheap text matcher: character-bigram TF-IDF vectors and their cosine.

Deciding whether some plan item addresses a shortcoming needs no word segmentation: Chinese
bigrams carry most of the vocabulary (普法, 执法, 队伍), and weighting them by how few of the
report's paragraphs use them mutes the words every paragraph shares (法治, 建设, 工作). This runs
in a fraction of the time segmenting the same text would take.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

# every pair of Chinese characters side by side, overlapping (一二三 → 一二, 二三): read in one
# pass, not run by run (a text of figures and short words has a run every few characters)
_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def bigrams(text: str) -> Counter[str]:
    return Counter(_PAIR.findall(text))


def _bigram_set(text: str) -> set[str]:
    return set(_PAIR.findall(text))


class BigramIndex:
    """Inverse document frequencies learnt from ``background`` (e.g. a report's paragraphs)."""

    def __init__(self, background: Iterable[str]):
        df: Counter[str] = Counter()
        # a paragraph that recurs (a compilation of reports, a repeated formula) is read once
        texts = Counter(background)
        for doc, times in texts.items():
            for gram in _bigram_set(doc):
                df[gram] += times
        self._n = sum(texts.values())
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
        return self._covered(self._wanted(query), text)

    def _wanted(self, query: str) -> tuple[set[str], float]:
        wanted = set(bigrams(query))
        return wanted, sum(self.idf(g) for g in wanted)

    def _covered(self, wanted: tuple[set[str], float], text: str) -> float:
        grams, total = wanted
        found = grams.intersection(self.vector(text))
        return sum(self.idf(g) for g in found) / total if total else 0.0

    def best(self, headline: str, body: str, candidates: Sequence[str]) -> tuple[int, float]:
        """The candidate that best takes up a headline and its body, and how well (0..1): the
        better of the headline's coverage and the whole passage's cosine. (-1, 0.0) if none."""
        return self.ranking(candidates, within=[headline + body]).best(headline, body)

    def ranking(self, candidates: Sequence[str], max_shared: int | None = None,
                within: Iterable[str] | None = None, max_scored: int | None = None) -> Ranking:
        """:meth:`best` for many queries against the same ``candidates``, each query scoring
        only the candidates it shares a bigram with (see :class:`Ranking`)."""
        return Ranking(self, candidates, max_shared, within, max_scored)


class Ranking:
    """Candidates indexed by their bigrams, to rank them against one query after another.

    A candidate sharing no bigram with a query scores 0 against it, so only those sharing one are
    scored; a text that appears several times is scored once. A bigram held by more than
    ``max_shared`` distinct candidates is not used to find them: it tells none of them apart, and
    following it from every query would cost the square of the text. With fewer distinct
    candidates than that (every real report), the ranking is exactly that of scoring them all.

    ``within``, when given, holds every passage (headline and body together) that will be
    ranked: only their bigrams are indexed, and a candidate is weighed only once a query finds
    it, so a few shortcomings against a plan of thousands of items cost little more than reading
    the plan once.

    ``max_scored``, when given, bounds how many candidates one query scores: a query sharing
    bigrams with more distinct candidates than that scores those whose shared bigrams weigh the
    most (their summed IDF, the later candidate first on a tie). Many shortcomings against a plan
    of thousands of items (a folder of reports merged into one file, each with its problems and
    its plan) would otherwise score every item for every shortcoming, the square of the text.
    With no more candidates sharing a bigram than that (every real report), every one is scored.
    """

    def __init__(self, index: BigramIndex, candidates: Sequence[str],
                 max_shared: int | None = None, within: Iterable[str] | None = None,
                 max_scored: int | None = None):
        self._index = index
        self._max_scored = max_scored
        self._count = len(candidates)
        last: dict[str, int] = {}  # text → its last position: ties go to the later candidate
        for i, text in enumerate(candidates):
            last[text] = i
        self._texts = list(last)
        self._positions = list(last.values())
        asked = None if within is None else set().union(*map(_bigram_set, within))
        postings: dict[str, list[int]] = {}
        for k, text in enumerate(self._texts):
            grams = _bigram_set(text)  # the keys of the text's vector
            if asked is not None:
                grams &= asked
            for gram in grams:
                postings.setdefault(gram, []).append(k)
        self._postings = {g: p for g, p in postings.items()
                          if max_shared is None or len(p) <= max_shared}

    def best(self, headline: str, body: str) -> tuple[int, float]:
        """The best candidate for the passage and its score: see :meth:`BigramIndex.best`."""
        if not self._count:
            return -1, 0.0
        index = self._index
        whole = headline + body
        shared: set[int] = set()
        for gram in index.vector(whole):  # the headline's bigrams are among the whole's
            shared.update(self._postings.get(gram, ()))
        if self._max_scored is not None and len(shared) > self._max_scored:
            weight: dict[int, float] = {}
            for gram in index.vector(whole):
                posting = self._postings.get(gram)
                if posting:
                    idf = index.idf(gram)
                    for k in posting:
                        weight[k] = weight.get(k, 0.0) + idf
            positions = self._positions
            shared = set(heapq.nlargest(self._max_scored, weight,
                                        key=lambda k: (weight[k], positions[k])))
        wanted = index._wanted(headline)
        scored = [(max(index._covered(wanted, self._texts[k]),
                       index.similarity(whole, self._texts[k])), self._positions[k])
                  for k in shared]
        score, position = max(scored, default=(0.0, -1))
        if score <= 0.0:  # nothing in common with any: every candidate scores 0, the last wins
            return self._count - 1, 0.0
        return position, score
