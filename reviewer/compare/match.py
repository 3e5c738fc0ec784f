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
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from reviewer.compare import data
from reviewer.compare.evidence import (
    BigramIndex,
    Evidence,
    SentenceIndex,
    Spread,
    result,
    sentence_passages,
    weighty,
)
from reviewer.compare.figures import (
    Target,
    TargetResult,
    actual_in,
    actual_text,
    measure,
    target_text,
    targets_in,
    verdict,
)
from reviewer.compare.items import PlanItem, commitment_items, plan_items, units_of
from reviewer.compare.promises import promises_in
from reviewer.compare.targets import check_headline, headline_targets, passages
from reviewer.compare.tokens import tokenize
from reviewer.document import Document
from reviewer.document.figures import figures
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
# 再 at most this many characters before a figure (再提高30元, 分别再提高30元) makes it a new round
_AGAIN_GAP = 4


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
    renewed: bool = False  # that sentence sets a new figure for it: a new year's target
    named: str = ""  # the clause of this year's shortcomings closest to it
    named_share: float = 0.0  # how much they share (0–1)
    # a lacking clause of this year's shortcomings most of which is the promise's own words,
    # however differently put (账款拖欠问题仍较突出 for 健全防范化解拖欠企业账款长效机制)
    named_other: str = ""


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
    # what it is of the prior report: a group of its plan (``plan``), its plan year's targets
    # passage, its concrete commitments only (``targets``), an item of an appendix listing the
    # plan year's projects (``list``: 民生实事)
    kind: str = "plan"


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
        self.plan_figures: dict[int, list] = {}  # the figures of a plan sentence, read once
        problems = _problem_passages(current)
        steps.total += sum(len(sentence_passages(current, spans))
                           for spans in (self.review, plan, problems))
        self.index = SentenceIndex(current, self.review, steps.ticker("evidence"))
        self.plan = SentenceIndex(current, plan, steps.ticker("plan"))
        self.problems = BigramIndex(current, problems)
        self.problem_words = SentenceIndex(current, problems, steps.ticker("gaps"))
        # the opening paragraph of each part accounting for the year: its summary of the whole
        # year (一年来，…在…坚强领导下，…主要目标任务顺利完成…)
        self._headings: dict[int, str] = {}
        self.openings: list[tuple[int, int]] = []
        for sec in current.sections_of_kind(*EVIDENCE_KINDS):
            first = bisect.bisect_left(current.paragraphs, sec.heading.para_end,
                                       key=lambda p: p.start)
            if first < len(current.paragraphs) and current.paragraphs[first].end <= sec.end:
                par = current.paragraphs[first]
                self.openings.append((par.start, par.end))

    def heading_at(self, offset: int) -> str:
        """The heading of the part of this year's report at ``offset`` (many promises are
        repeated in the same few sentences of its plan)."""
        got = self._headings.get(offset)
        if got is None:
            got = self._headings[offset] = _heading_at(self.current, offset)
        return got

    def summary(self, e: Evidence) -> bool:
        """``e`` stands in a part's opening paragraph and names no figure: it sums up the year
        in general terms and delivers no promise of its own."""
        return any(a <= e.start and e.end <= b for a, b in self.openings) and \
            not figures(e.quote)


