"""The two years every report is about: the year it reviews and the year its plan is for.

Established before any part is classified, from the text alone (never the file name), strongest
evidence first:

1. a congress date line (``——2025年1月15日在…人民代表大会…``): the session's year is the plan
   year, the year before it the year reviewed; a session late in the year (the profile's
   ``late_session_month``) reviews its own year and plans the next;
2. the title's year, which is the genre's ``report_year``;
3. the years in the top-level headings, read by their words (``2024年工作回顾``,
   ``2021年以来工作回顾`` → the year reviewed; ``2025年工作安排`` → the plan year); two headings
   naming consecutive years with no telling words (关于2019年工作 / 关于2020年工作) are the review
   and the plan;
4. a paragraph opening the report with its year (2024年，某镇在…), before the first heading, or
   opening the review (2016年是…, 刚刚过去的2016年) or the plan (2017年是…) with one;
5. the preface announcing the report (现将街道2023年度…情况报告如下): the first year it names
   before the announcement outside a cited title, number or quotation (《纲要（2021—2025年）》,
   〔2025〕1号, “2023年…要点”);
6. the content: the year the report's first part names most (the latest, for a five-year
   review), never after the year its later parts name most.

The other year follows (one apart) when only one is found. Each value is a MetaField pointing at
the year's figures in the text, with its source.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from reviewer.document.model import MetaField, Paragraph, Section
from reviewer.profiles import Profile


class _Found:
    """A year found: its value, where, how, and which of the two years it is."""

    __slots__ = ("value", "start", "end", "source", "which")

    def __init__(self, value: int, start: int, end: int, source: str, which: str):
        self.value, self.start, self.end, self.source, self.which = value, start, end, source, which


def establish(text: str, paragraphs: list[Paragraph], roots: list[Section],
              title: MetaField | None, profile: Profile) -> dict[str, MetaField]:
    """``year_reviewed``, ``plan_year`` and ``year`` (the genre's ``report_year``) as metadata.
    Years written in Chinese numerals (二〇二四年) are read as their figures."""
    text = figures_of_years(text, profile)
    if title is not None:
        title = title._replace(value=figures_of_years(title.value, profile))
    for finder in (_congress, _title, _headings, _opening, _leads, _announce, _content):
        found = finder(text, paragraphs, roots, title, profile)
        if found:
            return _both(found, profile)
    return {}


def figures_of_years(text: str, profile: Profile) -> str:
    """``text`` with each year written in Chinese numerals (二〇二四年) in figures (2024年): one
    figure for one numeral, the offsets unchanged."""
    rules = profile.rules
    if not rules.numeral_year.search(text):
        return text
    digits = {c: str(i) for i, c in enumerate(rules.numerals)}
    digits["零"] = "0"
    return rules.numeral_year.sub(lambda m: "".join(digits[c] for c in m.group(0)), text)


def _both(found: list[_Found], profile: Profile) -> dict[str, MetaField]:
    out: dict[str, MetaField] = {}
    for f in found:
        out.setdefault(f.which, MetaField(str(f.value), f.start, f.end, f.source))
    if "year_reviewed" not in out:
        plan = out["plan_year"]
        out["year_reviewed"] = MetaField(str(int(plan.value) - 1), plan.start, plan.end,
                                         f"{plan.source}, the year before")
    if "plan_year" not in out:
        rev = out["year_reviewed"]
        out["plan_year"] = MetaField(str(int(rev.value) + 1), rev.start, rev.end,
                                     f"{rev.source}, the year after")
    out["year"] = out[profile.report_year]
    return out


def _congress(text: str, paragraphs: list[Paragraph], roots: list[Section],
              title: MetaField | None, profile: Profile) -> list[_Found]:
    rules = profile.rules
    for p in paragraphs[:profile.rules.head_lines]:
        m = rules.congress.search(text, p.start, p.end)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if month > rules.late_session_month:
                return [_Found(year, m.start(1), m.end(1), "congress date (late in the year)",
                               "year_reviewed")]
            return [_Found(year, m.start(1), m.end(1), "congress date", "plan_year")]
    return []


def _heading_years(text: str, sec: Section, profile: Profile) -> list[re.Match[str]]:
    h = sec.heading
    return list(profile.rules.year.finditer(text, h.title_start, h.end))


def _headings(text: str, paragraphs: list[Paragraph], roots: list[Section],
              title: MetaField | None, profile: Profile) -> list[_Found]:
    rules = profile.rules
    found: list[_Found] = []
    neutral: list[tuple[int, re.Match[str]]] = []
    for i, sec in enumerate(roots):
        h = sec.heading
        if h.style == "lead":
            continue
        since = rules.since.search(text, h.title_start, h.end)
        if since:
            found.append(_Found(int(since.group(1)), since.start(1), since.end(1),
                                "review heading (N年以来)", "year_reviewed"))
            continue
        years = _heading_years(text, sec, profile)
        if not years:
            continue
        cue = profile.heading_cue(h.title)
        kind = cue[0] if cue else None
        if kind == "achievements":
            # the latest year a review heading names (2019年和今年以来…; “十三五”…和2020年…)
            m = max(years, key=lambda y: int(y.group(1)))
            found.append(_Found(int(m.group(1)), m.start(1), m.end(1), "review heading",
                                "year_reviewed"))
        elif kind in ("plan", "targets"):
            m = max(years, key=lambda y: int(y.group(1)))
            found.append(_Found(int(m.group(1)), m.start(1), m.end(1), "plan heading",
                                "plan_year"))
        else:
            neutral.append((i, years[0]))
    if not found and len(neutral) >= 2:
        # two headings naming consecutive years with no telling words: the review and the plan
        values = sorted({int(m.group(1)) for _, m in neutral})
        for low, high in zip(values, values[1:], strict=False):
            if high == low + 1:
                first = next(m for _, m in neutral if int(m.group(1)) == low)
                return [_Found(low, first.start(1), first.end(1), "review heading (the earlier "
                               "of two consecutive years)", "year_reviewed")]
    if not found and neutral:
        i, m = neutral[0]
        which = "year_reviewed" if i == 0 else "plan_year"
        where = "first part" if i == 0 else "a later part"
        return [_Found(int(m.group(1)), m.start(1), m.end(1), f"heading year of the {where}",
                       which)]
    # the review heading's year wins over a plan heading's when they disagree
    found.sort(key=lambda f: f.which != "year_reviewed")
    if len(found) > 1:
        rev = next((f for f in found if f.which == "year_reviewed"), None)
        plan = next((f for f in found if f.which == "plan_year"), None)
        if rev and plan and plan.value != rev.value + 1:
            found = [f for f in found if f.which == "year_reviewed"]
    return found


def _title(text: str, paragraphs: list[Paragraph], roots: list[Section],
           title: MetaField | None, profile: Profile) -> list[_Found]:
    if title is None:
        return []
    m = re.search(r"((?:19|20)\d{2})\s*年", title.value)
    if not m:
        return []
    start = title.start + m.start(1) if title.start >= 0 else -1
    end = start + 4 if start >= 0 else -1
    if start >= 0 and text[start:end] != m.group(1):
        start = end = -1
    return [_Found(int(m.group(1)), start, end, "title", profile.report_year)]


# a title run into the report's first sentence on a page's one long line: the title's last
# word, then the opening year (…建设情况的报告2023年，省政府坚持…), within this reach of the line's start
_TITLE_RUN_INTO_OPENING = re.compile(r"(?<=报告)\s*((?:19|20)\d{2})\s*年(?=[，,])")
_TITLE_REACH = 120


def _opening(text: str, paragraphs: list[Paragraph], roots: list[Section],
             title: MetaField | None, profile: Profile) -> list[_Found]:
    """A report opening with its year (2024年，某镇在…): the year reviewed; on a page run
    together on one line, the opening right after the title run into it (…情况的报告2024年，
    某镇在…)."""
    first = roots[0].start if roots else len(text)
    for p in paragraphs[:profile.rules.head_lines]:
        if p.start >= first:
            break
        line = text[p.start:p.end]
        m = re.match(r"\s*((?:19|20)\d{2})\s*年", line)
        if m is None and len(line) >= profile.rules.flat_min:
            m = _TITLE_RUN_INTO_OPENING.search(line, 0, _TITLE_REACH)
        if m:
            return [_Found(int(m.group(1)), p.start + m.start(1), p.start + m.end(1),
                           "the opening line", "year_reviewed")]
    return []


def _leads(text: str, paragraphs: list[Paragraph], roots: list[Section],
           title: MetaField | None, profile: Profile) -> list[_Found]:
    """A year opening one of the first paragraphs of the review (2016年是… / 刚刚过去的2016年)
    is the year reviewed; failing that, one opening the plan's first paragraphs (2017年是…) is
    the plan year."""
    parts = [s for s in roots if not profile.rules.appendix_heading.search(s.heading.title)]
    for which, part in (("year_reviewed", parts[0] if parts else None),
                        ("plan_year", parts[1] if len(parts) > 1 else None)):
        if part is None:
            continue
        i = bisect.bisect_right(paragraphs, part.heading.start, key=lambda p: p.start)
        for p in paragraphs[i:i + profile.rules.lead_paragraphs]:
            if p.start >= part.end:
                break
            m = profile.rules.lead_year.search(text, p.start, min(p.end, p.start + 12))
            if m:
                where = "review" if which == "year_reviewed" else "plan"
                return [_Found(int(m.group(1)), m.start(1), m.end(1),
                               f"a paragraph opening the {where} with its year", which)]
    return []


# a cited document named with the years of its period: 《纲要（2015—2020年）》
_CITED_PERIOD = re.compile(r"《[^》\n]*?(?:19|20)\d{2}\s*(?:[-—–～~]+|至)\s*(?:19|20)\d{2}[^》\n]*》")
_CITED = re.compile(r"《[^》\n]*》|〔[^〕\n]*〕|[（(][^）)\n]*[）)]|“[^”\n]*”")


def _announce(text: str, paragraphs: list[Paragraph], roots: list[Section],
              title: MetaField | None, profile: Profile) -> list[_Found]:
    """The preface that announces the report (现将…报告如下): the first year it names before the
    announcement that is not inside a cited document's title, number or quotation is the year
    reviewed (根据《纲要（2021—2025年）》…，认真总结我局2024年…，现将…报告如下)."""
    rules = profile.rules
    first = roots[0].start if roots else len(text)
    for p in paragraphs[:rules.head_lines]:
        if p.start > first:
            break
        m = rules.announce.search(text, p.start, p.end)
        if not m:
            continue
        cited = [c.span() for c in _CITED.finditer(text, p.start, m.start())]
        for y in rules.year.finditer(text, p.start, m.start()):
            if not any(a <= y.start() < b for a, b in cited):
                return [_Found(int(y.group(1)), y.start(1), y.end(1),
                               "the preface announcing the report", "year_reviewed")]
    return []


def _content(text: str, paragraphs: list[Paragraph], roots: list[Section],
             title: MetaField | None, profile: Profile) -> list[_Found]:
    """The year the first part (the review) names most, or, for a review of five years, the
    latest it names (it runs up to the year it reviews last); never a year after the one the
    later parts (the plan) name most. A review naming no year at all leaves the years unknown:
    the years a plan names most are often its targets' (2020年完成…)."""
    parts = [s for s in roots if not profile.rules.appendix_heading.search(s.heading.title)
             and not profile.rules.other_heading.search(s.heading.title)]
    if not parts:
        return []
    first, later = parts[0], parts[1:]
    ahead: Counter[int] = Counter()
    for s in later:
        for m in profile.rules.year.finditer(text, s.start, s.end):
            ahead[int(m.group(1))] += 1
    limit = ahead.most_common(1)[0][0] if ahead else None
    rules = profile.rules
    title = first.heading.title
    five = bool(rules.past_period.search(title) or rules.numbered_period.search(title))
    named: Counter[int] = Counter()
    best: re.Match[str] | None = None
    # (the years of a cited document's period, 《纲要（2015—2020年）》, are not the review's; a
    # cited plan of one year, 《2025年工作要点》, is most often the year's own)
    cited = [c.span() for c in _CITED_PERIOD.finditer(text, first.start, first.end)]
    for m in rules.year.finditer(text, first.start, first.end):
        if any(a <= m.start() < b for a, b in cited):
            continue
        y = int(m.group(1))
        if limit is not None and y > limit:
            continue
        named[y] += 1
        if best is None or (y > int(best.group(1)) if five else named[y] > named[int(best.group(1))]):
            best = m
    if best is not None:
        how = "the latest year the five-year review names" if five else "the year the review names most"
        return [_Found(int(best.group(1)), best.start(1), best.end(1), how, "year_reviewed")]
    return []
