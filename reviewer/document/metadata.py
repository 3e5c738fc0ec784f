"""Metadata of a report, each value with where it came from.

Keys: ``title``, ``government``, ``issuer``, ``doc_number``, ``addressee``, ``date_written``,
``date_published``, ``date_signed``, ``date_printed``, ``source``; the years (``year``,
``year_reviewed``, ``plan_year``) come from reviewer.document.years.
Values taken from page debris that normalization removed carry offsets ``-1``.
"""

from __future__ import annotations

import datetime as _dt
import re

from reviewer.document.model import MetaField, Paragraph
from reviewer.profiles import Profile

_GOV_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|街道办事处|街道|省|市|州|盟|县|区|旗|镇|乡)")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(?:(\d{1,2})\s*日?)?")
_SIGN_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(印发|印)?$")
_NUMBERED = re.compile(r"[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分")
# a signature naming the body and then the person signing for it
_SIGNED_BY = re.compile(r"^((?:中共)?[\u4e00-\u9fff]{2,30}(?:人民政府|委员会|办公室|政府|党委|党工委|管委会|"
                        r"办事处|局|所|站|中心))[\s\u3000]+[\u4e00-\u9fff]{2,4}$")
_ISSUER_LINE = re.compile(r"^(中共)?[\u4e00-\u9fff]{2,30}(人民政府|委员会|办公室|司法局|政府|党委|党工委|管委会|街道办事处)$")


# the lines right under the title that can be its byline: an issuer's line, a date's line, or
# both on one line
_BYLINE_LINES = 2
_BRACKETS = re.compile(r"^[（(]|[）)]$")
_BYLINE = re.compile(r"^(\S+?)(?:[\s\u3000]+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))?$")


def parse_date(value: str) -> _dt.date | None:
    """``2025年3月3日`` / ``2026-02-09`` / ``2026年01月21日`` → date; a month alone → its first day."""
    m = _DATE.search(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _field(text: str, start: int, end: int, source: str) -> MetaField:
    return MetaField(text[start:end], start, end, source)


# A whole date (day included): a line with one is a note about the text (updated, revised,
# delivered on), never half of a title, which names at most the year.
_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}")
_YEAR_END = re.compile(r"\d{4}\s*年度?$")
_BRACKETED = re.compile(r"^[（(【\[〔].*[）)】\]〕]$")


_REPORT = re.compile("报告")


def _names_a_report(line: str, names: re.Pattern[str] = _REPORT) -> bool:
    """Whether ``line`` names a report (``names``: 报告, or a genre's other words for one, such
    as a title ending 工作总结) outside 《…》: inside, the line only refers to a report by its
    title (a correction notice put above the report). A title set with spaces between its
    characters (政 府 工 作 报 告) names one too."""
    return bool(names.search(re.sub(r"《[^》]*》", "", line).replace(" ", "").replace("\u3000", "")))


# the issuer standing on a line of its own above the rest of the title (赵县人民政府 /
# 2022年度法治政府建设情况报告)
_ISSUER_END = re.compile(r"(人民政府|办事处|委员会|街道|[镇乡局])$")
# a note in brackets after a title line (湘潭县2023年政府工作报告(20221223)): the site's, not
# the title's
_NOTE_AFTER = re.compile(r"\s*[（(][^（()）]{1,20}[）)]$")


def _title_half(line: str) -> bool:
    """Whether ``line`` can be the first half of a title split over two lines: short, no
    sentence punctuation, no whole date and not wholly in brackets (a revision note is)."""
    return (len(line) <= 40 and "报告" not in line and not re.search(r"[。，：:；]", line)
            and not _FULL_DATE.search(line) and not _BRACKETED.match(line))


# a page's contents list above the title (一、2023年工作回顾 / 二、2024年工作安排 / (一)聚焦… /
# 三、…): at least this many short numbered lines at the very start, a line naming the report
# right after them
_CONTENTS_MIN = 3
_CONTENTS_LINE = 40
_CONTENTS_ITEM = re.compile(r"[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
                            r"|第[一二三四五六七八九十]{1,3}部分")


