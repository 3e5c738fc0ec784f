"""Which library reads Chinese reports best: measured, not assumed.

Makes PDFs and saved web pages from the seeds and the corpus reports (the same generators the
tests use), reads each with every candidate, and compares the result with the report's own
normalized text: characters wrong (edit distance, white space aside), reports whose outline
equals the text's outline, and time.

PDF candidates: pdfminer.six through this project's reader (character boxes → lines →
paragraphs, page furniture removed); pypdf's ``extract_text``; pdfminer.six's own
``extract_text`` (its layout analysis). PDFs: reportlab with the built-in STSong-Light CID
font, and, where LibreOffice is installed, the Word document of the same report exported to
PDF (as Word and WPS export: embedded subset fonts, quotation marks in a second font).

Web-page candidates: selectolax through this project's reader (largest block of paragraph
text, the project's debris rules); trafilatura's ``extract``. Pages: three layouts of
government sites (nested divs; an older table layout; paragraphs apart by <br>), GBK.

    python benchmarks/extractors.py            # needs the formats extra, reportlab, and
                                               # trafilatura and pypdf for the comparison
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import CORPUS, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "tests"))

from diff_match_patch import diff_match_patch  # noqa: E402

from report_files import comparable, make_docx, make_html, make_pdf  # noqa: E402
from reviewer.document import Document, load_document, parse_text  # noqa: E402


def outline(doc: Document) -> list[tuple]:
    return [(s.level, s.heading.numbering, s.heading.title, s.kind) for s in doc.walk()]


def distance(a: str, b: str) -> int:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 10
    return dmp.diff_levenshtein(dmp.diff_main(comparable(a), comparable(b)))


class Tally:
    def __init__(self) -> None:
        self.wrong = 0
        self.chars = 0
        self.same_outline = 0
        self.files = 0
        self.times: list[float] = []
        self.failed = 0

    def add(self, ref: Document, got: Document | None, took: float) -> None:
        self.files += 1
        self.chars += len(comparable(ref.text))
        if got is None:
            self.failed += 1
            self.wrong += len(comparable(ref.text))
            return
        self.wrong += distance(ref.text, got.text)
        self.same_outline += outline(ref) == outline(got)
        self.times.append(took)

    def row(self, name: str) -> str:
        share = self.wrong / self.chars * 100 if self.chars else 0
        ms = statistics.median(self.times) * 1000 if self.times else 0
        return (f"{name:<44} {self.wrong:7d} of {self.chars:7d} chars wrong ({share:5.2f}%)  "
                f"outline same {self.same_outline:2d}/{self.files:<2d}  failed {self.failed}  "
                f"median {ms:6.0f} ms")


def _timed(fn):
    t0 = time.perf_counter()
    try:
        doc = fn()
    except Exception as exc:  # a candidate that fails on a file scores that file as lost
        print(f"  failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None, time.perf_counter() - t0
    return doc, time.perf_counter() - t0


def pdf_candidates(path: Path) -> dict:
    def pypdf_text() -> Document:
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
        return parse_text(text, str(path))

    def pdfminer_text() -> Document:
        from pdfminer.high_level import extract_text

        return parse_text(extract_text(str(path)), str(path))

    return {"pdfminer.six, this reader": lambda: load_document(str(path)),
            "pypdf extract_text + normalizer": pypdf_text,
            "pdfminer.six extract_text + normalizer": pdfminer_text}


def html_candidates(path: Path) -> dict:
    def trafilatura_text() -> Document:
        import trafilatura

        data = path.read_bytes()
        text = trafilatura.extract(data, include_tables=True, include_comments=False,
                                   favor_recall=True) or ""
        return parse_text(text, str(path))

    return {"selectolax, this reader": lambda: load_document(str(path)),
            "trafilatura extract + normalizer": trafilatura_text}


def reports() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.txt"))
    return found


def main() -> int:
    sources = reports()
    soffice = shutil.which("soffice")
    tallies: dict[str, dict[str, Tally]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for src in sources:
            ref = load_document(str(src))
            made: dict[str, list[Path]] = {"pdf": [], "html": []}
            made["pdf"].append(make_pdf(ref, folder / f"{src.stem}-cid.pdf",
                                        running_header=f"{ref.government}人民政府"))
            if soffice:
                docx = make_docx(ref, folder / f"{src.stem}.docx")
                subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                                str(folder), str(docx)], capture_output=True, check=False,
                               timeout=120)
                if (folder / f"{src.stem}.pdf").exists():
                    made["pdf"].append(folder / f"{src.stem}.pdf")
            for layout in ("div", "table", "br"):
                made["html"].append(make_html(ref, folder / f"{src.stem}-{layout}.html",
                                              layout=layout))
            for kind, paths in made.items():
                for path in paths:
                    label = "PDF, " + ("LibreOffice export of the .docx" if "-cid" not in
                                        path.name else "reportlab STSong-Light") \
                        if kind == "pdf" else f"web page, {path.stem.rsplit('-', 1)[1]} layout"
                    make = pdf_candidates if kind == "pdf" else html_candidates
                    for name, fn in make(path).items():
                        doc, took = _timed(fn)
                        tallies.setdefault(label, {}).setdefault(name, Tally()).add(
                            ref, doc, took)
    print(f"{len(sources)} reports (seeds{' and corpus' if CORPUS.is_dir() else ''})"
          f"{'' if soffice else '; LibreOffice not installed: no exported PDFs'}")
    for label, by_name in tallies.items():
        print(f"\n{label}")
        for name, tally in by_name.items():
            print("  " + tally.row(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
