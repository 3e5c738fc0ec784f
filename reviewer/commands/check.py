"""``reviewer check PATH... [--json] [--fail-on error|warning] [--jobs N] [--severity S]
[--category C] [--rule R]``: flags for files and folders.

Each report is checked on its own, so a folder is spread over all cores; a single file is
checked in-process, paying for no worker start-up. An unreadable file is reported with its
reason and the others are still checked.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from reviewer.commands.common import error, print_json, say
from reviewer.document import ReportError, load_document
from reviewer.document.files import iter_report_files
from reviewer.flags import CATEGORIES, RULES, SEVERITIES, run_flags
from reviewer.i18n import language, set_language, t
from reviewer.names import shown_path
from reviewer.profiles import ProfileError, all_profiles
from reviewer.terminal import cell_width, fit

# below this many files a progress bar is only noise
PROGRESS_MIN = 5
_QUOTE_WIDTH = 24
_RANK = {"error": 0, "warning": 1, "info": 2}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="flags for reports and folders / 检查报告")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--fail-on", choices=("error", "warning"),
                   help="exit 1 when a flag of this severity or worse is found")
    p.add_argument("--jobs", type=int, default=0,
                   help="worker processes for many files (default: all cores)")
    p.add_argument("--genre", choices=sorted(all_profiles()), help="override genre detection")
    p.add_argument("--severity", action="append", metavar="S",
                   help=f"only flags of these severities ({', '.join(SEVERITIES)}; "
                        "comma-separated or repeated)")
    p.add_argument("--category", action="append", metavar="C",
                   help=f"only flags of these categories ({', '.join(CATEGORIES)})")
    p.add_argument("--rule", action="append", metavar="R",
                   help="only flags of these rules (ids as `reviewer check` prints them)")


class Filter:
    """Which flags to show: by severity, category and rule (each empty: all)."""

    def __init__(self, severities=(), categories=(), rules=()):
        self.severities = frozenset(severities)
        self.categories = frozenset(categories)
        self.rules = frozenset(rules)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Filter:
        """The filter the options ask for; ValueError naming an unknown value."""
        chosen = {}
        for name, known in (("severity", SEVERITIES), ("category", CATEGORIES),
                            ("rule", tuple(RULES))):
            values = [v.strip() for arg in getattr(args, name, None) or () for v in arg.split(",")
                      if v.strip()]
            unknown = [v for v in values if v not in known]
            if unknown:
                raise ValueError(t("cli.unknown_choice", option=f"--{name}",
                                   value=", ".join(unknown), known=", ".join(known)))
            chosen[name] = values
        return cls(chosen["severity"], chosen["category"], chosen["rule"])

    def rule_ids(self) -> list[str] | None:
        """The rules worth running (None: all): a rule whose severity or category is not
        wanted cannot raise a flag that is."""
        if not (self.severities or self.categories or self.rules):
            return None
        return [r.id for r in RULES.values()
                if (not self.rules or r.id in self.rules)
                and (not self.categories or r.category in self.categories)
                and (not self.severities or r.severity in self.severities)]

    def __call__(self, flag) -> bool:
        return ((not self.severities or flag.severity in self.severities)
                and (not self.categories or flag.category in self.categories)
                and (not self.rules or flag.rule in self.rules))


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in the normalized text."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def check_file(path: str, genre: str | None = None, lang: str = "zh",
               keep: Filter | None = None) -> dict[str, Any]:
    """One report's flags as plain data (what a worker process sends back), in the engine's
    order of importance; ``keep`` chooses which. A bug met on one report is logged and reported
    for that report (``internal``); the others are still checked."""
    set_language(lang)
    keep = keep or Filter()
    try:
        return _check(path, genre, keep)
    except Exception as exc:
        from reviewer.faults import log_internal_error, summary

        log = log_internal_error(exc)
        key = "cli.internal_error" if log else "cli.internal_error_nolog"
        return {"path": path, "genre": None, "flags": [], "internal": True,
                "error": f"{shown_path(path)}: {t(key, error=summary(exc), log=log)}"}


def _check(path: str, genre: str | None, keep: Filter) -> dict[str, Any]:
    try:
        doc = load_document(path, genre=genre)
    except (ReportError, ProfileError) as exc:
        return {"path": path, "genre": None, "flags": [], "error": str(exc)}
    except OSError as exc:
        return {"path": path, "genre": None, "flags": [],
                "error": f"{shown_path(path)}: {exc.strerror}"}
    flags = []
    for f in run_flags(doc, keep.rule_ids()):
        if not keep(f):
            continue
        line, col = _position(doc.text, f.start)
        flags.append({"rule": f.rule, "category": f.category, "severity": f.severity,
                      "start": f.start, "end": f.end, "quote": doc.text[f.start:f.end],
                      "message": f.message, "suggestion": f.suggestion,
                      "occurrences": [{"start": o.start, "end": o.end,
                                       "quote": doc.text[o.start:o.end]}
                                      for o in f.occurrences],
                      "line": line, "column": col})
    return {"path": path, "genre": doc.genre, "flags": flags}


def _check_all(paths: list[str], genre: str | None, jobs: int,
               keep: Filter | None = None) -> Iterator[dict[str, Any]]:
    """Results in the order of ``paths``; several files go to a pool of processes."""
    lang = language()
    workers = jobs or os.cpu_count() or 1
    if len(paths) == 1 or workers == 1:
        for path in paths:
            yield check_file(path, genre, lang, keep)
        return
    workers = min(workers, len(paths))
    n = len(paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(check_file, paths, [genre] * n, [lang] * n, [keep] * n,
                            chunksize=max(1, n // (workers * 4)))


class Progress:
    """A one-line bar on stderr, drawn only for a person watching many files."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0
        self.shown = total >= PROGRESS_MIN and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.shown:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r{t('flags.progress')} [{'#' * filled}{'.' * (width - filled)}] "
                             f"{self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _message(flag: dict[str, Any]) -> str:
    """The message, with how many places a grouped finding covers."""
    count = len(flag.get("occurrences") or ())
    if count > 1:
        return f"{flag['message']}{t('flags.occurrences', count=count)}"
    return flag["message"]


