"""Ranking the sentences of this year's account of the year against one promise.

Only the year's own account of work done is searched (``Document.review_spans``): never its plan,
targets, shortcomings or five-year summary. Each sentence is indexed once (jieba tokens, their
inverse document frequency over the review); a promise is scored by how much of its weight a
sentence carries (``coverage``, 0–1: every word of the promise found is 1) and how much of the
sentence is about it (``focus``). A heading or a one-line sentence counts little, a sentence
reporting a result (建成, 完成, 增长…: ``data/promises.toml``) more. Inverted lists keep a query
to the sentences sharing a word with it, and a word found in more sentences than
``max_postings`` (``data/rules.toml``) is not followed at all: a query costs at most its words
times that bound, whatever the review's size or shape.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reviewer.compare import data
from reviewer.compare.tokens import on_clear, tokenize
from reviewer.document import Document


@dataclass(frozen=True)
class Evidence:
    """A sentence of the current report (offsets into its text), how well it matches, and where
    it stands: its section's kind and period (``year``, ``five_year``, ``mixed``, ``future``)."""

    quote: str
    start: int
    end: int
    score: float
    section_kind: str
    period: str = "year"
    heading: bool = False
    done: bool = False


def _conf() -> dict:
    return data.load("promises")["evidence"]


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_conf()[key], key=len, reverse=True)))


def done_words(text: str) -> bool:
    return bool(_pattern("done").search(text))


def progress_words(text: str) -> bool:
    return bool(_pattern("progress").search(text))


_DIGIT = re.compile(r"\d")
_CLAUSES = re.compile(r"[^，,；;。！？!?]+")


