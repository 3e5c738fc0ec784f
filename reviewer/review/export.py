"""A review for the record: Markdown to read, CSV for spreadsheets, JSON for programs.

Everything is rendered from the review alone (its stored quotes), so an export works even when
the report file is gone. CSV starts with a UTF-8 byte order mark so spreadsheet programs read
Chinese correctly; JSON holds the same data as the TOML file.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from reviewer.i18n import t
from reviewer.review.anchor import Anchor
from reviewer.review.codec import to_dict
from reviewer.review.model import ReportIdentity, Review

FORMATS = ("md", "csv", "json")


def label(namespace: str, value: str) -> str:
    """The interface label of a vocabulary value; a free value is shown as it is."""
    if not value:
        return ""
    key = f"review.{namespace}.{value}"
    found = t(key)
    return value if found == key else found


def _x(key: str) -> str:
    return t(f"review.export.{key}")


def _time(value: datetime) -> str:
    return value.isoformat(sep=" ")


# --- Markdown ----------------------------------------------------------------------------------


def _quote_block(anchor: Anchor) -> list[str]:
    lines = [f"> {line}" if line else ">" for line in anchor.quote.split("\n")]
    if anchor.orphan:
        lines.append(f"> *({_x('orphan')})*")
    return lines


def _note(text: str) -> list[str]:
    return ["", *text.split("\n")] if text else []


def _identity_lines(ident: ReportIdentity) -> list[str]:
    rows = [("path", ident.path), ("government", ident.government),
            ("year", "" if ident.year is None else str(ident.year)), ("genre", ident.genre),
            ("sha256", f"`{ident.sha256}`" if ident.sha256 else "")]
    return [f"- {_x(key)}: {value}" for key, value in rows if value]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(review: Review) -> str:
    title = review.report.title or review.report.path
    out = [f"# {_x('title').format(title=title)}", "", *_identity_lines(review.report)]
    if review.reviewer:
        out.append(f"- {_x('reviewer')}: {review.reviewer}")
    out += [f"- {_x('created')}: {_time(review.created)}",
            f"- {_x('updated')}: {_time(review.updated)}"]
    if review.prior is not None:
        out += ["", f"{_x('prior')}: {review.prior.title or review.prior.path}", "",
                *_identity_lines(review.prior)]

    out += ["", f"## {_x('verdict')}: {label('verdict', review.verdict) or _x('none')}"]
    out += _note(review.summary)

    if review.scores:
        out += ["", f"## {_x('scores')}", "", f"| {_x('criterion')} | {_x('score')} |",
                "|---|---|"]
        out += [f"| {_cell(name)} | {value} |" for name, value in review.scores.items()]

    out += ["", f"## {_x('annotations')} ({len(review.annotations)})"]
    for n, a in enumerate(review.annotations, 1):
        head = " · ".join(p for p in (a.tag, label("severity", a.severity)) if p)
        out += ["", f"### {n}. {head}"]
        if a.section_path:
            out.append(f"{_x('section')}: {' › '.join(a.section_path)}")
        out += ["", *_quote_block(a.anchor), *_note(a.note)]

    if review.flags:
        out += ["", f"## {_x('flags')} ({len(review.flags)})", ""]
        for d in review.flags:
            quote = d.anchor.quote.replace("\n", " ")
            line = f"- **{label('decision', d.decision)}** `{d.rule}`"
            if quote:
                line += f" “{quote}”"
            if d.anchor.orphan:
                line += f" ({_x('orphan')})"
            if d.note:
                line += " — " + d.note.replace("\n", " ")
            out.append(line)

    if review.plans:
        out += ["", f"## {_x('plans')} ({len(review.plans)})"]
        for n, p in enumerate(review.plans, 1):
            status = label("status", p.status) or _x("none")
            out += ["", f"### {n}. {p.heading or p.item.quote[:40]} — {status}"]
            if p.suggested:
                out.append(f"{_x('suggested')}: {label('status', p.suggested)}")
            out += ["", *_quote_block(p.item)]
            if p.evidence:
                out += ["", f"{_x('evidence')}:"]
                for e in p.evidence:
                    out += ["", *_quote_block(e)]
            out += _note(p.note)

    if review.targets:
        out += ["", f"## {_x('targets')} ({len(review.targets)})", ""]
        for a in review.targets:
            verdict = label("target_verdict", a.verdict) or _x("none")
            line = f"- **{a.indicator or a.anchor.quote}** — {verdict}"
            if a.suggested:
                line += f" ({_x('suggested')}: {label('target_verdict', a.suggested)})"
            line += f" “{a.anchor.quote.replace(chr(10), ' ')}”"
            if a.anchor.orphan:
                line += f" ({_x('orphan')})"
            if a.note:
                line += " — " + a.note.replace("\n", " ")
            out.append(line)
    return "\n".join(out) + "\n"


# --- CSV ---------------------------------------------------------------------------------------

_COLUMNS = ("kind", "id", "section", "tag", "severity", "rule", "decision", "heading",
            "indicator", "suggested", "status", "quote", "note", "start", "end", "orphaned",
            "time")


def _rows(review: Review) -> list[dict[str, Any]]:
    def place(anchor: Anchor) -> dict[str, Any]:
        return {"quote": anchor.quote, "start": anchor.start, "end": anchor.end,
                "orphaned": _x("yes") if anchor.orphan else ""}

    rows = [{"kind": _x("kind_annotation"), "id": a.id, "section": " › ".join(a.section_path),
             "tag": a.tag, "severity": label("severity", a.severity), "note": a.note,
             "time": _time(a.updated), **place(a.anchor)} for a in review.annotations]
    rows += [{"kind": _x("kind_flag"), "id": d.id, "rule": d.rule,
              "decision": label("decision", d.decision), "note": d.note,
              "time": _time(d.decided), **place(d.anchor)} for d in review.flags]
    rows += [{"kind": _x("kind_plan"), "id": p.id, "heading": p.heading,
              "suggested": label("status", p.suggested), "status": label("status", p.status),
              "note": p.note, "time": _time(p.updated), **place(p.item)} for p in review.plans]
    rows += [{"kind": _x("kind_target"), "id": a.id, "indicator": a.indicator,
              "suggested": label("target_verdict", a.suggested),
              "status": label("target_verdict", a.verdict), "note": a.note,
              "time": _time(a.updated), **place(a.anchor)} for a in review.targets]
    return rows


def to_csv(review: Review) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=_COLUMNS, restval="")
    writer.writerow({c: _x(c) for c in _COLUMNS})
    writer.writerows(_rows(review))
    return buffer.getvalue()


# --- JSON --------------------------------------------------------------------------------------


def to_json(review: Review) -> str:
    def default(value: Any) -> str:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(to_dict(review), ensure_ascii=False, indent=2, default=default) + "\n"


def render(review: Review, fmt: str) -> str:
    return {"md": to_markdown, "csv": to_csv, "json": to_json}[fmt](review)
