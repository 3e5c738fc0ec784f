"""Last year's plan against this year's report: evidence, targets and a suggested status.

For every plan item of the prior report the current report's review sentences (sections of kind
achievements, responsibility and highlights — never its plan, targets or shortcomings) are ranked
with BM25 over jieba tokens. The item's quantified targets are checked against the figures the
review reports. The suggested status follows fixed rules, and every rule that fired is written
into the item's reasons so a reviewer can see why; the reviewer confirms or overrides it.
"""

from __future__ import annotations

import bisect
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
    """Sentences of one report, tokenized and indexed: those inside ``within`` (passages in text
    order), or, without it, those whose kind (``Document.kind_at``: spans honoured) is one of
    ``kinds``."""

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
        self.index = BM25([tokenize(doc.text[a:b]) for a, b, _ in self.spans])

    def best(self, query: tuple[str, ...], limit: int, min_share: float) -> list[Evidence]:
        return [Evidence(self.doc.text[a:b], a, b, round(share, 3), kind)
                for i, _, share in self.index.search(query, limit, MIN_SHARED, min_share)
                for a, b, kind in [self.spans[i]]]


def _containment(item: set[str], others: list[tuple[PlanItem, set[str]]]
                 ) -> tuple[PlanItem | None, float]:
    """The other plan item holding the largest share of ``item``'s words, and that share."""
    best: tuple[PlanItem | None, float] = (None, 0.0)
    for other, words in others:
        share = len(item & words) / len(item) if item else 0.0
        if share > best[1]:
            best = (other, share)
    return best


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


def compare_documents(prior: Document, current: Document) -> Comparison:
    """Match every plan item of ``prior`` with the evidence in ``current``."""
    rules = data.rules()
    review_spans = current.review_spans()
    review = _Passages(current, EVIDENCE_KINDS, review_spans)
    gaps = _Passages(current, PROBLEM_KINDS)
    targets = check_targets(extract_targets(prior), current, review_spans)
    current_plan = [(it, set(tokenize(it.text))) for it in plan_items(current)]
    # each item takes the targets inside it: found by bisection, as a long plan has thousands
    in_order = sorted(targets, key=lambda tr: tr.start)
    items: list[ItemResult] = []
    for plan in plan_items(prior):
        query = tokenize(plan.text)
        result = ItemResult(plan.text, plan.heading, plan.start, plan.end, "no_evidence")
        result.evidence = review.best(query, rules["evidence_count"], rules["evidence_weak"])
        first = bisect.bisect_left(in_order, plan.start, key=lambda tr: tr.start)
        last = bisect.bisect_left(in_order, plan.end, key=lambda tr: tr.start)
        result.targets = in_order[first:last]
        repeat = _containment(set(query), current_plan)
        result.status, result.reasons = _status(result, repeat, gaps.best(query, 1, rules["acknowledged_gap"]))
        items.append(result)
    return Comparison(prior, current, items, targets)


def shortcomings_to_plan(doc: Document) -> list[ShortcomingLink]:
    """For each shortcoming of ``doc``, the plan items of ``doc`` that address it, best first.

    A shortcoming with no item is one the report names but plans nothing for."""
    rules = data.rules()
    plan = plan_items(doc)
    sentences: list[tuple[int, tuple[str, ...]]] = []
    for n, item in enumerate(plan):
        for s in doc.sentences():
            if item.start <= s.start < item.end:
                sentences.append((n, tokenize(doc.text[s.start:s.end])))
    index = BM25([tokens for _, tokens in sentences])
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
