"""Decoded text → normalized text, with a log of every change.

What normalization does, in order:

1. splits the text into lines, strips each line's edge whitespace (ASCII, ideographic and
   no-break spaces: indentation is presentation, not content) and drops blank lines;
2. removes web and print debris that is not report text (breadcrumbs, page widgets, site
   footers, page-metadata tables, ``(此页无正文)``), remembering what it removed and the labelled
   values found in it (发布机构, 成文日期…) for the metadata;
3. re-joins words broken by a page break (``统一编`` / ``号`` → ``统一编号``) and drops the
   character duplicated at such a break (``充`` / ``充分发挥`` → ``充分发挥``).

The normalized text is one paragraph per line, joined by ``\\n``. Characters inside a line are
never altered (stray spaces, half-width punctuation and control characters stay for the flags and
are rendered inert by the app), so the only edits are whole-line removals and line joins: each is
recorded as a :class:`Change`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.document.model import Change
from reviewer.document.structure import cn_number, cn_numeral

_EDGE_WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\x0b\x0c"

# --- debris that is never report text, wherever it stands ----------------------------------
_ANYWHERE = [
    ("breadcrumb", re.compile(r"^(您当前的位置|您现在的位置|您所在的位置|当前位置|您的位置|所在位置)是?\s*[:：]")),
    ("widget", re.compile(r"^(语音播报|进入播报模式|退出播报模式|打印|关闭|收藏|收起|返回主站|返回顶部|"
                          r"返回首页|部门街镇|政务新媒体|智能问答|关闭窗口|打印本页|【?打印】?|"
                          r"扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|分享到?[:：]?|"
                          r"【?\s*字体\s*[:：]?\s*(\[\s*\]|大\s*中\s*小)?\s*】?|\[\s*\]|"
                          r"【|】|大|中|小|默认|\[?\s*(大|中|小)\s*\]?)$")),
    ("widget", re.compile(r"^语音合成中")),
    # a row of a page's reading options on one line (字号：大 中 小　打印本页　关闭窗口　分享到： /
    # 【打印本页】【关闭窗口】): two or more of them, nothing else
    ("widget", re.compile(r"^[【\[\s]*(?:打印本页|打印|关闭窗口|关闭|收藏|分享到?\s*[:：]?|(?:字号|字体)\s*[:：]?"
                          r"|大|中|小|默认)(?:[【】\[\]\s]*(?:打印本页|打印|关闭窗口|关闭|收藏|"
                          r"分享到?\s*[:：]?|(?:字号|字体)\s*[:：]?|大|中|小|默认))+[】\]\s]*$")),
    ("widget", re.compile(r"^[|｜_-]{1,3}$")),  # a lone separator between a page's fields
    ("widget", re.compile(r"^(字体|字号)\s*[:：]\s*\[")),
    ("widget", re.compile(r"浏览次数\s*[:：]\s*\d*")),
    ("widget", re.compile(r"^(阅读|访问|点击)(次数|量)\s*[:：]")),
    ("footer", re.compile(r"^(主办|承办|主办单位|承办单位|协办|技术支持|运维单位|网站地图|网站标识码|"
                          r"地址|联系电话|联系我们|站内不良信息举报电话|举报电话|版权所有|备案号|"
                          r"政府网站标识码)\s*[:：]")),
    ("footer", re.compile(r"(\d+\s*[*×xX]\s*\d+\s*分辨率|ICP备\s*\d|公网安备\s*\d|本站已支持IPV6|"
                          r"(以上|版本)浏览器(访问|浏览)|Copyright\s*(©|\(c\))?\s*\d{4}|©\s*\d{4})", re.I)),
    ("no_content", re.compile(r"^[（(]\s*此页无正文\s*[）)]$")),
    # a page's notice of the text it leaves out (……(开头部分已省略480字) / 仅展示500字，全文共1800字)
    ("no_content", re.compile(r"(?:省略|隐藏)了?\s*\d+\s*字|仅(?:展示|显示)了?\s*\d+\s*字|全文共\s*\d+\s*字")),
    # a printed page's number, pasted with its text: - 3 - / — 3 — / 第3页 / 第3页 共12页 / 3/12
    ("page_number", re.compile(r"^([-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|"
                               r"\d{1,3}\s*/\s*\d{1,3})$")),
    # a page's list of related articles: each link's title followed by its date (一图读懂 |
    # 2022年宝安区政府工作报告 2022-04-21), not a labelled field of its metadata table
    # (成文日期：2021-02-02)
    ("related", re.compile(r"^[^:：\s][^:：]{1,80}\s\d{4}-\d{1,2}-\d{1,2}$")),
    # a page's links to the files attached to it (1．附件1 名词解释.docx): a file's name, never
    # report text (the attachments' own text, when the page gives it, has no extension); on a
    # document-sharing page, the pages of the file it previews (…报告.doc_第1页)
    ("attachment", re.compile(r"\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar|jpe?g|png|gif)"
                              r"(?:_第\s*\d{1,4}\s*页)?$", re.I)),
]

# --- debris only inside the page header (before the report text starts) --------------------
_LABELS = {
    "索引号": "index",
    "文号": "doc_number",
    "发文字号": "doc_number",
    "来源": "source",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "公开日期": "published",
    "发布日期": "published",
    "发布时间": "published",
    "发文时间": "published",
    "发文日期": "published",
    "成文日期": "written",
    "成文时间": "written",
    "主题分类": None,
    "体裁分类": None,
    "有效性": None,
    "效力状态": None,
    "标题": "title",
    # the name a page's metadata table gives the document; its line stays in the text: on a
    # page holding no report text it is the only trace of the report
    "名称": "name",
    "公开方式": None,
    "公开范围": None,
    "时间": "published",
    "日期": "published",
    "信息来源": "source",
    "文章来源": "source",
    "更新时间": "published",
    "作者": None,
    "责任编辑": None,
}
PAGE_LABELS = _LABELS  # the labels of a page's metadata table, for the web-page reader
_LABEL_RE = re.compile(
    r"^[-•·*]?\s*[\[【]?\s*(" + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")\s*[\]】]?\s*[:：]?\s*(.*)$"
)
# a page's view count opening its metadata line (浏览：5072次, 阅读量：12)
_VIEW_COUNTER = re.compile(r"(?:浏览|阅读|点击|访问)(?:次数|量)?\s*[:：]\s*\d*\s*次?\s*")
_LABEL_FIRST = frozenset("-•·*[【" + "".join(label[0] for label in _LABELS))
_BRACKET_FIELDS = re.compile(r"\[\s*([^\]]+?)\s*\]\s*([^\[]*)")
_HEADER_ONLY = [
    ("header", re.compile(r"^政府信息公开(目录)?$")),
    ("header", re.compile(r"^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*(\d{1,2}[:时]\d{1,2}(分|[:]\d{1,2})?)?$")),
    # the page's date and time, then its other fields on the same line (2023-04-25 15:10:15   某文档网
    # [ 字体：] [ 阅读：]): its date is the page's, the rest its chrome
    ("header", re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+\S.{0,80}$")),
    # the site's clock and its reading options, above every page it serves (今天是：2019年10月31日
    # 星期三 农历十月初七 / 天津市静海区人民政府 2019年12月3日星期二 / 无障碍 简体| 繁体 / 下载本页 打印):
    # the day the page was looked at, not the report's date
    ("widget", re.compile(r"^.{0,30}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周|礼拜)[一二三四五六日天]"
                          r"(\s*农历.{0,12})?$")),
    ("widget", re.compile(r"^(?:(?:无障碍|长者模式|关怀版|适老化|简体版?|繁体版?|English|分享|下载本页|打印|"
                          r"关闭|收藏)[\s|｜/]*){2,}$")),
    ("header", re.compile(r"^(本报记者|记者|摄影|图片|图/|图：).{0,30}$")),
    ("header", re.compile(r".{0,40}(本报记者|记者).{0,12}摄$")),
]

_NUMBERING_START = re.compile(
    r"^([一二三四五六七八九十]+[、.．]|[壹贰叁肆伍陆柒捌玖拾]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．](?!\d)|\d+、|"
    r"[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[—-]{1,2})"
)
NUMBERING_START = _NUMBERING_START  # a line that opens with a heading's numbering


def _is_cjk(char: str) -> bool:
    # a comparison, not a compiled [\u3400-\u9fff] class: that costs milliseconds at start-up
    return "\u3400" <= char <= "\u9fff"


_BODY_PUNCT = re.compile(r"[，。；、,;]")
_INNER_STOP = re.compile(r"[。；][^）)”’」』]")
_CLAUSE_MARKS = re.compile(r"[，。；,;]")
_SENTENCE_MARKS = re.compile(r"[。；;]")
_TERMINAL = "。！？；：:;!?”’」』）)》】…—"
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》】"
# an enumeration's item inside a paragraph: 7. / 7、 / （7） / 七是
_INLINE_ITEM = re.compile(r"^(?:(\d{1,2})[.．、](?!\d)|([（(])(\d{1,2})[）)]|([一二三四五六七八九十]{1,3})是)")
# reduplicated words that legitimately double a character across a line break
_REDUP_OK = set("常人天处事时层步个家户年月条件一实扎样节项日代世代代声面")


@dataclass
class Normalized:
    text: str
    changes: list[Change]
    header_fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (value, label)
    removed_lines: list[tuple[int, str]] = field(default_factory=list)
    line_map: list[int] = field(default_factory=list)  # paragraph index → 1-based source line
    # 1-based source line → offset in ``text`` where what is left of it begins (kept lines only)
    line_starts: dict[int, int] = field(default_factory=dict)
    # any line that reads as report text, or ends a sentence: a page of navigation and
    # metadata has none
    has_body: bool = True

    def offset_of_line(self, line: int) -> int:
        """Where source line ``line`` stands in the normalized text; a line that was removed
        stands where the next kept line begins (or at the end)."""
        if line in self.line_starts:
            return self.line_starts[line]
        later = [at for ln, at in self.line_starts.items() if ln > line]
        return min(later) if later else len(self.text)


# what is stripped from both ends of every line
_STRIPPED = _EDGE_WS + "\n\r"


_DEBRIS_MAX = 100  # page chrome comes in short lines; a long line is report text whatever it says


# every debris pattern in one: a line that matches none of them (most lines) is told so by one
# search instead of one per pattern
# (the patterns that open with ^ are tried where the line starts only, the others everywhere)
_ANY_DEBRIS_START = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _ANYWHERE
                                        if rx.pattern.startswith("^")), re.I)
_ANY_DEBRIS = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _ANYWHERE
                                  if not rx.pattern.startswith("^")), re.I)
# the same for the header-only patterns: those that open with ^ tried where the line starts,
# the others searched without a leading .{0,n} (whether a search finds such a pattern does not
# depend on it, and tried at every character it costs a body line ten times the rest)
_ANY_HEADER_START = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _HEADER_ONLY
                                        if rx.pattern.startswith("^")) or "(?!)")
_LEADING_ANY = re.compile(r"^\.\{0,\d+\}\??")
_ANY_HEADER = re.compile("|".join(f"(?:{_LEADING_ANY.sub('', rx.pattern)})"
                                  for _, rx in _HEADER_ONLY if not rx.pattern.startswith("^"))
                         or "(?!)")  # (none: a pattern that finds nothing)
_WS = re.compile(r"\s")
_YEAR_FIRST = re.compile(r"^\d{4}")


def _is_debris_anywhere(line: str) -> str | None:
    if len(line) > _DEBRIS_MAX or "。" in line:  # chrome never ends a sentence
        return None
    if not _ANY_DEBRIS_START.match(line) and not _ANY_DEBRIS.search(line):
        return None
    for rule, rx in _ANYWHERE:
        if rx.search(line):
            return rule
    return None


def _looks_like_body(line: str) -> bool:
    """A line that is clearly report text (the page header ends before it): a long one with
    punctuation, or one ending a sentence inside it (text broken every 30 characters)."""
    n = len(line)
    return n >= 40 and bool(_BODY_PUNCT.search(line)) or n >= 20 and bool(
        _INNER_STOP.search(line, 0, n - 1))


def normalize(text: str) -> Normalized:
    # (form feeds go wherever they stand: taken out of the whole text at once)
    raw_lines = (text.replace("\x0c", "") if "\x0c" in text else text).split("\n")
    # (source line number, stripped text); blank lines are None
    stripped = _STRIPPED
    lines: list[tuple[int, str | None]] = [(i, raw.strip(stripped) or None)
                                           for i, raw in enumerate(raw_lines, start=1)]

    header_fields: dict[str, tuple[str, str]] = {}
    removed: list[tuple[int, str, str]] = []  # (line, text, rule)
    kept: list[tuple[int, str]] = []  # (line, text)

    # the header zone ends at the first line that reads as body text
    # (a line shorter than 20 characters never does)
    first_body = next(
        (idx for idx, (_, s) in enumerate(lines)
         if s is not None and len(s) >= 20 and _looks_like_body(s)),
        len(lines),
    )
    pending_label: str | None = None
    for idx, (lineno, s) in enumerate(lines):
        if s is None:
            continue
        # (a long line, or one ending a sentence, is no debris: told without a call)
        rule = _is_debris_anywhere(s) if len(s) <= _DEBRIS_MAX and "。" not in s else None
        in_header = idx < first_body
        # a page's metadata line that shows its view count too (发布时间：…　来源：…　浏览次数：),
        # or opens with it (浏览：5072次　时间：2022-12-07): its labelled fields are read
        probe = s
        if in_header:
            counter = _VIEW_COUNTER.match(s)
            if counter and counter.end() < len(s):
                probe = s[counter.end():]
            if rule == "widget" and probe[0] in _LABEL_FIRST and _LABEL_RE.match(_WS.sub("", probe)):
                rule = None
        if rule is None and in_header and "\t" in s and _LABEL_RE.match(_WS.sub("", s)):
            # a metadata table's row: its cells apart (发布机构：\t深圳市…\t成文日期：\t2021-02-02)
            if _table_row(s, header_fields):
                removed.append((lineno, s, "page_metadata"))
                continue
        if rule is None and in_header:
            # a label opens the line, after a bullet or a bracket at most
            m = _LABEL_RE.match(_WS.sub("", probe)) if probe[0] in _LABEL_FIRST or probe[0].isspace() \
                else None
            if s.startswith("[") and _BRACKET_FIELDS.search(s):
                for label, value in _BRACKET_FIELDS.findall(s):
                    key = _LABELS.get(label.replace(" ", ""))
                    if key and value.strip():
                        header_fields.setdefault(key, (value.strip(), label))
                rule = "page_metadata"
            elif m and _LABELS[m.group(1)] == "name":
                if m.group(2).strip():
                    header_fields.setdefault("name", (m.group(2).strip(), m.group(1)))
            elif m and len(fields := _line_fields(probe)) > 1:
                # several fields on one line (来源：某街道办事处　　发布时间：2025-02-27 16:35): each
                # its own, not one value running on into the next label
                for label, value in fields:
                    key = _LABELS[label]
                    if key and value:
                        header_fields.setdefault(key, (value, label))
                pending_label = None
                rule = "page_metadata"
            elif m:
                label, value = m.group(1), m.group(2).strip()
                key = _LABELS[label]
                if value:
                    if key:
                        header_fields.setdefault(key, (value, label))
                    pending_label = None
                else:
                    pending_label = label
                rule = "page_metadata"
            elif pending_label is not None and len(s) <= 30 and not s.endswith("报告"):
                key = _LABELS[pending_label]
                if key:
                    header_fields.setdefault(key, (s, pending_label))
                pending_label = None
                rule = "page_metadata"
            elif _ANY_HEADER_START.match(s) or _ANY_HEADER.search(s):
                for r, rx in _HEADER_ONLY:
                    if rx.search(s):
                        rule = r
                        if r == "header" and _YEAR_FIRST.match(s):
                            header_fields.setdefault("published", (s, "date line"))
                        break
        if rule is not None:
            removed.append((lineno, s, rule))
            continue
        pending_label = None
        kept.append((lineno, s))
    kept = _drop_repeated(kept, removed, first_body_line=lines[first_body][0]
                          if first_body < len(lines) else 10**12)
    wrap = _wrap_width(kept)

    # --- build the text, joining words broken across page breaks ---------------------------
    out: list[str] = []
    changes: list[Change] = []
    line_map: list[int] = []
    line_starts: dict[int, int] = {}
    pos = 0
    removed_iter = iter(sorted(removed))
    next_removed = next(removed_iter, None)

    def flush_removed(upto_line: int, at: int) -> None:
        nonlocal next_removed
        while next_removed is not None and next_removed[0] < upto_line:
            ln, s, rule = next_removed
            changes.append(Change("debris", at, at, s, "", ln, rule))
            next_removed = next(removed_iter, None)

    # a debris line between two halves keeps them apart, but (此页无正文) does not: the line
    # numbers of the lines that do, for a bisection per candidate join
    blocking = [ln for ln, _, rule in removed if rule not in _NON_BLOCKING]
    # the debris a page break leaves (a page number, the running header): a short line that
    # reads as a heading is joined to the next only across one of them
    breaks = [ln for ln, _, rule in removed if rule in _NON_BLOCKING]
    # the paragraph open for joins; a line shorter than _JOIN_MIN is a paragraph no line joins
    # (_Open.joins), written out as it opens (a report of headings is all such lines)
    para: _Open | None = None
    opened = False  # whether any paragraph has opened yet
    for k, (lineno, s) in enumerate(kept):
        if (para is not None and para.joins(s, wrap)
                and not _between(blocking, kept[k - 1][0], lineno)
                and not (para.heading_like(wrap) and not _between(breaks, kept[k - 1][0], lineno))):
            at = pos  # end of the previous paragraph
            flush_removed(lineno, at)
            if para.last == s[0] and para.last not in _REDUP_OK and _is_cjk(s[0]):
                changes.append(Change("dedup", at, at, "\n" + s[0], "", lineno, "page_break"))
                s_add = s[1:]
            else:
                changes.append(Change("join", at, at, "\n", "", lineno, "page_break"))
                s_add = s
            line_starts[lineno] = at
            para.add(s_add)
            para.last_len = len(s)
            pos += len(s_add)
            continue
        if para is not None:
            out.append(para.text())
        if opened:
            pos += 1  # the newline
        if next_removed is not None and next_removed[0] < lineno:
            flush_removed(lineno, pos - 1 if opened else pos)
        line_starts[lineno] = pos
        if len(s) >= _JOIN_MIN:
            para = _Open(s)
        else:
            para = None
            out.append(s)
        opened = True
        line_map.append(lineno)
        pos += len(s)
    if para is not None:
        out.append(para.text())
    flush_removed(10**12, pos)
    text_out = "\n".join(out)
    return Normalized(
        text=text_out,
        changes=changes,
        header_fields=header_fields,
        removed_lines=[(ln, s) for ln, s, _ in sorted(removed)],
        line_map=line_map,
        line_starts=line_starts,
        has_body=first_body < len(lines) or any("。" in s for _, s in kept),
    )


_CELLS = re.compile(r"\t+")


_FIELD_GAP = re.compile(r"\s{2,}|\u3000+")


def _line_fields(line: str) -> list[tuple[str, str]]:
    """The labelled fields of a page's metadata line, set apart by wide spaces: (label, value)
    for each piece that opens with a label."""
    out = []
    for piece in _FIELD_GAP.split(line.strip()):
        m = _LABEL_RE.match(piece.strip())
        if m:
            out.append((m.group(1), m.group(2).strip()))
    return out


def _table_row(line: str, header_fields: dict[str, tuple[str, str]]) -> bool:
    """Read a page metadata table's row of tab-separated cells (label, value, label, value…)
    into ``header_fields``; False (nothing read) when a cell names the document (名称), whose line
    stays in the text."""
    cells = [_WS.sub("", c) for c in _CELLS.split(line)]
    cells = [c for c in cells if c]
    found: list[tuple[str, str, str]] = []
    i = 0
    while i < len(cells):
        m = _LABEL_RE.match(cells[i])
        if m is None:
            i += 1
            continue
        label, value = m.group(1), m.group(2).strip()
        if not value and i + 1 < len(cells) and not _LABEL_RE.match(cells[i + 1]):
            value = cells[i + 1]
            i += 1
        i += 1
        key = _LABELS[label]
        if key and value:
            found.append((key, value, label))
    if any(key == "name" for key, _, _ in found):
        for key, value, label in found:
            header_fields.setdefault(key, (value, label))
        return False
    for key, value, label in found:
        header_fields.setdefault(key, (value, label))
    return bool(found)


# debris that stands between two halves of a paragraph without parting them
_NON_BLOCKING = frozenset({"no_content", "page_number", "running_header"})
_MENU_MAX = 4
_MENU_RUN = 4
_REPEATED_MAX = 30
_REPEATED_MIN = 3
_NO_PUNCT = re.compile(r"^[^，。；：、,;:！？!?（）()“”\d]+$")
# a running header may name the report's year (XX镇2024年法治政府建设工作报告): no punctuation,
# and words besides its figures
_HEADER_LINE = re.compile(r"^(?=.*[^\d\s])[^，。；：、,;:！？!?（）()“”]+$")


_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_RUN = 3
_PAGE_LINES = 5  # a page holds at least this many lines


def _drop_repeated(kept: list[tuple[int, str]], removed: list[tuple[int, str, str]],
                   first_body_line: int) -> list[tuple[int, str]]:
    """Lines that are no report text by how they stand: a running header or footer (one short
    line without punctuation repeated on every page of a printed report, after its opening
    lines: the title stays) and a page's menu (a
    run of lines of a word or two, without punctuation, one after another, before the report's
    text)."""
    counts = Counter(s for _, s in kept if len(s) <= _REPEATED_MAX)
    drop: dict[int, str] = {}
    if any(n >= _REPEATED_MIN for n in counts.values()):
        # (from the first line of the body on: ``kept`` is in line order)
        for k in range(bisect.bisect_left(kept, (first_body_line,)), len(kept)):
            ln, s = kept[k]
            if (counts.get(s, 0) >= _REPEATED_MIN and _HEADER_LINE.match(s)
                    and not _NUMBERING_START.match(s) and (k == 0 or kept[k - 1][1] != s)):
                drop[ln] = "running_header"
    # bare page numbers (13 / 14 / 15 on lines of their own): numbers that count on by one, a
    # page apart, at least _PAGE_RUN of them; a lone figure on a line (a table's cell) stays
    pages = [(ln, int(s)) for ln, s in kept if len(s) <= 3 and _BARE_NUMBER.match(s)]
    run_pages: list[int] = []
    for k, (ln, n) in enumerate(pages):
        if k and n == pages[k - 1][1] + 1 and ln - pages[k - 1][0] >= _PAGE_LINES:
            run_pages.append(ln)
            continue
        if len(run_pages) >= _PAGE_RUN:
            for m in run_pages:
                drop[m] = "page_number"
        run_pages = [ln]
    if len(run_pages) >= _PAGE_RUN:
        for m in run_pages:
            drop[m] = "page_number"
    run: list[int] = []
    for ln, s in kept + [(10**12, "。")]:
        if run and ln - run[-1] > 2:  # lines apart (a removed line, blank lines between)
            if len(run) >= _MENU_RUN:
                for m in run:
                    drop.setdefault(m, "menu")
            run = []
        if ln < first_body_line and len(s) <= _MENU_MAX and _NO_PUNCT.match(s):
            run.append(ln)
            continue
        if len(run) >= _MENU_RUN:
            for m in run:
                drop.setdefault(m, "menu")
        run = []
    if not drop:
        return kept
    for ln, s in kept:
        if ln in drop:
            removed.append((ln, s, drop[ln]))
    return [(ln, s) for ln, s in kept if ln not in drop]


_WRAP_MIN = 20
# a paragraph shorter than this is joined to nothing (headings and titles are short)
_JOIN_MIN = 20
# a heading line is at most this long (longer lines without a sentence end are cut paragraphs)
_HEADING_LIKE_MAX = 60
_WRAP_SHARE = 0.3
_WRAP_LINES = 10


def _wrap_width(kept: list[tuple[int, str]]) -> int:
    """The width text pasted from a PDF was broken at (most of its long lines end at the same
    length), or 0 when it was not."""
    counts: dict[int, int] = {}
    long = 0
    for _, s in kept:
        if len(s) >= _WRAP_MIN:
            long += 1
            counts[len(s)] = counts.get(len(s), 0) + 1
    if not counts:
        return 0
    width = max(counts, key=lambda n: (counts[n] + counts.get(n - 1, 0), n))
    full = counts[width] + counts.get(width - 1, 0)
    return width if full >= _WRAP_LINES and full >= _WRAP_SHARE * long else 0


def _between(lines: list[int], after: int, before: int) -> bool:
    """Whether the sorted ``lines`` hold a line number strictly between ``after`` and ``before``."""
    i = bisect.bisect_right(lines, after)
    return i < len(lines) and lines[i] < before


class _Open:
    """The paragraph being built, joined line by line across page breaks.

    It keeps its pieces (joined once, when the paragraph closes) and what deciding the next join
    needs: its length, its last character and whether its body holds sentence punctuation (read
    once, from its first line: a paragraph is joined to only when it does). A chain of thousands
    of joins costs what its lines cost."""

    __slots__ = ("pieces", "length", "punct", "last_len")

    def __init__(self, line: str):
        self.pieces = [line]
        self.length = self.last_len = len(line)
        self.punct: bool | None = None  # read when a join is first in question

    # (its last characters are read off its last piece, where a join is in question: most
    # paragraphs are never asked)
    @property
    def last(self) -> str:
        return self.pieces[-1][-1]

    @property
    def tail(self) -> str:
        """Its last two characters (one, for a paragraph of one character)."""
        piece = self.pieces[-1]
        if len(piece) >= 2 or len(self.pieces) == 1:
            return piece[-2:]
        return self.pieces[-2][-1] + piece

    def _has_punct(self) -> bool:
        # headings and titles carry no sentence punctuation; a numbered line is a paragraph only
        # when a sentence ends inside it (an inline heading followed by body text). Asked before
        # any join, so of the first line alone; once true it stays true as lines are added.
        if self.punct is None:
            line = self.pieces[0]
            numbered = _NUMBERING_START.match(line)
            marks = _SENTENCE_MARKS if numbered else _CLAUSE_MARKS
            self.punct = bool(marks.search(line, numbered.end() if numbered else 0))
        return self.punct

    def add(self, piece: str) -> None:
        if not piece:
            return
        self.pieces.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        return "".join(self.pieces)

    def heading_like(self, wrap: int) -> bool:
        """A line of its own that could stand as a heading (a group's heading with a comma,
        its numbering lost): short, ending no sentence, not a full line of wrapped text."""
        return (len(self.pieces) == 1 and self.length <= _HEADING_LIKE_MAX
                and not (wrap and self.last_len >= wrap - 1)
                and not _SENTENCE_MARKS.search(self.pieces[0]))

    def joins(self, nxt: str, wrap: int = 0) -> bool:
        """Was this paragraph's end and ``nxt`` one word cut by a page break (or, in text broken
        every ``wrap`` characters, by a line break: its last line is a full one)?"""
        if self.length < _JOIN_MIN or not nxt:
            return False
        last = self.last
        full = wrap and self.last_len >= wrap - 1
        if full:
            tail = self.tail
            # a full line of wrapped text runs on after any mark but a sentence's end (果断应对、
            # / 居民消费价格涨幅3% / 左右; 增长6%左右； / 地方一般公共预算收入…; “四个意识” / 、); after
            # a sentence's end only into the next item of an enumeration the paragraph runs inline
            if tail[-1] in _SENTENCE_END or (
                    len(tail) == 2 and tail[0] in _SENTENCE_END
                    and tail[1] in _CLOSERS):
                return self._items_run_on(nxt)
        elif last in _TERMINAL or not (_is_cjk(last) or last.isdigit()):
            return False
        if not full and not self._has_punct():
            return False
        if _NUMBERING_START.match(nxt) and not (full and self._has_punct()
                                                and not self._numbered_heading()):
            # (an enumeration run on, 一是…，二是…, cut before its next item by the wrap, is
            # still the sentence; a full line that is a numbered heading is not)
            return False
        first = nxt[0]
        # after a full line, whatever the next one opens with (增长8 / .5%)
        return full or _is_cjk(first) or first.isdigit() or first in "，。、；：）)”"

    def _items_run_on(self, nxt: str) -> bool:
        """``nxt`` opens the next item of an enumeration this paragraph runs inline (…建设。7.加快
        …建设。 / 8.完成…): the wrap fell after the previous item's sentence."""
        m = _INLINE_ITEM.match(nxt)
        if m is None:
            return False
        digits, prefix, cn = m.group(1) or m.group(3), m.group(2), m.group(4)
        if digits:
            n = int(digits)
            if n < 2:
                return False
            mark = nxt[len(prefix or "") + len(digits)]
            token = f"{prefix or ''}{n - 1}{mark}"
        else:
            n = cn_number(cn)
            if not n or n < 2:
                return False
            token = f"{cn_numeral(n - 1)}是"
        text = self.text()
        at = text.find(token, 1)
        return at > 0 and text[at - 1] in "。；;，,"

    def _numbered_heading(self) -> bool:
        """The paragraph is one numbered line ending no sentence: a heading, whatever follows."""
        line = self.pieces[0]
        return (len(self.pieces) == 1 and bool(_NUMBERING_START.match(line))
                and not _SENTENCE_MARKS.search(line))
