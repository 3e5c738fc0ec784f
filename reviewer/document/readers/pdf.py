"""PDF (text layer) → report text, with pdfminer.six.

Every character comes with its box, size and colour; lines and paragraphs are rebuilt from
those, not from the order the file happens to draw them in (Word and WPS draw quotation marks
and figures in another font, often out of order):

- characters sharing a line (their vertical middles within a third of their size) make a line,
  read left to right; a gap wider than a character between two cells of a table becomes a tab;
- a line starts a new paragraph when it is indented, when the line before it stopped short of
  the right margin, when the type size changes, or after a wider gap than the body's leading;
- a page's first and last lines that are a page number (``- 3 -``, ``第3页``) or that recur on
  many pages (a running header or footer) are left out, each logged;
- a paragraph that runs on to the next page (the next page's first line is not indented and
  the page's last line is full) is joined and logged as a page-break join, like the
  normalizer's; any other page end is a line end, for the normalizer to judge;
- red type at the head of the first page is the 文件头 (red header), kept in the text and as
  metadata.

A PDF whose pages hold no characters is a scan: refused with "OCR it first".
"""

from __future__ import annotations

import io
import re
import statistics
from typing import NamedTuple

from reviewer.document.errors import ReportError
from reviewer.document.normalize import NUMBERING_START as _NUMBERED
from reviewer.document.readers import Edit, Extracted, Found, missing_extra, settings

_SHI = re.compile(r"[一二三四五六七八九十]+是")  # 一是…二是…: as often inside a paragraph as not


