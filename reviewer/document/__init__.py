"""Report files → :class:`Document`: decoding, normalization, metadata and outline.

Pure code: no Textual, no jieba. ``load_document(path)`` is the entry point; ``parse_text`` does
the same for text already in memory.
"""

from __future__ import annotations

import hashlib

from reviewer.document.errors import ReportError
from reviewer.document.load import decode, read_file
from reviewer.document.metadata import add_years, extract, parse_date
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
    Section,
    Sentence,
    Span,
)
from reviewer.document.normalize import normalize
from reviewer.document.structure import build_sections, find_headings, numbering_issues
from reviewer.profiles import detect_genre, get_profile

__all__ = [
    "KINDS", "SPAN_KINDS", "UNKNOWN", "Change", "Document", "Heading", "MetaField",
    "NumberingIssue", "Paragraph", "ReportError", "Section", "Sentence", "Span", "decode",
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
    meta = extract(norm.text, paragraphs, norm.header_fields, genre)
    add_years(meta, profile.report_year)
    year = None
    if "year" in meta:
        try:
            year = int(meta["year"].value)
        except ValueError:
            year = None
    headings = find_headings(norm.text, paragraphs, profile)
    sections = build_sections(norm.text, headings, profile, year)
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
    )


def parse_bytes(data: bytes, path: str = "<bytes>", genre: str | None = None) -> Document:
    text, encoding = decode(data, path)
    return parse_text(text, path, genre, raw=data, encoding=encoding)


def load_document(path: str, genre: str | None = None) -> Document:
    """Read, decode, normalize and structure a report file. Raises :class:`ReportError`."""
    raw, text, encoding = read_file(path)
    return parse_text(text, path, genre, raw=raw, encoding=encoding)
