"""Reports as they arrive: Word, PDF and saved web pages read into the same document as their
text. Every file here is made in the test from a seed or corpus report (tests/report_files.py);
each must give the outline of the report as text, and its text within a few characters."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch

from conftest import SEED_NAMES, corpus_path, seed_path
from report_files import comparable, docx_plan, make_docx, make_html, make_pdf
from reviewer.document import Document, ReportError, load_document, parse_text

CORPUS_NAMES = ("national-2025", "guangdong-2026")


def outline(doc: Document) -> list[tuple]:
    return [(s.level, s.heading.numbering, s.heading.title, s.kind) for s in doc.walk()]


def distance(a: str, b: str) -> int:
    """Characters that differ, white space aside."""
    dmp = diff_match_patch()
    return dmp.diff_levenshtein(dmp.diff_main(comparable(a), comparable(b)))


def same_report(got: Document, ref: Document, slack: int = 5) -> None:
    """The outline of ``ref``, its text but for line breaks and ``slack`` characters."""
    assert outline(got) == outline(ref)
    assert distance(got.text, ref.text) <= slack
    for change in got.changes:  # every logged change points into the normalized text
        assert 0 <= change.start <= change.end <= len(got.text)
        assert got.text[change.start:change.end] == change.inserted


def source(name: str) -> Document:
    return load_document(seed_path(name) if name in SEED_NAMES else corpus_path(name))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("formats")


# --- Word -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SEED_NAMES + CORPUS_NAMES)
def test_a_word_document_gives_the_outline_of_its_text(folder, name):
    ref = source(name)
    path = make_docx(ref, folder / f"{name}.docx", header=f"{ref.government}人民政府",
                     comment="此处数据请核实")
    doc = load_document(str(path))
    same_report(doc, ref, slack=0)
    assert doc.encoding == "docx"
    # the numbers Word draws were not in the paragraphs: the reader wrote each one in
    drawn = [text for text, level in docx_plan(ref) if level is not None]
    numbering = [c for c in doc.changes if c.kind == "numbering"]
    assert len(numbering) == len(drawn) > 0
    assert all(re.fullmatch(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.", c.inserted)
               for c in numbering)
    # page header, footer and comment are not report text, and the log says they were left out
    rules = {c.rule for c in doc.changes if c.kind == "extract"}
    assert {"word_header", "word_footer", "word_comment"} <= rules
    assert "此处数据请核实" not in doc.text
    if ref.title:
        assert doc.metadata["file_title"].value == ref.title
    assert doc.metadata["author"].source == "Word document properties"
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_numbering_carried_by_the_heading_styles_is_drawn_too(folder):
    ref = source("hutiaoxia-2025")
    doc = load_document(str(make_docx(ref, folder / "styled.docx", numbering_in_style=True)))
    same_report(doc, ref, slack=0)
    drawn = [text for text, level in docx_plan(ref) if level is not None]
    assert sum(c.kind == "numbering" for c in doc.changes) == len(drawn) > 0


def _word(paragraphs, path: Path) -> Path:
    """A .docx from (text, style) pairs."""
    import docx

    word = docx.Document()
    for text, style in paragraphs:
        word.add_paragraph(text, style=style)
    word.save(str(path))
    return path


BODY = ("2025年，本镇坚持以习近平法治思想为指导，深入贯彻落实中央、省、市关于法治政府建设的决策部署，"
        "扎实推进各项工作，现将全年工作情况报告如下。")


def test_unnumbered_heading_styles_become_headings_but_not_the_title(tmp_path):
    path = _word([("某镇2025年法治政府建设情况报告", "Heading 1"), (BODY, None),
                  ("一、主要举措和成效", None), ("强化组织领导", "Heading 2"), (BODY, None),
                  ("完善制度建设", "Heading 2"), (BODY, None),
                  ("二、存在的不足和原因", None), (BODY, None)], tmp_path / "styled.docx")
    doc = load_document(str(path))
    tops = [(s.heading.title, [c.heading.title for c in s.children]) for s in doc.sections]
    assert tops == [("主要举措和成效", ["强化组织领导", "完善制度建设"]),
                    ("存在的不足和原因", [])]
    assert [s.kind for s in doc.sections] == ["achievements", "shortcomings"]
    assert doc.title == "某镇2025年法治政府建设情况报告"
    assert not doc.numbering_issues  # unnumbered headings have no numbering to check


def test_tables_are_rows_of_text(tmp_path):
    import docx

    word = docx.Document()
    word.add_paragraph("某镇2025年法治政府建设情况报告")
    word.add_paragraph(BODY)
    table = word.add_table(rows=3, cols=3)
    for r, row in enumerate([("项目", "数量", "完成率"), ("普法宣传", "50场", "100%"),
                             ("合同审查", "3件", "95%")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "重点工作"
    word.add_paragraph("一、主要举措和成效")
    word.save(str(tmp_path / "table.docx"))
    doc = load_document(str(tmp_path / "table.docx"))
    lines = doc.text.split("\n")
    assert lines[2:5] == ["项目\t数量\t完成率", "重点工作\t50场\t100%", "3件\t95%"]
    assert lines[5] == "一、主要举措和成效"


def test_word_counts_its_lists_as_word_does(tmp_path):
    """A list that restarts (startOverride), levels that restart under their parent, and a
    paragraph outside the list in between."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = word.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {ns} w:numId="8"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def item(text: str, num: int, level: int) -> None:
        p = word.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))

    item("甲", 7, 0)
    item("甲一", 7, 1)
    item("甲二", 7, 1)
    item("细项", 7, 2)
    word.add_paragraph("不在列表中的一段。")
    item("乙", 7, 0)
    item("乙一", 7, 1)
    item("另一列表", 8, 0)
    word.save(str(tmp_path / "lists.docx"))
    doc = load_document(str(tmp_path / "lists.docx"))
    assert doc.text.split("\n") == ["一、甲", "（一）甲一", "（二）甲二", "1. 细项", "不在列表中的一段。",
                                    "二、乙", "（一）乙一", "一、另一列表"]