class _Line(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    size: float
    red: bool
    lead: float  # width of the line's first unbreakable piece (a word, a figure, 人、)


def _is_red(char) -> bool:
    colour = getattr(getattr(char, "graphicstate", None), "ncolor", None)
    if isinstance(colour, (int, float)) or not colour:
        return False
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return False
    if len(values) == 3:
        r, g, b = values
        return r > 0.6 and g < 0.4 and b < 0.4
    if len(values) == 4:
        c, m, y, k = values
        return m > 0.6 and y > 0.5 and c < 0.3 and k < 0.4
    return False


def _chars(layout, out: list) -> None:
    from pdfminer.layout import LTChar, LTContainer

    for item in layout:
        if isinstance(item, LTChar):
            out.append(item)
        elif isinstance(item, LTContainer):
            _chars(item, out)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _lines(chars: list, height: float) -> list[_Line]:
    """Characters → lines, top to bottom, each read left to right."""
    chars = [c for c in chars if c.get_text().strip() or c.get_text() == " "]
    if not chars:
        return []
    chars.sort(key=lambda c: (-(c.y0 + c.y1) / 2, c.x0))
    rows: list[list] = []
    mid = None
    for c in chars:
        m = (c.y0 + c.y1) / 2
        size = max(c.size, 1.0)
        if rows and mid is not None and abs(m - mid) <= size / 3:
            rows[-1].append(c)
        else:
            rows.append([c])
            mid = m
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        text = ""
        prev = None
        for c in row:
            ch = c.get_text()
            if prev is not None:
                gap = c.x0 - prev.x1
                size = max(prev.size, c.size, 1.0)
                if gap > size * 1.5 and text and not text.endswith((" ", "\t")):
                    text += "\t"  # cells of a table, or words set far apart
                elif (gap > size * 0.2 and _ascii_word(ch[:1]) and text
                      and _ascii_word(text[-1])):
                    text += " "
            if ch == " ":
                if text and not text.endswith((" ", "\t")):
                    text += " "
            else:
                text += ch
            prev = c
        text = text.strip()
        if not text:
            continue
        body = [c for c in row if c.get_text().strip()]
        size = statistics.median(c.size for c in body)
        red = sum(_is_red(c) for c in body) * 2 > len(body)
        lines.append(_Line(text, min(c.x0 for c in body), max(c.x1 for c in body),
                           height - max(c.y1 for c in body), size, red, _lead(body)))
    return lines


# characters a line never starts with: they travel to the next line with the one before them;
# quotation marks hold on to both neighbours (Unicode's line-breaking rules); a line never
# ends on an opening bracket
_NO_START = set("，。、；：？！）》」』…%％·,.;:?!)]}")
_QUOTES = set("“”‘’\"'")
_NO_END = set("（《「『([{")


def _lead(chars: list) -> float:
    """How wide the line's first piece is: the part that would have had to fit on the line
    before for the break to fall later."""
    end = 1
    if _ascii_word(chars[0].get_text()):
        while end < len(chars) and (_ascii_word(chars[end].get_text())
                                    or chars[end].get_text() in ".%"):
            end += 1
    while end < len(chars):
        here, before = chars[end].get_text(), chars[end - 1].get_text()
        if not (here in _NO_START or here in _QUOTES or before in _QUOTES or before in _NO_END):
            break
        end += 1
    return chars[end - 1].x1 - chars[0].x0


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s", "", text))


def _furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[list[tuple[str, str]]]]:
    """Take page numbers and running headers/footers off each page's top and bottom: the kept
    lines per page and, per page, what was taken (text, rule)."""
    conf = settings()["pdf"]
    numbers = [re.compile(p) for p in conf["page_numbers"]]
    edges: dict[str, int] = {}
    for lines in pages:
        seen = {_mask(line.text) for line in lines[:2] + lines[-2:]}
        for key in seen:
            edges[key] = edges.get(key, 0) + 1
    need = max(conf["running_min_pages"], conf["running_share"] * len(pages))
    running = {k for k, n in edges.items() if n >= need and len(pages) >= conf["running_min_pages"]}

    def rule(line: _Line) -> str | None:
        text = re.sub(r"\s", "", line.text)
        if any(p.match(text) for p in numbers):
            return "page_number"
        if _mask(line.text) in running:
            return "running"
        return None

    kept_pages, taken_pages = [], []
    for lines in pages:
        taken: list[tuple[str, str]] = []
        head, tail = 0, len(lines)
        for _ in range(2):
            if head < tail and (r := rule(lines[head])):
                taken.append((lines[head].text, "running_header" if r == "running" else r))
                head += 1
        tail_taken = []
        for _ in range(2):
            if tail > head and (r := rule(lines[tail - 1])):
                tail_taken.append((lines[tail - 1].text,
                                   "running_footer" if r == "running" else r))
                tail -= 1
        kept_pages.append(lines[head:tail])
        taken_pages.append(taken + tail_taken[::-1])
    return kept_pages, taken_pages


def _margins(pages: list[list[_Line]]) -> tuple[float, float, float]:
    """The body's left edge, right edge and type size: the commonest of each."""
    lines = [line for page in pages for line in page]
    size = statistics.median(round(line.size) for line in lines)
    body = [line for line in lines if abs(line.size - size) < 1] or lines
    lefts: dict[int, int] = {}
    for line in body:
        lefts[round(line.x0)] = lefts.get(round(line.x0), 0) + 1
    left = float(min(lefts, key=lambda x: (-lefts[x], x)))
    rights = sorted(line.x1 for line in body)
    right = rights[int(len(rights) * 0.9)] if rights else left
    return left, right, float(size)


def _centred(line: _Line, left: float, right: float) -> bool:
    return abs((line.x0 - left) - (right - line.x1)) < line.size * 0.5


def _ends(prev: _Line, line: _Line, right: float) -> bool:
    """Does a paragraph end after ``prev``? When the first piece of ``line`` would have fitted
    at the end of ``prev``, the line was broken on purpose; so too when ``prev`` closes a
    sentence and ``line`` opens with a heading's numbering (（二）, 3.)."""
    if prev.x1 + line.lead + prev.size * 0.3 < right:
        return True
    return prev.text[-1:] in "。！？" and bool(_NUMBERED.match(line.text)) \
        and not _SHI.match(line.text)


