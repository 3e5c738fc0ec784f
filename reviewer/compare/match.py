"""Last year's plan against this year's report: promises, evidence, targets, a suggested status
for each, a summary, and warnings when the pair cannot be compared as it should.

For every plan group of the prior report (``（一）…``; a rule-of-law report's items) its concrete
promises are read (:mod:`reviewer.compare.promises`) and each is matched with the sentences of
the current report's account of the year (:mod:`reviewer.compare.evidence`): never its plan,
targets, shortcomings or five-year summary. The figures a promise names are checked against the
figures the review reports. Whether this year's plan repeats a promise and whether this year's
shortcomings name it are read too. The suggested status follows fixed rules (thresholds in
``data/rules.toml``), every rule that fired is written into the reasons so a reviewer can see
why, and the reviewer confirms or overrides it. A group's status is derived from its promises.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from reviewer.compare import data
from reviewer.compare.evidence import BigramIndex, Evidence, SentenceIndex, sentence_passages
from reviewer.compare.figures import (
    TargetResult,
    actual_in,
    actual_text,
    target_text,
    targets_in,
    verdict,
)
from reviewer.compare.items import PlanItem, plan_items, units_of
from reviewer.compare.promises import promises_in
from reviewer.compare.targets import check_headline, headline_targets
from reviewer.compare.tokens import tokenize
from reviewer.document import Document
from reviewer.i18n import t
from reviewer.profiles import kinds_where
from reviewer.progress import CancelCheck, Progress, check, without_cycle_collector

# what a reviewer can decide; a suggestion may also be "unclear" (too little to go on)
STATUSES = ("delivered", "partial", "no_evidence", "carried_over", "acknowledged_gap")
SUGGESTIONS = (*STATUSES, "unclear")
# kinds.toml: parts that account for work done, and parts or passages that admit problems
EVIDENCE_KINDS = kinds_where("evidence")
PROBLEM_KINDS = kinds_where("problem")
# a passage needs this many distinct words in common with an item to count as evidence
MIN_SHARED = 2
_CLAUSE = re.compile(r"[^，,；;。！？!?\n]+")


@dataclass
class PromiseResult:
    """One promise of a plan group (offsets into the prior text) with what the current report
    shows for it."""

    text: str
    start: int
    end: int
    status: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    targets: list[TargetResult] = field(default_factory=list)
    repeated: str = ""  # the sentence of this year's plan closest to it
    repeat_share: float = 0.0  # how much of it that sentence repeats (0–1)
    repeated_in: str = ""  # the heading of this year's plan group holding that sentence
    named: str = ""  # the clause of this year's shortcomings closest to it
    named_share: float = 0.0  # how much they share (0–1)


@dataclass
class ItemResult:
    """A prior plan group or item (offsets into the prior text) with what the current report
    shows: its own best evidence, its promises each with theirs, the figures it names."""

    text: str
    heading: str
    start: int
    end: int
    status: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    targets: list[TargetResult] = field(default_factory=list)
    promises: list[PromiseResult] = field(default_factory=list)


@dataclass(frozen=True)
class Warning:
    """Why the pair cannot be compared as it should: ``code`` (``no_plan``, ``no_review``,
    ``different_government``, ``not_consecutive``, ``same_report``), ``severity`` (``error``:
    nothing to compare; ``warning``: the comparison runs but says less than it should) and the
    message in the interface language."""

    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class Summary:
    """Counts for the top of a comparison: headline targets by verdict, promises and groups by
    suggested status."""

    targets: dict[str, int]
    promises: dict[str, int]
    items: dict[str, int]


@dataclass
class Comparison:
    prior: Document
    current: Document
    items: list[ItemResult]
    targets: list[TargetResult]  # the headline targets (主要预期目标)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def summary(self) -> Summary:
        from reviewer.compare.figures import VERDICTS

        verdicts = Counter(tr.verdict for tr in self.targets)
        promises = Counter(p.status for it in self.items for p in it.promises)
        groups = Counter(it.status for it in self.items)
        return Summary({v: verdicts.get(v, 0) for v in VERDICTS},
                       {s: promises.get(s, 0) for s in SUGGESTIONS},
                       {s: groups.get(s, 0) for s in SUGGESTIONS})


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


# --- what the current report holds -------------------------------------------------------------

def _problem_passages(doc: Document) -> list[tuple[int, int]]:
    """Clauses of the current report's shortcomings (sections and spans of a problem kind)."""
    spans = sorted([(s.start, s.end) for s in doc.sections_of_kind(*PROBLEM_KINDS)] +
                   [(sp.start, sp.end) for sp in doc.spans_of(*PROBLEM_KINDS)])
    out = []
    for lo, hi in spans:
        for m in _CLAUSE.finditer(doc.text, lo, hi):
            # a clause too short to name anything (从国内看) names no promise
            if m.end() - m.start() >= data.rules()["problem_clause"]:
                out.append((m.start(), m.end()))
    return out


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

    def ticker(self, name: str) -> Callable[[], None]:
        return lambda: self.done(name)


