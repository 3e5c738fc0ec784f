"""Word (.docx) → report text, with python-docx.

- The body's paragraphs in order, one a line; a line break inside a paragraph ends a line too.
  Text boxes (where a red header often sits) come as lines of their own before the paragraph
  that holds them. Tracked changes read as accepted: deletions out, insertions in.
- Tables as rows of text: one line a row, cells apart by a tab, merged cells once.
- Page headers and footers, comments, footnotes: not report text; left out, each logged.
- Word's automatic list numbering (``numbering.xml``: the 一、 / （一） / 1. that Word draws and
  that is not in the paragraph's text) is counted as Word counts it and written into the text,
  each number logged as a ``numbering`` change: the outline reads the numbers a reader sees.
- A paragraph in a heading style (Heading 1…, 标题 1…, or any style with an outline level) is a
  heading hint at that level.
- The document properties (title, author, created, modified) are kept as metadata.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from reviewer.document.errors import ReportError
from reviewer.document.readers import Edit, Extracted, Found, Hint, missing_extra, settings
from reviewer.document.structure import cn_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _T = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}t"
_SKIP = {f"{W}delText", f"{W}instrText", f"{W}del", f"{W}pPr", f"{W}rPr", f"{MC}Fallback",
         f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference"}
_TXBX = f"{W}txbxContent"


def _val(el, tag: str) -> str | None:
    child = el.find(f"{W}{tag}") if el is not None else None
    return child.get(f"{W}val") if child is not None else None


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → lvl → start
    style_link: dict[str, str] = field(default_factory=dict)  # abstractNumId → numbering style
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def levels(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        abstract_id = self.nums.get(num_id)
        if abstract_id is None:
            return None
        return abstract_id, self.abstract.get(abstract_id, {})

    def next(self, num_id: str, ilvl: int) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; the number Word draws."""
        found = self.levels(num_id)
        if found is None:
            return ""
        key, levels = found
        counters = self.counters.setdefault(key, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart and ilvl < restart):
                del counters[deeper]
        text = level.text
        for k in range(9):
            mark = f"%{k + 1}"
            if mark in text:
                lv = levels.get(k, _Level())
                value = counters.get(k, lv.start)
                fmt = "decimal" if level.legal and k != ilvl else lv.fmt
                text = text.replace(mark, _format(value, fmt))
        if settings()["word"]["formats"].get(level.fmt, "decimal") == "none":
            return ""
        return text


