"""Gold outlines against the document model: every label a reader wrote, checked on the outline
reviewer makes of the same report. Used by the tests (tests/test_gold_outlines.py) and by the
accuracy benchmark (benchmarks/bench_accuracy.py).

A label is matched where its quoted heading stands in the report's text:

- a top-level part: a top-level section must begin at that heading, with the same set of kinds
  (a plan that opens with targets is ``{"targets", "plan"}``) and the same period; an appendix
  counts as found when the text there is of kind appendix, as a part or as a span;
- a child: the kind and the period of the passage at its heading (``Document.kind_at``,
  ``Document.period_at``), so a child written as a run of paragraphs counts as well as a
  numbered one;
- the years reviewed and planned, the title ("" when the file has no title lines) and the
  genre;
- a span: one of ours of the same kind covering its first and its last paragraph (an appendix:
  the text there is of kind appendix).

A top-level section of ours that no label accounts for is a miss too (``extra``), unless it is an
appendix inside a labelled appendix.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from reviewer.document import Document, Section

GOLD = Path(__file__).resolve().parent / "outlines.toml"


class Check(NamedTuple):
    """One label checked: what, where, expected, found, and whether they agree."""

    report: str
    what: str  # "year_reviewed", "plan_year", "title", "genre", "part", "child", "span", "extra"
    where: str
    expected: str
    found: str
    ok: bool


def reports(gold: Path = GOLD) -> list[dict]:
    return tomllib.loads(gold.read_text(encoding="utf-8"))["report"]


def folder_of(name: str) -> str:
    """``seeds``, ``gwr`` or ``gwr-more``."""
    return name.split("/", 1)[0]


def _find(text: str, quote: str, start: int = 0) -> int:
    i = text.find(quote, start)
    return i if i >= 0 else text.find(quote)


def _kinds(kinds: Iterable[str]) -> str:
    return "+".join(sorted(kinds))


def _top(doc: Document, offset: int) -> Section | None:
    chain = doc.section_at(offset)
    return chain[0] if chain else None


def _paragraph(doc: Document, offset: int) -> int:
    p = doc.paragraph_at(offset)
    return p.start if p else -1


def _appendix_at(doc: Document, offset: int) -> bool:
    return doc.kind_at(offset) == "appendix" or any(
        s.kind == "appendix" for s in doc.section_at(offset))


def check(report: dict, doc: Document) -> list[Check]:
    """Every label of one report checked against ``doc``."""
    name, text = report["file"], doc.text
    out: list[Check] = []
    for key, found in (("year_reviewed", doc.year_reviewed), ("plan_year", doc.plan_year)):
        out.append(Check(name, key, "", str(report[key]), str(found), found == report[key]))
    out.append(Check(name, "title", "", report["title"], doc.title, doc.title == report["title"]))
    out.append(Check(name, "genre", "", report["genre"], doc.genre, doc.genre == report["genre"]))
    cursor = 0
    starts: list[int] = []
    for part in report["part"]:
        at = _find(text, part["heading"], cursor)
        starts.append(at)
        if at >= 0:
            cursor = at + 1
    appendix_regions: list[tuple[int, int]] = []
    for i, part in enumerate(report["part"]):
        at = starts[i]
        end = next((s for s in starts[i + 1:] if s > at), len(text))
        where = part["heading"]
        expected = f"{_kinds(part['kinds'])} / {part['period']}"
        if at < 0:
            out.append(Check(name, "part", where, expected, "heading not in the text", False))
            continue
        if part["kinds"] == ["appendix"]:
            appendix_regions.append((at, end))
            ok = _appendix_at(doc, at)
            out.append(Check(name, "part", where, "appendix", doc.kind_at(at), ok))
            continue
        sec = _top(doc, at)
        if sec is None or _paragraph(doc, sec.start) != _paragraph(doc, at):
            found = f"inside {sec.heading.numbering}{sec.title[:16]}" if sec else "no section"
            out.append(Check(name, "part", where, expected, found, False))
            continue
        found = f"{_kinds(sec.kinds)} / {sec.period}"
        out.append(Check(name, "part", where, expected, found, found == expected))
        for child in part.get("child", ()):
            c_at = _find(text, child["heading"], at)
            c_where = f"{where} › {child['heading']}"
            c_expected = f"{_kinds(child['kinds'])} / {child['period']}"
            if c_at < 0:
                out.append(Check(name, "child", c_where, c_expected, "not in the text", False))
                continue
            chain = doc.section_at(c_at)
            inner = chain[-1] if chain else None
            if len(child["kinds"]) > 1 and inner is not None:
                kinds = _kinds(inner.kinds)
            else:
                kinds = doc.kind_at(c_at)
            c_found = f"{kinds} / {doc.period_at(c_at)}"
            out.append(Check(name, "child", c_where, c_expected, c_found, c_found == c_expected))
    for span in report.get("span", ()):
        s = _find(text, span["starts"])
        e = text.find(span["ends"], max(s, 0))
        where = f"{span['starts']} … {span['ends']}"
        if s < 0 or e < 0:
            out.append(Check(name, "span", where, span["kind"], "quote not in the text", False))
            continue
        e += len(span["ends"])
        if span["kind"] == "appendix":
            appendix_regions.append((s, e))
            ok = _appendix_at(doc, s)
            out.append(Check(name, "span", where, "appendix", doc.kind_at(s), ok))
            continue
        first, last = _paragraph(doc, s), _paragraph(doc, e - 1)
        ours = [sp for sp in doc.spans_of(span["kind"])
                if _paragraph(doc, sp.start) == first and _paragraph(doc, sp.end - 1) == last]
        found = span["kind"] if ours else _describe_spans(doc, s, e)
        out.append(Check(name, "span", where, span["kind"], found, bool(ours)))
    labelled = {_paragraph(doc, a) for a in starts if a >= 0}
    for sec in doc.sections:
        if _paragraph(doc, sec.start) in labelled:
            continue
        if sec.kind == "appendix" and any(a <= sec.end and sec.start <= b
                                          for a, b in appendix_regions):
            continue
        out.append(Check(name, "extra", f"{sec.heading.numbering}{sec.title[:20]}", "no part here",
                         f"{_kinds(sec.kinds)} / {sec.period}", False))
    return out


def _describe_spans(doc: Document, start: int, end: int) -> str:
    near = [f"{sp.kind} {sp.start}–{sp.end}" for sp in doc.spans
            if sp.start < end and start < sp.end]
    return "; ".join(near) or "none"


def check_all(load, gold: Path = GOLD, folders: Iterable[str] | None = None
              ) -> Iterator[Check]:
    """Every check of every gold report whose file ``load(name)`` returns a Document for (it
    returns None for a report that is not available)."""
    wanted = set(folders) if folders is not None else None
    for report in reports(gold):
        if wanted is not None and folder_of(report["file"]) not in wanted:
            continue
        doc = load(report["file"])
        if doc is not None:
            yield from check(report, doc)