@lru_cache(maxsize=4096)
def _clauses(quote: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The first clauses of an evidence sentence with their character pairs (read once whatever
    the number of promises it answers; a real sentence has a few dozen at most)."""
    found = _CLAUSES.findall(quote)[: _conf()["max_clauses"]] or [quote]
    return tuple((c, _bigrams(c)) for c in found)


def result(quote: str, promise: str) -> tuple[bool, bool]:
    """What an evidence sentence says of a promise, read in its clause most about the promise
    (the clause sharing most character pairs with it): (done, under way). Done: a word of a
    result (建成, 成功举办), or a verb of an end the promise names itself (``own_done``: 全面取消X
    answered by X全部取消, 开工建设X by X开工). Under way: a word of work still going on (有序推进,
    基本完成, 前期工作) that the promise does not use itself (开工建设X answered by X开工建设 is
    done)."""
    grams = _query_bigrams(promise)
    clauses = _clauses(quote)
    clause = max(clauses, key=lambda c: len(c[1] & grams))[0]
    under = any(m.group() not in promise for m in _pattern("progress").finditer(clause))
    own = any(m.group() in promise for m in _pattern("own_done").finditer(clause))
    return done_words(clause) or own, under


@cache
def _light() -> tuple[frozenset[str], float]:
    return frozenset(_conf()["light_words"]), float(_conf()["light"])


_FACTORS: dict[str, float] = {}


def _factor(word: str) -> float:
    """How much a word counts in a match: light words, figures and single characters little."""
    found = _FACTORS.get(word)
    if found is None:
        words, light = _light()
        found = light if word in words or _DIGIT.search(word) or len(word) < 2 else 1.0
        _FACTORS[word] = found
    return found


def weighty(word: str) -> bool:
    """Whether a word says what a passage is about: not a light word, a figure or a single
    character."""
    return _factor(word) == 1.0


def _period(doc: Document, offset: int) -> str:
    """The period of the passage at ``offset`` (``year`` where the report states none)."""
    return doc.period_at(offset) or "year"


def sentence_passages(doc: Document, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of ``doc`` inside ``spans`` (sorted, disjoint (start, end) passages), each
    cut to its passage: a sentence over several passages, such as the clauses of a shortcomings
    paragraph, gives one piece per passage. Sentences and passages are walked in step, so the
    work is their number plus the pieces'."""
    out: list[tuple[int, int]] = []
    i = 0  # the first passage that may still overlap a sentence
    for s in doc.sentences():
        while i < len(spans) and spans[i][1] <= s.start:
            i += 1
        j = i
        while j < len(spans) and spans[j][0] < s.end:
            a, b = max(s.start, spans[j][0]), min(s.end, spans[j][1])
            if b > a:
                out.append((a, b))
            j += 1
    return out


class SentenceIndex:
    """The sentences of ``doc`` inside ``spans`` (sorted, disjoint (start, end) passages), each
    cut to its passage (a sentence over several passages, such as the clauses of a shortcomings
    paragraph, gives one piece per passage), tokenized and indexed."""

    def __init__(self, doc: Document, spans: Sequence[tuple[int, int]],
                 tick: Callable[[], object] | None = None):
        """``tick()`` is called after each sentence is tokenized (the slow part of a long
        report): for progress and cancellation."""
        self.doc = doc
        self.spans = sentence_passages(doc, spans)
        self.tokens = []
        for a, b in self.spans:
            self.tokens.append(tokenize(doc.text[a:b]))
            if tick is not None:
                tick()
        n = len(self.spans)
        df: dict[str, int] = defaultdict(int)
        for toks in self.tokens:
            for w in set(toks):
                df[w] += 1
        self.idf = {w: math.log(1 + n / d) * _factor(w) for w, d in df.items()}
        self.unseen = math.log(1 + n) if n else 1.0
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.weight: list[float] = []
        for i, toks in enumerate(self.tokens):
            distinct = set(toks)
            for w in distinct:
                self.postings[w].append(i)
            self.weight.append(math.fsum(self.idf[w] for w in distinct))
        self._grams: list[frozenset[str]] | None = None
        self._gram_idf: dict[str, float] = {}
        self._terms: dict[str, tuple[float, float, Sequence[int], bool]] = {}
        self._places: dict[int, tuple[str, str]] = {}
        heads = sorted((h.start, h.end) for h in doc.headings)
        head_starts = [a for a, _ in heads]
        # whether each sentence reports a result, read once for every promise
        self.done = [done_words(doc.text[a:b]) for a, b in self.spans]
        self.heading: list[bool] = []
        short = _conf()["short"]
        for a, b in self.spans:
            k = bisect.bisect_right(head_starts, a) - 1
            in_head = k >= 0 and heads[k][0] <= a and b <= heads[k][1] + 1
            self.heading.append(in_head or b - a < short)

    def __len__(self) -> int:
        return len(self.spans)

    def _character_pairs(self) -> tuple[list[frozenset[str]], dict[str, float]]:
        """Each sentence's character pairs and their rarity, read on the first search that
        scores by characters (an index only asked for the closest sentence never needs them)."""
        if self._grams is None:
            self._grams = [_bigrams(self.doc.text[a:b]) for a, b in self.spans]
            gdf: dict[str, int] = defaultdict(int)
            for g in self._grams:
                for x in g:
                    gdf[x] += 1
            n = len(self.spans)
            self._gram_idf = {x: math.log(1 + n / d) for x, d in gdf.items()}
        return self._grams, self._gram_idf

    def _unseen(self, word: str) -> float:
        return self.unseen * _factor(word)

    def _term(self, word: str) -> tuple[float, float, Sequence[int], bool]:
        """What a search reads of ``word``, worked out once: its weight in a query's total (its
        rarity here, or that of a word no sentence has), its weight in a sentence, the sentences
        having it (none where it is in too many to tell them apart), and whether it is a strong
        word (not light)."""
        got = self._terms.get(word)
        if got is None:
            weight = self.idf.get(word)
            found = self.postings.get(word, ())
            if weight is None or len(found) > data.rules()["max_postings"]:
                found = ()
            got = self._terms[word] = (weight or self._unseen(word), weight or 0.0, found,
                                       _factor(word) == 1.0)
        return got

    def search(self, query: Sequence[str], limit: int, min_shared: int = 2,
               min_coverage: float = 0.0, text: str = "", headings: bool = False,
               relaxed: tuple[float, int] | None = None, spread: Spread | None = None
               ) -> list[tuple[int, float, float]]:
        """The best sentences for ``query`` (the tokens of ``text``): (index, coverage, rank
        score), best first. The best by words are scored again by the characters they share
        with ``text`` (names jieba cuts apart: 莲塘/香园围), and the coverage is the mean of the
        two. ``headings``: a heading counts in full (a group's heading against the review's
        own headings and summaries). ``relaxed`` (coverage, words): a sentence sharing at least
        that many words that are not light with the query needs only that coverage (a long
        promise whose result is reported in other words around its names). ``spread``: the
        groups of the plan the query is one promise of; a word or character pair many of them
        use counts less (:class:`Spread`)."""
        sums = self._sums(query, spread)
        if sums is None:
            return []
        return self._best(sums, limit, min_shared, min_coverage, text, headings, relaxed,
                          spread)

    def search_or_closest(self, query: Sequence[str], limit: int, min_shared: int,
                          min_coverage: float, text: str, relaxed: tuple[float, int],
                          spread: Spread) -> tuple[list[tuple[int, float, float]],
                                                   tuple[int, float] | None]:
        """:meth:`search`, and where it finds nothing, the sentence closest to ``text`` by
        all it shares (one word in common enough, no spread: ``search(query, 1, 1, 0.0,
        text)``'s best, as (index, coverage), or None), from the same sums."""
        sums = self._sums(query, spread)
        if sums is None:
            return [], None
        hits = self._best(sums, limit, min_shared, min_coverage, text, False, relaxed, spread)
        if hits:
            return hits, None
        terms, _, total_plain, _, plain, shared, heavy, chars_of, touched = sums
        # without the spread the sums are the plain ones (each factor is exactly 1)
        plain_sums = (terms, total_plain, total_plain, plain, plain, shared, heavy, chars_of,
                      touched)
        near = self._best(plain_sums, 1, 1, 0.0, text, False, None, None)
        return hits, (near[0][0], near[0][1]) if near else None

    def _sums(self, query: Sequence[str], spread: Spread | None):
        """What a search adds up over the sentences sharing words with ``query``: (terms,
        total, total without the spread, each sentence's sum, its sum without the spread, how
        many words it shares, how many strong ones, the pairs' rarity by sentence); None where the query weighs nothing."""
        terms = _in_order(query)
        own = spread.word if spread is not None else _whole
        looked = [self._term(w) for w in terms]
        total = math.fsum(base * own(w) for w, (base, _, _, _) in zip(terms, looked, strict=True))
        if not total:
            return None
        # one slot per sentence: the sentences sharing a word are many of a few hundred, and a
        # list's slot is cheaper to add to than a dictionary's
        n = len(self.spans)
        acc = [0.0] * n
        shared = [0] * n
        heavy = [0] * n
        # the same sums without the spread: the coverage reported, which the status thresholds
        # are calibrated on, is never above it
        plain = [0.0] * n
        touched: set[int] = set()
        total_plain = math.fsum(base for base, _, _, _ in looked)
        for w, (_, weight, found, strong) in zip(terms, looked, strict=True):
            if not found:
                continue
            scaled = weight * own(w)
            touched.update(found)
            for i in found:
                acc[i] += scaled
                plain[i] += weight
                shared[i] += 1
            if strong:
                for i in found:
                    heavy[i] += 1
        # and, filled in as they are read, the rarity of the character pairs each sentence
        # shares with the query's text
        return terms, total, total_plain, acc, plain, shared, heavy, {}, sorted(touched)

    def _best(self, sums, limit: int, min_shared: int, min_coverage: float, text: str,
              headings: bool, relaxed: tuple[float, int] | None, spread: Spread | None
              ) -> list[tuple[int, float, float]]:
        terms, total, total_plain, acc, plain, shared, heavy, chars_of, touched = sums
        rules = data.rules()["evidence"]
        single = rules["single"] * total
        one_word = len(terms) == 1
        focus_share, heading_penalty, done_bonus = (
            rules["focus"], rules["heading_penalty"], rules["done_bonus"])
        weights, in_heading, done = self.weight, self.heading, self.done
        out = []
        for i in touched:
            got = acc[i]
            n_shared = shared[i]
            if n_shared < min_shared and not (n_shared == 1 and (one_word or got >= single)):
                # one word in common is enough where it carries most of the query (提升可再生
                # 能源占比: 可再生能源)
                continue
            if not heavy[i]:
                continue
            coverage = got / total
            if coverage < min_coverage and not text:
                continue
            focus = got / weights[i] if weights[i] else 0.0
            bonus = focus_share * focus
            if in_heading[i] and not headings:
                bonus -= heading_penalty
            if done[i]:
                bonus += done_bonus
            # (index, coverage ranked and filtered by, coverage reported, bonus)
            out.append((i, coverage, min(coverage, plain[i] / total_plain), bonus))
        if text and out:
            out.sort(key=_by_rank)
            out = out[: rules["rerank"]]
            grams = _query_bigrams(text)
            unseen = self.unseen
            pairs, gram_idf = self._character_pairs()
            rarity = [gram_idf.get(x, unseen) for x in grams]
            total_plain_g = math.fsum(rarity) or 1.0
            if spread is None:  # every factor 1: the sums are the plain ones
                total_g = total_plain_g
            else:
                total_g = math.fsum(r * spread.gram(x) for r, x in zip(rarity, grams,
                                                                         strict=True)) or 1.0
            share = rules["characters"]
            blended = []
            for i, coverage, _, bonus in out:
                common = grams & pairs[i]
                plain_chars = chars_of.get(i)
                if plain_chars is None:
                    plain_chars = chars_of[i] = math.fsum(gram_idf[x] for x in common)
                chars = (plain_chars if spread is None else
                         math.fsum(gram_idf[x] * spread.gram(x) for x in common)) / total_g
                c = (1 - share) * coverage + share * chars
                plain_c = (1 - share) * plain[i] / total_plain + \
                    share * plain_chars / total_plain_g
                blended.append((i, c, min(c, plain_c), bonus))
            out = [h for h in blended if h[1] >= min_coverage or
                   (relaxed is not None and h[1] >= relaxed[0] and heavy[h[0]] >= relaxed[1])]
        out.sort(key=_by_rank)
        return [(i, shown, c + bonus) for i, c, shown, bonus in out[:limit]]

    def closest(self, query: Sequence[str]) -> tuple[int, float, float]:
        """The sentence carrying most of ``query``'s weight: (index, coverage, focus), where
        focus is the share of the sentence's own weight it shares; (-1, 0, 0) for none."""
        looked = [self._term(w) for w in _in_order(query)]
        total = math.fsum(base for base, _, _, _ in looked)
        if not total:
            return -1, 0.0, 0.0
        acc: dict[int, float] = defaultdict(float)
        for _, weight, found, _ in looked:
            for i in found:
                acc[i] += weight
        if not acc:
            return -1, 0.0, 0.0
        most = max(acc.values())
        i = min(k for k, v in acc.items() if v == most)  # on a tie the first sentence
        return i, acc[i] / total, (acc[i] / self.weight[i] if self.weight[i] else 0.0)

    def evidence(self, i: int, coverage: float) -> Evidence:
        a, b = self.spans[i]
        place = self._places.get(i)
        if place is None:  # the part's kind and period, read once per sentence
            place = self._places[i] = (self.doc.kind_at(a), _period(self.doc, a))
        return Evidence(self.doc.text[a:b], a, b, round(coverage, 3), place[0], place[1],
                        self.heading[i], self.done[i])


def _by_rank(hit: tuple[int, float, float, float]) -> tuple[float, int]:
    """A search hit's place: its coverage and bonus, the first sentence on a tie."""
    return -(hit[1] + hit[3]), hit[0]


def _whole(_: str) -> float:
    """No spread: every word and character pair counts in full."""
    return 1.0


class Spread:
    """How many groups of last year's plan use each word and character pair. A word most groups
    use (the place, the plan's stock phrases: 大鹏, 粤港澳大湾区, 国际, 行动) says little about
    which of its promises a review sentence is about; one only this promise's group uses (商业银行,
    托育, 散乱污) says much. A word's weight in a match is scaled by ``1 - s + s * r``, where
    ``r = log(1 + n / groups using it) / log(1 + n)`` (1 for a word of one group) and ``s`` the
    share ``[evidence] spread`` of ``data/rules.toml``."""

    def __init__(self, words: Sequence[Iterable[str]], texts: Sequence[str]):
        """``words``: each group's words (its heading's and promises'); ``texts``: each group's
        text, for its character pairs."""
        self.n = len(words)
        self._words: dict[str, int] = defaultdict(int)
        self._pairs: dict[str, int] = defaultdict(int)
        for group in words:
            for w in set(group):
                self._words[w] += 1
        for text in texts:
            for x in _bigrams(text):
                self._pairs[x] += 1
        self._norm = math.log(1 + self.n) if self.n > 1 else 0.0
        self._share = float(data.rules()["evidence"]["spread"])

        # each word's and pair's factor, worked out on first use (every promise of the plan asks
        # for the same few thousand)
        self._word_factor: dict[str, float] = {}
        self._pair_factor: dict[str, float] = {}

    def _scale(self, used: int) -> float:
        if not self._norm:
            return 1.0
        rare = math.log(1 + self.n / max(1, used)) / self._norm
        return 1 - self._share + self._share * rare

    def word(self, w: str) -> float:
        f = self._word_factor.get(w)
        if f is None:
            f = self._word_factor[w] = self._scale(self._words.get(w, 1))
        return f

    def gram(self, x: str) -> float:
        f = self._pair_factor.get(x)
        if f is None:
            f = self._pair_factor[x] = self._scale(self._pairs.get(x, 1))
        return f


def _in_order(query: Sequence[str]) -> list[str]:
    """The distinct words of ``query`` in one order whatever the run: sums over them, and the
    ties they decide, come out the same each time (a set's order changes with the hash seed)."""
    return sorted(set(query))


class BigramIndex:
    """Passages of one report as weighted character bigrams, to tell how much of a promise one
    of them repeats (this year's plan repeating last year's promise) or names (a shortcoming)."""

    def __init__(self, doc: Document, spans: Sequence[tuple[int, int]]):
        self.doc = doc
        self.spans = list(spans)
        self.grams = [_bigrams(doc.text[a:b]) for a, b in self.spans]
        n = len(self.spans)
        df: dict[str, int] = defaultdict(int)
        for g in self.grams:
            for x in g:
                df[x] += 1
        self.idf = {x: math.log(1 + n / d) for x, d in df.items()}
        self.unseen = math.log(1 + n) if n else 1.0
        rules = data.rules()
        common = min(max(3, int(n * rules["bigram_common"])), rules["max_postings"])
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(self.grams):
            for x in g:
                if df[x] <= common:
                    self.postings[x].append(i)
        self.weight = [math.fsum(self.idf[x] for x in g) for g in self.grams]

    def best(self, text: str, *, both: bool = False) -> tuple[int, float]:
        """(index, share) of the passage holding the largest weighted share of ``text``'s
        bigrams (``both``: of the smaller of the two, so a short passage wholly inside ``text``
        counts in full); (-1, 0.0) when none shares any."""
        grams = _query_bigrams(text)
        total = math.fsum(self.idf.get(x, self.unseen) for x in grams)
        if not total:
            return -1, 0.0
        acc: dict[int, float] = defaultdict(float)
        for x in sorted(grams):
            w = self.idf.get(x)
            if w is None:
                continue
            for i in self.postings.get(x, ()):
                acc[i] += w
        best, share = -1, 0.0
        for i, got in sorted(acc.items()):  # on a tie the first passage
            denom = min(total, self.weight[i]) if both else total
            s = got / denom if denom else 0.0
            if s > share:
                best, share = i, s
        return best, share


_NOT_CONTENT = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")


def _bigrams(text: str) -> frozenset[str]:
    chars = _NOT_CONTENT.sub("", text)
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


# a query's pairs: the same promise is looked for in the review, in this year's plan and in its
# shortcomings, and once more for the sentence closest to it
_query_bigrams = lru_cache(maxsize=4096)(_bigrams)
on_clear(_query_bigrams.cache_clear)