class _Context:
    """Everything about the current report the matching reads, built once (each sentence
    tokenized is a step of ``steps``)."""

    def __init__(self, current: Document, steps: _Steps):
        self.current = current
        self.review = current.review_spans()
        plan = sorted((s.start, s.end) for s in current.plan_sections())
        problems = _problem_passages(current)
        steps.total += sum(len(sentence_passages(current, spans))
                           for spans in (self.review, plan, problems))
        self.index = SentenceIndex(current, self.review, steps.ticker("evidence"))
        self.plan = SentenceIndex(current, plan, steps.ticker("plan"))
        self.problems = BigramIndex(current, problems)
        self.problem_words = SentenceIndex(current, problems, steps.ticker("gaps"))


def _heading_at(doc: Document, offset: int) -> str:
    chain = doc.section_at(offset)
    return f"{chain[-1].heading.numbering}{chain[-1].heading.title}" if chain else ""


# --- statuses ------------------------------------------------------------------------------

def _evidence(ctx: _Context, text: str, limit: int) -> list[Evidence]:
    rules = data.rules()
    hits = ctx.index.search(tokenize(text), limit, MIN_SHARED, rules["evidence_weak"], text)
    return [ctx.index.evidence(i, cov) for i, cov, _ in hits]


def _group_evidence(ctx: _Context, title: str, words: set[str], limit: int) -> list[Evidence]:
    """The sentences best matching a whole group: those carrying its heading (the review's own
    summaries and headings of the field count in full), else those most about the words of its
    heading and promises (a group's words are many; no sentence covers much of them)."""
    rules = data.rules()
    hits = ctx.index.search(tokenize(title), limit, MIN_SHARED, rules["group_heading"], title,
                            headings=True)
    if hits:
        return [ctx.index.evidence(i, cov) for i, cov, _ in hits]
    hits = ctx.index.search(tuple(words), limit, rules["evidence"]["group_shared"])
    return [ctx.index.evidence(i, sc) for i, _, sc in hits]


def _promise_targets(prior: Document, current: Document, span, evidence: list[Evidence]
                     ) -> list[TargetResult]:
    """The figures a promise names, each with the figure its evidence sentences give (never a
    search of the whole review per figure: that would grow with the plan times the review)."""
    out = []
    passages = [(e.start, e.end) for e in evidence]
    for target in targets_in(prior, span.start, span.end):
        actual = actual_in(current, target, passages)
        out.append(TargetResult(**vars(target), actual=actual, verdict=verdict(target, actual)))
    return out


