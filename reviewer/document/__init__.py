"""Report files → :class:`Document`: decoding, normalization, metadata and outline.

Pure code: no Textual, no jieba. ``load_document(path)`` is the entry point; ``parse_text`` does
the same for text already in memory.
"""

from __future__ import annotations

import hashlib
from functools import partial

from reviewer.document import kinds, years
from reviewer.document.errors import ReportError
from reviewer.document.load import decode, read_bytes
from reviewer.document.metadata import extract, parse_date
from reviewer.document.model import (
    KINDS,
    SPAN_KINDS,
    UNKNOWN,
    Change,
    Document,
    Heading,
    MetaField,
    NumberingIssue,
    Paragraph,
    PeriodSpan,
    Section,
    Sentence,
    Span,
)
from reviewer.document.normalize import Normalized, normalize
from reviewer.document.readers import Extracted, format_of
from reviewer.document.readers import extract as extract_file
from reviewer.document.structure import (
    add_styled_headings,
    build_sections,
    drop_headings_in,
    find_headings,
    numbering_issues,
)
from reviewer.profiles import detect_genre, get_profile
from reviewer.progress import without_cycle_collector

__all__ = [
    "KINDS", "SPAN_KINDS", "UNKNOWN", "Change", "Document", "Heading", "MetaField",
    "NumberingIssue", "Paragraph", "PeriodSpan", "ReportError", "Section", "Sentence", "Span", "decode",
    "load_document", "parse_bytes", "parse_date", "parse_text",
]



def _has_content(text: str) -> bool:
    """Any Chinese character, Latin letter or figure at all? Other scripts do not count: bytes
    misread as BOM-less UTF-16 come out as runs of ÿþ. (Comparisons rather than a compiled
    character class over the CJK range, which costs milliseconds at start-up.)"""
    return any("\u3400" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) for ch in text)


def _paragraphs(text: str) -> list[Paragraph]:
    """Every line that holds something. (Each made as the tuple it is, without the named
    tuple's own constructor: a report of short lines has tens of thousands.)"""
    out: list[Paragraph] = []
    make = partial(tuple.__new__, Paragraph)
    pos = 0
    for line in text.split("\n"):
        n = len(line)
        if n:
            out.append(make((pos, pos + n)))
        pos += n + 1
    return out


@without_cycle_collector()
def parse_text(text: str, path: str = "<text>", genre: str | None = None, *,
               raw: bytes | None = None, encoding: str = "utf-8",
               extracted: Extracted | None = None) -> Document:
    """Normalize and structure report text. ``extracted`` is what a reader of a Word, PDF or
    web-page file found besides the text (``text`` is then ``extracted.text``): its edits join
    the change log, its metadata and heading hints are placed in the normalized text."""
    norm = normalize(text)
    if extracted is not None:
        for key, value in extracted.header_fields.items():
            norm.header_fields.setdefault(key, value)
    if not _has_content(norm.text):
        if norm.changes:
            raise ReportError(path, "文件只含网页或打印残留，没有报告正文 (only page debris, no report text)")
        raise ReportError(path, "文件没有任何文字内容 (no text in the file)")
    paragraphs = _paragraphs(norm.text)
    if genre is None:
        first = "\n".join(norm.text[p.start:p.end] for p in paragraphs[:8])
        # the page's title and the name its metadata gives the document
        title_hint = " ".join(norm.header_fields[k][0] for k in ("title", "name")
                              if k in norm.header_fields)
        # (and, when neither says, the lines below: a saved page's menus, a forum's chrome or
        # a table of contents may stand above the title)
        wider = "\n".join(norm.text[p.start:p.end] for p in paragraphs[8:40])
        genre = detect_genre(title_hint or first[:200], first, wider)
    profile = get_profile(genre)
    ntext = norm.text
    meta = extract(ntext, paragraphs, norm.header_fields, profile)
    title = meta.get("title")
    headings = find_headings(ntext, paragraphs, profile,
                             title.end if title is not None and title.end > 0 else 0)
    if title is not None and title.start >= 0:
        headings = drop_headings_in(headings, title.start, title.end)
    changes = norm.changes
    if extracted is not None:
        changes = _extraction_changes(norm, extracted) + changes
        changes.sort(key=lambda c: (c.start, c.kind != "extract"))
        _place_found(norm, extracted, meta)
        hints = {norm.offset_of_line(h.line): h.level for h in extracted.hints
                 if h.line in norm.line_starts}
        if hints:
            headings = add_styled_headings(ntext, paragraphs, headings, hints)
    named = _page_name(norm, paragraphs)
    # a saved page (its metadata read) on which no line reads as report text
    shell = not norm.has_body and bool(norm.header_fields)
    if shell:
        # a page of navigation and metadata without the report's text: no parts, but the line
        # naming the report, when the page has one
        headings = [] if named is None else [named]
    sections = build_sections(ntext, headings)
    title_for_years = meta.get("title")
    if title_for_years is None and named is not None and shell:
        title_for_years = MetaField(named.title, named.start, named.end, "the page's name")
    meta.update(years.establish(ntext, paragraphs, sections, title_for_years, profile))
    title_field = meta.get("title")
    periods, found = kinds.classify(ntext, paragraphs, sections, profile,
                                    _int(meta, "year_reviewed"), _int(meta, "plan_year"),
                                    title_field.value if title_field is not None else "")
    spans = kinds.find_spans(ntext, paragraphs, sections, profile, found)
    if shell:
        for sec in sections:
            sec.set_kind(("other",), "no report text: the page holds only its navigation and "
                         "metadata", 0.0, "")
        spans = []
    raw_bytes = raw if raw is not None else text.encode("utf-8")
    return Document(
        path=path,
        text=norm.text,
        encoding=encoding,
        raw_sha256=hashlib.sha256(raw_bytes).hexdigest(),
        text_sha256=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        changes=changes,
        paragraphs=paragraphs,
        headings=headings,
        sections=sections,
        metadata=meta,
        genre=genre,
        numbering_issues=numbering_issues(headings),
        spans=spans,
        periods=sorted(periods, key=lambda p: p.start),
        report_text=not shell,
        duty_report=not shell and kinds.duty_report(
            ntext, paragraphs, sections, profile,
            title_field.value if title_field is not None else ""),
    )


