"""A folder of reports as a reviewer's workload: every report with what it says, where its
review stands and which report is last year's.

Pure code (no Textual); the app's list of reports and ``reviewer summary`` are built on it. The
work comes in steps a caller can spread over time, fastest first, so a list can show at once
and fill in:

- ``report_paths(folder)``: the report files, recursively, of every format the readers take;
- ``report_facts(path, cache)``: government, year, genre and title, from the cache by the file's
  hash or by parsing it (a few milliseconds);
- ``check_report(path, cache)``: the same with the flags, computed once and cached;
- ``review_state(path)``: where the review beside the report stands (status, verdict, score,
  notes, decided flags, the prior report it names);
- ``find_priors(entries)``: last year's report of each, by government, genre and year anywhere
  in the tree; the one a review names wins.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from reviewer.document import ReportError, parse_bytes
from reviewer.document.files import iter_report_files
from reviewer.document.load import read_bytes
from reviewer.workspace.cache import Facts, FactsCache, FlagMark, code_fingerprint

__all__ = [
    "Entry", "Facts", "FactsCache", "FlagMark", "Prior", "ReviewState", "check_report",
    "code_fingerprint", "find_priors", "report_facts", "report_paths", "review_state",
]


def report_paths(folder: str) -> list[str]:
    """The report files under ``folder``, recursively, in a stable order."""
    return [p for p in iter_report_files([folder]) if os.path.isfile(p)]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_facts(path: str, cache: FactsCache | None = None) -> Facts:
    """What the report at ``path`` says about itself (its flags too when the cache has them).
    Raises :class:`ReportError` when it cannot be read."""
    data = read_bytes(path)
    sha = _digest(data)
    found = cache.get(sha) if cache is not None else None
    if found is not None:
        return found
    doc = parse_bytes(data, path)
    facts = Facts(sha, doc.government, doc.year, doc.genre, doc.title)
    if cache is not None:
        cache.put(facts)
    return facts


def check_report(path: str, cache: FactsCache | None = None) -> Facts:
    """``report_facts`` with the flags, run once per version of the file and kept in the cache.
    Raises :class:`ReportError` when the report cannot be read."""
    from reviewer.flags import run_flags

    data = read_bytes(path)
    sha = _digest(data)
    found = cache.get(sha) if cache is not None else None
    if found is not None and found.flags is not None:
        return found
    doc = parse_bytes(data, path)
    marks = tuple(FlagMark(f.rule, f.category, f.severity, f.start, f.end)
                  for f in run_flags(doc))
    facts = Facts(sha, doc.government, doc.year, doc.genre, doc.title, marks)
    if cache is not None:
        cache.put(facts)
    return facts


def check_elsewhere(path: str, language: str) -> Facts | str:
    """``check_report`` in a worker process (the cache of the given interface language): the
    facts, or why the report cannot be read."""
    from reviewer.i18n import set_language

    set_language(language)
    try:
        return check_report(path, FactsCache())
    except ReportError as exc:
        return exc.reason


class ReviewState(NamedTuple):
    """Where the review of one report stands, as read from its file."""

    path: str  # the review file
    exists: bool = False
    status: str = "not_started"  # one of reviewer.review.model.STATUSES
    verdict: str = ""
    reviewer: str = ""
    score: float | None = None
    notes: int = 0
    decided: frozenset[tuple[str, int, int]] = frozenset()  # (rule, start, end) of each flag
    prior: str | None = None  # the prior report the review names, when that file is there
    error: str = ""  # why the review file cannot be read


def review_state(report_path: str, review_path: str | None = None) -> ReviewState:
    """The review beside ``report_path`` (or at ``review_path``): never raises; a file that
    cannot be read is a state with its ``error``."""
    from reviewer.review import ReviewError, ReviewStore, default_review_path
    from reviewer.review.store import report_path_for

    path = review_path or default_review_path(report_path)
    if not os.path.exists(path):
        return ReviewState(path)
    try:
        review = ReviewStore(path).load()
    except ReviewError as exc:
        return ReviewState(path, True, "in_progress", error=exc.reason)
    prior = None
    if review.prior is not None and review.prior.path:
        named = report_path_for(path, review.prior.path)
        if os.path.isfile(named):
            prior = named
    decided = frozenset((d.rule, d.anchor.start, d.anchor.end) for d in review.flags
                        if not d.anchor.orphan)
    return ReviewState(path, True, review.status, review.verdict, review.reviewer,
                       review.overall_score, len(review.annotations), decided, prior)


class Entry(NamedTuple):
    """One report of the workspace, as far as it has been read."""

    path: str
    facts: Facts | None = None
    error: str = ""  # why the report cannot be read
    review: ReviewState | None = None

    @property
    def open_flags(self) -> tuple[int, int, int] | None:
        """Flags not yet confirmed or dismissed, as (errors, warnings, infos); ``None`` until
        the checks have run."""
        if self.facts is None or self.facts.flags is None:
            return None
        decided = self.review.decided if self.review is not None else frozenset()
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.facts.flags:
            if (f.rule, f.start, f.end) not in decided and f.severity in counts:
                counts[f.severity] += 1
        return counts["error"], counts["warning"], counts["info"]


class Prior(NamedTuple):
    """Last year's report of an entry: ``chosen`` when the review names it, else found."""

    path: str
    chosen: bool = False


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(os.path.normpath(os.path.abspath(path)).split(os.sep))


