"""The review of one report: annotations, flag decisions, plan and target assessments, scores and
verdict.

Pure data and the small operations the app performs on it; reading and writing TOML is in
``codec``, files and merging in ``store``. Entries are frozen: a change replaces the entry, which
keeps undo simple and lets the writer reuse the rendered TOML of every entry that did not change.
Every anchor points into the normalized text of the report (``Document.text``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reviewer.review.anchor import Anchor
from reviewer.review.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from reviewer.document import Document

SCHEMA = 1
_LINE_END = re.compile(r"\r+\n")

# Where a review stands: nothing recorded yet, begun, or done (a verdict is set); labels in
# review.review_status.*, in this order in lists and sorts.
STATUSES = ("not_started", "in_progress", "done")


def now() -> datetime:
    """The current time with the local offset, to the second (as written to the file)."""
    return datetime.now().astimezone().replace(microsecond=0)


def one_newline(text: str) -> str:
    """Free text typed by a person keeps ``\\n`` line ends only, as TOML multi-line strings do
    (carriage returns before a line end go, so no ``\\r\\n`` is left however many there were)."""
    return _LINE_END.sub("\n", text)


def _digest_id(prefix: str, *parts: object) -> str:
    """An id that two sessions deciding the same thing compute alike, so merging pairs them."""
    key = "\0".join(str(p) for p in parts).encode("utf-8", "surrogatepass")
    return f"{prefix}-{hashlib.sha1(key).hexdigest()[:8]}"


@dataclass(frozen=True)
class ReportIdentity:
    """Which report (and which version of it) a review is about."""

    path: str
    sha256: str
    text_sha256: str
    title: str = ""
    government: str = ""
    year: int | None = None
    genre: str = ""

    @classmethod
    def of(cls, doc: Document, path: str | None = None) -> ReportIdentity:
        return cls(path if path is not None else doc.path, doc.raw_sha256, doc.text_sha256,
                   doc.title, doc.government, doc.year, doc.genre)


def tag_list(tags: str | Iterable[str]) -> tuple[str, ...]:
    """Tags as a note keeps them: each stripped, empty ones and repeats dropped, in order; a
    single string is one tag."""
    if isinstance(tags, str):
        tags = (tags,)
    out: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True)
class Annotation:
    """A note on a passage. ``tags``: any number (one string stands for one tag)."""

    id: str
    anchor: Anchor
    tags: tuple[str, ...]
    severity: str
    note: str
    section_path: tuple[str, ...]
    created: datetime
    updated: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tag_list(self.tags))
        object.__setattr__(self, "note", one_newline(self.note))
        object.__setattr__(self, "section_path", tuple(self.section_path))

    @property
    def tag(self) -> str:
        """The tags as one label, for showing and for a single column (``数据存疑、亮点``)."""
        return "、".join(self.tags)


@dataclass(frozen=True)
class FlagDecision:
    """What the reviewer decided about one flag; a flag never touched is not stored."""

    id: str
    rule: str
    anchor: Anchor
    decision: str
    note: str
    decided: datetime
    message: str = ""  # what the check said, as the reviewer saw it when deciding

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", one_newline(self.note))


@dataclass(frozen=True)
class PlanAssessment:
    """How far one item of the prior year's plan was carried out.

    ``item`` points into the prior report's text, ``evidence`` into the current one.
    """

    id: str
    item: Anchor
    heading: str
    suggested: str
    status: str
    evidence: tuple[Anchor, ...]
    note: str
    updated: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", one_newline(self.note))
        object.__setattr__(self, "evidence", tuple(self.evidence))


@dataclass(frozen=True)
class TargetAssessment:
    """The reviewer's verdict on one quantified target of the prior year's plan (国内生产总值增长
    5%左右): the comparison's ``suggested`` verdict, confirmed or overridden.

    ``anchor`` points into the prior report's text, at the target as written there.
    """

    id: str
    indicator: str
    anchor: Anchor
    suggested: str
    verdict: str
    note: str
    updated: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", one_newline(self.note))


@dataclass
class ReanchorReport:
    """What re-anchoring on a changed report did: counts by method and the orphans' ids."""

    same: int = 0
    exact: int = 0
    fuzzy: int = 0
    orphans: list[str] = field(default_factory=list)

    def count(self, method: str, owner: str) -> None:
        if method == "orphan":
            if owner not in self.orphans:
                self.orphans.append(owner)
        else:
            setattr(self, method, getattr(self, method) + 1)

    @property
    def moved(self) -> int:
        return self.exact + self.fuzzy


