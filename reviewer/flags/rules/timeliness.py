"""Timeliness: when the report was published, and whether it cites what had not yet happened."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reviewer.document import MetaField, parse_date
from reviewer.flags.data import events, load, pattern
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.i18n import t

_DATE_KEYS = ("date_published", "date_signed", "date_printed", "date_written")
# a full date in the opening or closing lines: 2025年1月14日在…人民代表大会
_TEXT_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EDGE_PARAGRAPHS = 6
# a line this short holding a date is a date line (a signature, a dateline), not a sentence
_DATE_LINE = 40
# how far before an event's name an announcing word (将召开, 迎接) is looked for
_ANNOUNCE_WINDOW = 12
# a date that names the month but no day
_MONTH_ONLY = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d)")


def _deadline(table: str, genre: str, year: int) -> dt.date | None:
    rule_ = load("events").get(table, {}).get(genre)
    if rule_ is None:
        return None
    return dt.date(year + rule_["year_offset"], rule_["month"], rule_["day"])


def _dated_fields(ctx: RuleContext) -> list[tuple[str, MetaField, dt.date]]:
    out = []
    for key in _DATE_KEYS:
        field = ctx.doc.metadata.get(key)
        when = parse_date(field.value) if field else None
        if field is not None and when is not None:
            out.append((key, field, when))
    return out


def _edge_dates(ctx: RuleContext) -> list[tuple[int, int, dt.date]]:
    """The report's own full dates in its first and last lines: a date line, or the congress
    date (``2025年1月14日在…``); a date inside a sentence is something the report cites."""
    paras = ctx.doc.paragraphs
    edge = paras[:_EDGE_PARAGRAPHS] + paras[-_EDGE_PARAGRAPHS:]
    out = []
    for p in edge:
        for m in _TEXT_DATE.finditer(ctx.text, p.start, p.end):
            if p.end - p.start > _DATE_LINE and not ctx.text.startswith("在", m.end()):
                continue
            try:
                out.append((m.start(), m.end(), dt.date(*map(int, m.groups()))))
            except ValueError:
                continue
    return out


def _field_span(ctx: RuleContext, field: MetaField) -> tuple[int, int]:
    return (field.start, field.end) if 0 <= field.start < field.end else ctx.title_span


@rule("timeliness.late_publication", "timeliness", "warning")
def late_publication(ctx: RuleContext) -> Iterator[Hit]:
    """Published or signed after the day the genre's reports are due (法治: 1 April)."""
    year = ctx.doc.year
    if year is None:
        return
    due = _deadline("publish_by", ctx.doc.genre, year)
    if due is None:
        return
    for key, field, when in _dated_fields(ctx):
        if when > due:
            yield Hit(*_field_span(ctx, field),
                      t("flags.late_publication", what=t(f"meta.{key}"), date=field.value,
                        due=f"{due.year}年{due.month}月{due.day}日"),
                      t("flags.late_publication_fix"))


@rule("timeliness.no_date", "timeliness", "warning")
def no_date(ctx: RuleContext) -> Iterator[Hit]:
    """The report carries no date at all: no signature, printing or publication date."""
    if _dated_fields(ctx) or _edge_dates(ctx):
        return
    yield Hit(*ctx.title_span, t("flags.no_date"), t("flags.no_date_fix"))


def _written_by(ctx: RuleContext) -> tuple[dt.date, str] | None:
    """The latest day the report can have been written: its own earliest date, else the genre's
    due date."""
    dates = [when for _, _, when in _dated_fields(ctx)] + [d for *_, d in _edge_dates(ctx)]
    year = ctx.sure_year()
    if dates:
        return min(dates), "dated"
    if year is None:  # a year guessed from the first lines bounds nothing
        return None
    due = _deadline("written_by", ctx.doc.genre, year)
    return (due, "due") if due else None


@rule("timeliness.anachronism", "timeliness", "error")
def anachronism(ctx: RuleContext) -> Iterator[Hit]:
    """An event cited before it happened: a report about 2024 citing 二十届四中全会. A report
    announcing an event to come (今年将召开党的二十大) is not citing it. The report's date is its
    own (a signature, a congress date, the page's dates), else the genre's due date for a report
    of its year, when that year is sure."""
    bound = _written_by(ctx)
    if bound is None:
        return
    written, how = bound
    announce = pattern("events", "anticipation")
    announce_after = pattern("events", "anticipation_after")
    for event in events():
        if event.start <= written:
            continue
        for m in event.pattern.finditer(ctx.text):
            if announce.search(ctx.text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()):
                continue
            if announce_after.match(ctx.text, m.end()):
                continue
            yield Hit(m.start(), m.end(),
                      t(f"flags.anachronism_{how}", event=event.name,
                        held=event.start.isoformat(), written=written.isoformat()),
                      t("flags.anachronism_fix"))


@rule("timeliness.event_year", "timeliness", "warning")
def event_year(ctx: RuleContext) -> Iterator[Hit]:
    """A year called the year of an event held in another (2021年是十九届五中全会召开之年: the
    plenum met in 2020): a year of the report written wrong, or a passage copied from
    another year's report."""
    form = load("events")["held_in_year"]
    starts = _year_called(ctx)
    for event in events():
        for m in _matches(re.compile(form.replace("{event}", event.pattern.pattern)), ctx.text,
                          starts):
            if int(m.group(1)) != event.start.year:
                yield Hit(m.start(1), m.end(1),
                          t("flags.event_year", year=m.group(1), event=event.name,
                            held=event.start.year),
                          t("flags.replace_with", right=str(event.start.year)))


