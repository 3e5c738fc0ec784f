"""Report files made from a report's text, the way they reach a reviewer: a Word document with
heading styles and Word's own list numbering, a PDF typeset like an official document (red
header, running header, page numbers), and a saved web page with the site's chrome around the
report in a GBK charset.

Test and benchmark helper only: it uses python-docx and reportlab, which the program itself
does not need.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.document import Document

# --- Word -----------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# (level, number format, level text, style the level's paragraphs get)
LIST_LEVELS = [
    (0, "chineseCounting", "%1、", "Heading 1"),
    (1, "chineseCounting", "（%2）", "Heading 2"),
    (2, "decimal", "%3.", "Heading 3"),
]
_RENDER = {0: "cn_dun", 1: "cn_paren", 2: "arabic"}


def _numbering_definition(doc, num_id: int = 90) -> int:
    """Add a multilevel list (一、 / （一） / 1.) to the document's numbering part; return its
    numId. Written as Word writes it: an abstractNum with one w:lvl per level, and a w:num."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(num_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for level, fmt, text, _ in LIST_LEVELS:
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text),
                         ("w:suff", "nothing"), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    # abstractNum elements come before every w:num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(num_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def _set_numbering(paragraph, num_id: int, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def docx_plan(doc: Document) -> list[tuple[str, int | None]]:
    """Each paragraph of ``doc`` as (text to type, list level or None): a heading whose number
    is the one Word's list would draw at that point loses its numbering to the list; any other
    (a hand-typed number out of sequence, half-width brackets in a full-width list) keeps it as
    typed."""
    headings = {h.para_start: h for h in doc.headings}
    counters = [0] * len(LIST_LEVELS)
    out: list[tuple[str, int | None]] = []
    from reviewer.document.structure import cn_numeral

    for p in doc.paragraphs:
        line = doc.text[p.start:p.end]
        h = headings.get(p.start)
        level = next((lv for lv, st in _RENDER.items() if h is not None and h.style == st), None)
        if level is not None and h is not None:
            expected = counters[level] + 1
            shown = LIST_LEVELS[level][2].replace(
                f"%{level + 1}", cn_numeral(expected) if level < 2 else str(expected))
            if h.number == expected and line.startswith(shown) and not h.punct_after:
                counters[level] = expected
                for deeper in range(level + 1, len(counters)):
                    counters[deeper] = 0
                out.append((line[len(shown):], level))
                continue
        out.append((line, None))
    return out


def _style_numbering(word, num_id: int) -> None:
    """Link the heading styles to the list, as Word's multilevel-list dialog does: the
    paragraphs then carry only their style, and the style carries the numbering."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for level, _, _, style_name in LIST_LEVELS:
        style = word.styles[style_name]
        ppr = style.element.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        nid = OxmlElement("w:numId")
        nid.set(qn("w:val"), str(num_id))
        numpr.append(ilvl)
        numpr.append(nid)
        ppr.insert(0, numpr)


def make_docx(doc: Document, path: Path, *, header: str = "", comment: str = "",
              numbering_in_style: bool = False) -> Path:
    """A .docx of ``doc``: its headings numbered by a Word list and styled Heading 1–3, a page
    header and footer, and a comment on the first body paragraph (none of which is report
    text). ``numbering_in_style``: the list hangs on the heading styles rather than on each
    paragraph."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    word.core_properties.title = doc.title
    word.core_properties.author = "办公室"
    num_id = _numbering_definition(word)
    if numbering_in_style:
        _style_numbering(word, num_id)
    title_start = doc.metadata["title"].start if "title" in doc.metadata else -1
    for text, level in docx_plan(doc):
        if level is not None:
            para = word.add_paragraph(text, style=LIST_LEVELS[level][3])
            if not numbering_in_style:
                _set_numbering(para, num_id, level)
        else:
            para = word.add_paragraph(text)
        if title_start >= 0 and text and doc.text.startswith(text, title_start):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            para.paragraph_format.first_line_indent = Pt(22)  # two characters
    if header:
        word.sections[0].header.paragraphs[0].text = header
        word.sections[0].footer.paragraphs[0].text = "第 1 页"
    if comment:
        body = next(p for p in word.paragraphs if len(p.text) > 40)
        word.add_comment(body.runs, text=comment, author="审核", initials="SH")
    word.save(str(path))
    return path


# --- PDF --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 79.0, 74.0, 105.0, 99.0  # the margins of an official document
BODY_SIZE, LEADING = 16.0, 28.9  # 三号 type, 22 lines a page