def read_pdf(data: bytes, path: str) -> Extracted:
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser, PDFSyntaxError
        from pdfminer.psexceptions import PSException
    except ImportError:
        raise missing_extra(path, " PDF ", "pdfminer.six") from None

    pages: list[list[_Line]] = []
    found: list[Found] = []
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            chars: list = []
            _chars(layout, chars)
            pages.append(_lines(chars, layout.height))
        found += _info(document)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReportError(path, "PDF 文件已加密，需要密码 (encrypted PDF: a password is needed)") \
            from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, ZeroDivisionError) as exc:
        if not pages:
            raise ReportError(path, f"PDF 文件已损坏，无法读取 (damaged PDF: {exc})") from None
        # a damaged page further on: keep what was read, as a viewer would
    total = sum(len(line.text) for page in pages for line in page)
    if total < settings()["pdf"]["min_chars"]:
        raise ReportError(path, "扫描件：没有文字层，请先做文字识别 (scanned: no text layer; "
                                "OCR it first)")
    return _assemble(pages, found)


def _info(document) -> list[Found]:
    from pdfminer.utils import decode_text

    out: list[Found] = []
    for info in document.info[:1]:
        for key, name in (("Title", "file_title"), ("Author", "author"),
                          ("CreationDate", "created"), ("ModDate", "modified")):
            value = info.get(key)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                value = value.strip()
                m = re.match(r"D:(\d{4})(\d\d)(\d\d)", value)
                if m:
                    value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
                out.append(Found(name, value, 0, "PDF document properties"))
    return out


def _assemble(pages: list[list[_Line]], found: list[Found]) -> Extracted:
    pages, taken = _furniture(pages)
    if not any(pages):
        pages = [[]]
    left, right, size = _margins([p for p in pages if p] or [[_Line("", 0, 0, 0, 1, False)]])
    indent = size * 0.8
    leads = [b.top - a.top for page in pages for a, b in zip(page, page[1:], strict=False)
             if abs(a.size - size) < 1 and abs(b.size - size) < 1 and b.top > a.top]
    leading = statistics.median(leads) if leads else size * 1.8
    out: list[str] = []
    edits: list[Edit] = []
    red_lines: list[int] = []
    prev: _Line | None = None
    for number, lines in enumerate(pages):
        for text, rule in taken[number]:
            edits.append(Edit("extract", len(out) + 1, text, "", rule))
        for k, line in enumerate(lines):
            if prev is None:
                new = True
            elif k == 0:
                # the first line of a page: a paragraph runs on when that line is not indented
                # and the page before ended on a full line of body type
                runs_on = (line.x0 <= left + indent and not _ends(prev, line, right)
                           and abs(line.size - prev.size) < 1 and abs(line.size - size) < 1)
                new = not runs_on
                if runs_on:
                    edits.append(Edit("join", len(out), "\n", "", "page_break", len(out[-1])))
            elif (line.size > size + 1 and abs(line.size - prev.size) < 1
                  and line.red == prev.red and _centred(prev, left, right)
                  and _centred(line, left, right)):
                # a title in display type wrapped over centred lines: one paragraph while the
                # lines follow at its own leading
                new = line.top - prev.top > line.size * 2.2
            else:
                gap = line.top - prev.top
                new = (line.x0 > left + indent or _ends(prev, line, right)
                       or abs(line.size - prev.size) >= 1 or gap > leading * 1.6
                       or line.red != prev.red)
            if new or not out:
                out.append(line.text)
                if line.red and number == 0:
                    red_lines.append(len(out))
            else:
                # English words wrapped at a space get it back; a figure cut by the line end
                # (2 / 025) and Chinese text join as they are
                joint = " " if _letter(out[-1][-1:]) and _letter(line.text[:1]) else ""
                out[-1] += joint + line.text
            prev = line
    for i in red_lines[:2]:
        found.append(Found("red_header", out[i - 1], i, "PDF red header"))
    return Extracted("\n".join(out), edits, found, [], {}, "pdf")
