"""``reviewer summary FOLDER [--format md|csv|xlsx|json] [-o FILE [--force]]``: one record of every review
in a folder of reports, to send up (see ``reviewer.workspace.summary``)."""

from __future__ import annotations

import argparse
import os
import sys

from reviewer.commands.common import error, say, write_refusal
from reviewer.i18n import t
from reviewer.review.sheets import MissingExtra
from reviewer.review.store import write_atomic
from reviewer.workspace import report_paths
from reviewer.workspace.cache import FactsCache
from reviewer.workspace.summary import (
    FORMATS,
    collect,
    review_files,
    to_csv,
    to_json,
    to_markdown,
    to_xlsx,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help="one record of every review in a folder / 审阅汇总")
    p.add_argument("folder", help="a folder of reports (searched recursively)")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md: to read; csv, xlsx: for spreadsheets; json: for scripts")
    p.add_argument("-o", "--output", help="write to this file instead of the standard output")
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists, without asking")


def _render(records, fmt: str, folder: str) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(records)
    if fmt == "json":
        return to_json(records, folder).encode("utf-8")
    if fmt == "csv":
        return to_csv(records).encode("utf-8")
    return to_markdown(records, folder).encode("utf-8")


def run(args: argparse.Namespace) -> int:
    folder = args.folder
    if not os.path.isdir(folder):
        error(t("cli.not_a_folder", path=folder) if os.path.exists(folder)
              else t("ui.no_such_path", path=folder))
        return 2
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        error(t("workspace.summary.xlsx_needs_file"))
        return 2
    records = collect(folder, FactsCache())
    if not records:
        error(t("workspace.summary.no_reports", path=folder))
        return 2
    try:
        data = _render(records, args.format, folder)
    except MissingExtra as exc:
        error(str(exc))
        return 2
    if not args.output:
        if sys.stdout.isatty():  # read by a person: summaries may hold escape sequences
            say(data.decode("utf-8"))
            return 0
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    sources = [("report", p) for p in report_paths(folder)]
    sources += [("review", p) for p in review_files(folder)]
    refused = write_refusal(args.output, sources, args.force)
    if refused:
        error(refused)
        return 2
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        error(f"{exc.filename or args.output}: {exc.strerror or exc}")
        return 2
    say(f"reviewer: {t('workspace.summary.written', path=args.output)}", file=sys.stderr)
    return 0
