"""A genre's rules for reading a report, compiled from its profile data (``common.toml`` merged
with the genre's own file): structure, years, periods, content cues, spans and weights.

Nothing here decides anything; reviewer.document reads these values. Word lists become one
alternation each, so counting them over a passage is one linear scan.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class HeadingCue(NamedTuple):
    """Words of a heading that name a kind, and how strongly."""

    kind: str
    weight: float
    pattern: re.Pattern[str]


class Rules(NamedTuple):
    # structure
    plain_max: int
    lost_lead_paragraphs: int
    plain_heading: re.Pattern[str]
    plain_cue_weight: float
    run_in: re.Pattern[str]
    flat_min: int
    appendix_heading: re.Pattern[str]
    other_heading: re.Pattern[str]
    salutation: re.Pattern[str]
    opening: re.Pattern[str]
    report_name: re.Pattern[str]
    # years
    head_lines: int
    congress: re.Pattern[str]
    late_session_month: int
    year: re.Pattern[str]
    since: re.Pattern[str]
    lead_year: re.Pattern[str]
    lead_paragraphs: int
    announce: re.Pattern[str]
    numeral_year: re.Pattern[str]
    numerals: str
    # periods
    numbered_period: re.Pattern[str]
    numbered_first_year: int
    past_period: re.Pattern[str]
    future_period: re.Pattern[str]
    year_words: re.Pattern[str]
    five_year_lead: re.Pattern[str]
    year_lead: re.Pattern[str]
    min_run_paragraphs: int
    # content
    past: re.Pattern[str]
    future: re.Pattern[str]
    targets: re.Pattern[str]
    problems: re.Pattern[str]
    min_cues: int
    past_share: float
    future_share: float
    content_weight: float
    intro_strong: re.Pattern[str]
    intro_min_strong: int
    intro_min_any: int
    intro_cited: re.Pattern[str]
    intro_paragraphs: int
    separate_plan: re.Pattern[str]
    # classification
    threshold: float
    min_groups: int
    group_line_max: int
    group_inline_max: int
    min_inline_groups: int
    year_is: re.Pattern[str]
    sub_point_styles: tuple[str, ...]
    group_weight: float
    guessed_share: float
    year_reviewed_weight: float
    plan_year_weight: float
    five_year_weight: float
    first_part_kind: str
    first_part_weight: float
    later_part_kind: str
    later_part_weight: float
    duty_report_title: re.Pattern[str]
    duty_report_kind: str
    duty_report_not: re.Pattern[str]
    admission_weight: float
    # spans
    shortcomings_start: re.Pattern[str]
    shortcomings_window: int
    shortcomings_reach: int
    shortcomings_dense: int
    shortcomings_more: re.Pattern[str]
    thanks: re.Pattern[str]
    exhortation: re.Pattern[str]
    exhortation_lead: re.Pattern[str]
    glossary_entry: re.Pattern[str]
    glossary_min: int


def _one(pattern: str) -> re.Pattern[str]:
    """A pattern whose ``^`` and ``$`` hold at the edges of every paragraph (the normalized text
    is one paragraph per line), so it can be matched at a paragraph's offset in the whole text."""
    return re.compile(pattern, re.M)


def _any(words: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` (themselves patterns); never matches when empty."""
    return _one("|".join(f"(?:{w})" for w in words) if words else r"(?!)")


def compile_rules(data: dict) -> Rules:
    """The rules of a merged profile. Raises KeyError, TypeError or re.error on bad data."""
    st, yr, pe, co, cl, sp = (data[k] for k in ("structure", "years", "periods", "content",
                                                  "classify", "spans"))
    return Rules(
        plain_max=int(st["plain_max"]),
        lost_lead_paragraphs=int(st["lost_lead_paragraphs"]),
        plain_heading=_any(st["plain_heading"]),
        plain_cue_weight=float(st["plain_cue_weight"]),
        run_in=_one(st["run_in"]),
        flat_min=int(st["flat_min"]),
        appendix_heading=_any(st["appendix_heading"]),
        other_heading=_any(st["other_heading"]),
        salutation=_one(st["salutation"]),
        opening=_one(st["opening"]),
        report_name=_one(st["report_name"]),
        head_lines=int(yr["head_lines"]),
        congress=_one(yr["congress"]),
        late_session_month=int(yr["late_session_month"]),
        year=_one(yr["year"]),
        since=_one(yr["since"]),
        lead_year=_one(yr["lead"]),
        lead_paragraphs=int(yr["lead_paragraphs"]),
        announce=_one(yr["announce"]),
        numeral_year=_one(yr["numeral_year"]),
        numerals=str(yr["numerals"]),
        numbered_period=_one(pe["numbered"]),
        numbered_first_year=int(pe["numbered_first_year"]),
        past_period=_any(pe["past"]),
        future_period=_any(pe["future"]),
        year_words=_any(pe["year"]),
        five_year_lead=_one(pe["five_year_lead"]),
        year_lead=_one(pe["year_lead"]),
        min_run_paragraphs=int(pe["min_run_paragraphs"]),
        past=_any(co["past"]),
        future=_any(co["future"]),
        targets=_any(co["targets"]),
        problems=_any(co["problems"]),
        min_cues=int(co["min_cues"]),
        past_share=float(co["past_share"]),
        future_share=float(co["future_share"]),
        content_weight=float(co["weight"]),
        intro_strong=_any(co["intro_strong"]),
        intro_min_strong=int(co["intro_min_strong"]),
        intro_min_any=int(co["intro_min_any"]),
        intro_cited=_one(co["intro_cited"]),
        intro_paragraphs=int(co["intro_paragraphs"]),
        separate_plan=_one(co["separate_plan"]),
        threshold=float(cl["threshold"]),
        min_groups=int(cl["min_groups"]),
        group_line_max=int(cl["group_line_max"]),
        group_inline_max=int(cl["group_inline_max"]),
        min_inline_groups=int(cl["min_inline_groups"]),
        year_is=_one(cl["year_is"]),
        sub_point_styles=tuple(cl["sub_point_styles"]),
        group_weight=float(cl["group_weight"]),
        guessed_share=float(cl["guessed_share"]),
        year_reviewed_weight=float(cl["year_reviewed_weight"]),
        plan_year_weight=float(cl["plan_year_weight"]),
        five_year_weight=float(cl["five_year_weight"]),
        first_part_kind=str(cl["first_part_kind"]),
        first_part_weight=float(cl["first_part_weight"]),
        later_part_kind=str(cl["later_part_kind"]),
        later_part_weight=float(cl["later_part_weight"]),
        duty_report_title=_any(cl["duty_report_title"]),
        duty_report_kind=str(cl["duty_report_kind"]),
        duty_report_not=_any(cl["duty_report_not"]),
        admission_weight=float(cl["admission_weight"]),
        shortcomings_start=_any(sp["shortcomings_start"]),
        shortcomings_window=int(sp["shortcomings_window"]),
        shortcomings_reach=int(sp["shortcomings_reach"]),
        shortcomings_dense=int(sp["shortcomings_dense"]),
        shortcomings_more=_one(sp["shortcomings_more"]),
        thanks=_one(sp["thanks"]),
        exhortation=_any(sp["exhortation"]),
        exhortation_lead=_one(sp["exhortation_lead"]),
        glossary_entry=_one(sp["glossary_entry"]),
        glossary_min=int(sp["glossary_min"]),
    )


def merge(base: dict, own: dict) -> dict:
    """``own`` over ``base``: tables merge key by key, everything else is replaced."""
    out = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out
