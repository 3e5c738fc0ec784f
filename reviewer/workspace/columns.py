"""The list of reports as columns: what each cell says, how a column sorts and filters.

Each column has a label (``workspace.col_<name>``), the text of its cell, and a sort key in
which a value not known yet (a report still being read, a review without a score) always goes
last, whichever way the column is sorted. A filter keeps the rows whose cell text holds the
filter's text (letters in either case).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from reviewer.i18n import language, t
from reviewer.names import shown_path
from reviewer.workspace import Entry, Prior

COLUMNS = ("file", "government", "year", "genre", "status", "verdict", "score", "flags",
           "notes", "prior")


def label(column: str) -> str:
    return t(f"workspace.col_{column}")


@lru_cache(maxsize=8192)
def relative(path: str, folder: str) -> str:
    """``path`` as shown, seen from the workspace's folder (as given when it lies outside it);
    a name's undecodable bytes are shown as ``\\xNN``."""
    try:
        rel = os.path.relpath(path, folder)
    except ValueError:  # another drive
        rel = path
    return shown_path(path if rel.startswith(os.pardir) else rel)


def _genre(entry: Entry) -> str:
    from reviewer.profiles import ProfileError, get_profile

    genre = entry.facts.genre if entry.facts else ""
    if not genre:
        return ""
    short = t(f"workspace.genre.{genre}")
    if short != f"workspace.genre.{genre}":
        return short
    try:
        profile = get_profile(genre)
    except ProfileError:
        return genre
    return profile.label if language() == "zh" else profile.label_en


def _verdict(value: str) -> str:
    if not value:
        return ""
    key = f"review.verdict.{value}"
    found = t(key)
    return value if found == key else found


def cell(entry: Entry, column: str, prior: Prior | None, folder: str) -> str:
    """The text a column shows for ``entry`` ("" while not known)."""
    facts, review = entry.facts, entry.review
    if column == "file":
        return relative(entry.path, folder)
    if column == "government":
        if entry.error:
            return t("workspace.unreadable", reason=entry.error)
        return facts.government if facts else ""
    if column == "year":
        return str(facts.year) if facts and facts.year is not None else ""
    if column == "genre":
        return _genre(entry)
    if review is None:
        return ""
    if column == "status":
        text = t(f"workspace.status.{review.status}")
        return f"{text} ⚠" if review.error else text
    if column == "verdict":
        return _verdict(review.verdict)
    if column == "score":
        return "" if review.score is None else f"{review.score:.1f}"
    if column == "notes":
        return str(review.notes) if review.notes else ""
    if column == "flags":
        counts = entry.open_flags
        return "" if counts is None else "/".join(map(str, counts))
    if column == "prior":
        if prior is None:
            return ""
        return relative(prior.path, folder) + (" *" if prior.chosen else "")
    raise KeyError(column)


def _status_rank(status: str) -> int:
    from reviewer.review.model import STATUSES

    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def _verdict_rank(verdict: str) -> int | None:
    from reviewer.review import load_vocabulary

    if not verdict:
        return None
    verdicts = load_vocabulary().verdicts
    return verdicts.index(verdict) if verdict in verdicts else len(verdicts)


def sort_value(entry: Entry, column: str, prior: Prior | None, folder: str) -> Any:
    """What ``column`` sorts ``entry`` by; ``None`` when not known (sorted last)."""
    facts, review = entry.facts, entry.review
    if column == "year":
        return facts.year if facts else None
    if column == "status":
        return _status_rank(review.status) if review else None
    if column == "verdict":
        return _verdict_rank(review.verdict) if review else None
    if column == "score":
        return review.score if review else None
    if column == "notes":
        return review.notes if review else None
    if column == "flags":
        return entry.open_flags
    text = cell(entry, column, prior, folder)
    return text or None


def arrange(entries: Sequence[Entry], priors: Mapping[str, Prior], folder: str, *,
            sort: str = "file", reverse: bool = False,
            filters: Mapping[str, str] | None = None) -> list[Entry]:
    """The entries to list: those whose cells hold every filter's text, sorted by ``sort``
    (values not known last, then by file, so the order is stable)."""
    def text_of(column: str) -> Callable[[Entry], str]:
        return lambda e: cell(e, column, priors.get(e.path), folder).casefold()

    kept = list(entries)
    for column, wanted in (filters or {}).items():
        if wanted:
            text = text_of(column)
            needle = wanted.casefold()
            kept = [e for e in kept if needle in text(e)]
    keyed = [(sort_value(e, sort, priors.get(e.path), folder), e) for e in kept]
    known = [(v, e) for v, e in keyed if v is not None]
    unknown = [e for v, e in keyed if v is None]
    known.sort(key=lambda ve: ve[1].path)
    known.sort(key=lambda ve: ve[0], reverse=reverse)
    return [e for _, e in known] + sorted(unknown, key=lambda e: e.path)