def test_a_damaged_word_file_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ReportError, match="docx"):
        load_document(str(path))


# --- PDF --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SEED_NAMES + CORPUS_NAMES)
def test_a_pdf_gives_the_outline_of_its_text(folder, name):
    ref = source(name)
    path = make_pdf(ref, folder / f"{name}.pdf", running_header=f"{ref.government}人民政府公报")
    doc = load_document(str(path))
    # the seeds to the character (figures cut by a line end come back whole); a few corpus
    # reports use a middle dot the built-in font cannot draw
    same_report(doc, ref, slack=0 if name in SEED_NAMES else 5)
    assert doc.encoding == "pdf"
    rules = [c.rule for c in doc.changes if c.kind == "extract"]
    pages = rules.count("page_number")
    assert pages >= 2 and "- 1 -" not in doc.text and "- 2 -" not in doc.text
    if pages >= 3:  # a running header is told by its recurring on many pages
        assert rules.count("running_header") == pages - 1
        assert "人民政府公报" not in doc.text


def test_page_numbers_in_words_are_removed(folder):
    ref = source("guanba-2025")
    doc = load_document(str(make_pdf(ref, folder / "pages.pdf", page_numbers="第{n}页")))
    same_report(doc, ref)
    assert not re.search(r"第\d+页", doc.text)


def test_the_red_header_is_kept_as_metadata(folder):
    ref = source("baixiang-2024")
    doc = load_document(str(make_pdf(ref, folder / "red.pdf")))
    red = doc.metadata["red_header"]
    assert red.value == "柏香镇人民政府文件" and doc.text[red.start:red.end] == red.value
    assert doc.metadata["issuer"].value == "柏香镇人民政府"


def test_words_broken_across_pages_are_joined(folder):
    """The seed's text keeps a paragraph whole; in the PDF it runs over a page break."""
    ref = source("national-2025")
    doc = load_document(str(make_pdf(ref, folder / "joins.pdf")))
    joins = [c for c in doc.changes if c.kind == "join"]
    assert joins
    for c in joins:  # a join sits inside a paragraph, between two characters of it
        assert 0 < c.start < len(doc.text) and "\n" not in doc.text[c.start - 1:c.start + 1]


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path, capsys):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path))
    canvas.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    canvas.showPage()
    canvas.save()
    with pytest.raises(ReportError, match="scanned: no text layer; OCR it first"):
        load_document(str(path))
    from reviewer.cli import main

    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert "OCR it first" in err and "Traceback" not in err


def test_a_damaged_pdf_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    with pytest.raises(ReportError, match="PDF"):
        load_document(str(path))


# --- saved web pages --------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["div", "table", "br"])
@pytest.mark.parametrize("name", SEED_NAMES + CORPUS_NAMES[:1])
def test_a_saved_page_gives_the_outline_of_its_text(folder, name, layout):
    ref = source(name)
    path = make_html(ref, folder / f"{name}-{layout}.html", layout=layout)
    doc = load_document(str(path))
    same_report(doc, ref, slack=0)
    assert doc.encoding == "html (gbk)"
    page = path.read_bytes().decode("gb18030")
    for chrome in ("相关链接", "ICP备", "长者模式", "您当前的位置", "统计代码", "分享到", "打印本页"):
        assert chrome in page and chrome not in ref.text and chrome not in doc.text
    assert {c.rule for c in doc.changes if c.kind == "extract"} == {"page_chrome"}
    meta = doc.metadata
    assert meta["index"].value == "11500110588903728C/2026-00068"
    assert meta["date_written"].value == "2026-02-09"