def render_report(report: dict[str, Any]) -> str:
    head = f"{shown_path(report['path'])}  [{report['genre'] or '?'}]"
    if report.get("error"):
        return f"{head}\n  {t('flags.unreadable', reason=report['error'])}"
    flags = report["flags"]
    if not flags:
        return f"{head}\n  {t('flags.no_flags')}"
    header = tuple(t(f"flags.column_{c}") for c in ("severity", "rule", "where", "quote",
                                                     "message"))
    rows = [(t(f"flags.severity_{f['severity']}"), f["rule"], f"{f['line']}:{f['column']}",
             f["quote"], _message(f)) for f in flags]
    widths = [max(cell_width(r[i]) for r in (header, *rows)) for i in range(3)]
    lines = [head]
    for sev, rule_id, where, quote, message in (header, *rows):
        lines.append(f"  {fit(sev, widths[0])}  {fit(rule_id, widths[1])}  "
                     f"{fit(where, widths[2])}  {fit(quote, _QUOTE_WIDTH)}  {message}")
    return "\n".join(lines)


def summary(reports: list[dict[str, Any]]) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in reports:
        for f in r["flags"]:
            counts[f["severity"]] += 1
    unreadable = sum(1 for r in reports if r.get("error"))
    return t("flags.summary", reports=len(reports), unreadable=unreadable, **counts)


def exit_code(reports: list[dict[str, Any]], fail_on: str | None) -> int:
    if any(r.get("internal") for r in reports):
        from reviewer.faults import INTERNAL_ERROR

        return INTERNAL_ERROR
    if any(r.get("error") for r in reports):
        return 2
    if fail_on and any(_RANK[f["severity"]] <= _RANK[fail_on]
                       for r in reports for f in r["flags"]):
        return 1
    return 0


def _json_report(report: dict[str, Any]) -> dict[str, Any]:
    out = {"path": shown_path(report["path"]), "genre": report["genre"],
           "flags": [{k: f[k] for k in ("rule", "category", "severity", "start", "end", "quote",
                                        "message", "suggestion", "occurrences")}
                     for f in report["flags"]]}
    if report.get("error"):
        out["error"] = report["error"]
    return out


def run(args: argparse.Namespace) -> int:
    try:
        keep = Filter.from_args(args)
    except ValueError as exc:
        error(str(exc))
        return 2
    skipped: list[tuple[str, str]] = []
    paths = iter_report_files(args.paths, skipped)
    for path, reason in skipped:  # FIFOs, devices, broken links in a folder: never opened
        say(f"reviewer: {t('cli.skipped', path=path, reason=reason)}", file=sys.stderr)
    if not paths:
        error(t("cli.no_reports", path=" ".join(args.paths)))
        return 2
    progress = Progress(len(paths))
    reports = []
    try:
        for report in _check_all(paths, args.genre, max(args.jobs, 0), keep):
            reports.append(report)
            progress.step()
            if not args.json:
                if report.get("error"):
                    error(report["error"])
                say(render_report(report))
                print()
    finally:
        progress.close()
    if args.json:
        print_json({"reports": [_json_report(r) for r in reports]})
    else:
        print(summary(reports))
    return exit_code(reports, args.fail_on)
