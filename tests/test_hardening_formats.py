"""Damaged Word, PDF and web-page files: whatever the bytes, a document or a ReportError naming
the file, never another exception. Each example damages a real file (made from a seed) by
overwriting, cutting or dropping bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import seed_path
from report_files import make_docx, make_html, make_pdf
from reviewer.document import Document, ReportError, load_document, parse_bytes, parse_text

# a PDF or a Word package takes tens of milliseconds to parse: fewer examples than the text
# fuzzers, more in continuous integration
fuzz = settings(max_examples=300 if os.environ.get("CI") else 60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


def _small() -> Document:
    """The head of a seed: a title, the opening and two sections, so each file is small."""
    text = load_document(seed_path("guanba-2025")).text
    return parse_text(text[: text.index("(三)")], "small.txt")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("damaged")
    doc = _small()
    return {suffix: make(doc, folder / f"small{suffix}").read_bytes()
            for suffix, make in ((".docx", make_docx), (".pdf", make_pdf), (".html", make_html))}


damage = st.tuples(st.sampled_from(["overwrite", "cut", "drop"]),
                   st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=64))


def _damaged(data: bytes, how: tuple[str, float, bytes]) -> bytes:
    kind, where, junk = how
    at = int(where * len(data))
    if kind == "overwrite":
        return data[:at] + junk + data[at + len(junk):]
    if kind == "cut":
        return data[:at]
    return data[:at] + data[at + len(junk) * 16:]


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
@fuzz
@given(how=damage)
def test_a_damaged_file_is_read_or_refused(files, suffix, how):
    data = _damaged(files[suffix], how)
    try:
        doc = parse_bytes(data, f"damaged{suffix}")
    except ReportError as exc:
        assert exc.path == f"damaged{suffix}" and exc.reason
        return
    for change in doc.changes:
        assert 0 <= change.start <= change.end <= len(doc.text)


def test_the_undamaged_files_read(files):
    for suffix, data in files.items():
        assert parse_bytes(data, f"small{suffix}").sections, suffix


def test_a_file_of_one_kind_named_as_another(files, tmp_path: Path):
    """A PDF saved as .docx is read as the PDF it is; a web page saved as .pdf is refused."""
    wrong = tmp_path / "report.docx"
    wrong.write_bytes(files[".pdf"])
    assert load_document(str(wrong)).encoding == "pdf"
    page = tmp_path / "page.pdf"
    page.write_bytes(files[".html"])
    with pytest.raises(ReportError, match="PDF"):
        load_document(str(page))
