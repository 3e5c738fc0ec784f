"""One report under review, as the app holds it: document, flags, review, and its file.

Everything here is plain Python (no Textual), so the safety rules can be tested directly:
every change marks the review unsaved, ``save`` goes through the review layer's store, a file we
could not parse is never written over, and a failed save keeps the review in memory until the
next attempt succeeds.
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

    kind: str  # "added" | "removed" | "edited"
    annotation: Any


class Session:
    """A report, its flags and its review, plus the state the header shows (saved or not)."""

    def __init__(self, doc: Document, review: Any, store: Any | None, *,
                 problems: list[str] = (), prior_path: str | None = None) -> None:
        self.doc = doc
        self.review = review
        self.store = store  # None: the review file could not be read and must not be replaced
        self.problems = list(problems)
        self.prior_path = prior_path
        self.flags: list[Any] = []
        self.flags_ready = False
        self.dirty = False
        self.save_error: str | None = None
        self._undo: list[_Undo] = []

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, report: str | Document, *, review_path: str | None = None,
             reviewer: str = "", prior_path: str | None = None) -> Session:
        """Open a report (``ReportError`` when it cannot be read) with its review file.

        A review file that cannot be parsed leaves the report readable: the review starts empty,
        the problem is kept in ``problems`` and that file is never saved over.
        """
        from reviewer.review import Review, ReviewError, ReviewStore, default_review_path

        doc = report if isinstance(report, Document) else load_document(report)
        path = Path(review_path) if review_path else Path(default_review_path(doc.path))
        store = ReviewStore(path)
        try:
            review, warnings = store.load_or_new(doc, reviewer)
        except ReviewError as exc:
            problem = t("ui.review_unreadable", reason=str(exc))
            return cls(doc, Review.new(doc, reviewer), None, problems=[problem],
                       prior_path=prior_path)
        return cls(doc, review, store, problems=[str(w) for w in warnings], prior_path=prior_path)

    def compute_flags(self) -> list[Any]:
        """Run the checks (slow on large reports: the app calls this in a worker thread)."""
        from reviewer.flags import run_flags

        return sorted(run_flags(self.doc), key=lambda f: (f.start, f.end))

    def set_flags(self, flags: list[Any]) -> None:
        self.flags = flags
        self.flags_ready = True

    # --- reading ---------------------------------------------------------------------------
    @property
    def annotations(self) -> list[Any]:
        return sorted(self.review.annotations, key=lambda a: (a.anchor.start, a.anchor.end))

    def annotation_at(self, offset: int) -> Any | None:
        found = self.review.annotations_at(offset)
        return found[0] if found else None

    def flag_at(self, offset: int) -> Any | None:
        """The narrowest flag covering ``offset``."""
        hits = [f for f in self.flags if f.start <= offset < max(f.end, f.start + 1)]
        return min(hits, key=lambda f: f.end - f.start) if hits else None

    def next_flag(self, offset: int, step: int) -> Any | None:
        """The first flag after (``step=1``) or before (``step=-1``) ``offset``, wrapping."""
        if not self.flags:
            return None
        if step > 0:
            return next((f for f in self.flags if f.start > offset), self.flags[0])
        return next((f for f in reversed(self.flags) if f.start < offset), self.flags[-1])

    def decision(self, flag: Any) -> str | None:
        found = self.review.flag_decision_for(flag)
        return getattr(found, "decision", found) if found else None

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
        """Take back the last annotation change; returns its kind, or ``None`` if none is left."""
        if not self._undo:
            return None
        step = self._undo.pop()
        if step.kind == "added":
            self.review.remove_annotation(step.annotation.id)
        elif step.kind == "removed":
            self.review.restore_annotation(step.annotation)
        else:
            ident, tag, severity, note = step.annotation
            self.review.update_annotation(ident, tag=tag, severity=severity, note=note)
        self._changed()
        return step.kind

    def decide(self, flag: Any, decision: str, note: str = "") -> None:
        self.review.decide_flag(self.doc, flag, decision, note)
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
        if self.store is None:
            self.save_error = self.problems[0] if self.problems else t("ui.save_failed")
            return self.save_error
        try:
            result = self.store.save(self.review)
        except OSError as exc:
            self.save_error = t("ui.save_failed_reason", reason=exc.strerror or str(exc))
            return self.save_error
        if not result.ok:
            self.save_error = result.message or t("ui.save_failed")
            return self.save_error
        self.dirty = False
        self.save_error = None
        if result.conflict_path:
            return t("ui.save_conflict", path=result.conflict_path)
        if result.merged:
            return t("ui.save_merged")
        return None
