"""Review ⇄ TOML: written with tomli-w, read with tomllib, checked field by field.

The file is meant to be read by people and diffed in git: keys in a fixed order, one table per
entry (``[[annotation]]``, ``[[flag]]``, ``[[plan]]``, ``[[target]]``), notes as multi-line strings, times as TOML
datetimes. Reading is strict: a wrong type, a missing key or an unknown key is a
:class:`ReviewError` naming the entry, so a typo in a hand-edited file is reported, not dropped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import datetime
from typing import Any

import tomli_w

from reviewer import tomlfile
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.review.anchor import Anchor
from reviewer.review.errors import ReviewError
from reviewer.review.model import (
    SCHEMA,
    Annotation,
    FlagDecision,
    PlanAssessment,
    ReportIdentity,
    Review,
    TargetAssessment,
)

# --- writing -----------------------------------------------------------------------------------


def _anchor(a: Anchor) -> dict[str, Any]:
    out: dict[str, Any] = {"start": a.start, "end": a.end, "quote": a.quote, "prefix": a.prefix,
                           "suffix": a.suffix}
    if a.orphan:
        out["orphan"] = True
    return out


def _identity(r: ReportIdentity) -> dict[str, Any]:
    # a file name that is not UTF-8 is stored as it is shown; store.report_path_for finds it
    out: dict[str, Any] = {"path": shown_path(r.path), "sha256": r.sha256, "text_sha256": r.text_sha256,
                           "title": r.title, "government": r.government}
    if r.year is not None:
        out["year"] = r.year
    out["genre"] = r.genre
    return out


def annotation_dict(a: Annotation) -> dict[str, Any]:
    return {"id": a.id, "tags": list(a.tags), "severity": a.severity, "section_path": list(a.section_path),
            "created": a.created, "updated": a.updated, "note": a.note,
            "anchor": _anchor(a.anchor)}


def flag_dict(d: FlagDecision) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "rule": d.rule, "decision": d.decision,
                           "decided": d.decided}
    if d.message:
        out["message"] = d.message
    out["note"] = d.note
    out["anchor"] = _anchor(d.anchor)
    return out


def plan_dict(p: PlanAssessment) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id, "heading": p.heading, "suggested": p.suggested,
                           "status": p.status, "updated": p.updated, "note": p.note,
                           "item": _anchor(p.item)}
    if p.evidence:  # an empty array of tables cannot be written as tables
        out["evidence"] = [_anchor(e) for e in p.evidence]
    return out


def target_dict(a: TargetAssessment) -> dict[str, Any]:
    return {"id": a.id, "indicator": a.indicator, "suggested": a.suggested,
            "verdict": a.verdict, "updated": a.updated, "note": a.note,
            "anchor": _anchor(a.anchor)}


def head_dict(review: Review) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": review.schema, "reviewer": review.reviewer,
                           "created": review.created, "updated": review.updated,
                           "verdict": review.verdict, "summary": review.summary,
                           "report": _identity(review.report)}
    if review.prior is not None:
        out["prior"] = _identity(review.prior)
    if review.scores:
        out["scores"] = dict(review.scores)
    return out


def to_dict(review: Review) -> dict[str, Any]:
    """The review as plain data, in file order (also what the JSON export writes)."""
    out = head_dict(review)
    out["annotation"] = [annotation_dict(a) for a in review.annotations]
    out["flag"] = [flag_dict(d) for d in review.flags]
    out["plan"] = [plan_dict(p) for p in review.plans]
    out["target"] = [target_dict(a) for a in review.targets]
    return out


def _exact_in_multiline(value: Any) -> bool:
    """Whether multi-line strings keep every string here exact (tomli-w turns ``\\r\\n`` into
    ``\\n`` inside them; the model already does so for notes, quotes never hold it in practice)."""
    if isinstance(value, str):
        return "\r\n" not in value
    if isinstance(value, dict):
        return all(_exact_in_multiline(v) for v in value.values())
    if isinstance(value, list):
        return all(_exact_in_multiline(v) for v in value)
    return True


def _dumps(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=_exact_in_multiline(data))


def _entry(name: str, data: dict[str, Any]) -> str:
    """One ``[[name]]`` table (tomli-w would inline a short one in an array)."""
    text = _dumps({name: data})
    header = f"[{name}]\n"
    assert text.startswith(header)
    return f"[[{name}]]\n" + text[len(header):]


_ENTRIES: tuple[tuple[str, str, Callable[[Any], dict[str, Any]]], ...] = (
    ("annotation", "annotations", annotation_dict),
    ("flag", "flags", flag_dict),
    ("plan", "plans", plan_dict),
    ("target", "targets", target_dict),
)


class TomlWriter:
    """Renders reviews, reusing the text of every entry unchanged since the last render.

    Entries are frozen, so an entry that is the same object as last time renders the same; this
    keeps saving a review of hundreds of annotations to a fraction of a millisecond of TOML work.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, str]] = {}

    def render(self, review: Review) -> str:
        parts = [_dumps(head_dict(review))]
        cache: dict[int, tuple[object, str]] = {}
        for name, attr, as_dict in _ENTRIES:
            for item in getattr(review, attr):
                hit = self._cache.get(id(item))
                text = hit[1] if hit is not None and hit[0] is item else _entry(name, as_dict(item))
                cache[id(item)] = (item, text)  # holding the item keeps its id from being reused
                parts.append(text)
        self._cache = cache
        return "\n".join(parts)


