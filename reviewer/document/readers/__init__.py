"""Reports as they arrive: Word (.docx, .doc), PDF and saved web pages → plain report text.

A reader turns a file's bytes into the text of the report, one paragraph per line, as a
:class:`Extracted`: the text, a log of what extraction changed (:class:`Edit`: Word's list
numbering written in, page numbers and running headers taken out, web-page chrome left out),
metadata found on the way (:class:`Found`: Word's document properties, the page's metadata
table, a PDF's red header) and heading hints (:class:`Hint`: Word's heading styles). The
document layer normalizes that text like any other and places the edits, metadata and hints at
their offsets in the normalized text, so every reader shares the one coordinate system.

Each reader needs an optional library (``pip install 'reviewer[formats]'``) and imports it only
when a file of its kind is opened; without it, the file is refused with a message naming the
extra. Pure code: no Textual.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from reviewer.document.errors import ReportError

EXTRA = "pip install 'reviewer[formats]'"


class Edit(NamedTuple):
    """One change extraction made, placed by line of the extracted text.

    ``line``/``column``: where in the extracted text the edit sits (1-based line, 0-based
    column): an insertion starts there, a removal stood just before it; line 0 for parts of the
    file outside the report's flow (a Word page header, a comment). ``kind``: ``numbering``
    (Word's list numbering written into the text), ``extract`` (something of the file left
    out: a page number, a running header, page chrome) or ``join`` (a paragraph that runs on
    across a page, joined).
    """

    kind: str
    line: int
    removed: str
    inserted: str
    rule: str
    column: int = 0


class Found(NamedTuple):
    """A metadata value found while reading: ``line`` of the extracted text it stands on, or 0
    when it is not part of the text (document properties, a page's metadata table)."""

    key: str
    value: str
    line: int
    source: str


class Hint(NamedTuple):
    """The file says line ``line`` is a heading of ``level`` (1 = top), e.g. a Word heading
    style."""

    line: int
    level: int


class Extracted(NamedTuple):
    text: str
    edits: list[Edit]
    found: list[Found]
    hints: list[Hint]
    # labelled values (索引号, 发布机构…) in the form normalization collects from page debris:
    # key → (value, label)
    header_fields: dict[str, tuple[str, str]]
    encoding: str  # what the text was read as: "docx", "pdf", "html (gbk)"…


@cache
def settings() -> dict:
    """The readers' data: file suffixes, Word style names, page-number forms, web chrome."""
    return tomllib.loads((Path(__file__).with_name("formats.toml")).read_text(encoding="utf-8"))


def format_of(path: str, head: bytes = b"") -> str | None:
    """Which reader reads ``path`` (``docx``, ``doc``, ``pdf``, ``html``, ``mhtml``), or None
    for plain text. The file's first bytes decide when they are telling (a PDF saved as .txt
    is still a PDF); else its suffix."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"PK\x03\x04") and b"word/" in head[:2000]:
        return "docx"
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".txt", ".text", ".md"):
        return None  # the common case, decided without reading the readers' data
    return settings()["suffixes"].get(suffix)


def missing_extra(path: str, what: str, package: str) -> ReportError:
    return ReportError(
        path, f"读取{what}需要可选组件 {package}：{EXTRA} "
              f"(reading {what} needs the optional extra: {EXTRA})")


def extract(kind: str, data: bytes, path: str) -> Extracted:
    """The report text of a file of ``kind`` (see :func:`format_of`). Raises ReportError, for
    whatever the format's library stumbles on too: a damaged file gets a message, never a
    traceback."""
    try:
        return _extract(kind, data, path)
    except ReportError:
        raise
    except RecursionError:
        raise ReportError(path, f"文件结构嵌套过深，无法读取 (too deeply nested to read as {kind})") \
            from None
    except Exception as exc:  # the parsers of these formats raise many kinds of errors
        raise ReportError(path, f"文件已损坏，无法按 {kind} 读取 (damaged {kind} file: "
                                f"{type(exc).__name__}: {exc})") from None


def _extract(kind: str, data: bytes, path: str) -> Extracted:
    if kind == "docx":
        from reviewer.document.readers.word import read_docx

        return read_docx(data, path)
    if kind == "doc":
        from reviewer.document.readers.legacy import read_doc

        return read_doc(data, path)
    if kind == "pdf":
        from reviewer.document.readers.pdf import read_pdf

        return read_pdf(data, path)
    if kind in ("html", "mhtml"):
        from reviewer.document.readers.webpage import read_html, read_mhtml

        return read_mhtml(data, path) if kind == "mhtml" else read_html(data, path)
    raise ValueError(f"no reader for {kind}")