def contents_end(text: str, paragraphs: list[Paragraph]) -> int:
    """Index of the first paragraph after a contents list that stands above the report's title
    (a saved page listing the report's parts, then the report), else 0: the list is no part of
    the report, and no title search or heading starts inside it."""
    n = 0
    while n < len(paragraphs):
        line = text[paragraphs[n].start:paragraphs[n].end]
        if (len(line) > _CONTENTS_LINE or re.search(r"[。；;，,：:]", line)
                or not _CONTENTS_ITEM.match(line)):
            break
        n += 1
    if n < _CONTENTS_MIN or n >= len(paragraphs):
        return 0
    line = text[paragraphs[n].start:paragraphs[n].end]
    return n if len(line) <= 70 and _names_a_report(line) and not re.search(r"[。；]", line) else 0


def find_title(text: str, paragraphs: list[Paragraph], header: dict,
               salutation: re.Pattern[str], names: re.Pattern[str] = _REPORT) -> MetaField | None:
    """The title lines before the report's text. A title is never a body sentence: the search
    stops at the salutation (各位代表：), at the first sentence and at the first numbered heading,
    so a report whose title lines were stripped has none (unless its page metadata names it).
    A contents list above the title is passed over."""
    head = paragraphs[contents_end(text, paragraphs):][:12]
    found: list[MetaField] = []
    for i, p in enumerate(head):
        line = text[p.start:p.end]
        if (len(line) > 70 or re.search(r"[。；]", line) or salutation.match(text, p.start, p.end)
                or _NUMBERED.match(line)):
            break
        prev_line = text[head[i - 1].start:head[i - 1].end] if i > 0 else ""
        # a title split over two lines: the first half precedes this line (政府工作报 / 告)
        # or the issuer before the rest (柏香镇人民政府 / 关于2024年…的报告, 赵县人民政府 /
        # 2022年度…报告), or words cut after the year (鲍沟镇2025年度 / 法治政府建设情况报告)
        split = (i > 0 and _title_half(prev_line) and _names_a_report(prev_line + line, names)
                 and (len(line) <= 8 or line.startswith("关于") or _YEAR_END.search(prev_line)
                      or _ISSUER_END.search(prev_line)))
        if split:
            found.append(MetaField(prev_line + line, head[i - 1].start, p.end, "title lines"))
        # (a line with a whole date says when and where the report was delivered)
        elif (_names_a_report(line, names) and not line.startswith(("——", "—", "现在"))
                and not _FULL_DATE.search(line)):
            found.append(_field(text, p.start, p.end, "title line"))
    if found:
        return _repeated(found) or found[0]
    if "title" in header and _names_a_report(header["title"][0], names):
        return MetaField(header["title"][0], -1, -1, "page metadata")
    return None


def _repeated(found: list[MetaField]) -> MetaField | None:
    """Of the lines naming a report above a saved page's text, the one the page gives twice (its
    heading, and the article's own title under the column's name and the site's lines), or
    again without a note in brackets after it: that is the report's title."""
    def bare(f: MetaField) -> str:
        return _NOTE_AFTER.sub("", f.value).replace(" ", "")
    for i, f in enumerate(found):
        for g in found[i + 1:]:
            if bare(f) == bare(g):
                return g if len(g.value) <= len(f.value) else f
    return None


def find_government(text: str, title: MetaField | None) -> MetaField | None:
    if title is not None and title.value:
        t = title.value
        base = title.start if title.start >= 0 else -1
        # strip a leading year (2026年北京市政府工作报告)
        lead = re.match(r"\s*\d{4}\s*年(度)?", t)
        offset = lead.end() if lead else 0
        stop = re.search(r"(人民政府|政府|法治|关于|\d{4}\s*年|工作报告|情况报告)", t[offset:])
        scope = t[offset: offset + stop.start()] if stop else t[offset:]
        matches = list(_GOV_UNIT.finditer(scope))
        if matches:
            m = matches[-1]
            s = offset + m.start()
            e = offset + m.end()
            if base >= 0 and text[base + s: base + e] == m.group(0):
                return MetaField(m.group(0), base + s, base + e, "title")
            return MetaField(m.group(0), -1, -1, "title")
    m = re.search(r"我代表(国务院)", text[:3000])
    if m:
        return _field(text, m.start(1), m.end(1), "opening")
    m = re.search(r"在([\u4e00-\u9fff]{2,6}?(?:省|市|自治区))第[一二三四五六七八九十]+届", text[:3000])
    if m:
        return _field(text, m.start(1), m.end(1), "congress line")
    m = re.search(r"([\u4e00-\u9fff]{2,4}(?:省|市|自治区))(?:人民政府)?(?:省长|市长|主席)", text[:3000])
    if m:
        return _field(text, m.start(1), m.end(1), "speaker line")
    return None


