"""Three-way merge of two versions of one review that both started from a common base.

Used when the file changed on disk since this session read it (another session, another
reviewer). Entries are matched by id: one side's additions, edits and removals are all kept when
the other side left that entry alone. When both sides changed the same thing differently, this
side's version goes into the merge (a removal never beats an edit: data is kept) and the clash is
reported, so the caller can keep the other version whole beside it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from reviewer.review.model import Review

T = TypeVar("T")


def _pick(base: T, ours: T, theirs: T) -> tuple[T, bool]:
    """The merged value and whether the two sides clashed."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return (ours if ours is not None else theirs), True


def _entries(base: list, ours: list, theirs: list, label: str,
             clashes: list[str]) -> list:
    before = {e.id: e for e in base}
    other = {e.id: e for e in theirs}
    mine = {e.id for e in ours}
    merged = []
    for entry in ours:
        value, clash = _pick(before.get(entry.id), entry, other.get(entry.id))
        if clash:
            clashes.append(f"{label} {entry.id}")
        if value is not None:
            merged.append(value)
    for entry in theirs:
        if entry.id in mine:
            continue
        value, clash = _pick(before.get(entry.id), None, entry)
        if clash:
            clashes.append(f"{label} {entry.id}")
        if value is not None:
            merged.append(value)
    return merged


def merge(base: Review, ours: Review, theirs: Review) -> tuple[Review, list[str]]:
    """``ours`` and ``theirs`` merged over ``base``, and the list of clashes (empty when none).

    The report identity is ours (this session has the report open); created is the earlier one.
    """
    clashes: list[str] = []
    merged = ours.copy()
    for attr in ("reviewer", "verdict", "summary", "prior"):
        value, clash = _pick(getattr(base, attr), getattr(ours, attr), getattr(theirs, attr))
        setattr(merged, attr, value)
        if clash:
            clashes.append(attr)
    scores: dict[str, Any] = {}
    for key in [*ours.scores, *(k for k in theirs.scores if k not in ours.scores)]:
        value, clash = _pick(base.scores.get(key), ours.scores.get(key), theirs.scores.get(key))
        if clash:
            clashes.append(f"score {key}")
        if value is not None:
            scores[key] = value
    merged.scores = scores
    merged.annotations = _entries(base.annotations, ours.annotations, theirs.annotations,
                                  "annotation", clashes)
    merged.flags = _entries(base.flags, ours.flags, theirs.flags, "flag", clashes)
    merged.plans = _entries(base.plans, ours.plans, theirs.plans, "plan", clashes)
    merged.targets = _entries(base.targets, ours.targets, theirs.targets, "target", clashes)
    merged.created = min(ours.created, theirs.created)
    return merged, clashes