def dumps(review: Review) -> str:
    return TomlWriter().render(review)


# --- reading -----------------------------------------------------------------------------------

_TYPE_NAMES = {str: "string", int: "integer", float: "float", bool: "boolean",
               datetime: "datetime", list: "array", dict: "table"}
_REQUIRED = object()


def _type_name(value: Any) -> str:
    """The interface name of a TOML value's type (``review.type.*``)."""
    return t(f"review.type.{_TYPE_NAMES.get(type(value), 'other')}")


def _wrong_type(key: str, expected: str, value: Any) -> str:
    return t("review.err_type", name=key, expected=t(f"review.type.{expected}"),
             found=_type_name(value))


class _Reader:
    """Takes typed values out of parsed TOML, raising a ReviewError that says where."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, reason: str) -> ReviewError:
        return ReviewError(self.path, f"{where}: {reason}")

    def take(self, table: dict, key: str, kind: type, where: str, default: Any = _REQUIRED) -> Any:
        if key not in table:
            if default is _REQUIRED:
                raise self.fail(where, t("review.err_missing", name=key))
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            raise self.fail(where, _wrong_type(key, _TYPE_NAMES[kind], value))
        if kind is datetime and value.tzinfo is None:
            value = value.astimezone()  # a hand-written local time: take it as this machine's
        if kind is list and not all(isinstance(v, str) for v in value):
            raise self.fail(where, _wrong_type(key, "strings", value))
        return value

    def table(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, _wrong_type(where, "table", value))
        return value

    def known(self, table: Any, keys: tuple[str, ...], where: str) -> dict:
        table = self.table(table, where)
        unknown = [k for k in table if k not in keys]
        if unknown:
            raise self.fail(where, t("review.err_unknown", name=unknown[0],
                                     known=", ".join(keys)))
        return table

    def entries(self, data: dict, key: str) -> list[tuple[dict, str]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"[[{key}]]", _wrong_type(key, "tables", value))
        out = []
        for n, entry in enumerate(value, 1):
            where = f"[[{key}]] {n}"
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                where += f" ({entry['id']})"
            out.append((entry, where))
        return out

    def anchor(self, table: Any, where: str) -> Anchor:
        table = self.known(table, ("start", "end", "quote", "prefix", "suffix", "orphan"), where)
        start = self.take(table, "start", int, where)
        end = self.take(table, "end", int, where)
        if not 0 <= start <= end:
            raise self.fail(where, t("review.err_span", start=start, end=end))
        return Anchor(self.take(table, "quote", str, where), self.take(table, "prefix", str, where),
                      self.take(table, "suffix", str, where), start, end,
                      self.take(table, "orphan", bool, where, False))

    def identity(self, table: Any, where: str) -> ReportIdentity:
        table = self.known(table, ("path", "sha256", "text_sha256", "title", "government", "year",
                                   "genre"), where)
        return ReportIdentity(
            self.take(table, "path", str, where), self.take(table, "sha256", str, where, ""),
            self.take(table, "text_sha256", str, where, ""),
            self.take(table, "title", str, where, ""),
            self.take(table, "government", str, where, ""),
            self.take(table, "year", int, where, None), self.take(table, "genre", str, where, ""))


def _annotation(r: _Reader, e: Any, where: str) -> Annotation:
    e = r.known(e, ("id", "tags", "tag", "severity", "section_path", "created", "updated",
                    "note", "anchor"), where)
    # files written before a note could hold several tags have one: tag = "…"
    tags = [r.take(e, "tag", str, where, ""), *r.take(e, "tags", list, where, [])]
    return Annotation(r.take(e, "id", str, where),
                      r.anchor(r.take(e, "anchor", dict, where), f"{where} anchor"),
                      tuple(tags), r.take(e, "severity", str, where, ""),
                      r.take(e, "note", str, where, ""),
                      tuple(r.take(e, "section_path", list, where, [])),
                      r.take(e, "created", datetime, where), r.take(e, "updated", datetime, where))


def _flag(r: _Reader, e: Any, where: str) -> FlagDecision:
    e = r.known(e, ("id", "rule", "decision", "decided", "message", "note", "anchor"), where)
    return FlagDecision(r.take(e, "id", str, where), r.take(e, "rule", str, where),
                        r.anchor(r.take(e, "anchor", dict, where), f"{where} anchor"),
                        r.take(e, "decision", str, where), r.take(e, "note", str, where, ""),
                        r.take(e, "decided", datetime, where),
                        r.take(e, "message", str, where, ""))


def _plan(r: _Reader, e: Any, where: str) -> PlanAssessment:
    e = r.known(e, ("id", "heading", "suggested", "status", "updated", "note", "item",
                    "evidence"), where)
    evidence = e.get("evidence", [])
    if not isinstance(evidence, list):
        raise r.fail(where, _wrong_type("evidence", "tables", evidence))
    return PlanAssessment(
        r.take(e, "id", str, where), r.anchor(r.take(e, "item", dict, where), f"{where} item"),
        r.take(e, "heading", str, where, ""), r.take(e, "suggested", str, where, ""),
        r.take(e, "status", str, where, ""),
        tuple(r.anchor(x, f"{where} evidence {i}") for i, x in enumerate(evidence, 1)),
        r.take(e, "note", str, where, ""), r.take(e, "updated", datetime, where))


def _target(r: _Reader, e: Any, where: str) -> TargetAssessment:
    e = r.known(e, ("id", "indicator", "suggested", "verdict", "updated", "note", "anchor"),
                where)
    return TargetAssessment(
        r.take(e, "id", str, where), r.take(e, "indicator", str, where, ""),
        r.anchor(r.take(e, "anchor", dict, where), f"{where} anchor"),
        r.take(e, "suggested", str, where, ""), r.take(e, "verdict", str, where, ""),
        r.take(e, "note", str, where, ""), r.take(e, "updated", datetime, where))


_READERS = (("annotation", "annotations", _annotation), ("flag", "flags", _flag),
            ("plan", "plans", _plan), ("target", "targets", _target))
_TOP = ("schema", "reviewer", "created", "updated", "verdict", "summary", "report", "prior",
        "scores", "annotation", "flag", "plan", "target")


def from_dict(data: dict, path: str = "<review>") -> Review:
    r = _Reader(path)
    if "schema" not in data:
        raise ReviewError(path, t("review.err_not_review"))
    schema = r.take(data, "schema", int, "schema")
    if schema > SCHEMA:
        raise ReviewError(path, t("review.err_newer", found=schema, known=SCHEMA))
    if schema < 1:
        raise ReviewError(path, t("review.err_schema", found=schema))
    r.known(data, _TOP, "top level")
    if "report" not in data:
        raise r.fail("[report]", t("review.err_missing", name="report"))
    scores = r.table(data.get("scores", {}), "[scores]")
    for key in scores:
        r.take(scores, key, int, "[scores]")
    ids: set[str] = set()
    parsed: dict[str, list] = {}
    for name, attr, read in _READERS:
        items = [read(r, e, where) for e, where in r.entries(data, name)]
        for item in items:
            if item.id in ids:
                raise r.fail(f"[[{name}]]", t("review.err_duplicate", id=item.id))
            ids.add(item.id)
        parsed[attr] = items
    return Review(
        report=r.identity(data["report"], "[report]"),
        created=r.take(data, "created", datetime, "top level"),
        updated=r.take(data, "updated", datetime, "top level"),
        reviewer=r.take(data, "reviewer", str, "top level", ""),
        verdict=r.take(data, "verdict", str, "top level", ""),
        summary=r.take(data, "summary", str, "top level", ""),
        prior=r.identity(data["prior"], "[prior]") if "prior" in data else None,
        scores=dict(scores),
        schema=schema,
        **parsed,
    )


_POSITION = re.compile(r"at line (\d+), column (\d+)")


def loads(text: str, path: str = "<review>") -> Review:
    """Parse a review file's text. Raises :class:`ReviewError` (with line and column for broken
    TOML)."""
    try:
        data = tomlfile.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _POSITION.search(str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (text.count("\n") + 1, None)
        reason = _POSITION.sub("", str(exc)).strip(" ()")
        raise ReviewError(path, t("review.err_toml", reason=reason), line, column) from None
    return from_dict(data, path)


def loads_bytes(data: bytes, path: str = "<review>") -> Review:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewError(path, t("review.err_encoding", offset=exc.start)) from None
    return loads(text, path)