@cache
def _lack_words() -> re.Pattern[str]:
    words = sorted(data.load("promises")["shortcomings"]["lack"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _lack(clause: str) -> bool:
    """The clause of the shortcomings says something is lacking (有效需求不足, 还需持续发力), not
    only what it is about (对照高质量发展要求)."""
    return bool(_lack_words().search(clause))


def _named_other(ctx: _Context, text: str) -> str:
    """The clause of this year's shortcomings naming a promise in other words, or "": it says
    something is lacking, most of its own words are the promise's
    (``acknowledged_gap_focus``) and it shares at least ``acknowledged_gap_words`` of the words
    the promise is about (neither light nor verbs of action): 生产性服务业还需加快发展 names
    开展生产性服务业创新发展行动, 消费潜力有待进一步激发 no promise only about 消费."""
    rules = data.rules()
    words = tokenize(text)
    k, _, focus = ctx.problem_words.closest(words)
    if k < 0 or focus < rules["acknowledged_gap_focus"]:
        return ""
    conf = data.load("promises")["promise"]
    verbs = {*conf["action"], *conf["deliverable"]}
    about = {w for w in words if len(w) >= 2 and weighty(w) and w not in verbs}
    if len(about.intersection(ctx.problem_words.tokens[k])) < rules["acknowledged_gap_words"]:
        return ""
    clause = ctx.current.text[slice(*ctx.problem_words.spans[k])]
    return clause if _lack(clause) else ""


_FIRST_CLAUSE = re.compile(r"[^，,；;。]+")


def _objects(title: str) -> set[str]:
    """What a group's heading is about: the words of its first clause that are neither light
    nor verbs of action (（二）提振和扩大消费，… → 消费; （一）着力扩大国内需求 → 国内, 需求)."""
    m = _FIRST_CLAUSE.search(title)
    conf = data.load("promises")["promise"]
    verbs = {*conf["action"], *conf["deliverable"]}
    return {w for w in tokenize(m.group() if m else title)
            if len(w) >= 2 and weighty(w) and w not in verbs}


def _heading_at(doc: Document, offset: int) -> str:
    chain = doc.section_at(offset)
    return f"{chain[-1].heading.numbering}{chain[-1].heading.title}" if chain else ""


# --- statuses ------------------------------------------------------------------------------

def _evidence(ctx: _Context, text: str, limit: int, spread: Spread
              ) -> tuple[list[Evidence], tuple[Evidence, float] | None]:
    """A promise's evidence; where it has none, the review sentence carrying most of it and
    how much of it (0–1, words and characters as for evidence): one carrying much of it may
    speak of it in other words, so "no evidence" cannot be said with confidence."""
    rules = data.rules()
    hits, near = ctx.index.search_or_closest(
        tokenize(text), limit, MIN_SHARED, rules["evidence_weak"], text,
        (rules["evidence_named"], rules["evidence_named_words"]), spread)
    if near is None:
        return [ctx.index.evidence(i, cov) for i, cov, _ in hits], None
    return [], (ctx.index.evidence(*near), near[1])


def _naming_words(indicator: str) -> list[str]:
    """The words naming what an indicator measures, in order, without light words and verbs of
    action (新建社区食堂 → 社区, 食堂; 图书借阅总量增长 → 图书, 借阅, 总量): its last one is what is
    counted."""
    conf = data.load("promises")["promise"]
    verbs = {*conf["action"], *conf["deliverable"]}
    return [w for w in tokenize(measure(indicator)[0]) if weighty(w) and w not in verbs]


def _named_in(tr: TargetResult, rarity: Callable[[str], float]) -> bool:
    """The review's figure for a promise's target is named as the target is: the clause giving
    it holds what the target counts, at least ``near_named_words`` of the words naming it and
    the rarest of them in the review (``rarity``: a word it never uses is the rarest), so
    全市图书借阅总量增长12% answers 图书借阅总量增长10%, but neither 图书销售总量增长12% (借阅 is
    missing) nor 新增企业30家 for 新增科技企业20家 (one word in common says not which figure)."""
    if tr.actual is None:
        return False
    want = _naming_words(tr.indicator)
    have = set(tokenize(tr.actual.quote))
    least = data.rules()["near_named_words"]
    if len(set(want)) < least or want[-1] not in have or len(have.intersection(want)) < least:
        return False
    return max(want, key=lambda w: (rarity(w), w)) in have


def _near_named(ctx: _Context, named_targets: list[Target], near: Evidence
                ) -> list[TargetResult] | None:
    """The targets of a promise without evidence as the review sentence closest to it answers
    them, where it reports one of them by name (:func:`_named_in`): that sentence is then its
    evidence, however little else of the promise it carries (全市图书借阅总量增长12% for 新建城市
    书房30座、乡村阅读驿站50个…，图书借阅总量增长10%); None where it reports none."""
    if not named_targets:
        return None
    named = _promise_targets(ctx.current, named_targets, [near])
    idf = ctx.index.idf
    return named if any(_named_in(tr, lambda w: idf.get(w, math.inf)) for tr in named) else None


def _group_evidence(ctx: _Context, title: str, words: set[str], limit: int) -> list[Evidence]:
    """The sentences best matching a whole group: those carrying its heading (the review's own
    summaries and headings of the field count in full), else those most about the words of its
    heading and promises (a group's words are many; no sentence covers much of them). A
    heading or one-line sentence of the review counts only when it names what the group's
    heading is about (:func:`_objects`): one of another field sharing only the plan's stock
    words (（三）…高质量发展内生动力持续增强 for （六）发挥经济体制改革牵引作用，增强发展动力活力)
    is none of its evidence."""
    rules = data.rules()
    hits = ctx.index.search(tokenize(title), limit, MIN_SHARED, rules["group_heading"], title,
                            headings=True)
    about = _objects(title)
    if about:
        hits = [h for h in hits
                if not ctx.index.heading[h[0]] or about & set(ctx.index.tokens[h[0]])]
    if hits:
        return [ctx.index.evidence(i, cov) for i, cov, _ in hits]
    return _group_words(ctx, words, limit)


def _group_words(ctx: _Context, words: set[str], limit: int) -> list[Evidence]:
    """The sentences most about the words of a group's heading and promises."""
    hits = ctx.index.search(tuple(words), limit, data.rules()["evidence"]["group_shared"])
    return [ctx.index.evidence(i, sc) for i, _, sc in hits]


def _promise_targets(current: Document, targets: list[Target], evidence: list[Evidence]
                     ) -> list[TargetResult]:
    """The figures a promise names (``targets``: :func:`targets_in` of its span), each with the
    figure its evidence sentences give (never a search of the whole review per figure: that
    would grow with the plan times the review)."""
    out = []
    passages = [(e.start, e.end) for e in evidence]
    for target in targets:
        actual = actual_in(current, target, passages)
        out.append(TargetResult(**vars(target), actual=actual, verdict=verdict(target, actual)))
    return out


def _renewed(prior: Document, start: int, end: int, current: Document, a: int, b: int,
             cache: dict[int, list] | None = None) -> bool:
    """This year's plan sentence ``current.text[a:b]`` sets a new figure for the promise
    ``prior.text[start:end]``: a figure in the unit of one of the promise's that differs from all
    of them (新增托位2000个 → 新增托位3800个), or comes after 再 (补助标准再提高30元): a new year's
    target of the same kind, not last year's promise carried over."""
    most = data.indicators()["actual"]["max_figures"]
    mine = figures(prior.text, start, end)[:most]
    if not mine:
        return False
    again = data.load("promises")["promise"]["again"]
    found = cache.get(a) if cache is not None else None
    if found is None:
        found = figures(current.text, a, b)[:most]
        if cache is not None:
            cache[a] = found
    for f in found:
        same = [m for m in mine if m.written_unit == f.written_unit]
        if not same:
            continue
        lead = current.text[max(a, f.start - len(again) - _AGAIN_GAP): f.start]
        if again in lead or all(abs(m.value - f.value) > 1e-9 * max(1.0, abs(f.value))
                                for m in same):
            return True
    return False


@cache
def _delay_words() -> re.Pattern[str]:
    words = sorted(data.load("promises")["evidence"]["delayed"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _delayed(quote: str, promise: str) -> str:
    """The word of an evidence sentence saying the promise was put off (推迟, 延期, 未能如期), read
    in its clause most about the promise (sharing most character pairs with it) or at the opening
    of the next, or "": 区体育馆推迟至明年建成 reports 建成区体育馆 late, whatever other word of a
    result it holds; 区体育馆建成，区图书馆改造推迟 does not."""
    grams = _pairs(promise)
    clauses = _CLAUSE.findall(quote) or [quote]
    k = max(range(len(clauses)), key=lambda i: (len(grams & _pairs(clauses[i])), -i))
    m = _delay_words().search(clauses[k])
    if m is None and k + 1 < len(clauses):
        # a clause opening with the word goes on about the same subject (…主体完工，未能如期投用)
        m = _delay_words().match(clauses[k + 1].lstrip())
    return m.group() if m else ""


def _promise_status(p: PromiseResult, near: tuple[str, float] = ("", 0.0)
                    ) -> tuple[str, list[str]]:
    """The suggested status of a promise and the reasons, in the order the rules apply: the
    figures it names (all reached: delivered; one missed or not reported: partial), this year's
    plan repeating it, this year's shortcomings naming it, and the strength of its evidence.
    ``near``: for a promise without evidence, the review sentence closest to it and its share
    (:func:`_evidence`)."""
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
    named = p.named_share >= rules["acknowledged_gap"] or bool(p.named_other)
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
        if p.named_share >= rules["acknowledged_gap_first"] or p.named_other:
            # named almost in its own words, or by a lacking clause made of its words: admitted
            # unsolved, though this year's plan may list it again
            reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
            return "acknowledged_gap", reasons
        if p.repeat_share >= rules["carried_over"] and p.renewed:
            reasons.append(t("compare.rule_renewed", quote=p.repeated[:40]))
        elif p.repeat_share >= rules["carried_over"]:
            reasons.append(t("compare.rule_carried_over", heading=p.repeated[:40],
                             share=f"{p.repeat_share:.0%}"))
            return "carried_over", reasons
        if named:
            reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
            return "acknowledged_gap", reasons
        if near[1] >= rules["no_evidence_near"]:
            # a sentence of the review carries much of it without reaching evidence: it may
            # speak of it in other words
            reasons.append(t("compare.rule_unclear_near", share=f"{near[1]:.2f}",
                             quote=near[0][:40]))
            return "unclear", reasons
        reasons.append(t("compare.rule_no_evidence"))
        return "no_evidence", reasons
    if (named and not strong) or p.named_share >= rules["acknowledged_gap_first"]:
        # named in this year's shortcomings almost in its own words (融资难、融资贵问题尚未有效
        # 缓解): admitted unsolved, whatever work the review reports on it
        reasons.append(t("compare.rule_acknowledged_gap", quote=p.named[:40]))
        return "acknowledged_gap", reasons
    if p.repeat_share >= rules["carried_over_despite"] and not p.renewed and \
            score < rules["evidence_strong"]:
        reasons.append(t("compare.rule_carried_over", heading=p.repeated[:40],
                         share=f"{p.repeat_share:.0%}"))
        return "carried_over", reasons
    late = _delayed(best.quote, p.text)
    if late:
        # reported put off (推迟至明年, 未能如期): some work, not kept as promised
        reasons.append(t("compare.rule_delayed", word=late))
        return "partial", reasons
    done, under = result(best.quote, p.text)
    if under:
        # work reported under way (有序推进, 开工, 基本完成) tells neither that it was delivered
        # nor how much of it is left: readers judge such promises either way
        reasons.append(t("compare.rule_under_way"))
        return "unclear", reasons
    if strong or (done and score >= rules["evidence_done"]):
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
    partial; a group many of whose promises are partial is unclear (readers split); a group whose
    promises have evidence is delivered as a whole (its promises say which parts were not); a
    group without any evidence has none."""
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
        reasons.append(t("compare.reason_promises", **{s: counts.get(s, 0) for s in SUGGESTIONS},
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
    partial = counts.get("partial", 0)
    if n and partial / n >= rules["group_partial"]:
        # many of its promises only partly kept (two of a 民生实事 item's five): readers judge
        # such a group delivered as a whole or partial, either way
        reasons.append(t("compare.rule_group_split", partial=partial, total=n))
        return "unclear", reasons
    shown = sum(1 for p in item.promises if p.evidence)
    if (item.evidence and not n) or (n and shown / n >= rules["group_shown"]):
        # the group's work is reported as a whole; which promises were not, its promises say
        reasons.append(t("compare.rule_group_delivered", shown=shown, total=n)
                       if n else t("compare.rule_group_delivered_whole"))
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
    ``plan``, ``gaps``; the headline ``targets``; each plan group of ``prior``: ``items`` for its
    promises, ``groups`` for its own evidence and status; the ``checks`` of the pair), and ``cancelled()`` is asked after each; once it returns true the
    comparison stops by raising :class:`~reviewer.progress.Cancelled`.
    """
    from reviewer.compare.checks import check_pair

    rules = data.rules()
    groups = commitment_items(prior)
    # a step for each group's promises, one for each group's own evidence and status
    steps = _Steps(2 * len(groups) + 2, progress, cancelled)
    ctx = _Context(current, steps)
    targets = compare_targets(prior, current, ctx.review)
    steps.done("targets")
    items: list[ItemResult] = []
    pending: list[tuple[ItemResult, str, set[str]]] = []
    headline = passages(prior)
    # every group's promises and words first: how many groups use a word weighs it in each
    # promise's match
    spans = [promises_in(prior, plan.start, plan.end, strict=plan.kind == "targets",
                         skip=headline if plan.kind == "targets" else None) for plan in groups]
    group_words = [{*tokenize(plan.heading.split(" / ")[-1]),
                    *(w for s in found for w in tokenize(prior.text[s.start:s.end]))}
                   for plan, found in zip(groups, spans, strict=True)]
    for plan, found, words in zip(groups, spans, group_words, strict=True):
        if not found and plan.kind != "targets":
            words.update(tokenize(plan.text))  # a group without promises: its whole text
    spread = Spread(group_words, [plan.text for plan in groups])
    for plan, own, words in zip(groups, spans, group_words, strict=True):
        result = ItemResult(plan.text, plan.heading, plan.start, plan.end, "no_evidence",
                            kind=plan.kind)
        strict = plan.kind == "targets"
        for span in own:
            text = prior.text[span.start:span.end]
            p = PromiseResult(text, span.start, span.end, "no_evidence")
            p.evidence, near = _evidence(ctx, text, rules["evidence_count"], spread)
            named_targets = targets_in(prior, span.start, span.end)
            p.targets = _promise_targets(current, named_targets, p.evidence)
            closest = ("", 0.0)
            if near is not None:
                named = _near_named(ctx, named_targets, near[0])
                if named is None:
                    closest = (near[0].quote, near[1])
                else:
                    p.evidence, p.targets = [near[0]], named
            i, repeat, _ = ctx.plan.closest(tokenize(text))
            if i >= 0:
                a, b = ctx.plan.spans[i]
                p.repeated, p.repeat_share = current.text[a:b], round(repeat, 3)
                p.renewed = _renewed(prior, span.start, span.end, current, a, b,
                                     ctx.plan_figures)
                p.repeated_in = ctx.heading_at(a)
            j, gap = ctx.problems.best(text, both=True)
            if j >= 0:
                a, b = ctx.problems.spans[j]
                p.named, p.named_share = current.text[a:b], round(gap, 3)
            p.named_other = _named_other(ctx, text)
            if p.named_other and p.named_share < rules["acknowledged_gap"]:
                p.named = p.named_other  # the clause naming it, not the one closest by wording
            p.status, p.reasons = _promise_status(p, closest)
            result.promises.append(p)
            result.targets.extend(p.targets)
        steps.done("items")
        if strict and not result.promises:
            steps.done("groups")  # its second step has nothing to do
            continue  # a targets passage committing to nothing one can check
        title = plan.heading.split(" / ")[-1]
        pending.append((result, title, words))
    # a sentence among the best of many groups (a summary of the year: 在…坚强领导下，我们坚持…)
    # says nothing of any one of them
    found = []
    for _, title, words in pending:
        found.append(_group_evidence(ctx, title, words, 2 * rules["evidence_count"]))
        steps.done("groups")
    shared = Counter(e.start for ev in found for e in ev)
    common = max(rules["group_common"], int(rules["group_common_share"] * len(pending)))
    # the year's summary at the opening of the review, among the best of a few groups
    summary = {e.start for ev in found for e in ev
               if shared[e.start] >= rules["group_summary"] and ctx.summary(e)}
    # the words a group's heading is about, kept where few other groups' headings share them,
    # against the clauses of this year's shortcomings that say something is lacking
    objects = [_objects(title) for _, title, _ in pending]
    headings_using = Counter(w for words in objects for w in words)
    # the first lacking clause holding each word: a group finds its first in the words it is
    # about, not by reading every lacking clause
    lacking: dict[str, int] = {}
    for k, toks in enumerate(ctx.problem_words.tokens):
        if _lack(current.text[slice(*ctx.problem_words.spans[k])]):
            for w in toks:
                lacking.setdefault(w, k)
    # a group whose heading found only the year's summaries: the sentences most about its
    # words instead, counted with the others' (they may be a summary too)
    instead = {n: _group_words(ctx, words, 2 * rules["evidence_count"])
               for n, ((_, _, words), ev) in enumerate(zip(pending, found, strict=True))
               if ev and all(shared[e.start] >= common or e.start in summary for e in ev)}
    shared.update(e.start for ev in instead.values() for e in ev)
    for n, ((result, title, _), evidence) in enumerate(zip(pending, found, strict=True)):
        evidence = instead.get(n, evidence)
        own = [e for e in evidence if shared[e.start] < common and e.start not in summary]
        result.evidence = own[: rules["evidence_count"]]
        j, gap = ctx.problems.best(title, both=True)
        named = current.text[slice(*ctx.problems.spans[j])] if j >= 0 else ""
        k, _, focus = ctx.problem_words.closest(tokenize(title))
        if k >= 0 and focus >= rules["acknowledged_gap_group_focus"] and \
                objects[n] & set(ctx.problem_words.tokens[k]):
            # most of a lacking clause is the heading's, what the heading is about among it
            # (投资增长动力不足 names no （六）构建高水平社会主义市场经济体制，充分激发…内生动力)
            clause = current.text[slice(*ctx.problem_words.spans[k])]
            if _lack(clause):
                gap, named = 1.0, clause
        own = {w for w in objects[n] if headings_using[w] <= rules["group_object_spread"]}
        if gap < 1.0 and own:
            k = min((lacking[w] for w in own if w in lacking), default=-1)
            if k >= 0:
                # 激发消费潜能、优化投资结构还需持续加力 names （二）提振和扩大消费's field
                gap, named = 1.0, current.text[slice(*ctx.problem_words.spans[k])]
        result.status, result.reasons = _group_status(result, named, gap)
        items.append(result)
    checks = check_pair(prior, current, ctx.review)
    if _nothing_to_judge_in(current, ctx.review):
        _nothing_to_judge(items, current)
    steps.done("checks")
    return Comparison(prior, current, items, targets, checks)


def _reviews_only_five_years(doc: Document) -> bool:
    """The report's account of work done is recognised and is about the five years only (a
    换届 report reviewing 十二五 without a word of its own on the last year): the year's
    figures are then really not reported, a finding, not an account gone unrecognised."""
    evidence = kinds_where("evidence")
    return doc.report_text and any(s.kind in evidence and s.period == "five_year"
                                   for s in doc.sections)


def compare_targets(prior: Document, current: Document,
                    review: list[tuple[int, int]] | None = None) -> list[TargetResult]:
    """``prior``'s headline targets checked against ``current``'s account of the year
    (``review``: its spans, read here when not given), as :func:`compare_documents` gives them,
    without matching the plan's promises: every verdict ``unclear`` where no account of the year
    was recognised."""
    review = current.review_spans() if review is None else review
    targets = check_headline(headline_targets(prior), current, review)
    if _nothing_to_judge_in(current, review):
        why = _no_account(current)
        targets = [replace(tr, verdict="unclear", reasons=(why,)) for tr in targets]
    return targets


def _nothing_to_judge_in(current: Document, review: list[tuple[int, int]]) -> bool:
    return not review and not _reviews_only_five_years(current)


def _no_account(current: Document) -> str:
    return t("compare.rule_no_review" if current.report_text else "compare.rule_no_report_text")


def _nothing_to_judge(items: list[ItemResult], current: Document) -> None:
    """No account of the year was recognised in the current report (a page without report
    text, a structure not read): nothing can be said of any promise or target, and 'no
    evidence' or 'not reported' would say it confidently where the account may only have gone
    unrecognised. Every status (and, in :func:`compare_targets`, every verdict) is ``unclear``,
    with why."""
    why = _no_account(current)
    for item in items:
        item.status, item.reasons = "unclear", [why]
        for p in item.promises:
            p.status, p.reasons = "unclear", [why]


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
           "compare_documents", "compare_targets", "shortcomings_to_plan"]
