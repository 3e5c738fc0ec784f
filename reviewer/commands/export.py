"""``reviewer export REVIEW.toml --format md|csv|json [-o FILE]``: a review for the record.

The report is found through the path stored in the review (relative to the review file). When it
is there and has changed, the passages are re-anchored on it for the export (the review file is
not touched); when it is missing, the export works from the quotes the review stores.
"""

from __future__ import annotations

import argparse
import os
import sys

from reviewer.commands.common import error, say
from reviewer.document import ReportError, load_document
from reviewer.document.files import special_kind
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.review import ReviewError, ReviewStore
from reviewer.review.export import FORMATS, render
from reviewer.review.store import report_path_for, write_atomic
from reviewer.terminal import display_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="a review for the record / 导出审阅记录")
    p.add_argument("review", help="review file (REPORT.review.toml)")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md: readable record; csv: one row per note or decision; json: all data")
    p.add_argument("-o", "--output", help="write to this file instead of the standard output")
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists, without asking")


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # a hard link
    except OSError:
        return False


def _refusal(output: str, sources: dict[str, str], force: bool) -> str | None:
    """Why the export must not be written to ``output`` (``None``: go ahead). Never over the
    files being exported, never into a FIFO or a device; an existing file only with --force, or
    when the person at the terminal says so."""
    for what, source in sources.items():
        if _same_file(output, source):
            return t("review.export_onto_source", path=output, what=t(f"review.export_what_{what}"))
    try:
        st = os.stat(output)  # through a symbolic link: its target is what would be replaced
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{shown_path(output)}: {exc.strerror or exc}"
    kind = special_kind(st.st_mode)
    if kind is not None:
        return t("review.export_special", path=output, reason=kind)
    if force:
        return None
    if sys.stdin is not None and sys.stdin.isatty():
        sys.stderr.write(display_text(t("review.export_ask", path=output)))
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer in ("y", "yes", "是", "是的"):
            return None
    return t("review.export_exists", path=output)


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
        # another version of the report, or offsets and quotes edited by hand: placed anew
        if doc.text_sha256 != review.report.text_sha256 or review.misplaced(doc.text):
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
    sources = {"review": args.review, "report": report}
    if review.prior is not None:
        sources["prior"] = report_path_for(args.review, review.prior.path)
    refused = _refusal(args.output, sources, args.force)
    if refused:
        error(refused)
        return 2
    data = rendered.encode("utf-8")
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        error(f"{exc.filename or args.output}: {exc.strerror or exc}")
        return 2
    say(f"reviewer: {t('review.exported', path=args.output)}", file=sys.stderr)
    return 0
