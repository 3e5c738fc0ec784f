"""``reviewer summary FOLDER [--format md|csv|xlsx|json] [-o FILE [--force]]``: one record of every review
in a folder of reports, to send up (see ``reviewer.workspace.summary``)."""

from __future__ import annotations

import argparse
import os
import sys

from reviewer.commands.common import deliver, error
from reviewer.i18n import t
from reviewer.review.sheets import MissingExtra
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
    sources = ([("report", p) for p in report_paths(folder)]
               + [("review", p) for p in review_files(folder)]) if args.output else []
    return 0 if deliver(data, args.output, sources, args.force, "workspace.summary.written") else 2
