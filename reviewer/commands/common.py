"""Helpers shared by the headless commands: printing errors, JSON, and document → dict."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from reviewer.document import Document, Section
from reviewer.document.files import special_kind
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.terminal import display_text


def say(text: str, *, file: TextIO | None = None) -> None:
    """Print text for a person at a terminal. Reports (and file names) may hold escape
    sequences that would restyle, retitle or clear the terminal: each control character is
    shown as the same visible glyph the app's reader shows, so it is seen and does nothing. A
    file name that is not UTF-8 shows its undecodable bytes as ``\\xNN``."""
    print(display_text(shown_path(text)), file=file or sys.stdout)


def error(message: str) -> None:
    say(f"reviewer: {t('cli.error')}: {message}", file=sys.stderr)


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # a hard link
    except OSError:
        return False


def write_refusal(output: str, sources: list[tuple[str, str]], force: bool) -> str | None:
    """Why a command's output must not be written to ``output`` (``None``: go ahead). Never
    over the files it was made from (``sources``: (what, path) pairs, ``what`` naming the kind
    of file for the message), never into a FIFO or a device; an existing file only with
    --force, or when the person at the terminal says so."""
    for what, source in sources:
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


def deliver(data: bytes, output: str | None, sources: list[tuple[str, str]], force: bool,
            written: str) -> bool:
    """A command's output to standard output (shown safely to a person at a terminal, bytes as
    they are to a pipe) or to ``output``, never over a file ``write_refusal`` protects;
    ``written`` is the interface message saying where it went. False (the error said) when it
    could not be written."""
    if not output:
        if sys.stdout.isatty():  # read by a person: the text may hold escape sequences
            say(data.decode("utf-8"))
            return True
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return True
    refused = write_refusal(output, sources, force)
    if refused:
        error(refused)
        return False
    from reviewer.review.store import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        error(f"{exc.filename or output}: {exc.strerror or exc}")
        return False
    say(f"reviewer: {t(written, path=output)}", file=sys.stderr)
    return True


def _printable(data: Any) -> Any:
    """``data`` with every string that holds a file name's undecodable bytes shown as
    ``\\xNN``: JSON cannot carry them otherwise."""
    if isinstance(data, str):
        return shown_path(data)
    if isinstance(data, dict):
        return {_printable(k): _printable(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_printable(v) for v in data]
    return data


def report_internal_error(exc: BaseException, log: str | None | bool = False) -> int:
    """Tell a person about a bug in one line, the traceback kept in the log (written here unless
    ``log`` says where it already went, ``None`` when it could not be written); the exit code."""
    from reviewer.faults import INTERNAL_ERROR, log_internal_error, summary

    where = log_internal_error(exc) if log is False else log
    if where:
        error(t("cli.internal_error", error=summary(exc), log=where))
    else:
        error(t("cli.internal_error_nolog", error=summary(exc)))
    return INTERNAL_ERROR


def print_json(data: Any) -> None:
    json.dump(_printable(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def section_dict(sec: Section) -> dict[str, Any]:
    return {
        "heading": sec.heading.title,
        "numbering": sec.heading.numbering,
        "kind": sec.kind,
        "kinds": list(sec.kinds),
        "reason": sec.reason,
        "confidence": round(sec.confidence, 3),
        "period": sec.period,
        "level": sec.level,
        "start": sec.start,
        "end": sec.end,
        "heading_start": sec.heading.start,
        "heading_end": sec.heading.end,
        "children": [section_dict(c) for c in sec.children],
    }


def document_dict(doc: Document, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": shown_path(doc.path),
        "title": doc.title,
        "government": doc.government,
        "year": doc.year,
        "year_reviewed": doc.year_reviewed,
        "plan_year": doc.plan_year,
        "genre": doc.genre,
        "encoding": doc.encoding,
        "sha256": doc.raw_sha256,
        "text_sha256": doc.text_sha256,
        "metadata": {
            k: {"value": f.value, "start": f.start, "end": f.end, "source": f.source}
            for k, f in doc.metadata.items()
        },
    }
    if with_text:
        out["text"] = doc.text
    out["changes"] = [
        {"kind": c.kind, "rule": c.rule, "start": c.start, "end": c.end, "removed": c.removed,
         "inserted": c.inserted, "line": c.line}
        for c in doc.changes
    ]
    out["sections"] = [section_dict(s) for s in doc.sections]
    out["spans"] = [{"kind": sp.kind, "start": sp.start, "end": sp.end, "reason": sp.reason}
                    for sp in doc.spans]
    out["periods"] = [{"period": p.period, "start": p.start, "end": p.end, "reason": p.reason}
                      for p in doc.periods]
    out["missing_kinds"] = list(doc.missing_kinds())
    out["unknown_sections"] = len(doc.unknown_sections())
    out["numbering_issues"] = [
        {"kind": i.kind, "start": i.start, "end": i.end, "detail": i.detail}
        for i in doc.numbering_issues
    ]
    return out
