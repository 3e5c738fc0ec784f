"""``reviewer export REVIEW.toml --format md|csv|json [-o FILE]``: a review for the record.

The report is found through the path stored in the review (relative to the review file). When it
is there and has changed, the passages are re-anchored on it for the export (the review file is
not touched); when it is missing, the export works from the quotes the review stores.
"""

from __future__ import annotations

import argparse
import sys

from reviewer.commands.common import error, say
from reviewer.document import ReportError, load_document
from reviewer.i18n import t
from reviewer.review import ReviewError, ReviewStore
from reviewer.review.export import FORMATS, render
from reviewer.review.store import report_path_for, write_atomic


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="a review for the record / 导出审阅记录")
    p.add_argument("review", help="review file (REPORT.review.toml)")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md: readable record; csv: one row per note or decision; json: all data")
    p.add_argument("-o", "--output", help="write to this file instead of the standard output")


def run(args: argparse.Namespace) -> int:
    try:
        review = ReviewStore(args.review).load()
    except ReviewError as exc:
        error(str(exc))
        return 2
    report = report_path_for(args.review, review.report.path)
    try:
        doc = load_document(report)
    except ReportError:
        say(f"reviewer: {t('review.report_missing', path=report)}", file=sys.stderr)
    else:
        if doc.text_sha256 != review.report.text_sha256:
            review.reanchor(doc)
    rendered = render(review, args.format)
    if not args.output:
        if sys.stdout.isatty():  # read by a person: notes and quotes may hold escape sequences
            say(rendered)
            return 0
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    data = rendered.encode("utf-8")
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        error(f"{exc.filename or args.output}: {exc.strerror or exc}")
        return 2
    say(f"reviewer: {t('review.exported', path=args.output)}", file=sys.stderr)
    return 0
