"""One report under review, as the app holds it: document, flags, review, and its file.

Every change a reviewer makes goes through a method of `Session`: notes, flag decisions,
scores, verdict, summary, plan statuses and notes, verdicts on targets, and with the last two the
prior report's identity. Each change marks the review unsaved, is told to whoever listens (the
screens redraw, the autosave is armed) and leaves a typed undo entry that knows how to take it
back. Screens turn keys into these calls; widgets only post messages; nothing else writes the
review.

Everything here is plain Python (no Textual), so the safety rules can be tested directly:
``save`` goes through the review layer's store (which never writes over a file it could not
parse: it saves beside it), and a failed save keeps the review in memory and unsaved until the
next attempt succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from reviewer.document import Document, load_document
from reviewer.i18n import t

# a report file above this size is a long one: its checks are said to run in the background
LARGE_REPORT = 5 * 1024 * 1024

if TYPE_CHECKING:
    from reviewer.review import (
        Annotation,
        FlagDecision,
        PlanAssessment,
        ReportIdentity,
        Review,
        ReviewStore,
        TargetAssessment,
    )


# --- changes, each with its own way back ---------------------------------------------------------
# Plain classes with slots, not dataclasses: the session is on the path to the first frame, and
# nine dataclasses cost it a few milliseconds. ``kind`` names the message shown when the change
# is undone (ui.undone_<kind>).


class _Change:
    __slots__ = ()
    kind: ClassVar[str]

    def undo(self, review: Review) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class NoteAdded(_Change):
    __slots__ = ("annotation",)
    kind = "added"

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation

    def undo(self, review: Review) -> None:
        review.remove_annotation(self.annotation.id)


class NoteRemoved(_Change):
    __slots__ = ("annotation",)
    kind = "removed"

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation

    def undo(self, review: Review) -> None:
        review.restore_annotation(self.annotation)


class NoteEdited(_Change):
    __slots__ = ("before",)
    kind = "edited"

    def __init__(self, before: Annotation) -> None:
        self.before = before

    def undo(self, review: Review) -> None:
        review.restore_annotation(self.before)


class FlagDecided(_Change):
    __slots__ = ("flag", "before")
    kind = "decided"

    def __init__(self, flag: Any, before: FlagDecision | None) -> None:
        self.flag = flag  # a flag of the checks: anything with .rule, .start and .end
        self.before = before

    def undo(self, review: Review) -> None:
        if self.before is None:
            review.clear_flag_decision(self.flag)
        else:
            review.restore_flag_decision(self.before)


class FlagsDecided(_Change):
    """Several flags decided at once (every flag of one rule): one undo takes them all back."""

    __slots__ = ("decided",)
    kind = "decided_rule"

    def __init__(self, decided: list[tuple[Any, FlagDecision | None]]) -> None:
        self.decided = decided  # each flag with its decision before (None: undecided)

    @property
    def count(self) -> int:
        return len(self.decided)

    def undo(self, review: Review) -> None:
        for flag, before in reversed(self.decided):
            FlagDecided(flag, before).undo(review)


class ScoreSet(_Change):
    __slots__ = ("criterion", "before")
    kind = "scored"

    def __init__(self, criterion: str, before: int | None) -> None:
        self.criterion = criterion
        self.before = before

    def undo(self, review: Review) -> None:
        review.set_score(self.criterion, self.before)


class VerdictSet(_Change):
    __slots__ = ("before",)
    kind = "verdict"

    def __init__(self, before: str) -> None:
        self.before = before

    def undo(self, review: Review) -> None:
        review.verdict = self.before


class SummarySet(_Change):
    __slots__ = ("before",)
    kind = "summary"

    def __init__(self, before: str) -> None:
        self.before = before

    def undo(self, review: Review) -> None:
        review.summary = self.before


class PlanAssessed(_Change):
    __slots__ = ("ident", "before", "prior_before")
    kind = "plan"

    def __init__(self, ident: str, before: PlanAssessment | None, prior_before: ReportIdentity | None) -> None:
        self.ident = ident
        self.before = before
        self.prior_before = prior_before

    def undo(self, review: Review) -> None:
        if self.before is None:
            review.remove_plan_assessment(self.ident)
        else:
            review.restore_plan_assessment(self.before)
        review.prior = self.prior_before


class TargetAssessed(_Change):
    __slots__ = ("ident", "before", "prior_before")
    kind = "target"

    def __init__(self, ident: str, before: TargetAssessment | None, prior_before: ReportIdentity | None) -> None:
        self.ident = ident
        self.before = before
        self.prior_before = prior_before

    def undo(self, review: Review) -> None:
        if self.before is None:
            review.remove_target_assessment(self.ident)
        else:
            review.restore_target_assessment(self.before)
        review.prior = self.prior_before


class PriorChosen(_Change):
    __slots__ = ("before",)
    kind = "prior"

    def __init__(self, before: ReportIdentity | None) -> None:
        self.before = before

    def undo(self, review: Review) -> None:
        review.prior = self.before


Change = (NoteAdded | NoteRemoved | NoteEdited | FlagDecided | FlagsDecided | ScoreSet | VerdictSet | SummarySet
          | PlanAssessed | TargetAssessed | PriorChosen)
Listener = Callable[[Change | None, bool], object]
"""Called after every change (with it and ``False``), every undo (with the change taken back and
``True``) and every save attempt (with ``None`` and ``False``)."""


class Session:
    """A report, its flags and its review, plus the state the header shows (saved or not).

    The review file is read when the review is first needed (``review``), not when the report
    opens: the app shows the report first, before the review layer is even imported.
    """

    def __init__(self, doc: Document, *, review_path: str | None = None, reviewer: str = "",
                 prior_path: str | None = None) -> None:
        self.doc = doc
        self.prior_path = prior_path
        self.problems: list[str] = []
        self.store: ReviewStore | None = None
        self.flags: list[Any] = []
        self._flags_by_position: list[Any] = []
        self.flags_ready = False
        self.flags_stopped = False  # the checks were stopped before they finished (Esc)
        self.dirty = False
        self.save_error: str | None = None
        self.saved_path: str | None = None  # the file that holds the review as it is now
        self._review_path = review_path
        self._reviewer = reviewer
        self._review: Review | None = None
        self._undo: list[Change] = []
        self._listeners: list[Listener] = []

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, report: str | Document, *, review_path: str | None = None,
             reviewer: str = "", prior_path: str | None = None) -> Session:
        """Open a report (``ReportError`` when it cannot be read); its review file (by default
        beside the report) is read when the review is first needed."""
        doc = report if isinstance(report, Document) else load_document(report)
        return cls(doc, review_path=review_path, reviewer=reviewer, prior_path=prior_path)

    @property
    def review(self) -> Review:
        """The review: read from its file on first use (see ``load_review``)."""
        if self._review is None:
            self.load_review()
        assert self._review is not None
        return self._review

    @property
    def reviewer(self) -> str:
        """Who reviews: the name kept in the review once it is read, else the one given."""
        return self._review.reviewer if self._review is not None else self._reviewer

    def sign(self, name: str) -> None:
        """Who reviews, learnt after the report opened (asked at first start): a new review is
        signed with it; a review file that names its reviewer keeps that name."""
        self._reviewer = name
        if self._review is not None and not self._review.reviewer:
            self._review.reviewer = name

    def load_review(self) -> None:
        """Read the review file, once; its warnings join ``problems``.

        A review file that cannot be parsed leaves the report readable: the review starts empty,
        the problem is kept in ``problems``, and the store saves beside that file, never over it.
        """
        if self._review is not None:
            return
        from reviewer.review import Review, ReviewError, ReviewStore, default_review_path

        path = Path(self._review_path or default_review_path(self.doc.path))
        self.store = ReviewStore(path)
        try:
            review, warnings = self.store.load_or_new(self.doc, self._reviewer)
        except ReviewError as exc:
            self.problems.append(t("ui.review_unreadable", reason=str(exc)))
            review = Review.new(self.doc, self._reviewer)
        else:
            self.problems += [str(w) for w in warnings]
            if path.exists():
                self.saved_path = str(path)
        self._review = review

    def compute_flags(self, progress: Any = None, cancelled: Any = None) -> list[Any]:
        """Run the checks (slow on large reports: the app calls this in a worker thread, with
        ``progress`` and ``cancelled`` as ``run_flags`` takes them)."""
        from reviewer.flags import run_flags

        # in the engine's order of importance
        return run_flags(self.doc, progress=progress, cancelled=cancelled)

    def flags_cancelled(self) -> None:
        """The checks were stopped before they finished: there are no flags to show."""
        self.flags_stopped = True

    def set_flags(self, flags: list[Any]) -> None:
        self.flags = flags
        # n/N walk the reader's text: the same flags by position
        self._flags_by_position = sorted(flags, key=lambda f: (f.start, f.end, f.rule))
        self.flags_ready = True

    # --- listening -------------------------------------------------------------------------
    def listen(self, listener: Listener) -> None:
        """Call ``listener`` after every change, undo and save attempt."""
        self._listeners.append(listener)

    def forget(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self, change: Change | None, undone: bool = False) -> None:
        for listener in list(self._listeners):
            listener(change, undone)

    # --- reading ---------------------------------------------------------------------------
    @property
    def annotations(self) -> list[Annotation]:
        return sorted(self.review.annotations, key=lambda a: (a.anchor.start, a.anchor.end))

    def annotations_in(self, start: int, end: int) -> list[Annotation]:
        """Placed annotations overlapping ``start..end`` (the cursor's sentence), narrowest
        first."""
        hits = [a for a in self.review.annotations
                if not a.anchor.orphan and a.anchor.start < end and a.anchor.end > start]
        return sorted(hits, key=lambda a: a.anchor.end - a.anchor.start)

    def flags_in(self, start: int, end: int) -> list[Any]:
        """Flags overlapping ``start..end``, in text order (an empty flag counts as one
        character)."""
        flags = self._flags_by_position
        return [f for f in flags if f.start < end and max(f.end, f.start + 1) > start]

    def next_flag(self, offset: int, step: int, current: Any = None) -> Any | None:
        """The flag after (``step=1``) or before (``step=-1``) ``current`` in the text — or,
        without one, the first flag at or after / the last before ``offset`` — wrapping
        around."""
        flags = self._flags_by_position
        if not flags:
            return None
        if current in flags:
            return flags[(flags.index(current) + step) % len(flags)]
        if step > 0:
            return next((f for f in flags if f.start >= offset), flags[0])
        return next((f for f in reversed(flags) if f.start < offset), flags[-1])

    def decision(self, flag: Any) -> str | None:
        found = self.review.flag_decision_for(flag)
        return found.decision if found else None

    def plan_assessment(self, prior: Document, start: int, end: int) -> PlanAssessment | None:
        """The reviewer's assessment of the plan item at ``start..end`` of ``prior``'s text."""
        from reviewer.review import Anchor

        return self.review.plan_assessment_for(Anchor.from_span(prior.text, start, end))

    def target_assessment(self, prior: Document, start: int, end: int
                          ) -> TargetAssessment | None:
        """The reviewer's verdict on the target at ``start..end`` of ``prior``'s text."""
        from reviewer.review import Anchor

        return self.review.target_assessment_for(Anchor.from_span(prior.text, start, end))

    # --- changing --------------------------------------------------------------------------
    def _changed(self, change: Change) -> None:
        # typing a summary is one change per key: one undo takes back the whole run of them
        typing = isinstance(change, SummarySet) and bool(self._undo) and \
            isinstance(self._undo[-1], SummarySet)
        if not typing:
            self._undo.append(change)
        self.dirty = True
        self._tell(change)

    def annotate(self, start: int, end: int, *, tag: str | tuple[str, ...], severity: str,
                 note: str) -> Annotation:
        """A note on ``start..end`` with its tag, or its tags (a tuple)."""
        annotation = self.review.add_annotation(self.doc, start, end, tag=tag, severity=severity,
                                                note=note)
        self._changed(NoteAdded(annotation))
        return annotation

    def edit(self, annotation: Annotation, *, tag: str | tuple[str, ...], severity: str,
             note: str) -> bool:
        """Change a note; False when nothing changed."""
        before = self.review.annotation(annotation.id)
        if before is None:
            return False
        after = self.review.update_annotation(annotation.id, tag=tag, severity=severity,
                                              note=note)
        if after is before:
            return False
        self._changed(NoteEdited(before))
        return True

    def delete(self, annotation: Annotation) -> None:
        removed = self.review.remove_annotation(annotation.id)
        self._changed(NoteRemoved(removed))

    def decide(self, flag: Any, decision: str, note: str = "") -> bool:
        """Confirm or dismiss a flag; False when it was already decided so."""
        before = self.review.flag_decision_for(flag)
        made = self.review.decide_flag(self.doc, flag, decision, note)
        if made is before:
            return False
        self._changed(FlagDecided(flag, before))
        return True

    def to_decide(self, flags: list[Any], decision: str) -> list[Any]:
        """Those of ``flags`` not decided ``decision`` yet: what ``decide_all`` would change."""
        return [f for f in flags if self.decision(f) != decision]

    def decide_all(self, flags: list[Any], decision: str, note: str = "") -> int:
        """Confirm or dismiss several flags (every flag of one rule) as one change: one undo
        takes all of them back. A flag already decided so keeps its decision and its note.
        Returns how many were decided."""
        decided: list[tuple[Any, FlagDecision | None]] = []
        for flag in self.to_decide(flags, decision):
            before = self.review.flag_decision_for(flag)
            if self.review.decide_flag(self.doc, flag, decision, note) is not before:
                decided.append((flag, before))
        if decided:
            self._changed(FlagsDecided(decided))
        return len(decided)

    def set_score(self, criterion: str, value: int | None) -> bool:
        """Score a criterion (``None`` clears it); False when it already had that score."""
        before = self.review.scores.get(criterion)
        if value == before:
            return False
        self.review.set_score(criterion, value)
        self._changed(ScoreSet(criterion, before))
        return True

    def set_verdict(self, verdict: str) -> bool:
        before = self.review.verdict
        if verdict == before:
            return False
        self.review.verdict = verdict
        self._changed(VerdictSet(before))
        return True

    def set_summary(self, summary: str) -> bool:
        before = self.review.summary
        self.review.summary = summary
        if self.review.summary == before:  # the same text once its line ends are made one
            return False
        self._changed(SummarySet(before))
        return True

    def _take_prior(self, prior: Document) -> ReportIdentity | None:
        """Record which report is last year's (its path relative to the review file, like the
        report's); returns the identity recorded before."""
        from reviewer.review import ReportIdentity
        from reviewer.review.store import relative_path

        before = self.review.prior
        path = relative_path(prior.path, self.store.path) if self.store else prior.path
        self.review.prior = ReportIdentity.of(prior, path)
        return before

    def prior_report(self) -> str | None:
        """The file of last year's report the review names, when it is there."""
        import os

        from reviewer.review.store import report_path_for

        prior = self.review.prior
        if prior is None or not prior.path or self.store is None:
            return None
        path = report_path_for(self.store.path, prior.path)
        return path if os.path.isfile(path) else None

    def choose_prior(self, prior: Document | None) -> bool:
        """Name ``prior`` as last year's report in the review (``None``: name none, it is then
        found by government and year); False when nothing changed. Refused (ValueError) while
        the review assesses items or targets of another prior report: they point into its
        text."""
        review = self.review
        before = review.prior
        if prior is None:
            review.prior = None
        else:
            self._take_prior(prior)
        if review.prior == before:
            return False
        if (review.plans or review.targets) and before is not None and \
                (review.prior is None or review.prior.text_sha256 != before.text_sha256):
            review.prior = before
            raise ValueError(t("ui.prior_in_use", count=len(review.plans) + len(review.targets),
                               path=before.path))
        self._changed(PriorChosen(before))
        return True

    def assess_plan(self, prior: Document, start: int, end: int, *, heading: str,
                    suggested: str, status: str, note: str,
                    evidence: list[tuple[int, int]] = ()) -> bool:
        """Record the status and note of the plan item at ``start..end`` of ``prior``'s text,
        with its evidence (spans of this report's text); False when nothing changed."""
        from reviewer.review import Anchor

        review = self.review
        item = Anchor.from_span(prior.text, start, end)
        before = review.plan_assessment_for(item)
        prior_before = self._take_prior(prior)
        made = review.set_plan_assessment(
            item, heading=heading, suggested=suggested, status=status, note=note,
            evidence=[Anchor.from_span(self.doc.text, a, b) for a, b in evidence])
        if made is before and review.prior == prior_before:
            return False
        self._changed(PlanAssessed(made.id, before, prior_before))
        return True

    def assess_target(self, prior: Document, start: int, end: int, *, indicator: str,
                      suggested: str, verdict: str, note: str) -> bool:
        """Record the reviewer's verdict and note on the target at ``start..end`` of
        ``prior``'s text; False when nothing changed."""
        from reviewer.review import Anchor

        review = self.review
        anchor = Anchor.from_span(prior.text, start, end)
        before = review.target_assessment_for(anchor)
        prior_before = self._take_prior(prior)
        made = review.set_target_assessment(anchor, indicator=indicator, suggested=suggested,
                                            verdict=verdict, note=note)
        if made is before and review.prior == prior_before:
            return False
        self._changed(TargetAssessed(made.id, before, prior_before))
        return True

    def undo(self) -> Change | None:
        """Take back the last change of any kind; returns it, or ``None`` when there is nothing
        left to undo."""
        if not self._undo:
            return None
        change = self._undo.pop()
        change.undo(self.review)
        self.dirty = True
        self._tell(change, undone=True)
        return change

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> str | None:
        """Write the review if it changed. Returns a message for the user, or ``None``.

        On failure the review stays in memory and unsaved, so the next change tries again.
        """
        if not self.dirty or self.store is None:
            return None
        result = self.store.save(self.review)
        if not result.ok:
            self.save_error = result.message or t("ui.save_failed")
            self._tell(None)
            return self.save_error
        self.dirty = False
        self.save_error = None
        self.saved_path = result.path
        self._tell(None)
        return result.message if result.merged or result.conflict_path else None
