"""Legacy Word (.doc) → report text, through a converter installed on the machine.

LibreOffice first (``soffice --headless --convert-to docx``): the result goes through the .docx
reader, so Word's list numbering and heading styles are kept. Else antiword, which is small and
fast but writes no automatic list numbering (a report numbered by Word loses its 一、 headings):
the log says so. With neither installed, the file is refused with a message saying what to
install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from reviewer.document.errors import ReportError
from reviewer.document.readers import Edit, Extracted

TIMEOUT = 120  # seconds a converter may take on one report


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, path: str) -> Extracted:
    soffice = _soffice()
    if soffice:
        return _with_libreoffice(soffice, data, path)
    antiword = shutil.which("antiword")
    if antiword:
        return _with_antiword(antiword, data, path)
    raise ReportError(
        path, "旧版 Word 文件（.doc）需要 LibreOffice 或 antiword 才能读取，也可以在 Word 中另存为 "
              ".docx (a legacy .doc needs LibreOffice (soffice) or antiword installed, e.g. "
              "apt install antiword; or save it as .docx)")


def _with_libreoffice(soffice: str, data: bytes, path: str) -> Extracted:
    from reviewer.document.readers.word import read_docx

    with tempfile.TemporaryDirectory(prefix="reviewer-doc-") as tmp:
        source = Path(tmp) / "report.doc"
        source.write_bytes(data)
        # a profile of its own: a LibreOffice the person has open does not block the conversion
        profile = Path(tmp, "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "docx", "--outdir", tmp, str(source)],
                           capture_output=True, timeout=TIMEOUT, check=False,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReportError(path, f"LibreOffice 转换超时 (LibreOffice took over {TIMEOUT} s "
                                    "to convert the .doc)") from None
        except OSError as exc:
            raise ReportError(path, f"无法运行 LibreOffice ({exc.strerror})") from None
        converted = Path(tmp) / "report.docx"
        if not converted.is_file():
            raise ReportError(path, "LibreOffice 无法转换这个 .doc 文件，可能已损坏 (LibreOffice "
                                    "could not convert this .doc: damaged?)")
        extracted = read_docx(converted.read_bytes(), path)
    return extracted._replace(encoding="doc (LibreOffice)")


def _with_antiword(antiword: str, data: bytes, path: str) -> Extracted:
    with tempfile.NamedTemporaryFile(suffix=".doc", delete=False) as fh:
        fh.write(data)
        source = fh.name
    try:
        # -m UTF-8.txt: Unicode output; -w 0: a paragraph on one line
        done = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", source],
                              capture_output=True, timeout=TIMEOUT, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ReportError(path, f"antiword 转换超时 (antiword took over {TIMEOUT} s)") from None
    except OSError as exc:
        raise ReportError(path, f"无法运行 antiword ({exc.strerror})") from None
    finally:
        os.unlink(source)
    text = done.stdout.decode("utf-8", errors="replace")
    if done.returncode or not text.strip():
        reason = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ReportError(path, "antiword 无法读取这个 .doc 文件 (antiword could not read it"
                                + (f": {reason[-1]}" if reason else "") + ")")
    edits = [Edit("extract", 0, "", "", "antiword_no_list_numbering")]
    return Extracted(text, edits, [], [], {}, "doc (antiword)")
