"""``reviewer export REVIEW.toml... [--format md|csv|json] [-o FILE]``: reviews for the record.

Review files, or folders searched recursively for ``*.review.toml``; several reviews go into one
output (one CSV, Markdown records one after the other, a JSON array). Each report is found
through the path stored in its review (relative to the review file). When it is there and has
changed, the passages are re-anchored on it for the export (the review file is not touched), and
decided flags stored without their message get it from the checks; when it is missing, the
export works from the quotes the review stores. A review that cannot be read is reported and the
others are still exported (exit code 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from reviewer.commands.common import deliver, error, say
from reviewer.document import Document, ReportError, load_document
from reviewer.i18n import t
from reviewer.review import Review, ReviewError, ReviewStore
from reviewer.review.export import FORMATS, render_many
from reviewer.review.store import SUFFIX, report_path_for

_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="reviews for the record / 导出审阅记录")
    p.add_argument("review", nargs="+",
                   help="review files (REPORT.review.toml), or folders holding them")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md: readable record; csv: one row per note or decision; json: all data")
    p.add_argument("-o", "--output", help="write to this file instead of the standard output")
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists, without asking")


def review_files(paths: list[str]) -> list[str]:
    """Review files as given, and those in the folders given (recursively), in a stable
    order."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            out += [os.path.join(root, f) for f in sorted(files)
                    if f.endswith(SUFFIX) and not f.startswith(".")]
    return out


def with_messages(review: Review, doc: Document) -> None:
    """Give each decided flag stored without a message (reviews written before messages were
    kept) the message the checks give it on ``doc``."""
    if all(d.message for d in review.flags):
        return
    from reviewer.flags import run_flags

    said = {(f.rule, f.start, f.end): f.message for f in run_flags(doc)}
    review.flags = [d if d.message or d.anchor.orphan else
                    replace(d, message=said.get((d.rule, d.anchor.start, d.anchor.end), ""))
                    for d in review.flags]


def _prepared(path: str) -> tuple[Review, str, str]:
    """The review in ``path``, placed on its report as it is now, the report's name as the
    export shows it, and the report's path. Raises :class:`ReviewError`."""
    review = ReviewStore(path).load()
    report = report_path_for(path, review.report.path)
    try:
        doc = load_document(report)
    except ReportError:
        say(f"reviewer: {t('review.report_missing', path=report)}", file=sys.stderr)
    else:
        # another version of the report, or offsets and quotes edited by hand: placed anew
        if doc.text_sha256 != review.report.text_sha256 or review.misplaced(doc.text):
            review.reanchor(doc)
        with_messages(review, doc)
    try:
        shown = os.path.relpath(report)
    except ValueError:  # another drive
        shown = report
    return review, shown, report


def run(args: argparse.Namespace) -> int:
    paths = review_files(args.review)
    if not paths:
        error(t("cli.no_reviews", path=", ".join(args.review)))
        return 2
    items: list[tuple[Review, str]] = []
    sources: list[tuple[str, str]] = []  # what the output must never be written over
    failed = False
    for path in paths:
        try:
            review, shown, report = _prepared(path)
        except ReviewError as exc:
            error(str(exc))
            failed = True
            continue
        items.append((review, shown))
        sources += [("review", path), ("report", report)]
        if review.prior is not None:
            sources.append(("prior", report_path_for(path, review.prior.path)))
    if not items:
        return 2
    if len(items) == 1 and len(paths) == 1:  # one review: its report as the review names it
        items = [(items[0][0], items[0][0].report.path)]
    rendered = render_many(items, args.format)
    code = 2 if failed else 0
    if not deliver(rendered.encode("utf-8"), args.output, sources, args.force,
                   "review.exported"):
        return 2
    return code