def extract(text: str, paragraphs: list[Paragraph], header: dict[str, tuple[str, str]],
            profile: Profile) -> dict[str, MetaField]:
    """Every key but the years (reviewer.document.years establishes them once the parts are
    known)."""
    meta: dict[str, MetaField] = {}
    title = find_title(text, paragraphs, header, profile.rules.salutation,
                       profile.rules.report_name)
    if title:
        meta["title"] = title
    gov = find_government(text, title)
    if gov:
        meta["government"] = gov

    head_end = paragraphs[min(len(paragraphs), 12) - 1].end if paragraphs else 0
    m = _DOC_NUMBER.search(text, 0, head_end)
    if m:
        meta["doc_number"] = _field(text, m.start(), m.end(), "document number line")
    elif "doc_number" in header and "号" in header["doc_number"][0]:
        meta["doc_number"] = MetaField(header["doc_number"][0], -1, -1, "page metadata")

    for p in paragraphs[:12]:
        line = text[p.start:p.end]
        if (len(line) <= 30 and line.endswith(("：", ":")) and not line.startswith("各位代表")
                and re.search(r"(局|委|政府|办|院|组|部|厅)[：:]$", line)):
            meta["addressee"] = _field(text, p.start, p.end - 1, "addressee line")
            break

    # the red-header line "柏香镇人民政府文件"
    for p in paragraphs[:5]:
        line = text[p.start:p.end]
        if line.endswith("文件") and len(line) <= 30:
            meta["issuer"] = _field(text, p.start, p.end - 2, "document header")
            break

    # a byline under the title: the issuer, and the date, on a line each or on one line
    # (某市人民政府　2025年3月28日): the report's signature set at its top
    if title is not None and title.end > 0:
        after = [p for p in paragraphs if p.start >= title.end][:_BYLINE_LINES]
        for p in after:
            line = text[p.start:p.end]
            by = _BYLINE.match(line)
            body = by.group(1) if by else ""
            if by and _ISSUER_LINE.match(body):
                meta.setdefault("issuer", _field(text, p.start, p.start + len(body), "byline"))
                if by.group(2):
                    meta.setdefault("date_signed", _field(text, p.start + by.start(2), p.end,
                                                          "byline"))
            elif _SIGN_DATE.match(_BRACKETS.sub("", line)):
                # (a date in brackets under the title: （2025年1月）)
                meta.setdefault("date_signed", _field(text, p.start, p.end, "byline"))
            else:
                break

    # signature block: short lines at the very end
    tail = paragraphs[-6:]
    for p in reversed(tail):
        line = text[p.start:p.end]
        dm = _SIGN_DATE.match(line)
        if dm:
            key = "date_printed" if dm.group(4) else "date_signed"
            meta.setdefault(key, _field(text, p.start, p.end, "signature"))
            continue
        if "issuer" not in meta and _ISSUER_LINE.match(line):
            meta["issuer"] = _field(text, p.start, p.end, "signature")
        elif "issuer" not in meta and (by := _SIGNED_BY.match(line)):
            # the body, then the name of who signs for it (某县水利局　赵某某)
            meta["issuer"] = _field(text, p.start, p.start + by.end(1), "signature")

    for key, mkey in (("written", "date_written"), ("published", "date_published"),
                      ("issuer", "issuer"), ("source", "source")):
        if key in header and mkey not in meta:
            meta[mkey] = MetaField(header[key][0], -1, -1, f"page metadata ({header[key][1]})")
    return meta
