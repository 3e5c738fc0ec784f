"""The BM25 index of the comparison: what it finds and how it scores, against a plain reading
that scores every passage (the index only skips passages that share no word)."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.compare.bm25 import BM25, K1, B


def _every_passage(passages, query):
    """Score every passage, the way the index must agree with: (index, raw, share, shared)."""
    n = len(passages)
    avg = sum(len(p) for p in passages) / n
    df = Counter(w for p in passages for w in set(p))
    out = []
    for i, p in enumerate(passages):
        norm = K1 * (1 - B + B * len(p) / avg)
        weights = {w: math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5)) * f * (K1 + 1) / (f + norm)
                   for w, f in Counter(p).items()}
        shared = set(query) & set(weights)
        if shared:
            raw = sum(weights[w] for w in shared)
            out.append((i, raw, raw / sum(weights.values()), len(shared)))
    return out


WORDS = st.sampled_from(["法治", "政府", "建设", "执法", "普法", "复议", "诉讼", "监督", "宣传"])
PASSAGES = st.lists(st.lists(WORDS, min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(PASSAGES, st.lists(WORDS, min_size=1, max_size=5), st.integers(1, 4),
       st.integers(1, 3), st.sampled_from([0.0, 0.3, 0.6]))
def test_scores_and_search_agree_with_scoring_every_passage(passages, query, limit, shared,
                                                            share):
    index = BM25(passages)
    expected = _every_passage(passages, query)
    got = index.scores(query)
    assert [(i, n) for i, _, _, n in got] == [(i, n) for i, _, _, n in expected]
    for (_, raw, s, _), (_, raw2, s2, _) in zip(got, expected, strict=True):
        assert math.isclose(raw, raw2) and math.isclose(s, s2)
    # search: the best of those by raw score, equal scores in index order
    ranked = sorted((h for h in got if h[3] >= shared and h[2] >= share),
                    key=lambda h: (-h[1], h[0]))[:limit]
    assert index.search(query, limit, shared, share) == [(i, raw, s) for i, raw, s, _ in ranked]


def test_a_recurring_passage_is_found_at_every_place_in_order():
    a, b = ["普法", "宣传", "深入"], ["执法", "监督"]
    index = BM25([a, b, a, ["复议"], a])
    assert [i for i, *_ in index.search(["普法"], 5)] == [0, 2, 4]
    assert [i for i, *_ in index.search(["普法"], 2)] == [0, 2]
    assert [i for i, *_ in index.scores(["普法", "执法"])] == [0, 1, 2, 4]


def test_a_word_in_too_many_passages_counts_for_none():
    passages = [["法治", "建设", f"事项{i}"] for i in range(5)] + [["法治", "执法"]]
    index = BM25(passages, max_shared=3)
    # 法治 is in six passages: it finds nothing, and counts for nothing where 执法 finds one
    assert index.search(["法治"], 10) == []
    (i, raw, _), = index.search(["法治", "执法"], 10)
    assert i == 5
    assert math.isclose(raw, dict((j, r) for j, r, *_ in index.scores(["执法"]))[5])
    assert [n for *_, n in index.scores(["法治", "执法"])] == [1]