def _nearness(a: str, b: str) -> tuple[int, int]:
    """How close two files sit in the tree: folders shared, then letters of the name shared
    (a larger tuple is nearer)."""
    pa, pb = _parts(a), _parts(b)
    shared = 0
    for x, y in zip(pa[:-1], pb[:-1], strict=False):
        if x != y:
            break
        shared += 1
    name = os.path.commonprefix([pa[-1], pb[-1]])
    return shared - max(len(pa), len(pb)), len(name)


@lru_cache(maxsize=4096)
def _name_key(path: str) -> str:
    """A file's name without its suffix, years and separators: ``baoan-2024.txt`` → ``baoan``."""
    stem = os.path.splitext(os.path.basename(path))[0].lower()
    out, digits = [], ""
    for ch in stem + " ":
        if ch.isdigit():
            digits += ch
            continue
        if digits and not (len(digits) == 4 and digits[:2] in ("19", "20")):
            out.append(digits)
        digits = ""
        if ch.isalnum():
            out.append(ch)
    return "".join(out)


def find_priors(entries: Mapping[str, Entry] | Iterable[Entry]) -> dict[str, Prior]:
    """Last year's report of each entry that has one: the report its review names (kept there
    when the reviewer chose it), else a report of the same government and genre about the year
    before, anywhere in the tree, the nearest one when there are several. A report whose
    government is not known is paired by its file name with the year taken out."""
    items = list(entries.values() if isinstance(entries, Mapping) else entries)
    by_government: dict[tuple[str, str, int], list[str]] = {}
    by_name: dict[tuple[str, str, int], list[str]] = {}
    for e in items:
        f = e.facts
        if f is None or f.year is None:
            continue
        if f.government:
            by_government.setdefault((f.government, f.genre, f.year), []).append(e.path)
        by_name.setdefault((_name_key(e.path), f.genre, f.year), []).append(e.path)
    out: dict[str, Prior] = {}
    for e in items:
        if e.review is not None and e.review.prior is not None:
            out[e.path] = Prior(e.review.prior, chosen=True)
            continue
        f = e.facts
        if f is None or f.year is None:
            continue
        if f.government:
            candidates = by_government.get((f.government, f.genre, f.year - 1), [])
        else:
            candidates = by_name.get((_name_key(e.path), f.genre, f.year - 1), [])
        candidates = [c for c in candidates if c != e.path]
        if candidates:
            best = max(sorted(candidates), key=lambda c: _nearness(e.path, c))
            out[e.path] = Prior(best)
    return out


def read_entry(path: str, cache: FactsCache | None = None, *, checked: bool = False) -> Entry:
    """An entry with its facts (and flags when ``checked``) and its review state; a report
    that cannot be read is an entry with its ``error``. Never raises for bad input."""
    try:
        facts = check_report(path, cache) if checked else report_facts(path, cache)
    except ReportError as exc:
        return Entry(path, error=exc.reason, review=review_state(path))
    return Entry(path, facts, review=review_state(path))