def _format(n: int, fmt: str) -> str:
    kind = settings()["word"]["formats"].get(fmt, "decimal")
    if kind == "cn":
        return cn_numeral(n)
    if kind == "cn_digits":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if kind == "cn_legal":
        return cn_numeral(n).translate(str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾"))
    if kind == "heavenly_stems":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if kind == "circled":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if kind == "fullwidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if kind == "decimal_zero":
        return f"{n:02d}"
    if kind in ("lower_letter", "upper_letter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if kind == "lower_letter" else s.upper()
    if kind in ("lower_roman", "upper_roman"):
        s = _roman(n)
        return s.lower() if kind == "lower_roman" else s
    if kind == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _read_numbering(root) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(f"{W}abstractNum"):
        aid = abstract.get(f"{W}abstractNumId")
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            try:
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                start = int(_val(lvl, "start") or 1)
            except ValueError:
                continue
            restart = _val(lvl, "lvlRestart")
            levels[ilvl] = _Level(
                fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "",
                start=start, restart=int(restart) if restart and restart.isdigit() else None,
                legal=lvl.find(f"{W}isLgl") is not None, suffix=_val(lvl, "suff") or "tab",
                style=_val(lvl, "pStyle"))
        link = _val(abstract, "numStyleLink")
        if link:
            numbering.style_link[aid] = link
        numbering.abstract[aid] = levels
    for num in root.iter(f"{W}num"):
        nid = num.get(f"{W}numId")
        numbering.nums[nid] = _val(num, "abstractNumId") or ""
        for override in num.iter(f"{W}lvlOverride"):
            start = _val(override, "startOverride")
            if start and start.isdigit():
                numbering.overrides.setdefault(nid, {})[int(override.get(f"{W}ilvl", "0"))] = \
                    int(start)
    return numbering


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def _read_styles(root) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for st in root.iter(f"{W}style"):
        if st.get(f"{W}type") not in (None, "paragraph", "numbering"):
            continue
        ppr = st.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        ilvl = _val(numpr, "ilvl")
        outline = _val(ppr, "outlineLvl")
        styles[st.get(f"{W}styleId", "")] = _Style(
            name=(_val(st, "name") or "").lower(), based_on=_val(st, "basedOn"),
            num_id=_val(numpr, "numId"), ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            outline=int(outline) if outline and outline.isdigit() else None)
    return styles


class _Reader:
    def __init__(self, word) -> None:
        part = word.part
        self.styles = _read_styles(_styles_root(part))
        self.numbering = _read_numbering(_numbering_root(part))
        names = [n.replace("{n}", r"(\d)") for n in settings()["word"]["heading_styles"]]
        self.heading_name = re.compile("^(?:" + "|".join(names) + ")$")
        self.lines: list[str] = []
        self.edits: list[Edit] = []
        self.hints: list[Hint] = []
        # the style of a numbering level that names its paragraph style (Heading 1 ↔ level 0)
        self.level_of_style: dict[tuple[str, str], int] = {}
        for aid, levels in self.numbering.abstract.items():
            for ilvl, level in levels.items():
                if level.style:
                    self.level_of_style[(aid, level.style)] = ilvl

    # --- styles -------------------------------------------------------------------------------
    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            yield style_id, self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for _, st in self._chain(style_id):
            m = self.heading_name.match(st.name)
            if m:
                return int(next(g for g in m.groups() if g))
            if st.outline is not None and st.outline < 9:
                return st.outline + 1
        return None

    def numbering_of(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = _val(numpr, "numId")
        ilvl = _val(numpr, "ilvl")
        if num_id is None:
            for sid, st in self._chain(style_id):
                if st.num_id is not None:
                    num_id = st.num_id
                    if ilvl is None:
                        if st.ilvl is not None:
                            ilvl = str(st.ilvl)
                        else:
                            aid = self.numbering.nums.get(num_id, "")
                            found = self.level_of_style.get((aid, sid))
                            ilvl = str(found) if found is not None else None
                    break
        if num_id is None or num_id == "0":
            return None
        # a list defined through a numbering style: follow it to the list it names
        aid = self.numbering.nums.get(num_id)
        link = self.numbering.style_link.get(aid or "")
        if link and link in self.styles and self.styles[link].num_id:
            num_id = self.styles[link].num_id or num_id
        return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0

    # --- text ---------------------------------------------------------------------------------
    def text_of(self, el, boxes: list) -> str:
        """The text a paragraph shows; text boxes found on the way go to ``boxes``."""
        out: list[str] = []

        def walk(node) -> None:
            for child in node:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                if tag == _T:
                    out.append(child.text or "")
                elif tag == f"{W}tab":
                    out.append("\t")
                elif tag in (f"{W}br", f"{W}cr"):
                    if child.get(f"{W}type") not in ("page", "column"):
                        out.append("\n")
                elif tag == f"{W}noBreakHyphen":
                    out.append("-")
                elif tag == _TXBX:
                    boxes.append(child)
                else:
                    walk(child)

        walk(el)
        return "".join(out)

    def add(self, text: str) -> int:
        """Append text (possibly several lines); the 1-based line where it starts."""
        first = len(self.lines) + 1
        self.lines.extend(text.split("\n"))
        return first

    def paragraph(self, p) -> None:
        boxes: list = []
        text = self.text_of(p, boxes)
        for box in boxes:
            self.blocks(box)
        ppr = p.find(f"{W}pPr")
        style_id = _val(ppr, "pStyle")
        numbered = self.numbering_of(ppr, style_id)
        number = ""
        if numbered is not None:
            number = self.numbering.next(*numbered)
            if number and text.strip():
                found = self.numbering.levels(numbered[0])
                level = found[1].get(numbered[1], _Level()) if found else _Level()
                # what Word sets after the number (a tab, a space) reads as one space after
                # 1. or 1), and as nothing after 一、 or （一）
                if level.suffix != "nothing" and number[-1:].isascii() and text[:1] not in \
                        " \t\u3000\u00a0":
                    number += " "
            else:
                number = ""
        if not number:
            text = text.lstrip(" \t\u3000\u00a0")  # indentation typed as spaces
        line = self.add(number + text)
        if number:
            self.edits.append(Edit("numbering", line, "", number, "word_list"))
        level = self.heading_level(style_id)
        if level is not None and text.strip():
            self.hints.append(Hint(line, level))

    def table(self, tbl) -> None:
        for tr in tbl.iter(_TR):
            if _ancestor_table(tr) is not tbl:
                continue  # a row of a table nested in a cell: read with its cell
            cells = []
            for tc in tr:
                if tc.tag != _TC:
                    continue
                tcpr = tc.find(f"{W}tcPr")
                vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if vmerge is not None and vmerge.get(f"{W}val") in (None, "continue"):
                    continue  # the lower part of a vertically merged cell
                parts = []
                for child in tc:
                    if child.tag == _P:
                        parts.append(self.text_of(child, []).strip())
                    elif child.tag == _TBL:
                        parts.append(" ".join(self._row_texts(child)))
                cell = " ".join(p for p in parts if p).replace("\n", " ")
                if cell:
                    cells.append(cell)
            if cells:
                self.add("\t".join(cells))

    def _row_texts(self, tbl) -> list[str]:
        out = []
        for tr in tbl.iter(_TR):
            out.append("\t".join(self.text_of(tc, []).strip() for tc in tr if tc.tag == _TC))
        return out

    def blocks(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{MC}AlternateContent",
                         f"{MC}Choice", f"{W}ins", f"{W}smartTag"):
                self.blocks(child)


def _ancestor_table(el):
    node = el.getparent()
    while node is not None and node.tag != _TBL:
        node = node.getparent()
    return node


def _styles_root(part):
    try:
        return part.styles.element
    except (KeyError, NotImplementedError, ValueError):
        return None


def _numbering_root(part):
    try:
        return part.numbering_part.element
    except (KeyError, NotImplementedError, ValueError):
        return None


_OUTSIDE = (("header", "word_header"), ("footer", "word_footer"), ("comments", "word_comment"),
            ("footnotes", "word_footnote"), ("endnotes", "word_endnote"))


def read_docx(data: bytes, path: str) -> Extracted:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise missing_extra(path, " Word (.docx) ", "python-docx") from None
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ReportError(path, f"Word 文件已损坏，无法读取 (damaged .docx: {exc})") from None
    except ValueError as exc:  # a package of another kind (a spreadsheet saved as .docx)
        raise ReportError(path, f"不是 Word 文档 (not a Word document: {exc})") from None
    reader = _Reader(word)
    reader.blocks(word.element.body)
    edits = list(reader.edits)
    for part in word.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        for prefix, rule in _OUTSIDE:
            if name.startswith(prefix) and name.endswith(".xml") and hasattr(part, "element"):
                shown = _Reader.text_of(reader, part.element, []).strip()
                if shown:
                    edits.append(Edit("extract", 0, shown, "", rule))
    found: list[Found] = []
    props = word.core_properties
    for key, value in (("file_title", props.title), ("author", props.author),
                       ("created", props.created), ("modified", props.modified)):
        if hasattr(value, "date"):
            value = value.date().isoformat()
        if isinstance(value, str) and value.strip():
            found.append(Found(key, value.strip(), 0, "Word document properties"))
    return Extracted("\n".join(reader.lines), edits, found, reader.hints, {}, "docx")
