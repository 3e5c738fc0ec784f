"""Opening reports that arrive as Word and PDF files, each beside baselines measured in the
same run: the same report as a .txt file (everything after extraction), and the format
library's own floor (python-docx opening the package; pdfminer.six interpreting the pages with
no layout work).

Targets: a 100,000-character .docx opens in under 0.5 s; a 30-page PDF in under 2 s. The files
are made from the corpus reports (the seeds when the corpus is absent) by the generators the
tests use. Needs the formats extra and reportlab.

    python benchmarks/bench_formats.py
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from _timing import CORPUS, ROOT, SEEDS, measure, ratio_line

sys.path.insert(0, str(ROOT / "tests"))

from report_files import make_docx, make_pdf  # noqa: E402
from reviewer.document import load_document, parse_text  # noqa: E402


def _texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        print(f"corpus not found at {CORPUS}; building the files from the seeds")
        files = sorted(SEEDS.glob("*.txt"))
    return [load_document(str(f)).text for f in files]


def _report_of(chars: int, texts: list[str]) -> str:
    """One long report: reports one after another until it has ``chars`` characters."""
    out, k = [], 0
    while sum(map(len, out)) < chars:
        out.append(texts[k % len(texts)])
        k += 1
    return "\n".join(out)[:chars]


def _pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with open(path, "rb") as fh:
        return sum(1 for _ in PDFPage.get_pages(fh))


def _pdfminer_floor(data: bytes) -> int:
    """pdfminer.six interpreting every page into characters: what any reader built on it
    pays before doing anything with them."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    count = 0
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        count += len(device.get_result()._objs)
    return count


def main() -> int:
    texts = _texts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # --- Word: 100,000 characters
        long = parse_text(_report_of(100_000, texts), "long.txt")
        docx = make_docx(long, folder / "long.docx")
        txt = folder / "long.txt"
        txt.write_text(long.text, encoding="utf-8")
        opened = load_document(str(docx))
        print(f"Word document: {len(opened.text)} characters, {len(opened.paragraphs)} "
              f"paragraphs, {sum(c.kind == 'numbering' for c in opened.changes)} list numbers "
              f"drawn by Word")

        def docx_floor() -> object:
            import docx as python_docx

            return python_docx.Document(str(docx))

        word = measure("docx", lambda: load_document(str(docx)), rounds=9)
        word_txt = measure("txt", lambda: load_document(str(txt)), rounds=9)
        word_floor = measure("python-docx open", docx_floor, rounds=9)

        # --- PDF: 30 pages
        chars = 12_000
        while True:
            report = parse_text(_report_of(chars, texts), "long.txt")
            pdf = make_pdf(report, folder / "long.pdf", running_header="某市人民政府公报")
            pages = _pages(pdf)
            if pages >= 30:
                break
            chars = int(chars * 30 / pages) + 500
        ptxt = folder / "pdf.txt"
        ptxt.write_text(report.text, encoding="utf-8")
        data = pdf.read_bytes()
        print(f"PDF: {pages} pages, {len(load_document(str(pdf)).text)} characters")
        reader = measure("pdf", lambda: load_document(str(pdf)), rounds=5)
        pdf_txt = measure("txt", lambda: load_document(str(ptxt)), rounds=5)
        pdf_floor = measure("pdfminer.six pages", lambda: _pdfminer_floor(data), rounds=5)

    print()
    print(ratio_line("100k-character .docx opened", word, word_txt, "< 0.5 s"))
    print(ratio_line("  against python-docx opening it", word, word_floor, "—"))
    print(ratio_line(f"{pages}-page PDF opened", reader, pdf_txt, "< 2 s"))
    print(ratio_line("  against pdfminer.six reading the pages", reader, pdf_floor, "—"))
    print(f"target .docx < 0.5 s: {'met' if word.median < 0.5 else 'NOT met'} "
          f"({word.median:.3f} s); target PDF < 2 s: "
          f"{'met' if reader.median < 2 else 'NOT met'} ({reader.median:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