def _promise_status(p: PromiseResult) -> tuple[str, list[str]]:
    """The suggested status of a promise and the reasons, in the order the rules apply: the
    figures it names (all reached: delivered; one missed or not reported: partial), this year's
    plan repeating it, this year's shortcomings naming it, and the strength of its evidence."""
    rules = data.rules()
    reasons: list[str] = []
    best = p.evidence[0] if p.evidence else None
    score = best.score if best else 0.0
    if best is not None:
        reasons.append(t("compare.reason_evidence", score=f"{score:.2f}", quote=best.quote[:40]))
    else:
        reasons.append(t("compare.reason_no_evidence"))
    for tr in p.targets:
        reasons.append(t("compare.reason_target", indicator=tr.indicator,
                         target=target_text(tr), actual=actual_text(tr),
                         verdict=t("compare.verdict_" + tr.verdict)))
    verdicts = Counter(tr.verdict for tr in p.targets)
    strong = best is not None and score >= rules["evidence_strong"] and best.done
    named = p.named_share >= rules["acknowledged_gap"]
    if verdicts["missed"]:
        reasons.append(t("compare.rule_partial_target"))
        return "partial", reasons
    if verdicts["met"]:
        if verdicts["met"] == len(p.targets):
            reasons.append(t("compare.rule_target_met"))
            return "delivered", reasons
        reasons.append(t("compare.rule_partial_target"))
        return "partial", reasons
    if best is None:
        if p.named_share >= rules["acknowledged_gap_first"]:
            reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
            return "acknowledged_gap", reasons
        if p.repeat_share >= rules["carried_over"]:
            reasons.append(t("compare.rule_carried_over", heading=p.repeated[:40],
                             share=f"{p.repeat_share:.0%}"))
            return "carried_over", reasons
        if named:
            reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
            return "acknowledged_gap", reasons
        reasons.append(t("compare.rule_no_evidence"))
        return "no_evidence", reasons
    if named and not strong:
        reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
        return "acknowledged_gap", reasons
    if p.repeat_share >= rules["carried_over_despite"] and score < rules["evidence_strong"]:
        reasons.append(t("compare.rule_carried_over", heading=p.repeated[:40],
                         share=f"{p.repeat_share:.0%}"))
        return "carried_over", reasons
    if strong:
        reasons.append(t("compare.rule_delivered"))
        return "delivered", reasons
    if all(e.heading for e in p.evidence) and score < rules["evidence_thin"]:
        # only a heading or a one-line restatement, and not much of the promise: too thin
        reasons.append(t("compare.rule_unclear"))
        return "unclear", reasons
    reasons.append(t("compare.rule_partial"))
    return "partial", reasons


def _group_status(item: ItemResult, named: str, named_share: float
                  ) -> tuple[str, list[str]]:
    """A group's status from its promises and its own evidence: this year's shortcomings naming
    the group's field is an acknowledged gap; a headline target of the group missed makes it
    partial; a group whose promises have evidence is delivered as a whole (its promises say
    which parts were not); a group without any evidence has none."""
    rules = data.rules()
    reasons: list[str] = []
    counts = Counter(p.status for p in item.promises)
    n = len(item.promises)
    if item.evidence:
        best = item.evidence[0]
        reasons.append(t("compare.reason_evidence", score=f"{best.score:.2f}",
                         quote=best.quote[:40]))
    else:
        reasons.append(t("compare.reason_no_evidence"))
    if n:
        reasons.append(t("compare.reason_promises", **{s: counts.get(s, 0) for s in STATUSES},
                         total=n))
    for tr in item.targets:
        if tr.headline:
            reasons.append(t("compare.reason_target", indicator=tr.indicator,
                             target=target_text(tr), actual=actual_text(tr),
                             verdict=t("compare.verdict_" + tr.verdict)))
    repeated = [p for p in item.promises if p.repeat_share >= rules["carried_over_despite"]]
    if n and len(repeated) / n >= rules["group_repeated"]:
        where = Counter(p.repeated_in for p in repeated).most_common(1)[0][0]
        reasons.append(t("compare.rule_group_carried_over", share=f"{len(repeated) / n:.0%}",
                         heading=where))
        return "carried_over", reasons
    gaps = [p for p in item.promises if p.status == "acknowledged_gap"]
    if named_share >= rules["acknowledged_gap_group"] or \
            (n and len(gaps) / n >= rules["group_named"]):
        quote = named if named_share >= rules["acknowledged_gap_group"] else \
            max(gaps, key=lambda p: p.named_share).named
        reasons.append(t("compare.rule_acknowledged_gap", quote=quote[:40]))
        return "acknowledged_gap", reasons
    if any(tr.headline and tr.verdict == "missed" for tr in item.targets):
        reasons.append(t("compare.rule_partial_target"))
        return "partial", reasons
    shown = sum(1 for p in item.promises if p.evidence)
    if item.evidence and (not n or shown / n >= rules["group_shown"]):
        reasons.append(t("compare.rule_group_delivered"))
        return "delivered", reasons
    if item.evidence or shown:
        reasons.append(t("compare.rule_group_partial"))
        return "partial", reasons
    reasons.append(t("compare.rule_no_evidence"))
    return "no_evidence", reasons


