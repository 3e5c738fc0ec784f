"""Saved web pages (.html, .htm, .mhtml) → report text, with selectolax and the project's own
rules for page chrome.

- The charset the page declares (a byte order mark, ``<meta charset>``, ``http-equiv``, or the
  MHTML part's header) is honoured; GBK and GB2312 are read as GB18030, their superset. A page
  whose bytes contradict its declaration is read as UTF-8 or by detection, as a plain file is.
- Scripts, styles, forms and navigation elements are dropped; every other element yields lines
  of text (block elements end a line, table cells are set apart by a tab).
- The main content is the element that holds the most paragraph text (text of links does not
  count, and chrome words in an element's class or id weigh against it); the page's title (the
  last ``<h1>``–``<h3>`` above the content, else ``<title>``) is put above it. Everything else
  is page chrome: left out, each line logged. What chrome stays inside the content (print and
  share links, a "浏览次数" line) the normalizer's debris rules remove as in any captured page.
- The page's metadata table (索引号, 发布机构, 成文日期…), wherever it stands outside the
  content, is kept as metadata.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from typing import NamedTuple

from reviewer.document.errors import ReportError
from reviewer.document.load import decode
from reviewer.document.normalize import PAGE_LABELS
from reviewer.document.readers import Edit, Extracted, missing_extra, settings

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# names a page gives its charset → the codec that reads it
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
            "cp936": "gb18030", "gb18030": "gb18030", "hz-gb-2312": "hz"}
_WS = re.compile(r"[ \t\r\n\f]+")
_FIELD = re.compile(
    r"(" + "|".join(sorted((re.escape(k) for k in PAGE_LABELS), key=len, reverse=True))
    + r")\s*[:：]\s*")


# where a field's value ends: a tab or wide space, a widget in 【】, or another label
_VALUE_END = re.compile(r"\t| {2,}|【|\[|[\u4e00-\u9fff]{2,6}\s*[:：]")


class _Line(NamedTuple):
    text: str
    chain: tuple[int, ...]  # the elements it stands in, outermost first
    links: int  # characters of it inside links


def _declared(data: bytes) -> str | None:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    m = _CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def decode_page(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """The page's text and the encoding it was read in: the declared charset first."""
    name = (declared or _declared(data) or "").lower()
    codec = _ALIASES.get(name, name)
    if codec:
        try:
            codecs.lookup(codec)
            return data.decode(codec), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


class _Walker:
    def __init__(self) -> None:
        conf = settings()["html"]
        self.drop = set(conf["drop"])
        self.blocks = set(conf["blocks"])
        self.lines: list[_Line] = []
        self.info: list[tuple[str, str, int]] = []  # element → (tag, class and id, parent)
        self.headings: list[tuple[int, str]] = []  # (line index, text) of <h1>–<h3>
        self._parts: list[str] = []
        self._links = 0
        self._chain: tuple[int, ...] = ()

    def flush(self) -> None:
        text = "".join(self._parts).strip(" ")
        if text.strip():
            self.lines.append(_Line(text, self._chain, self._links))
        self._parts, self._links = [], 0

    def walk(self, node, chain: tuple[int, ...], in_link: bool) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = _WS.sub(" ", child.text_content or "")
                if text.strip() and not self._parts:
                    self._chain = chain
                if self._parts or text.strip():
                    self._parts.append(text)
                    if in_link:
                        self._links += len(text.strip())
                continue
            if not isinstance(tag, str) or tag.startswith("-") or tag in self.drop:
                continue
            attrs = child.attributes
            words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
            index = len(self.info)
            self.info.append((tag, words, chain[-1] if chain else -1))
            if tag in ("td", "th") and self._parts:
                self._parts.append("\t")
            block = tag in self.blocks
            if block:
                self.flush()
            if tag == "br":
                continue
            first = len(self.lines)
            self.walk(child, chain + (index,), in_link or tag == "a")
            if block:
                self.flush()
                if tag in ("h1", "h2", "h3") and len(self.lines) == first + 1:
                    self.headings.append((first, self.lines[first].text))


