"""Report files → :class:`Document`: decoding, normalization, metadata and outline.

Pure code: no Textual, no jieba. ``load_document(path)`` is the entry point; ``parse_text`` does
the same for text already in memory.
"""

from __future__ import annotations

import hashlib

from reviewer.document import kinds, years
from reviewer.document.errors import ReportError
from reviewer.document.load import decode, read_file
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
from reviewer.document.normalize import normalize
from reviewer.document.structure import build_sections, find_headings, numbering_issues
from reviewer.profiles import detect_genre, get_profile

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
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        out.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return [p for p in out if p.end > p.start]


def parse_text(text: str, path: str = "<text>", genre: str | None = None, *,
               raw: bytes | None = None, encoding: str = "utf-8") -> Document:
    norm = normalize(text)
    if not _has_content(norm.text):
        if norm.changes:
            raise ReportError(path, "文件只含网页或打印残留，没有报告正文 (only page debris, no report text)")
        raise ReportError(path, "文件没有任何文字内容 (no text in the file)")
    paragraphs = _paragraphs(norm.text)
    if genre is None:
        first = "\n".join(norm.text[p.start:p.end] for p in paragraphs[:8])
        title_hint = norm.header_fields.get("title", ("", ""))[0]
        genre = detect_genre(title_hint or first[:200], first)
    profile = get_profile(genre)
    text = norm.text
    meta = extract(text, paragraphs, norm.header_fields, profile)
    title = meta.get("title")
    headings = find_headings(text, paragraphs, profile, title.end if title and title.end > 0 else 0)
    sections = build_sections(text, headings)
    meta.update(years.establish(text, paragraphs, sections, meta.get("title"), profile))
    periods, found = kinds.classify(text, paragraphs, sections, profile,
                                    _int(meta, "year_reviewed"), _int(meta, "plan_year"))
    spans = kinds.find_spans(text, paragraphs, sections, profile, found)
    raw_bytes = raw if raw is not None else text.encode("utf-8")
    return Document(
        path=path,
        text=norm.text,
        encoding=encoding,
        raw_sha256=hashlib.sha256(raw_bytes).hexdigest(),
        text_sha256=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        changes=norm.changes,
        paragraphs=paragraphs,
        headings=headings,
        sections=sections,
        metadata=meta,
        genre=genre,
        numbering_issues=numbering_issues(headings),
        spans=spans,
        periods=sorted(periods, key=lambda p: p.start),
    )


def _int(meta: dict[str, MetaField], key: str) -> int | None:
    f = meta.get(key)
    try:
        return int(f.value) if f else None
    except ValueError:
        return None


def parse_bytes(data: bytes, path: str = "<bytes>", genre: str | None = None) -> Document:
    text, encoding = decode(data, path)
    return parse_text(text, path, genre, raw=data, encoding=encoding)


def load_document(path: str, genre: str | None = None) -> Document:
    """Read, decode, normalize and structure a report file. Raises :class:`ReportError`."""
    raw, text, encoding = read_file(path)
    return parse_text(text, path, genre, raw=raw, encoding=encoding)