def _wrap(text: str, font: str, size: float, width: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, used = [], "", indent
    for ch in text:
        w = stringWidth(ch, font, size)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def cid_font() -> str:
    """reportlab's built-in Chinese CID font (no file needed, not embedded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_pdf(doc: Document, path: Path, *, font: str | None = None, running_header: str = "",
             page_numbers: str = "- {n} -") -> Path:
    """A PDF of ``doc`` set like an official document: the red header line in red, the title
    centred in larger type, paragraphs with a two-character first-line indent, page numbers
    at the foot (``- 3 -``) and, if given, a running header from page 2 on."""
    from reportlab.lib.colors import black, red
    from reportlab.pdfgen.canvas import Canvas

    font = font or cid_font()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    canvas.setTitle(doc.title)
    width = PAGE_W - LEFT - RIGHT
    page = 1
    y = PAGE_H - TOP

    def foot() -> None:
        canvas.setFillColor(black)
        canvas.setFont(font, 14)
        if page_numbers:
            label = page_numbers.format(n=page)
            canvas.drawCentredString(PAGE_W / 2, BOTTOM - 40, label)
        if running_header and page > 1:
            canvas.setFont(font, 10.5)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - TOP + 40, running_header)

    def new_page() -> None:
        nonlocal page, y
        foot()
        canvas.showPage()
        page += 1
        y = PAGE_H - TOP

    title = doc.metadata.get("title")
    for i, para in enumerate(doc.paragraphs):
        text, start = doc.text[para.start:para.end], para.start
        is_red = i < 3 and text.endswith("文件") and len(text) <= 30
        is_title = title is not None and start >= 0 and title.start <= start < max(title.end, 1)
        size = 22.0 if (is_title or is_red) else BODY_SIZE
        indent = 0.0 if (is_title or is_red) else 2 * BODY_SIZE
        for k, line in enumerate(_wrap(text, font, size, width, indent)):
            if y < BOTTOM:
                new_page()
            canvas.setFont(font, size)
            canvas.setFillColor(red if is_red else black)
            if is_title or is_red:
                canvas.drawCentredString(PAGE_W / 2, y, line)
            else:
                canvas.drawString(LEFT + (indent if k == 0 else 0), y, line)
            y -= LEADING if size == BODY_SIZE else size * 1.6
    foot()
    canvas.showPage()
    canvas.save()
    return path


# --- saved web page ---------------------------------------------------------------------------

_CHROME_TOP = """<div class="top"><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="/old">长者模式</a>
<a href="/en">English</a><div class="search"><input type="text" value="请输入关键词"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/zjxx">走进{gov}</a></li></ul></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; <a href="/fzzf">法治政府建设年度报告</a></div>
"""

_META_TABLE = """<table class="xxgk"><tr><td class="t">索引号：</td><td>{index}</td>
<td class="t">发布机构：</td><td>{issuer}</td></tr><tr><td class="t">主题分类：</td><td>其他</td>
<td class="t">成文日期：</td><td>{written}</td></tr><tr><td class="t">文号：</td><td></td>
<td class="t">发布日期：</td><td>{published}</td></tr></table>
"""

_TOOLS = """<div class="info"><span>发布时间：{published}</span><span>来源：{issuer}</span>
<span>浏览次数：<em>311</em></span><span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
"""

_CHROME_BOTTOM = """<div class="share">分享到：<a class="wx"></a><a class="wb"></a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1">{gov}召开2025年第一次全体会议</a></li>
<li><a href="/a/2">关于公布行政执法事项清单的通知</a></li><li><a href="/a/3">2024年政府信息公开工作年度报告</a></li></ul></div>
<div class="footer"><p>主办单位：{gov}人民政府 承办：{gov}党政办公室</p>
<p>网站标识码：5003000031 渝ICP备12345678号-1 渝公网安备 50011002500123号</p>
<p>联系电话：023-12345678 建议使用1920*1080分辨率 IE9以上浏览器访问</p></div>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
"""


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_html(doc: Document, path: Path, *, charset: str = "gbk", declare: str = "meta",
              layout: str = "div") -> Path:
    """A saved web page of ``doc``: navigation, breadcrumb, the site's metadata table, page
    tools, the report as the article (title in <h1>), share and print links, related links,
    the site footer and a script, in ``charset``. ``declare`` says where the charset is named:
    ``meta`` (<meta charset>) or ``http-equiv``. ``layout``: ``div`` (one <p> a paragraph in
    nested divs), ``table`` (an older site laid out in table cells) or ``br`` (paragraphs
    apart by <br><br> in one cell, as older editors save them)."""
    gov = doc.government or "某镇"
    fields = {"gov": gov, "index": "11500110588903728C/2026-00068", "issuer": gov,
              "written": "2026-02-09", "published": "2026-02-09"}
    title = doc.metadata.get("title")
    paras = []
    for p in doc.paragraphs:
        line = _html_escape(doc.text[p.start:p.end])
        if title is not None and title.start == 0 and title.end == doc.paragraphs[0].end \
                and p.start == 0:
            continue  # the page's <h1> shows it; a title further down, or over two lines, is
            # the document's own
        if layout == "br":
            paras.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{line}<br><br>")
        else:
            paras.append(f'<p style="text-indent:2em">{line}</p>')
    if declare == "meta":
        head = f'<meta charset="{charset}">'
    else:
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    head = (f"<!DOCTYPE html>\n<html><head>{head}<title>{_html_escape(doc.title)}_{gov}人民政府"
            f"</title><style>.nav li{{float:left}}</style></head><body>\n")
    if layout == "div":
        page = (head + _CHROME_TOP.format(**fields) + _META_TABLE.format(**fields)
                + f'<div class="article"><h1>{_html_escape(doc.title)}</h1>\n'
                + _TOOLS.format(**fields)
                + '<div class="content" id="zoom">\n' + "\n".join(paras) + "\n</div></div>\n"
                + _CHROME_BOTTOM.format(**fields) + "</body></html>\n")
    else:
        cell = '<td class="bt_content" id="zoom">' if layout == "table" else '<td class="nr">'
        page = (head + '<table width="1000" align="center"><tr><td>' + _CHROME_TOP.format(**fields)
                + "</td></tr><tr><td>" + _META_TABLE.format(**fields) + "</td></tr>"
                + f'<tr><td class="title" align="center"><b><font size="5">'
                  f"{_html_escape(doc.title)}</font></b></td></tr>"
                + "<tr><td>" + _TOOLS.format(**fields) + "</td></tr>"
                + f"<tr>{cell}" + "\n".join(paras) + "</td></tr><tr><td>"
                + _CHROME_BOTTOM.format(**fields) + "</td></tr></table></body></html>\n")
    path.write_bytes(page.encode(charset, errors="xmlcharrefreplace"))
    return path


def comparable(text: str) -> str:
    """Report text with its line breaks set aside (where a PDF's paragraph or a title wraps is
    layout); every other character counts, spaces too."""
    return text.replace("\n", "")