def _content(walker: _Walker) -> int | None:
    """The element holding the report: most paragraph text, chrome words against it."""
    paragraph_tags = {"p", "span", "font", "strong", "b", "em", "i", "u", "li", "a", "h1", "h2",
                      "h3", "h4", "h5", "h6", "br", "center", "o:p", "label", "sup", "sub"}
    chrome = settings()["html"]["chrome_words"]
    score: dict[int, float] = {}
    for line in walker.lines:
        length = len(line.text.replace(" ", ""))
        if length < 20 or line.links * 2 > length:
            continue
        # the nearest container of the line (a <div>, <td>, <article>…), and its parent
        chain = [i for i in line.chain if walker.info[i][0] not in paragraph_tags]
        if not chain:
            continue
        score[chain[-1]] = score.get(chain[-1], 0) + length
        if len(chain) > 1:
            score[chain[-2]] = score.get(chain[-2], 0) + length / 2
    if not score:
        return None

    def weight(i: int) -> float:
        words = walker.info[i][1]
        hit = any(re.search(rf"(^|[\s_-]){w}($|[\s_-]|\d)", words) for w in chrome)
        return score[i] * (0.2 if hit else 1.0)

    return max(score, key=weight)


def read_html(data: bytes, path: str, declared: str | None = None) -> Extracted:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise missing_extra(path, "网页 (HTML)", "selectolax") from None
    text, encoding = decode_page(data, path, declared)
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    page_title = title_node.text(deep=True).strip() if title_node is not None else ""
    root = tree.body or tree.root
    walker = _Walker()
    if root is not None:
        walker.walk(root, (), False)
        walker.flush()
    best = _content(walker)
    lines = walker.lines
    if best is None:
        raise ReportError(path, "网页里没有报告正文，只有链接和网页框架 (the page holds no report "
                                "text: only links and page chrome)")
    inside = [i for i, line in enumerate(lines) if best in line.chain]
    first = inside[0] if inside else len(lines)
    out: list[str] = []
    edits: list[Edit] = []
    header: dict[str, tuple[str, str]] = {}
    title = next((t for i, t in reversed(walker.headings) if i < first and len(t) <= 80), "")
    if not title and page_title:
        title = re.split(r"\s*[_|｜—-]{1,2}\s*(?=[^_|｜—-]*$)", page_title)[0].strip()
    body_lines = [lines[i].text for i in inside]
    # the page's title, unless the document repeats it at its head (over one or two lines)
    head = re.sub(r"\s", "", "".join(body_lines[:8]))
    if title and re.sub(r"\s", "", title) not in head:
        out.append(title)
    out += body_lines
    kept = set(inside)
    for i, line in enumerate(lines):
        if i in kept:
            continue
        for label, value in _fields(line.text):
            key = PAGE_LABELS.get(label.replace(" ", ""))
            if key and value:
                header.setdefault(key, (value, label))
        if line.text == title:
            continue
        where = 1 if i < first else len(out) + 1
        edits.append(Edit("extract", where, line.text, "", "page_chrome"))
    return Extracted("\n".join(out), edits, [], [], header, f"html ({encoding})")


def _fields(line: str) -> list[tuple[str, str]]:
    """``索引号：A\t发布机构：B`` → [(索引号, A), (发布机构, B)]."""
    out = []
    squeezed = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", line)  # 索 引 号
    matches = list(_FIELD.finditer(squeezed))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(squeezed)
        value = squeezed[m.end():end]
        stop = _VALUE_END.search(value)
        value = value[:stop.start()] if stop else value
        value = value.strip(" \t\u3000|")
        out.append((m.group(1), value))
    return out


def read_mhtml(data: bytes, path: str) -> Extracted:
    """A page saved with its images as one MIME file: the first HTML part is the page."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return read_html(payload, path, part.get_content_charset())
    raise ReportError(path, "MHTML 文件里没有网页 (no HTML page in this MHTML file)")