def _text_order(a: Annotation) -> tuple:
    return (a.anchor.start, a.anchor.end, a.created, a.id)


def _section_path(doc: Document, offset: int) -> tuple[str, ...]:
    return tuple(s.heading.numbering + s.heading.title for s in doc.section_at(offset))


@dataclass
class Review:
    report: ReportIdentity
    created: datetime
    updated: datetime
    reviewer: str = ""
    verdict: str = ""
    summary: str = ""
    prior: ReportIdentity | None = None
    scores: dict[str, int] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)
    flags: list[FlagDecision] = field(default_factory=list)
    plans: list[PlanAssessment] = field(default_factory=list)
    targets: list[TargetAssessment] = field(default_factory=list)
    schema: int = SCHEMA

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "summary" and isinstance(value, str):
            value = one_newline(value)
        object.__setattr__(self, name, value)

    @classmethod
    def new(cls, doc: Document, reviewer: str = "") -> Review:
        stamp = now()
        return cls(report=ReportIdentity.of(doc), created=stamp, updated=stamp, reviewer=reviewer)

    def copy(self) -> Review:
        """A copy whose lists can change without touching this one (entries are frozen)."""
        return replace(self, scores=dict(self.scores), annotations=list(self.annotations),
                       flags=list(self.flags), plans=list(self.plans),
                       targets=list(self.targets))

    # --- annotations -----------------------------------------------------------------------
    def annotation(self, ident: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == ident), None)

    def _index(self, ident: str) -> int:
        for i, a in enumerate(self.annotations):
            if a.id == ident:
                return i
        raise KeyError(ident)

    def add_annotation(self, doc: Document, start: int, end: int, *,
                       tag: str | Iterable[str] = (), severity: str = "",
                       note: str = "") -> Annotation:
        """A new note on ``start..end``; ``tag``: its tag, or its tags."""
        if not 0 <= start < end <= len(doc.text):
            raise ValueError(f"an annotation needs a non-empty span inside the text, "
                             f"not {start}..{end}")
        taken = {a.id for a in self.annotations}
        ident = f"a-{secrets.token_hex(4)}"
        while ident in taken:
            ident = f"a-{secrets.token_hex(4)}"
        stamp = now()
        made = Annotation(ident, Anchor.from_span(doc.text, start, end),
                          tag_list(tag),
                          _severity(severity), note, _section_path(doc, start), stamp, stamp)
        self._insert(made)
        return made

    def _insert(self, annotation: Annotation) -> None:
        """Keep annotations in the order of the text, so the file reads like the report."""
        bisect.insort(self.annotations, annotation, key=_text_order)

    def update_annotation(self, ident: str, *, tag: str | Iterable[str] | None = None,
                          severity: str | None = None, note: str | None = None) -> Annotation:
        """Change a note; ``tag``: its tags now (one, or several), ``None`` keeps them."""
        i = self._index(ident)
        old = self.annotations[i]
        new = replace(old, tags=old.tags if tag is None else tag_list(tag),
                      severity=old.severity if severity is None else _severity(severity),
                      note=old.note if note is None else note)
        if new == old:
            return old
        new = replace(new, updated=now())
        self.annotations[i] = new
        return new

    def remove_annotation(self, ident: str) -> Annotation:
        return self.annotations.pop(self._index(ident))

    def restore_annotation(self, annotation: Annotation) -> None:
        """Put back a removed annotation (undo), in its place in the text."""
        self.annotations = [a for a in self.annotations if a.id != annotation.id]
        self._insert(annotation)

    @property
    def orphans(self) -> list[Annotation]:
        return [a for a in self.annotations if a.anchor.orphan]

    # --- flags (duck-typed: anything with .rule, .start, .end) -------------------------------
    def flag_decision_for(self, flag: Any) -> FlagDecision | None:
        return next((d for d in self.flags if d.rule == flag.rule and not d.anchor.orphan
                     and (d.anchor.start, d.anchor.end) == (flag.start, flag.end)), None)

    def decide_flag(self, doc: Document, flag: Any, decision: str,
                    note: str = "") -> FlagDecision:
        if decision not in load_vocabulary().decisions:
            raise ValueError(f"unknown decision {decision!r}")
        anchor = Anchor.from_span(doc.text, flag.start, flag.end)
        old = self.flag_decision_for(flag)
        ident = old.id if old else _digest_id("f", flag.rule, flag.start, flag.end, anchor.quote)
        made = FlagDecision(ident, flag.rule, anchor, decision, note, now(),
                            str(getattr(flag, "message", "") or ""))
        if old is not None and replace(old, decided=made.decided) == made:
            return old
        self.flags = [d for d in self.flags if d.id != ident] + [made]
        return made

    def clear_flag_decision(self, flag: Any) -> FlagDecision | None:
        old = self.flag_decision_for(flag)
        if old is not None:
            self.flags.remove(old)
        return old

    def restore_flag_decision(self, decision: FlagDecision) -> None:
        """Put back a decision exactly as it was (undo), replacing the one with its id."""
        self.flags = [d for d in self.flags if d.id != decision.id] + [decision]

    # --- scores and verdict ----------------------------------------------------------------
    def set_score(self, criterion: str, value: int | None) -> None:
        """Score a criterion on the rubric's scale; ``None`` clears it."""
        if value is None:
            self.scores.pop(criterion, None)
            return
        vocab = load_vocabulary()
        if isinstance(value, bool) or not isinstance(value, int) \
                or not vocab.score_min <= value <= vocab.score_max:
            raise ValueError(f"a score is a whole number from {vocab.score_min} to "
                             f"{vocab.score_max}, not {value!r}")
        self.scores[criterion] = value

    def loose_scores(self) -> list[str]:
        """``criterion = value`` of each score outside the rubric: a value off its scale or a
        criterion it does not have (a hand-edited file). They are kept, and shown unscored."""
        vocab = load_vocabulary()
        names = {c.name for c in vocab.criteria}
        return [f"{name} = {value}" for name, value in self.scores.items()
                if name not in names or not vocab.score_min <= value <= vocab.score_max]

    @property
    def overall_score(self) -> float | None:
        """The mean of the criteria scored so far (``None`` before any is)."""
        if not self.scores:
            return None
        return sum(self.scores.values()) / len(self.scores)

    # --- where the review stands -----------------------------------------------------------
    @property
    def status(self) -> str:
        """``done`` once a verdict is set, ``in_progress`` once anything is recorded, else
        ``not_started`` (one of ``STATUSES``)."""
        if self.verdict:
            return "done"
        if self.summary or self.scores or any(getattr(self, name) for name in _ENTRY_LISTS):
            return "in_progress"
        return "not_started"

    # --- the prior year's plan ---------------------------------------------------------------
    def plan_assessment_for(self, item: Anchor) -> PlanAssessment | None:
        return next((p for p in self.plans
                     if (p.item.start, p.item.end, p.item.quote) ==
                     (item.start, item.end, item.quote)), None)

    def set_plan_assessment(self, item: Anchor, *, heading: str = "", suggested: str = "",
                            status: str = "", evidence: tuple[Anchor, ...] | list[Anchor] = (),
                            note: str = "") -> PlanAssessment:
        """Record (or replace) the assessment of one prior-year plan item.

        ``item`` is an anchor into the prior report's text, ``evidence`` anchors into this one's.
        """
        old = self.plan_assessment_for(item)
        ident = old.id if old else _digest_id("p", item.start, item.end, item.quote)
        made = PlanAssessment(ident, item, heading, suggested, status, tuple(evidence), note,
                              now())
        if old is not None and replace(old, updated=made.updated) == made:
            return old
        self.plans = [p for p in self.plans if p.id != ident] + [made]
        return made

    def remove_plan_assessment(self, ident: str) -> PlanAssessment | None:
        found = next((p for p in self.plans if p.id == ident), None)
        if found is not None:
            self.plans.remove(found)
        return found

    def restore_plan_assessment(self, plan: PlanAssessment) -> None:
        """Put back an assessment exactly as it was (undo), replacing the one with its id."""
        self.plans = [p for p in self.plans if p.id != plan.id] + [plan]

    # --- the prior year's quantified targets ---------------------------------------------------
    def target_assessment_for(self, anchor: Anchor) -> TargetAssessment | None:
        return next((a for a in self.targets
                     if (a.anchor.start, a.anchor.end, a.anchor.quote) ==
                     (anchor.start, anchor.end, anchor.quote)), None)

    def set_target_assessment(self, anchor: Anchor, *, indicator: str = "", suggested: str = "",
                              verdict: str = "", note: str = "") -> TargetAssessment:
        """Record (or replace) the reviewer's verdict on one target of the prior year's plan;
        ``anchor`` points into the prior report's text."""
        old = self.target_assessment_for(anchor)
        ident = old.id if old else _digest_id("t", anchor.start, anchor.end, anchor.quote)
        made = TargetAssessment(ident, indicator, anchor, suggested, verdict, note, now())
        if old is not None and replace(old, updated=made.updated) == made:
            return old
        self.targets = [a for a in self.targets if a.id != ident] + [made]
        return made

    def remove_target_assessment(self, ident: str) -> TargetAssessment | None:
        found = next((a for a in self.targets if a.id == ident), None)
        if found is not None:
            self.targets.remove(found)
        return found

    def restore_target_assessment(self, target: TargetAssessment) -> None:
        """Put back an assessment exactly as it was (undo), replacing the one with its id."""
        self.targets = [a for a in self.targets if a.id != target.id] + [target]

    # --- a changed report ----------------------------------------------------------------
    def misplaced(self, text: str) -> list[str]:
        """Ids of the entries with a placed anchor into ``text`` that is not where it says: its
        offsets outside the text, or the text there not its quote (a hand-edited file)."""
        def wrong(a: Anchor) -> bool:
            return not a.orphan and not (0 <= a.start <= a.end <= len(text)
                                         and text[a.start:a.end] == a.quote)

        out = [a.id for a in self.annotations if wrong(a.anchor)]
        out += [d.id for d in self.flags if wrong(d.anchor)]
        out += [p.id for p in self.plans if any(wrong(e) for e in p.evidence)]
        return out

    def reanchor(self, doc: Document, prior: Document | None = None) -> ReanchorReport:
        """Place every anchor on ``doc`` (and plan items and targets on ``prior`` when given).

        Anchors that cannot be placed become orphans: kept, with their quotes, never dropped.
        The review then describes this version of the report.
        """
        report = ReanchorReport()
        text = doc.text

        def moved(anchor: Anchor, on: str, owner: str) -> Anchor:
            new, method = anchor.placed_in(on)
            report.count(method, owner)
            return new

        annotations = []
        for a in self.annotations:
            anchor = moved(a.anchor, text, a.id)
            if anchor is not a.anchor and not anchor.orphan:
                a = replace(a, anchor=anchor, section_path=_section_path(doc, anchor.start))
            elif anchor is not a.anchor:
                a = replace(a, anchor=anchor)
            annotations.append(a)
        self.annotations = annotations
        self.flags = [replace(d, anchor=moved(d.anchor, text, d.id)) for d in self.flags]
        self.plans = [
            replace(p, item=moved(p.item, prior.text, p.id) if prior is not None else p.item,
                    evidence=tuple(moved(e, text, p.id) for e in p.evidence))
            for p in self.plans
        ]
        if prior is not None:
            self.targets = [replace(a, anchor=moved(a.anchor, prior.text, a.id))
                            for a in self.targets]
        self.report = replace(ReportIdentity.of(doc), path=self.report.path)
        if prior is not None and self.prior is not None:
            self.prior = replace(ReportIdentity.of(prior), path=self.prior.path)
        return report


# the lists of entries a review records; any entry in one means the review has begun
_ENTRY_LISTS = ("annotations", "flags", "plans", "targets")


def _severity(value: str) -> str:
    vocab = load_vocabulary()
    if not value:
        return vocab.default_severity
    if value not in vocab.severities:
        raise ValueError(f"unknown severity {value!r}; one of {', '.join(vocab.severities)}")
    return value
