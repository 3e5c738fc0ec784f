"""Finding last year's report beside this year's: same government, previous year, same folder."""

from __future__ import annotations

import os
import re

from reviewer.document import Document, ReportError, load_document
from reviewer.document.files import iter_report_files


def _candidates(path: str, year: int) -> list[str]:
    """Report files in ``path``'s folder, those naming the previous year first (cheap to try)."""
    folder = os.path.dirname(os.path.abspath(path))
    files = [f for f in iter_report_files([folder])
             if os.path.dirname(f) == folder and os.path.abspath(f) != os.path.abspath(path)]
    named = re.compile(rf"(?<!\d){year - 1}(?!\d)")
    return sorted(files, key=lambda f: (not named.search(os.path.basename(f)), f))


def find_prior(path: str, current: Document | None = None) -> str | None:
    """A report in the same folder by the same government about the previous year, or None.

    ``current`` saves re-reading ``path`` when the caller has it loaded already."""
    try:
        doc = current if current is not None else load_document(path)
    except ReportError:
        return None
    if doc.year is None or not doc.government:
        return None
    for candidate in _candidates(path, doc.year):
        try:
            other = load_document(candidate)
        except ReportError:
            continue
        if other.government == doc.government and other.year == doc.year - 1 \
                and other.genre == doc.genre:
            return candidate
    return None