def test_the_declared_charset_is_honoured(folder):
    ref = source("yanxi-2024")
    gb2312 = make_html(ref, folder / "gb2312.html", charset="gb2312", declare="http-equiv")
    assert load_document(str(gb2312)).encoding == "html (gb2312)"
    same_report(load_document(str(gb2312)), ref)
    # a page that says GBK but was saved as UTF-8 (it happens): read all the same
    wrong = folder / "wrong.html"
    wrong.write_bytes(gb2312.read_bytes().decode("gb18030").encode("utf-8"))
    same_report(load_document(str(wrong)), ref)


def test_a_page_saved_as_mhtml(folder):
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    ref = source("guanba-2025")
    html = make_html(ref, folder / "page.html").read_bytes().decode("gb18030")
    message = MIMEMultipart("related")
    message["Subject"] = ref.title
    message.attach(MIMEText(html, "html", "gbk"))
    path = folder / "page.mhtml"
    path.write_bytes(message.as_bytes())
    same_report(load_document(str(path)), ref)


def test_a_page_without_any_report_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div class='nav'><a href='/'>首页</a></div></body></html>")
    with pytest.raises(ReportError):
        load_document(str(path))


# --- legacy Word ------------------------------------------------------------------------------

def _converter(folder: Path, name: str, script: str) -> None:
    """A stand-in for a converter program, so the .doc path is tested where none is
    installed."""
    tool = folder / name
    tool.write_text(f"#!{sys.executable}\n{script}", encoding="utf-8")
    tool.chmod(0o755)


def test_a_doc_is_read_through_libreoffice(tmp_path, monkeypatch, folder):
    ref = source("hutiaoxia-2025")
    made = make_docx(ref, folder / "legacy-source.docx")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # converts as soffice does: --outdir DIR FILE.doc → DIR/FILE.docx
    _converter(bin_dir, "soffice", f"""import shutil, sys
args = sys.argv[1:]
out = args[args.index("--outdir") + 1]
assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
name = args[-1].rsplit("/", 1)[-1].rsplit(".", 1)[0]
shutil.copy({str(made)!r}, out + "/" + name + ".docx")
""")
    monkeypatch.setenv("PATH", str(bin_dir))
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    doc = load_document(str(path))
    same_report(doc, ref, slack=0)
    assert doc.encoding == "doc (LibreOffice)"
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_doc_is_read_through_antiword(tmp_path, monkeypatch):
    ref = source("baogou-2025")
    text_file = tmp_path / "antiword-output.txt"
    text_file.write_text(ref.text.replace("\n", "\n\n"), encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _converter(bin_dir, "antiword", f"""import sys
assert sys.argv[1:5] == ["-m", "UTF-8.txt", "-w", "0"]
sys.stdout.buffer.write(open({str(text_file)!r}, "rb").read())
""")
    monkeypatch.setenv("PATH", str(bin_dir))
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    doc = load_document(str(path))
    same_report(doc, ref, slack=0)
    assert doc.encoding == "doc (antiword)"


def test_a_doc_without_a_converter_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    from reviewer.cli import main

    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "antiword" in err and "LibreOffice" in err and "Traceback" not in err


# --- without the extra ------------------------------------------------------------------------

@pytest.mark.parametrize(("module", "suffix"), [("docx", ".docx"), ("pdfminer", ".pdf"),
                                                ("selectolax", ".html")])
def test_without_the_extra_the_message_names_it(tmp_path, monkeypatch, capsys, folder, module,
                                                suffix):
    ref = source("guanba-2025")
    make = {".docx": make_docx, ".pdf": make_pdf, ".html": make_html}[suffix]
    path = make(ref, folder / f"no-extra{suffix}")
    for loaded in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(ReportError, match=re.escape("pip install 'reviewer[formats]'")):
        load_document(str(path))
    from reviewer.cli import main

    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert "reviewer[formats]" in err and "Traceback" not in err


def test_plain_text_needs_none_of_the_extra(monkeypatch):
    for module in ("docx", "pdfminer", "selectolax"):
        monkeypatch.setitem(sys.modules, module, None)
    assert parse_text("某镇2025年法治政府建设情况报告\n" + BODY).title
    assert load_document(seed_path("guanba-2025")).sections


def test_an_encrypted_pdf_asks_for_its_password(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    from report_files import cid_font

    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    canvas.setFont(cid_font(), 16)
    canvas.drawString(80, 700, BODY[:20])
    canvas.save()
    with pytest.raises(ReportError, match="encrypted PDF: a password is needed"):
        load_document(str(path))