@rule("timeliness.milestone_year", "timeliness", "warning")
def milestone_year(ctx: RuleContext) -> Iterator[Hit]:
    """A year called the year a goal is won or a plan opens or closes when that is another
    year (2023年是全面建成小康社会的决胜之年: that was 2020; 2022年是“十四五”开局之年: 2021), each
    milestone's years as data: a passage copied from another year's report."""
    data = load("events")
    form = data["milestone_in_year"]
    for stone in data.get("milestone", ()):
        for role, year in stone["roles"].items():
            found = form.replace("{goal}", stone["pattern"]).replace("{role}", role)
            for m in _matches(re.compile(found), ctx.text, _year_called(ctx)):
                if int(m.group(1)) != year:
                    yield Hit(m.start(1), m.end(1),
                              t("flags.milestone_year", year=m.group(1), goal=stone["name"],
                                role=m.group("role"), right=year),
                              t("flags.replace_with", right=str(year)))


@rule("timeliness.plan_period", "timeliness", "warning")
def plan_period(ctx: RuleContext) -> Iterator[Hit]:
    """A national plan cited with a period it was not issued for (《法治政府建设实施纲要（2022—
    2025年）》: the plan runs 2021—2025), each plan's periods as data; a place's own plan of the
    same name is not read."""
    data = load("events")
    form = data["plan_period"]
    plans = data.get("plan", ())
    if not plans:
        return
    # one reading of the text for every plan: where one of their names stands, the whole form
    # is tried (every match starts with a name), each match then given to the plan it names
    cited: list[list[re.Match[str]]] = [[] for _ in plans]
    names = [re.compile(plan["pattern"]) for plan in plans]
    either = "|".join(f"(?:{p['pattern']})" for p in plans)
    whole, named = re.compile(form.replace("{plan}", either)), re.compile(either)
    text = ctx.text
    at = 0
    while (c := named.search(text, at)) is not None:
        m = whole.match(text, c.start())
        if m is None:
            at = c.start() + 1
            continue
        at = max(m.end(), c.start() + 1)
        for k, name in enumerate(names):
            if name.match(text, m.start()):
                cited[k].append(m)
                break
    for plan, found in zip(plans, cited, strict=True):
        spans = [tuple(p) for p in plan["periods"]]
        for m in found:
            cited = (int(m.group(1)), int(m.group(2)))
            if cited in spans:
                continue
            right = min(spans, key=lambda p: abs(p[0] - cited[0]) + abs(p[1] - cited[1]))
            yield Hit(m.start(1), m.end(2),
                      t("flags.plan_period", plan=plan["name"], cited=f"{cited[0]}—{cited[1]}",
                        right=f"{right[0]}—{right[1]}"),
                      t("flags.replace_with", right=f"{right[0]}—{right[1]}"))


def _year_called(ctx: RuleContext) -> list[int]:
    """Where the text calls a year something (2021年是…): every ``held_in_year`` and
    ``milestone_in_year`` match starts at one of them (``year_called``, events.toml), so those
    patterns are tried there only, not at every character of the text. Read once per check."""
    return ctx.shared("timeliness.year_called", lambda c: [
        m.start() for m in re.finditer(load("events")["year_called"], c.text)])


def _matches(found: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``found.finditer(text)`` gives, where every match of ``found`` starts at one of
    ``starts``: tried there in turn, none inside the match before."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = found.match(text, at)
        if m:
            yield m
            end = m.end() if m.end() > m.start() else m.end() + 1


_SIGNATURE_KEYS = ("date_signed", "date_printed")


@rule("timeliness.date_incomplete", "timeliness", "warning")
def date_incomplete(ctx: RuleContext) -> Iterator[Hit]:
    """The report's own date (its signature or printing date) gives a month without a day:
    an official document is dated to the day (2025年12月 → 2025年12月X日)."""
    for key in _SIGNATURE_KEYS:
        field = ctx.doc.metadata.get(key)
        if field is None or field.start < 0:
            continue
        m = _MONTH_ONLY.search(field.value)
        if m:
            yield Hit(field.start, field.end, t("flags.date_incomplete", date=field.value),
                      t("flags.date_incomplete_fix"))


@rule("timeliness.date_conflict", "timeliness", "warning")
def date_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """The dates of the report contradict each other: signed or printed after the day it was
    published (a web page's date of publication cannot precede the document)."""
    published = ctx.doc.metadata.get("date_published")
    when_published = parse_date(published.value) if published else None
    if when_published is None:
        return
    for key in _SIGNATURE_KEYS:
        field = ctx.doc.metadata.get(key)
        if field is None or _MONTH_ONLY.search(field.value):
            continue  # a month alone is read as its first day: no ground for a conflict
        when = parse_date(field.value)
        if when is not None and when > when_published:
            yield Hit(*_field_span(ctx, field),
                      t("flags.date_conflict", what=t(f"meta.{key}"), date=field.value,
                        published=published.value),
                      t("flags.date_conflict_fix"))