@without_cycle_collector()
def compare_documents(prior: Document, current: Document, *,
                      progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> Comparison:
    """Match every plan group of ``prior`` (its promises, its figures) with the evidence in
    ``current``, check ``prior``'s headline targets, and say what stands in the way.

    For a caller running it in the background (the app): ``progress(done, total, step)`` is
    called after each step (a sentence of ``current`` tokenized and indexed: ``evidence``,
    ``plan``, ``gaps``; the headline ``targets``; each plan group of ``prior``: ``items``; the
    ``checks`` of the pair), and ``cancelled()`` is asked after each; once it returns true the
    comparison stops by raising :class:`~reviewer.progress.Cancelled`.
    """
    from reviewer.compare.checks import check_pair

    rules = data.rules()
    groups = plan_items(prior)
    steps = _Steps(len(groups) + 2, progress, cancelled)
    ctx = _Context(current, steps)
    targets = check_headline(headline_targets(prior), current, ctx.review)
    steps.done("targets")
    items: list[ItemResult] = []
    for plan in groups:
        result = ItemResult(plan.text, plan.heading, plan.start, plan.end, "no_evidence")
        words = set(tokenize(plan.heading.split(" / ")[-1]))
        for span in promises_in(prior, plan.start, plan.end):
            text = prior.text[span.start:span.end]
            words.update(tokenize(text))
            p = PromiseResult(text, span.start, span.end, "no_evidence")
            p.evidence = _evidence(ctx, text, rules["evidence_count"])
            p.targets = _promise_targets(prior, current, span, p.evidence)
            i, repeat, _ = ctx.plan.closest(tokenize(text))
            if i >= 0:
                a, b = ctx.plan.spans[i]
                p.repeated, p.repeat_share = current.text[a:b], round(repeat, 3)
                p.repeated_in = _heading_at(current, a)
            j, gap = ctx.problems.best(text, both=True)
            if j >= 0:
                a, b = ctx.problems.spans[j]
                p.named, p.named_share = current.text[a:b], round(gap, 3)
            p.status, p.reasons = _promise_status(p)
            result.promises.append(p)
            result.targets.extend(p.targets)
        if not result.promises:
            words.update(tokenize(plan.text))
        title = plan.heading.split(" / ")[-1]
        result.evidence = _group_evidence(ctx, title, words, rules["evidence_count"])
        j, gap = ctx.problems.best(title, both=True)
        named = current.text[slice(*ctx.problems.spans[j])] if j >= 0 else ""
        k, _, focus = ctx.problem_words.closest(tokenize(title))
        if focus >= rules["acknowledged_gap_group_focus"] and focus > gap:
            gap, named = 1.0, current.text[slice(*ctx.problem_words.spans[k])]
        result.status, result.reasons = _group_status(result, named, gap)
        items.append(result)
        steps.done("items")
    checks = check_pair(prior, current, ctx.review)
    steps.done("checks")
    return Comparison(prior, current, items, targets, checks)


def shortcomings_to_plan(doc: Document) -> list[ShortcomingLink]:
    """For each shortcoming of ``doc``, the plan items of ``doc`` that address it, best first.

    A shortcoming with no item is one the report names but plans nothing for."""
    from reviewer.compare.bm25 import BM25

    rules = data.rules()
    plan = plan_items(doc)
    sentences: list[tuple[int, tuple[str, ...]]] = []
    every = doc.sentences()
    for n, item in enumerate(plan):
        first = bisect.bisect_left(every, item.start, key=lambda x: x.start)
        for sent in every[first:]:
            if sent.start >= item.end:
                break
            sentences.append((n, tokenize(doc.text[sent.start:sent.end])))
    index = BM25([tokens for _, tokens in sentences], rules["max_postings"])
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


__all__ = ["STATUSES", "SUGGESTIONS", "Comparison", "Evidence", "ItemResult", "Link",
           "PlanItem", "PromiseResult", "ShortcomingLink", "Summary", "Warning",
           "compare_documents", "shortcomings_to_plan"]
