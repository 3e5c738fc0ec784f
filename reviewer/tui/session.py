"""One report under review, as the app holds it: document, flags, review, and its file.

Everything here is plain Python (no Textual), so the safety rules can be tested directly:
every change marks the review unsaved, ``save`` goes through the review layer's store (which
never writes over a file it could not parse: it saves beside it), and a failed save keeps the
review in memory until the next attempt succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.document import Document, load_document
from reviewer.i18n import t


@dataclass(frozen=True)
class _Undo:
    """How to take back one change to the annotations."""

    kind: str  # "added" | "removed" | "edited" | "decided"
    item: Any


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
        self.store: Any = None
        self.flags: list[Any] = []
        self._flags_by_position: list[Any] = []
        self.flags_ready = False
        self.dirty = False
        self.save_error: str | None = None
        self._review_path = review_path
        self._reviewer = reviewer
        self._review: Any = None
        self._undo: list[_Undo] = []

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, report: str | Document, *, review_path: str | None = None,
             reviewer: str = "", prior_path: str | None = None) -> Session:
        """Open a report (``ReportError`` when it cannot be read); its review file (by default
        beside the report) is read when the review is first needed."""
        doc = report if isinstance(report, Document) else load_document(report)
        return cls(doc, review_path=review_path, reviewer=reviewer, prior_path=prior_path)

    @property
    def review(self) -> Any:
        """The review: read from its file on first use (see ``load_review``)."""
        if self._review is None:
            self.load_review()
        return self._review

    @property
    def review_loaded(self) -> bool:
        return self._review is not None

    @property
    def reviewer(self) -> str:
        """Who reviews: the name kept in the review once it is read, else the one given."""
        return self._review.reviewer if self._review is not None else self._reviewer

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
        self._review = review

    def compute_flags(self, progress: Any = None, cancelled: Any = None) -> list[Any]:
        """Run the checks (slow on large reports: the app calls this in a worker thread, with
        ``progress`` and ``cancelled`` as ``run_flags`` takes them)."""
        from reviewer.flags import run_flags

        # in the engine's order of importance
        return run_flags(self.doc, progress=progress, cancelled=cancelled)

    def set_flags(self, flags: list[Any]) -> None:
        self.flags = flags
        # n/N walk the reader's text: the same flags by position
        self._flags_by_position = sorted(flags, key=lambda f: (f.start, f.end, f.rule))
        self.flags_ready = True

    # --- reading ---------------------------------------------------------------------------
    @property
    def annotations(self) -> list[Any]:
        return sorted(self.review.annotations, key=lambda a: (a.anchor.start, a.anchor.end))

    def annotations_in(self, start: int, end: int) -> list[Any]:
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

    # --- changing --------------------------------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True

    def annotate(self, start: int, end: int, *, tag: str, severity: str, note: str) -> Any:
        annotation = self.review.add_annotation(self.doc, start, end, tag=tag, severity=severity,
                                                note=note)
        self._undo.append(_Undo("added", annotation))
        self._changed()
        return annotation

    def edit(self, annotation: Any, *, tag: str, severity: str, note: str) -> None:
        before = _Undo("edited", (annotation.id, annotation.tag, annotation.severity,
                                  annotation.note))
        self.review.update_annotation(annotation.id, tag=tag, severity=severity, note=note)
        self._undo.append(before)
        self._changed()

    def delete(self, annotation: Any) -> None:
        removed = self.review.remove_annotation(annotation.id)
        self._undo.append(_Undo("removed", removed))
        self._changed()

    def undo(self) -> str | None:
        """Take back the last change to a note or a flag decision; returns its kind, or ``None``
        when there is nothing left to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        if step.kind == "added":
            self.review.remove_annotation(step.item.id)
        elif step.kind == "removed":
            self.review.restore_annotation(step.item)
        elif step.kind == "edited":
            ident, tag, severity, note = step.item
            self.review.update_annotation(ident, tag=tag, severity=severity, note=note)
        else:
            flag, before = step.item
            if before is None:
                self.review.clear_flag_decision(flag)
            else:
                self.review.decide_flag(self.doc, flag, before.decision, before.note)
        self._changed()
        return step.kind

    def decide(self, flag: Any, decision: str, note: str = "") -> None:
        before = self.review.flag_decision_for(flag)
        self.review.decide_flag(self.doc, flag, decision, note)
        self._undo.append(_Undo("decided", (flag, before)))
        self._changed()

    def set_score(self, criterion: str, value: Any) -> None:
        self.review.set_score(criterion, value)
        self._changed()

    def set_verdict(self, verdict: str) -> None:
        self.review.verdict = verdict
        self._changed()

    def set_summary(self, summary: str) -> None:
        if summary != self.review.summary:
            self.review.summary = summary
            self._changed()

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> str | None:
        """Write the review if it changed. Returns a message for the user, or ``None``.

        On failure the review stays in memory and unsaved, so the next change tries again.
        """
        if not self.dirty:
            return None
        result = self.store.save(self.review)
        if not result.ok:
            self.save_error = result.message or t("ui.save_failed")
            return self.save_error
        self.dirty = False
        self.save_error = None
        return result.message if result.merged or result.conflict_path else None
