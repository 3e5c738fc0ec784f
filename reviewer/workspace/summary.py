"""One record of every review in a folder, to send up: ``reviewer summary FOLDER``.

A row per report (recursively, every format the readers take): government, year, reviewer,
where the review stands, verdict, the score of each rubric criterion and their mean, the flags
the reviewer confirmed per category of the checks, how many of last year's plan items were found
delivered, partly delivered, without evidence… and how many of its quantified targets were met,
missed or not reported (the review's [[plan]] and [[target]] entries), and the summary text. A
report without a review is listed as not started; a review whose report is no longer in the
folder is listed too, from what the review stores. Markdown to read, CSV and .xlsx for spreadsheets (no cell can run as a
formula: ``reviewer.review.sheets``), JSON for scripts.

Reviews are read from their files and reports only when they have no review (their facts then
come from the cache when it has them), so a folder of 200 reviews takes well under a second.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from reviewer.document import ReportError
from reviewer.i18n import t
from reviewer.review import (
    ReviewError,
    ReviewStore,
    default_review_path,
    load_vocabulary,
    sheets,
)
from reviewer.review.export import criteria, label
from reviewer.review.model import STATUSES, Review
from reviewer.review.store import SUFFIX, report_path_for
from reviewer.workspace import report_facts, report_paths
from reviewer.workspace.cache import FactsCache
from reviewer.workspace.columns import relative

FORMATS = ("md", "csv", "xlsx", "json")
_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules"}


class Record(NamedTuple):
    """One report's line of the summary."""

    file: str  # the report, relative to the folder
    government: str = ""
    year: int | None = None
    genre: str = ""
    reviewer: str = ""
    status: str = "not_started"
    verdict: str = ""
    scores: dict[str, int] = {}
    score: float | None = None
    confirmed: dict[str, int] = {}  # flags confirmed, by category of the checks
    plans: dict[str, int] = {}  # last year's plan items, by the status the reviewer gave
    targets: dict[str, int] = {}  # last year's quantified targets, by the reviewer's verdict
    summary: str = ""
    review: str = ""  # the review file, relative to the folder ("" when there is none)
    remark: str = ""  # what is wrong: the report or the review cannot be read, or is missing


def _category(rule: str) -> str:
    """A rule's category: rule ids read ``<category>.<name>``."""
    return rule.partition(".")[0]


