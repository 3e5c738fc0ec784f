"""Helpers shared by the headless commands: printing errors, JSON, and document → dict."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from reviewer.document import Document, Section
from reviewer.i18n import t
from reviewer.terminal import display_text


def say(text: str, *, file: TextIO | None = None) -> None:
    """Print text for a person at a terminal. Reports (and file names) may hold escape
    sequences that would restyle, retitle or clear the terminal: each control character is
    shown as the same visible glyph the app's reader shows, so it is seen and does nothing."""
    print(display_text(text), file=file or sys.stdout)


def error(message: str) -> None:
    say(f"reviewer: {t('cli.error')}: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
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
        "path": doc.path,
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
