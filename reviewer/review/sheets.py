"""Tables for spreadsheet programs: CSV and .xlsx cells that can never run as formulas.

What goes into a cell is untrusted: report text comes from web pages, notes and tags from
reviews merged from colleagues. A spreadsheet program takes a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``), and a leading tab or
carriage return can hide one. Every such text cell is neutralised as OWASP recommends for CSV
injection: a single quote is put in front, so the program shows the text and runs nothing.
Numbers stay numbers. The .xlsx writer needs openpyxl (the optional ``sheets`` extra).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from reviewer.i18n import t

# what a spreadsheet program reads as the start of a formula (OWASP, "CSV Injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# characters an .xlsx file cannot hold (XML 1.0 forbids them); shown as their visible pictures
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Cell = str | int | float | None


class MissingExtra(Exception):
    """Writing a format needs an optional package that is not installed."""


def neutralise(value: str) -> str:
    """``value`` as a cell that no spreadsheet program takes for a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def safe_cell(value: Cell) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    return neutralise(str(value))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A CSV text with a UTF-8 byte order mark (spreadsheet programs then read Chinese right),
    every cell neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def _visible(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)


def _width(value: Any) -> int:
    text = str(value)
    line = max(text.split("\n"), key=len) if text else ""
    return sum(2 if ord(c) > 0x2e80 else 1 for c in line)


def to_xlsx(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]]) -> bytes:
    """An .xlsx workbook: one sheet per ``(title, header, rows)``, the header in bold and kept
    in view, every text cell neutralised and stored as text. Raises :class:`MissingExtra`
    when openpyxl is not installed."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingExtra(t("review.export.needs_sheets")) from None
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(_visible(title)[:31] or "-")
        widths = [_width(h) for h in header]
        for r, row in enumerate([header, *rows], 1):
            for c, value in enumerate(row, 1):
                value = safe_cell(value)
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, str):
                    cell.value = _visible(value)
                    cell.data_type = "s"  # text, whatever it looks like
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.value = value
                if r == 1:
                    cell.font = Font(bold=True)
                if c <= len(widths):
                    widths[c - 1] = max(widths[c - 1], min(_width(value), 60))
        for c, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(c)].width = max(6, width + 2)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