def _counts(values: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        if value:
            out[value] = out.get(value, 0) + 1
    return out


def _from_review(file: str, review: Review, review_file: str, remark: str = "") -> Record:
    return Record(
        file, review.report.government, review.report.year, review.report.genre,
        review.reviewer, review.status, review.verdict, dict(review.scores),
        review.overall_score,
        _counts([_category(d.rule) for d in review.flags if d.decision == "confirmed"]),
        _counts([p.status for p in review.plans]), _counts([a.verdict for a in review.targets]),
        review.summary, review_file, remark)


def review_files(folder: str) -> list[str]:
    """The review files under ``folder``, recursively, in a stable order."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        out += [os.path.join(root, f) for f in sorted(files)
                if f.endswith(SUFFIX) and not f.startswith(".")]
    return out


def collect(folder: str, cache: FactsCache | None = None) -> list[Record]:
    """Every report of ``folder`` with its review, then the reviews whose report is missing."""
    records: list[Record] = []
    seen: set[str] = set()
    for path in report_paths(folder):
        file = relative(path, folder)
        review_path = default_review_path(path)
        seen.add(os.path.abspath(review_path))
        if os.path.exists(review_path):
            rel_review = relative(review_path, folder)
            try:
                review = ReviewStore(review_path).load()
            except ReviewError as exc:
                remark = t("workspace.summary.review_unreadable", reason=exc.reason)
                records.append(_from_facts(file, path, cache, "in_progress", rel_review,
                                           remark))
            else:
                records.append(_from_review(file, review, rel_review))
            continue
        records.append(_from_facts(file, path, cache))
    for review_path in review_files(folder):
        if os.path.abspath(review_path) in seen:
            continue
        try:
            review = ReviewStore(review_path).load()
        except ReviewError:
            continue  # not a review of this folder's reports that can be told apart
        report = report_path_for(review_path, review.report.path)
        records.append(_from_review(relative(report, folder), review,
                                    relative(review_path, folder),
                                    t("workspace.summary.report_missing")))
    return records


def _from_facts(file: str, path: str, cache: FactsCache | None, status: str = "not_started",
                review: str = "", remark: str = "") -> Record:
    try:
        facts = report_facts(path, cache)
    except ReportError as exc:
        reason = t("workspace.unreadable", reason=exc.reason)
        return Record(file, status=status, review=review,
                      remark="; ".join(r for r in (remark, reason) if r))
    return Record(file, facts.government, facts.year, facts.genre, status=status,
                  review=review, remark=remark)


# --- the columns -------------------------------------------------------------------------------


def _categories(records: Sequence[Record]) -> list[str]:
    from reviewer.flags.engine import CATEGORIES

    names = list(CATEGORIES)
    for r in records:
        names += [c for c in r.confirmed if c not in names]
    return names


def _statuses(records: Sequence[Record]) -> list[str]:
    names = list(load_vocabulary().plan_statuses)
    for r in records:
        names += [s for s in r.plans if s not in names]
    return names


def _verdicts(records: Sequence[Record]) -> list[str]:
    names = list(load_vocabulary().target_verdicts)
    for r in records:
        names += [v for v in r.targets if v not in names]
    return names


def _category_label(category: str) -> str:
    key = f"workspace.category.{category}"
    found = t(key)
    return category if found == key else found


def _s(key: str, **kw: Any) -> str:
    return t(f"workspace.summary.{key}", **kw)


def _score(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


def table(records: Sequence[Record]) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of the CSV and the spreadsheet."""
    scored = list(dict.fromkeys(criteria() + [n for r in records for n in r.scores]))
    categories, statuses = _categories(records), _statuses(records)
    verdicts = _verdicts(records)
    header = [t("workspace.col_file"), t("workspace.col_government"), t("workspace.col_year"),
              t("workspace.col_genre"), _s("reviewer"), t("workspace.col_status"),
              t("workspace.col_verdict"), *scored, _s("score"),
              *(_s("confirmed_in", category=_category_label(c)) for c in categories),
              *(_s("plan_in", status=label("status", s)) for s in statuses),
              *(_s("target_in", verdict=label("target_verdict", v)) for v in verdicts),
              _s("summary"), _s("review_file"), _s("note")]
    rows = []
    for r in records:
        rows.append([
            r.file, r.government, "" if r.year is None else r.year, _genre(r.genre),
            r.reviewer, t(f"workspace.status.{r.status}"), label("verdict", r.verdict),
            *(r.scores.get(n, "") for n in scored), _score(r.score),
            *(r.confirmed.get(c, 0) for c in categories),
            *(r.plans.get(s, 0) for s in statuses),
            *(r.targets.get(v, 0) for v in verdicts),
            r.summary, r.review, r.remark])
    return header, rows


def _genre(genre: str) -> str:
    from reviewer.i18n import language
    from reviewer.profiles import ProfileError, get_profile

    if not genre:
        return ""
    try:
        profile = get_profile(genre)
    except ProfileError:
        return genre
    return profile.label if language() == "zh" else profile.label_en


# --- the formats -------------------------------------------------------------------------------


def to_csv(records: Sequence[Record]) -> str:
    return sheets.to_csv(*table(records))


def to_xlsx(records: Sequence[Record]) -> bytes:
    """Raises :class:`reviewer.review.sheets.MissingExtra` without openpyxl."""
    header, rows = table(records)
    return sheets.to_xlsx([(_s("sheet"), header, rows)])


def to_json(records: Sequence[Record], folder: str) -> str:
    categories, statuses = _categories(records), _statuses(records)
    verdicts = _verdicts(records)
    reports = [{
        "file": r.file, "government": r.government, "year": r.year, "genre": r.genre,
        "reviewer": r.reviewer, "status": r.status, "verdict": r.verdict,
        "scores": r.scores, "score": r.score,
        "confirmed": {c: r.confirmed.get(c, 0) for c in categories},
        "plans": {s: r.plans.get(s, 0) for s in statuses},
        "targets": {v: r.targets.get(v, 0) for v in verdicts},
        "summary": r.summary, "review": r.review or None, "remark": r.remark,
    } for r in records]
    return json.dumps({"folder": folder, "reports": reports}, ensure_ascii=False,
                      indent=2) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _tally(counts: dict[str, int], name) -> str:
    return " · ".join(f"{name(k)} {v}" for k, v in counts.items() if v)


def status_counts(records: Sequence[Record]) -> dict[str, int]:
    return {s: sum(r.status == s for r in records) for s in STATUSES}


def to_markdown(records: Sequence[Record], folder: str) -> str:
    counts = status_counts(records)
    out = [f"# {_s('title', folder=folder)}", "", _s("counts", total=len(records), **counts),
           "", "| " + " | ".join([
               t("workspace.col_file"), t("workspace.col_government"), t("workspace.col_year"),
               _s("reviewer"), t("workspace.col_status"), t("workspace.col_verdict"),
               _s("score"), _s("confirmed"), _s("plans"), _s("targets")]) + " |",
           "|" + "---|" * 10]
    for r in records:
        cells = [r.file, r.government, "" if r.year is None else str(r.year), r.reviewer,
                 t(f"workspace.status.{r.status}"), label("verdict", r.verdict),
                 "" if r.score is None else f"{r.score:.1f}",
                 _tally(r.confirmed, _category_label),
                 _tally(r.plans, lambda s: label("status", s)),
                 _tally(r.targets, lambda v: label("target_verdict", v))]
        if r.remark:
            cells[0] += f" ({r.remark})"
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    reviewed = [r for r in records if r.summary or r.scores]
    if reviewed:
        out += ["", f"## {_s('summaries')}"]
        for r in reviewed:
            head = " ".join(p for p in (r.government, "" if r.year is None else str(r.year))
                            if p) or r.file
            out += ["", f"### {head} ({r.file})"]
            if r.scores:
                out += ["", " · ".join(f"{name} {value}" for name, value in r.scores.items())]
            if r.summary:
                out += ["", *r.summary.split("\n")]
    return "\n".join(out) + "\n"