def _page_name(norm: Normalized, paragraphs: list[Paragraph]) -> Heading | None:
    """The line of a page's metadata that names the document (名称：…), as a heading."""
    name = norm.header_fields.get("name")
    if name is None:
        return None
    value = name[0]
    for p in paragraphs:
        line = norm.text[p.start:p.end]
        at = line.find(value)
        if at >= 0 and line.startswith(name[1]):
            return Heading(level=1, style="plain", number=0, numbering="", title=value,
                           start=p.start + at, end=p.end, title_start=p.start + at,
                           para_start=p.start, para_end=p.end)
    return None


def _int(meta: dict[str, MetaField], key: str) -> int | None:
    f = meta.get(key)
    try:
        return int(f.value) if f else None
    except ValueError:
        return None


def _extraction_changes(norm: Normalized, extracted: Extracted) -> list[Change]:
    """A reader's edits as changes at their offsets in the normalized text."""
    out: list[Change] = []
    end = len(norm.text)
    for e in extracted.edits:
        at = 0 if e.line == 0 else min(norm.offset_of_line(e.line) + e.column, end)
        if e.inserted and norm.text.startswith(e.inserted, at):
            out.append(Change(e.kind, at, at + len(e.inserted), e.removed, e.inserted, e.line,
                              e.rule))
        else:
            out.append(Change(e.kind, at, at, e.removed, "", e.line, e.rule))
    return out


def _place_found(norm: Normalized, extracted: Extracted, meta: dict[str, MetaField]) -> None:
    """Metadata a reader found: at its offsets when it stands in the text, else -1/-1; a key
    the text already gave is not overwritten. Labelled page fields that the metadata does not
    name otherwise (索引号) are kept under their own key."""
    for f in extracted.found:
        if f.key in meta:
            continue
        start = norm.offset_of_line(f.line) if f.line in norm.line_starts else -1
        if start >= 0 and norm.text.startswith(f.value, start):
            meta[f.key] = MetaField(f.value, start, start + len(f.value), f.source)
        else:
            meta[f.key] = MetaField(f.value, -1, -1, f.source)
    for key, (value, label) in extracted.header_fields.items():
        if key not in meta and key not in _HEADER_KEYS:
            meta[key] = MetaField(value, -1, -1, f"page metadata ({label})")


# header fields that metadata.extract already turns into metadata (under other names)
_HEADER_KEYS = {"title", "doc_number", "written", "published", "issuer", "source"}


def parse_bytes(data: bytes, path: str = "<bytes>", genre: str | None = None) -> Document:
    kind = format_of(path, data[:4096])
    if kind is not None:
        extracted = extract_file(kind, data, path)
        return parse_text(extracted.text, path, genre, raw=data, encoding=extracted.encoding,
                          extracted=extracted)
    text, encoding = decode(data, path)
    return parse_text(text, path, genre, raw=data, encoding=encoding)


def load_document(path: str, genre: str | None = None) -> Document:
    """Read, decode, normalize and structure a report file: plain text, or a Word, PDF or
    saved web-page file through its reader. Raises :class:`ReportError`."""
    data = read_bytes(path)
    return parse_bytes(data, path, genre)
