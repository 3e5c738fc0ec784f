"""A review for the record: Markdown to read, CSV for spreadsheets, JSON for programs.

Everything is rendered from the review alone (its stored quotes), so an export works even when
the report file is gone. CSV starts with a UTF-8 byte order mark so spreadsheet programs read
Chinese correctly, and every row carries the report (file, government, year), the verdict, the
scores in rubric order and the summary, so the CSVs of several reviews stack into one sheet; no
cell can run as a formula (``sheets``). JSON holds the same data as the TOML file.

``render_many`` does the same for several reviews at once: one CSV, Markdown records one after
the other, a JSON array.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.review import sheets
from reviewer.review.anchor import Anchor
from reviewer.review.codec import to_dict
from reviewer.review.model import ReportIdentity, Review
from reviewer.review.vocabulary import load_vocabulary

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
    rows = [("path", shown_path(ident.path)), ("government", ident.government),
            ("year", "" if ident.year is None else str(ident.year)), ("genre", ident.genre),
            ("sha256", f"`{ident.sha256}`" if ident.sha256 else "")]
    return [f"- {_x(key)}: {value}" for key, value in rows if value]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(review: Review) -> str:
    title = review.report.title or shown_path(review.report.path)
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
            if d.message:
                line += " " + d.message.replace("\n", " ")
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

_REPORT_COLUMNS = ("path", "government", "year", "verdict")
_ENTRY_COLUMNS = ("kind", "id", "section", "tag", "severity", "rule", "decision", "message",
                  "heading", "indicator", "suggested", "status", "quote", "note", "start", "end",
                  "orphaned", "time")


def criteria(reviews: Sequence[Review] = ()) -> list[str]:
    """The rubric's criteria in its order, then any other criterion these reviews scored."""
    names = [c.name for c in load_vocabulary().criteria]
    for review in reviews:
        names += [name for name in review.scores if name not in names]
    return names


def _entry_rows(review: Review) -> list[dict[str, Any]]:
    def place(anchor: Anchor) -> dict[str, Any]:
        return {"quote": anchor.quote, "start": anchor.start, "end": anchor.end,
                "orphaned": _x("yes") if anchor.orphan else ""}

    rows: list[dict[str, Any]] = [{"kind": _x("kind_review"), "time": _time(review.updated)}]
    rows += [{"kind": _x("kind_annotation"), "id": a.id, "section": " › ".join(a.section_path),
              "tag": a.tag, "severity": label("severity", a.severity), "note": a.note,
              "time": _time(a.updated), **place(a.anchor)} for a in review.annotations]
    rows += [{"kind": _x("kind_flag"), "id": d.id, "rule": d.rule,
              "decision": label("decision", d.decision), "message": d.message, "note": d.note,
              "time": _time(d.decided), **place(d.anchor)} for d in review.flags]
    rows += [{"kind": _x("kind_plan"), "id": p.id, "heading": p.heading,
              "suggested": label("status", p.suggested), "status": label("status", p.status),
              "note": p.note, "time": _time(p.updated), **place(p.item)} for p in review.plans]
    rows += [{"kind": _x("kind_target"), "id": a.id, "indicator": a.indicator,
              "suggested": label("target_verdict", a.suggested),
              "status": label("target_verdict", a.verdict), "note": a.note,
              "time": _time(a.updated), **place(a.anchor)} for a in review.targets]
    return rows


def _table(items: Sequence[tuple[Review, str]]) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of the CSV of these reviews; ``file`` of each names its report."""
    scored = criteria([review for review, _ in items])
    header = [_x(c) for c in _REPORT_COLUMNS] + scored + [_x("summary")] + \
        [_x(c) for c in _ENTRY_COLUMNS]
    rows: list[list[Any]] = []
    for review, file in items:
        head = [file, review.report.government,
                "" if review.report.year is None else review.report.year,
                label("verdict", review.verdict)]
        head += [review.scores.get(name, "") for name in scored] + [review.summary]
        rows += [head + [row.get(c, "") for c in _ENTRY_COLUMNS]
                 for row in _entry_rows(review)]
    return header, rows


def to_csv(review: Review, file: str | None = None) -> str:
    """One row for the review itself, then one per note, flag decision and plan item.
    ``file`` names the report (by default the path the review stores)."""
    return sheets.to_csv(*_table([(review, review.report.path if file is None else file)]))


# --- JSON --------------------------------------------------------------------------------------


def _json_value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_json(review: Review) -> str:
    return json.dumps(to_dict(review), ensure_ascii=False, indent=2,
                      default=_json_value) + "\n"


def render(review: Review, fmt: str) -> str:
    return {"md": to_markdown, "csv": to_csv, "json": to_json}[fmt](review)


def render_many(items: Sequence[tuple[Review, str]], fmt: str) -> str:
    """Several reviews in one output; ``items`` pairs each review with the name of its report
    for the CSV's file column. One review renders as ``render`` does."""
    if fmt == "csv":
        return sheets.to_csv(*_table(items))
    if len(items) == 1:
        return render(items[0][0], fmt)
    if fmt == "md":
        return "\n---\n\n".join(to_markdown(review) for review, _ in items)
    return json.dumps([to_dict(review) for review, _ in items], ensure_ascii=False, indent=2,
                      default=_json_value) + "\n"
