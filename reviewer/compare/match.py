"""Last year's plan against this year's report: evidence, targets and a suggested status.

For every plan item of the prior report the current report's review sentences (sections of kind
achievements, responsibility and highlights — never its plan, targets or shortcomings) are ranked
with BM25 over jieba tokens. The item's quantified targets are checked against the figures the
review reports. The suggested status follows fixed rules, and every rule that fired is written
into the item's reasons so a reviewer can see why; the reviewer confirms or overrides it.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from reviewer.compare import data
from reviewer.compare.bm25 import BM25
from reviewer.compare.figures import (
    TargetResult,
    actual_text,
    check_targets,
    extract_targets,
    target_text,
)
from reviewer.compare.items import PlanItem, plan_items, units_of
from reviewer.compare.tokens import tokenize
from reviewer.document import Document
from reviewer.i18n import t
from reviewer.profiles import kinds_where
from reviewer.progress import CancelCheck, Progress, check

STATUSES = ("delivered", "partial", "no_evidence", "carried_over", "acknowledged_gap")
# kinds.toml: parts that account for work done, and parts or passages that admit problems
EVIDENCE_KINDS = kinds_where("evidence")
PROBLEM_KINDS = kinds_where("problem")
# a passage needs this many distinct words in common with an item to count as evidence
MIN_SHARED = 2


@dataclass(frozen=True)
class Evidence:
    """A sentence of the current report (offsets into its text) and how well it matches."""

    quote: str
    start: int
    end: int
    score: float
    section_kind: str


@dataclass
class ItemResult:
    """A prior plan item (offsets into the prior text) with what the current report shows."""

    text: str
    heading: str
    start: int
    end: int
    status: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    targets: list[TargetResult] = field(default_factory=list)


@dataclass
class Comparison:
    prior: Document
    current: Document
    items: list[ItemResult]
    targets: list[TargetResult]


@dataclass(frozen=True)
class Link:
    """A passage of one report and how closely another passage matches it."""

    text: str
    heading: str
    start: int
    end: int
    score: float


@dataclass
class ShortcomingLink:
    """A shortcoming of a report and the plan items of the same report that address it."""

    text: str
    heading: str
    start: int
    end: int
    items: list[Link]


class _Passages:
    """Sentences of one report, tokenized and indexed (:meth:`index`): those inside ``within``
    (passages in text order), or, without it, those whose kind (``Document.kind_at``: spans
    honoured) is one of ``kinds``."""

    def __init__(self, doc: Document, kinds: tuple[str, ...],
                 within: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.spans: list[tuple[int, int, str]] = []
        starts = [a for a, _ in within] if within is not None else []
        for s in doc.sentences():
            if within is not None:
                i = bisect.bisect_right(starts, s.start) - 1
                if i < 0 or s.start >= within[i][1]:
                    continue
            kind = doc.kind_at(s.start)
            if kind in kinds:
                self.spans.append((s.start, s.end, kind))
        self._index = BM25([])

    def index(self, steps: _Steps, name: str) -> _Passages:
        """Tokenize and index the sentences, one step each."""
        tokens = []
        for a, b, _ in self.spans:
            tokens.append(tokenize(self.doc.text[a:b]))
            steps.done(name)
        self._index = BM25(tokens, data.rules()["max_shared"], data.rules()["max_postings"])
        return self

    def best(self, query: tuple[str, ...], limit: int, min_share: float) -> list[Evidence]:
        return [Evidence(self.doc.text[a:b], a, b, round(share, 3), kind)
                for i, _, share in self._index.search(query, limit, MIN_SHARED, min_share)
                for a, b, kind in [self.spans[i]]]


class _Steps:
    """Progress and cancellation of a comparison: each step done is reported, and a cancelled
    comparison stops at the next one."""

    def __init__(self, total: int, progress: Progress | None, cancelled: CancelCheck | None):
        self.total = total
        self.count = 0
        self._progress = progress
        self._cancelled = cancelled

    def done(self, name: str) -> None:
        self.count += 1
        check(self._cancelled, name)
        if self._progress is not None:
            self._progress(self.count, self.total, name)


class _PlanWords:
    """This year's plan items as sets of words, indexed to find, for an item of last year, the
    one holding the largest share of its words (a promise carried over).

    Only a share of at least the carried-over threshold matters, and an item holding that share
    of the query's words must hold one of its rarest words (all but that share of them, plus
    one): only the items those words lead to are compared. An item recurring word for word is
    compared once (the first one stands for it); a word in more than ``max_shared`` distinct
    items is not followed. Below that bound the answer is that of comparing every item."""

    def __init__(self, items: list[PlanItem], steps: _Steps, max_shared: int):
        self._items: list[PlanItem] = []
        self._words: list[frozenset[str]] = []
        seen: set[frozenset[str]] = set()
        postings: dict[str, list[int]] = {}
        for item in items:
            words = frozenset(tokenize(item.text))
            steps.done("plan")
            if words in seen:
                continue
            seen.add(words)
            for w in words:
                postings.setdefault(w, []).append(len(self._items))
            self._items.append(item)
            self._words.append(words)
        self._postings = postings
        self._max_shared = max_shared

    def containing(self, item: set[str], at_least: float) -> tuple[PlanItem | None, float]:
        """The first plan item holding the largest share of ``item``'s words, when that share is
        at least ``at_least``; else (None, 0.0)."""
        if not item:
            return None, 0.0
        # the fewest words an item must share with ``item`` to reach the share
        need = max(1, math.ceil(at_least * len(item)))
        while need > 1 and (need - 1) / len(item) >= at_least:
            need -= 1
        while need <= len(item) and need / len(item) < at_least:
            need += 1
        if need > len(item):
            return None, 0.0
        rarest = sorted(item, key=lambda w: len(self._postings.get(w, ())))
        found: set[int] = set()
        for w in rarest[: len(item) - need + 1]:
            holding = self._postings.get(w, ())
            if len(holding) <= self._max_shared:
                found.update(holding)
        best, first = 0.0, -1
        for k in found:
            share = len(item & self._words[k]) / len(item)
            if share >= at_least and (share > best or (share == best and k < first)):
                best, first = share, k
        return (self._items[first], best) if first >= 0 else (None, 0.0)


def _status(item: ItemResult, repeat: tuple[PlanItem | None, float],
            gap: list[Evidence]) -> tuple[str, list[str]]:
    """The suggested status of an item and the reasons for it, in the order the rules apply."""
    rules = data.rules()
    reasons: list[str] = []
    best = max((e.score for e in item.evidence), default=0.0)
    if item.evidence:
        top = max(item.evidence, key=lambda e: e.score)
        reasons.append(t("compare.reason_evidence", score=f"{best:.2f}", quote=top.quote[:40]))
    else:
        reasons.append(t("compare.reason_no_evidence"))
    for tr in item.targets:
        reasons.append(t("compare.reason_target", indicator=tr.indicator,
                         target=target_text(tr), actual=actual_text(tr),
                         verdict=t("compare.verdict_" + tr.verdict)))
    missed = [tr for tr in item.targets if tr.verdict in ("missed", "unclear")]
    other, share = repeat
    if other is not None and share >= rules["carried_over"]:
        reasons.append(t("compare.rule_carried_over", heading=other.heading.split(" / ")[-1],
                         share=f"{share:.0%}"))
        return "carried_over", reasons
    if best >= rules["evidence_strong"] and not missed:
        reasons.append(t("compare.rule_delivered"))
        return "delivered", reasons
    if gap:
        reasons.append(t("compare.rule_acknowledged_gap", quote=gap[0].quote[:40]))
        return "acknowledged_gap", reasons
    if best >= rules["evidence_weak"]:
        reasons.append(t("compare.rule_partial_target") if missed
                       else t("compare.rule_partial"))
        return "partial", reasons
    reasons.append(t("compare.rule_no_evidence"))
    return "no_evidence", reasons


def compare_documents(prior: Document, current: Document, *,
                      progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> Comparison:
    """Match every plan item of ``prior`` with the evidence in ``current``.

    For a caller running it in the background (the app): ``progress(done, total, step)`` is
    called after each step (a sentence of ``current`` tokenized and indexed: ``evidence``,
    ``gaps``, ``plan``; then ``targets``; then each plan item of ``prior``: ``items``), and
    ``cancelled()`` is asked after each; once it returns true the comparison stops by raising
    :class:`~reviewer.progress.Cancelled`.
    """
    rules = data.rules()
    review_spans = current.review_spans()
    review = _Passages(current, EVIDENCE_KINDS, review_spans)
    gaps = _Passages(current, PROBLEM_KINDS)
    current_items = plan_items(current)
    prior_items = plan_items(prior)
    steps = _Steps(len(review.spans) + len(gaps.spans) + len(current_items) + 1 + len(prior_items),
                   progress, cancelled)
    review.index(steps, "evidence")
    gaps.index(steps, "gaps")
    current_plan = _PlanWords(current_items, steps, rules["max_shared"])
    targets = check_targets(extract_targets(prior), current, review_spans)
    steps.done("targets")
    # each item takes the targets inside it: found by bisection, as a long plan has thousands
    in_order = sorted(targets, key=lambda tr: tr.start)
    items: list[ItemResult] = []
    for plan in prior_items:
        query = tokenize(plan.text)
        result = ItemResult(plan.text, plan.heading, plan.start, plan.end, "no_evidence")
        result.evidence = review.best(query, rules["evidence_count"], rules["evidence_weak"])
        first = bisect.bisect_left(in_order, plan.start, key=lambda tr: tr.start)
        last = bisect.bisect_left(in_order, plan.end, key=lambda tr: tr.start)
        result.targets = in_order[first:last]
        repeat = current_plan.containing(set(query), rules["carried_over"])
        result.status, result.reasons = _status(result, repeat, gaps.best(query, 1, rules["acknowledged_gap"]))
        items.append(result)
        steps.done("items")
    return Comparison(prior, current, items, targets)


def shortcomings_to_plan(doc: Document) -> list[ShortcomingLink]:
    """For each shortcoming of ``doc``, the plan items of ``doc`` that address it, best first.

    A shortcoming with no item is one the report names but plans nothing for."""
    rules = data.rules()
    plan = plan_items(doc)
    sentences: list[tuple[int, tuple[str, ...]]] = []
    for n, item in enumerate(plan):
        for s in doc.sentences_in(item.start, item.end):
            sentences.append((n, tokenize(doc.text[s.start:s.end])))
    index = BM25([tokens for _, tokens in sentences], rules["max_shared"])
    out: list[ShortcomingLink] = []
    for gap in units_of(doc, "shortcomings"):
        best: dict[int, float] = {}
        for i, _, share, shared in index.scores(tokenize(gap.text)):
            n = sentences[i][0]
            if shared >= MIN_SHARED and share >= rules["addressed"]:
                best[n] = max(best.get(n, 0.0), share)
        links = [Link(plan[n].text, plan[n].heading, plan[n].start, plan[n].end, round(s, 3))
                 for n, s in sorted(best.items(), key=lambda kv: -kv[1])]
        out.append(ShortcomingLink(gap.text, gap.heading, gap.start, gap.end, links))
    return out
