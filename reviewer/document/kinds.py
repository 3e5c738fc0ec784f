"""Section kinds, periods and spans, decided from evidence the genre profile defines as data.

For every top-level part, and for every child of a part that joins kinds, the evidence adds up
per kind, in this order of strength:

1. the heading's words (the profile's ``[[heading]]`` cues); a heading naming two kinds joined
   (``总体要求和重点任务``) is of both;
2. the heading's years against the report's years (``year_reviewed`` → a review, ``plan_year``
   → the plan) and its five-year periods (``“十三五”``, ``过去五年`` behind the report → a review;
   ``今后五年``, a period still running → targets);
3. the content, counted over the part: accounts of work done against future-directed language,
   statements of targets, problems admitted;
4. a weak prior: a report's first part is its review.

The strongest kind wins when its evidence reaches the profile's threshold, else the part is
``unknown``. Structure then completes the kinds: a part of targets or of the plan with numbered
groups of work below it holds the plan, and a plan whose introduction states the targets holds
targets too. Children of a joined part are classified one by one among its kinds; other children
share their part's kind. The period of a part comes from its heading and, inside a part about
both the year and five years, from the paragraphs that open each run (五年来… / 2025年，…).

Every step is one pass over the part's own text, so the whole is linear in the report's length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reviewer.document.model import UNKNOWN, Paragraph, PeriodSpan, Section, Span
from reviewer.document.structure import cn_number, stands_as_group_heading
from reviewer.profiles import Profile, fold, kind_meanings, kinds_where
from reviewer.profiles.rules import HeadingCue, Rules

_SENTENCE_END = re.compile(r"[。；;！？!?]")


class _Votes:
    """Evidence per kind: the total weight and the strongest single cue (the reason)."""

    def __init__(self) -> None:
        self.score: dict[str, float] = {}
        self.best: dict[str, tuple[float, str]] = {}
        # where evidence that a part looks ahead goes: targets when the heading names targets
        # and not the plan (2022年经济社会发展总体要求和政策取向), else the plan
        self.future_kind = "plan"
        # the heading names a kind in strong words: the content is not asked
        self.named_strongly = False
        # the heading names a kind that is no part of the report's text (appendix, other)
        self.outside = False

    def add(self, kind: str, weight: float, reason: str) -> None:
        self.score[kind] = self.score.get(kind, 0.0) + weight
        if weight > self.best.get(kind, (0.0, ""))[0]:
            self.best[kind] = (weight, reason)

    def top(self, allowed: tuple[str, ...] | None = None) -> tuple[str, float, str] | None:
        kinds = [k for k in self.score if allowed is None or k in allowed]
        if not kinds:
            return None
        # (most parts have evidence for one kind alone)
        kind = kinds[0] if len(kinds) == 1 else max(
            kinds, key=lambda k: (self.score[k], self.best[k][0]))
        return kind, self.score[kind], self.best[kind][1]

    def confidence(self, kinds: tuple[str, ...], allowed: tuple[str, ...] | None = None
                   ) -> float:
        """How sure: the evidence for the primary kind (at most 1), shared with the strongest
        kind that is none of ``kinds``."""
        top = self.score.get(kinds[0], 0.0)
        other: float | None = None
        for k, v in self.score.items():
            if (other is None or v > other) and k not in kinds and (allowed is None
                                                                     or k in allowed):
                other = v
        if other is None:
            other = 0.0
        return min(1.0, top) * top / (top + other) if top else 0.0


class _Context:
    """What classification needs about the report."""

    def __init__(self, text: str, paragraphs: list[Paragraph], profile: Profile,
                 year_reviewed: int | None, plan_year: int | None):
        self.text = text
        self.paragraphs = paragraphs
        # where each paragraph starts, for bisection (a key function would be called per step)
        self.starts = [p.start for p in paragraphs]
        self.profile = profile
        self.rules: Rules = profile.rules
        self.year_reviewed = year_reviewed
        self.plan_year = plan_year
        self.periodic = {k for k, m in kind_meanings().items() if m.periodic}
        # title → the heading cues it matches (see _cues)
        self.cues: dict[str, list[tuple[HeadingCue, re.Match[str]]]] = {}
        # (title, kinds allowed) → the votes its words, years and periods give, and its periods
        self.evidence: dict[tuple[str, tuple[str, ...] | None], tuple[_Votes, tuple[str, str]]] = {}
        # passages of another kind found while classifying (a plan's introduction of targets)
        self.spans: list[Span] = []
        # no part has numbered groups: the report's list numbering was lost (pasted from Word)
        self.numbering_lost = False
        # no part has a numbered heading: the report's list numbering was lost, or it never had
        # any (its groups' headings run into their paragraphs can only be told by their form)
        self.parts_unnumbered = False
        # the period a review part is about when nothing in it says: the year, or the five years
        # of a report whose preface opens on them (五年来，某区严格落实…)
        self.review_period = "year"


def classify(text: str, paragraphs: list[Paragraph], roots: list[Section], profile: Profile,
             year_reviewed: int | None, plan_year: int | None, title: str = ""
             ) -> tuple[list[PeriodSpan], list[Span]]:
    """Set kinds, reason, confidence and period on every section; return the period runs found
    inside parts about both the year and five years, and the passages of targets inside parts
    of another primary kind (a plan's introduction, the second half of a joined part). A report
    whose ``title`` says it is a principal's duty report (the profile's ``duty_report_title``)
    has its account of work done read as that duty's (``duty_report_kind``)."""
    ctx = _Context(text, paragraphs, profile, year_reviewed, plan_year)
    duty = _duty_report(ctx, roots, title)
    # (the numbered entries of a glossary or an appended list are no numbering of the report's)
    body = [sec for sec in roots if _heading_kind(ctx, sec) not in ("appendix", "other")]
    ctx.numbering_lost = len(body) > 1 and not any(
        c.heading.style not in ctx.rules.sub_point_styles for sec in body for c in sec.children)
    ctx.parts_unnumbered = len(roots) > 1 and all(sec.heading.style in ("plain", "lead")
                                                  for sec in roots)
    if _preface_on_five_years(ctx, roots):
        ctx.review_period = "five_year"
    runs: list[PeriodSpan] = []
    later = set(kinds_where("problem")) | set(kinds_where("planned"))
    planned = set(kinds_where("planned"))
    before_later = True
    after_planned = False
    previous_planned = ""
    for sec in roots:
        votes = _Votes()
        period, first_period = _heading_evidence(ctx, sec, votes, None)
        named = _heading_kind(ctx, sec)
        if named in later:
            before_later = False
        # (the order of parts says what a part's text is: a heading with no sentence below it,
        # a page's menu lines, is not told by where it stands)
        if not votes.outside and _has_text(ctx, sec):
            if before_later:
                votes.add(ctx.rules.first_part_kind, ctx.rules.first_part_weight,
                          "a part before the report's problems and plans")
            elif after_planned:
                votes.add(ctx.rules.later_part_kind, ctx.rules.later_part_weight,
                          "a part after the report's plans")
        if named in planned:
            after_planned = True
        _content_evidence(ctx, sec, votes, None)
        kinds, reason, confidence = _decide(ctx, sec, votes, period)
        if duty and kinds == (ctx.rules.first_part_kind,):
            kinds = (ctx.rules.duty_report_kind,)
            reason += "; the title says the report is a principal's account of their duty"
        found = len(runs)  # the runs found before lie in the parts before
        period = _period(ctx, sec, kinds[0], period, first_period, previous_planned, runs)
        sec.set_kind(kinds, reason, confidence, period)
        if "plan" in kinds:
            previous_planned = period
        _children(ctx, sec, [r for r in runs[found:] if sec.start <= r.start < sec.end])
    return runs, ctx.spans


def _preface_on_five_years(ctx: _Context, roots: list[Section]) -> bool:
    """Whether a paragraph of the preface (the text before the first part) opens on the five
    years behind the report (五年来，某区…; 过去五年，…): the report reviews five years."""
    first = roots[0].start if roots else 0
    return any(ctx.rules.five_year_lead.match(ctx.text, p.start, p.end)
               for p in ctx.paragraphs[:ctx.rules.head_lines] if p.end <= first)


_CLAUSE_MARK = re.compile(r"[。；;！？!?，,：:]")


def duty_report(text: str, paragraphs: list[Paragraph], roots: list[Section], profile: Profile,
                title: str = "") -> bool:
    """Whether the report is a principal's account of their duty (镇长2024年述法报告, 现将…第一
    责任人职责情况报告如下): its title or its preface's announcement says so."""
    return _duty_report(_Context(text, paragraphs, profile, None, None), roots, title)


def _duty_report(ctx: _Context, roots: list[Section], title: str) -> bool:
    return (bool(title) and bool(ctx.rules.duty_report_title.search(title))
            or _announced_duty(ctx, roots))


def _announced_duty(ctx: _Context, roots: list[Section]) -> bool:
    """Whether the preface announces the report as a principal's account of the duty (现将我街道
    党政主要负责人落实推进法治建设第一责任人职责的情况报告如下): the clause of the announcement reads
    like such a report's title, and names no account of the whole of the work beside it
    (``duty_report_not``: 现将2024年法治政府建设暨…第一责任人职责情况报告如下)."""
    rules = ctx.rules
    first = roots[0].start if roots else len(ctx.text)
    for p in ctx.paragraphs[:rules.head_lines]:
        if p.start >= first:
            break
        m = rules.announce.search(ctx.text, p.start, p.end)
        if m is None:
            continue
        marks = list(_CLAUSE_MARK.finditer(ctx.text, p.start, m.start()))
        clause = ctx.text[marks[-1].end() if marks else p.start:m.end()]
        return bool(rules.duty_report_title.search(clause)) and not rules.duty_report_not.search(clause)
    return False


# --- evidence ------------------------------------------------------------------------------

def _cues(ctx: _Context, title: str) -> list[tuple[HeadingCue, re.Match[str]]]:
    """The profile's heading cues a title matches, strongest first, each with its match: read
    once per title (a part's kind, its evidence and its decision each ask)."""
    found = ctx.cues.get(title)
    if found is None:
        folded = fold(title)
        found = ctx.cues[title] = [(cue, m) for cue in ctx.profile.headings
                                   if (m := cue.pattern.search(folded))]
    return found


def _heading_kind(ctx: _Context, sec: Section) -> str | None:
    """The kind the heading's words name most strongly (``Profile.classify``)."""
    found = _cues(ctx, sec.heading.title)
    return found[0][0].kind if found else None


def _named(ctx: _Context, title: str, allowed: tuple[str, ...] | None
           ) -> list[tuple[int, str, float, str]]:
    """The kinds a heading's words name: (position, kind, weight, words), strongest cue per kind,
    in the order the heading names them."""
    best: dict[str, tuple[int, str, float, str]] = {}
    for cue, m in _cues(ctx, title):
        if allowed is not None and cue.kind not in allowed:
            continue
        if cue.kind not in best or cue.weight > best[cue.kind][2]:
            best[cue.kind] = (m.start(), cue.kind, cue.weight, m.group(0))
    return sorted(best.values())


def _numbered_period(ctx: _Context, m: re.Match[str]) -> tuple[int, int]:
    """The years of the five-year plan period 十N五 (十三五: 2016–2020)."""
    n = 10 + cn_number(m.group(1))
    first = ctx.rules.numbered_first_year + 5 * (n - 11)
    return first, first + 4


def _heading_evidence(ctx: _Context, sec: Section, votes: _Votes,
                      allowed: tuple[str, ...] | None) -> tuple[str, str]:
    """Votes from a heading's words, years and periods, given to ``votes`` (fresh: nothing
    given yet); returns the period the heading names (``year``, ``five_year``, ``mixed`` or
    ``""``) and the one it names first. What a title says is read once per title (a compilation
    repeats its headings; a report of nothing but headings repeats them by the thousand)."""
    key = (sec.heading.title, allowed)
    found = ctx.evidence.get(key)
    if found is None:
        read = _Votes()
        found = ctx.evidence[key] = (read, _read_heading(ctx, sec.heading.title, read, allowed))
    read, periods = found
    votes.score, votes.best = dict(read.score), dict(read.best)
    votes.future_kind, votes.named_strongly, votes.outside = (read.future_kind,
                                                              read.named_strongly, read.outside)
    return periods


def _read_heading(ctx: _Context, title: str, votes: _Votes,
                  allowed: tuple[str, ...] | None) -> tuple[str, str]:
    rules = ctx.rules
    named = _named(ctx, title, allowed)
    for _, kind, weight, words in named:
        votes.add(kind, weight, f"heading: {words}")
    kinds = {k for _, k, _, _ in named}
    # (a child of a joined part keeps asking its content: its words are often a slogan's)
    votes.named_strongly = allowed is None and any(w >= rules.plain_cue_weight
                                                   for _, _, w, _ in named)
    if kinds & {"appendix", "other"}:
        votes.outside = True
        return "", ""
    if "targets" in kinds and "plan" not in kinds:
        votes.future_kind = "targets"
    has_year = has_five = False
    first_year = first_five = len(title)

    def vote(kind: str, weight: float, reason: str) -> None:
        # a heading's years and periods decide what its words do not say; where its words name
        # a kind, they only tell the period (2025年度…存在的不足 is no review for its year)
        if not kinds and (allowed is None or kind in allowed):
            votes.add(kind, weight, reason)

    since = rules.since.search(title)
    for m in rules.year.finditer(title):
        y = int(m.group(1))
        if since and since.start(1) == m.start(1) or y == ctx.year_reviewed:
            has_year, first_year = True, min(first_year, m.start())
            vote("achievements", rules.year_reviewed_weight,
                 f"heading year {y} = year reviewed")
        elif y == ctx.plan_year:
            has_year, first_year = True, min(first_year, m.start())
            vote(votes.future_kind, rules.plan_year_weight, f"heading year {y} = plan year")
        elif ctx.plan_year is not None and y > ctx.plan_year:
            has_five, first_five = True, min(first_five, m.start())
            vote("targets", rules.five_year_weight, f"heading year {y} after the plan year")
    for m in rules.year_words.finditer(title):
        has_year, first_year = True, min(first_year, m.start())
        word = m.group(0)
        if word == "今年" and not title.startswith("以来", m.end()):
            vote(votes.future_kind, rules.plan_year_weight, "heading: 今年")
        else:
            vote("achievements", rules.year_reviewed_weight, f"heading: {word}")
    for m in rules.numbered_period.finditer(title):
        has_five, first_five = True, min(first_five, m.start())
        first, last = _numbered_period(ctx, m)
        if ctx.plan_year is None:
            continue
        if last < ctx.plan_year:
            vote("achievements", rules.five_year_weight,
                 f"heading period {m.group(0)} ({first}–{last}) behind the report")
        else:
            vote("targets", rules.five_year_weight,
                 f"heading period {m.group(0)} ({first}–{last}) ahead of the report")
    for m in rules.past_period.finditer(title):
        has_five, first_five = True, min(first_five, m.start())
        vote("achievements", rules.five_year_weight, f"heading: {m.group(0)}")
    for m in rules.future_period.finditer(title):
        has_five, first_five = True, min(first_five, m.start())
        vote("targets", rules.five_year_weight, f"heading: {m.group(0)}")
    first = "year" if first_year < first_five else "five_year" if has_five else ""
    if has_year and has_five:
        return "mixed", first
    return ("year" if has_year else "five_year" if has_five else ""), first


def _has_text(ctx: _Context, sec: Section) -> bool:
    """Whether a part has text of its own below its heading: a sentence, or a line longer than
    a heading can be (a text cut off mid-sentence)."""
    if _SENTENCE_END.search(ctx.text, sec.heading.end, sec.end):
        return True
    return any(p.end - p.start > ctx.rules.plain_max
               for p in _paragraphs_in(ctx, sec.heading.end, sec.end))


def _count(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    return len(pattern.findall(text, start, end))


def _content_evidence(ctx: _Context, sec: Section, votes: _Votes,
                      allowed: tuple[str, ...] | None) -> None:
    """Votes from the part's text, where its heading does not name a kind in strong words:
    accounts of work done against future-directed language, and problems admitted."""
    if votes.outside or votes.named_strongly:
        return
    rules, text = ctx.rules, ctx.text
    start, end = sec.heading.end, sec.end
    admits = _admission(ctx, sec)
    if admits is not None and admits.start <= _first_body(ctx, sec):
        # a part that opens by admitting problems and goes on naming more of them than it
        # accounts for work or looks ahead: that is what it is
        problems = _count(rules.problems, text, start, end)
        others = _count(rules.past, text, start, end) + _count(rules.future, text, start, end)
        if problems > others:
            if allowed is None or "shortcomings" in allowed:
                votes.add("shortcomings", rules.content_weight,
                          f"content: opens by admitting problems, {problems} named")
            return
        admits = None
    if admits is not None and not _closing(ctx, sec, admits):
        admits = None  # not the part's closing words: an analysis of the situation ahead
    if admits is not None:
        # a review's closing admission of problems is no account of work, but says it is a review
        if allowed is None or "achievements" in allowed:
            votes.add("achievements", rules.admission_weight,
                      "closes by admitting problems, as a review does")
        end = admits.start
    past = _count(rules.past, text, start, end)
    future = _count(rules.future, text, start, end)
    n = past + future
    if n < rules.min_cues:
        return
    size = min(1.0, n / (2 * rules.min_cues))
    share = past / n
    reason = f"content: {past} accounts of work done vs {future} future-directed"
    if share >= rules.past_share:
        strength = min(1.0, (share - 0.5) * 2 / (2 * (1 - rules.past_share)))
        if allowed is None or "achievements" in allowed:
            votes.add("achievements", rules.content_weight * strength * size, reason)
    elif share <= rules.future_share:
        strength = min(1.0, (0.5 - share) * 2 / (2 * rules.future_share))
        targets = _count(rules.targets, text, start, end)
        if allowed is None:
            # prose looking five years ahead states targets; groups of work are a plan
            ahead = not _groups(ctx, sec) and (targets * 2 >= future
                                          or _content_period(ctx, sec, "plan") == "five_year")
            kind = "targets" if votes.future_kind == "targets" or ahead else "plan"
        else:
            # a child of a joined part: the plan's groups are its tasks, whatever they count
            kind = "plan" if "plan" in allowed else "targets"
        if allowed is None or kind in allowed:
            votes.add(kind, rules.content_weight * strength * size,
                      reason + (f", {targets} statements of targets" if kind == "targets" else ""))


def _first_body(ctx: _Context, sec: Section) -> int:
    """Where the first paragraph after a part's heading starts."""
    return sec.heading.para_end + 1 if not sec.heading.inline else sec.heading.para_start


def _admission(ctx: _Context, sec: Section) -> Paragraph | None:
    """The paragraph of a part that admits problems in its first words (我们也清醒看到…), when
    one of the part's own paragraphs does (not one of its children's)."""
    rules, text = ctx.rules, ctx.text
    end = sec.children[0].start if sec.children else sec.end
    for p in _paragraph_list(ctx, _first_body(ctx, sec), end):
        window = min(p.end, p.start + rules.shortcomings_window)
        if rules.shortcomings_start.search(text, p.start, window) and rules.problems.search(
                text, p.start, p.end):
            return p
    return None


def _closing(ctx: _Context, sec: Section, p: Paragraph) -> bool:
    """Whether a paragraph is among the closing ones of a part's own text: one of its last two,
    or in its second half."""
    end = sec.children[0].start if sec.children else sec.end
    own = _paragraph_list(ctx, _first_body(ctx, sec), end)
    return p in own[-2:] or p.start >= (sec.heading.end + end) // 2


def _groups(ctx: _Context, sec: Section, inline: bool = True) -> list[int]:
    """Where the groups of work below a part begin: its numbered children that are not
    sub-points, or, in a part with none (text pasted from Word loses its list numbering), its
    lines that stand as headings (short, ending no sentence, before a paragraph that does)."""
    rules = ctx.rules
    groups = [c.start for c in sec.children if c.heading.style not in rules.sub_point_styles]
    if len(groups) >= rules.min_groups:
        return groups
    found = _inline_groups(ctx, sec) if inline else []
    if found:
        return found
    if sec.children or not ctx.numbering_lost:
        return []
    lines: list[int] = []
    paras = _paragraph_list(ctx, sec.heading.para_end + 1, sec.end)
    text = ctx.text
    for p, nxt in zip(paras, paras[1:], strict=False):
        if stands_as_group_heading(text, p, nxt, rules):
            lines.append(p.start)
    return lines if len(lines) >= rules.min_groups else []


_FIRST_SENTENCE = re.compile(r"[^。；;！？!?，,、：:\n]{2,%d}。")


def _inline_groups(ctx: _Context, sec: Section) -> list[int]:
    """Where a part's groups begin when their headings are run into their paragraphs with the
    numbering lost (加大减税降费力度。强化阶段性政策…): paragraphs of the part's own text that
    open with a short sentence of no clause and go on after it; none unless there are enough."""
    rules = ctx.rules
    if sec.children or not ctx.parts_unnumbered:
        return []
    rx = _inline_rx.get(rules.group_inline_max)
    if rx is None:
        rx = _inline_rx[rules.group_inline_max] = re.compile(
            _FIRST_SENTENCE.pattern % rules.group_inline_max)
    text = ctx.text
    out = [p.start for p in _paragraph_list(ctx, _first_body(ctx, sec), sec.end)
           if (m := rx.match(text, p.start, p.end)) and p.end - m.end() >= rules.plain_max
           and not rules.year_is.match(text, p.start, p.end)]
    return out if len(out) >= rules.min_inline_groups else []


_inline_rx: dict[int, re.Pattern[str]] = {}
_CITED_REACH = 12


def _intro_targets(ctx: _Context, sec: Section) -> tuple[str, int]:
    """The words stating targets in a part's introduction (the text before its first group, or
    in a part without groups found, its first paragraphs), if it states them, and where the
    introduction ends."""
    rules = ctx.rules
    groups = _groups(ctx, sec)
    start = sec.heading.end
    if groups:
        end = groups[0] - 1
    else:
        own = sec.children[0].start if sec.children else sec.end
        paras = _paragraph_list(ctx, _first_body(ctx, sec), own)[:rules.intro_paragraphs]
        if not paras:
            return "", 0
        end = paras[-1].end
    text = ctx.text
    found = list(rules.intro_strong.finditer(text, start, end))
    # (the targets a cited plan set, 对标…规划确定的目标任务, are that plan's, not stated here)
    cited = [m for m in found
             if rules.intro_cited.search(text, max(start, m.start() - _CITED_REACH), m.start())]
    strong = [m.group(0) for m in found if m not in cited]
    any_ = _count(rules.targets, text, start, end) - len(cited)
    if len(strong) >= rules.intro_min_strong or any_ >= rules.intro_min_any:
        return (strong[0] if strong else "targets"), end
    return "", 0


# --- decision ------------------------------------------------------------------------------

def _decide(ctx: _Context, sec: Section, votes: _Votes, period: str
            ) -> tuple[tuple[str, ...], str, float]:
    top = votes.top()
    if top is None or top[1] < ctx.rules.threshold:
        said = f" (best: {top[0]}, {top[2]})" if top else ""
        return (UNKNOWN,), f"too little evidence{said}", top[1] if top else 0.0
    kind, score, reason = top
    kinds = [kind]
    named = [k for _, k, _, _ in _named(ctx, sec.heading.title, None)
             if k not in ("appendix", "other")]
    if kind in named and len(named) > 1:
        kinds = named  # the heading joins kinds: all of them, in its order
    groups = _groups(ctx, sec)
    separate = (groups and period == "five_year"
                and ctx.rules.separate_plan.search(ctx.text, sec.start, sec.end))
    if separate and kinds[0] == "targets":
        kinds = ["targets"]
        reason += f"; it presents the {separate.group(0)} submitted on its own"
    elif "targets" in kinds and "plan" not in kinds and _groups(ctx, sec, inline=False):
        # (paragraphs opening with a short sentence are as often a targets part's policies:
        # 积极的财政政策要更加积极有为。…)
        kinds.append("plan")
        reason += "; numbered groups of work below"
    elif kinds == ["plan"]:
        intro, intro_end = _intro_targets(ctx, sec)
        if intro:
            # a plan that opens with its targets: the plan first, its introduction a passage of
            # targets
            kinds = ["plan", "targets"]
            reason += f"; its introduction states targets ({intro})"
            ctx.spans.append(Span("targets", _first_body(ctx, sec), intro_end,
                                  f"the plan's introduction states targets ({intro})"))
    elif "targets" in kinds and "plan" in kinds and not groups:
        kinds = ["targets"]  # its tasks are prose: it states targets and directions
    if (groups and ctx.parts_unnumbered
            and sum(1 for c in sec.children if c.heading.style not in ctx.rules.sub_point_styles)
            < ctx.rules.min_groups
            and kinds[0] == "targets" and "plan" in kinds
            and sec.end - groups[0] > (sec.end - _first_body(ctx, sec)) / 2):
        # groups told by their form (no numbering left) that hold most of the part: what it
        # mostly is, and what the parts its lost headings opened were, is the plan
        if "plan" in named or "targets" not in named:
            kinds.remove("plan")
            kinds.insert(0, "plan")
            reason += "; its groups of work, told by their form, are most of it"
        else:
            # its heading's words name targets alone, and most of it is groups whose headings may be
            # the lost ones of parts of their own: neither kind holds the whole part
            return ((UNKNOWN,), f"too little evidence (best: {kind}, {reason}; its groups of "
                    "work, told by their form, are most of it)",
                    min(score, ctx.rules.threshold) * ctx.rules.guessed_share)
    if kinds == ["targets"] and ctx.profile.standalone_targets != "targets":
        kinds = [ctx.profile.standalone_targets]
        reason += f"; a part of targets alone is this genre's {kinds[0]}"
    if len(kinds) > 1 and not groups and kinds[0] != "targets" and "targets" in kinds:
        span = _second_half(ctx, sec, "targets")
        if span is not None:
            ctx.spans.append(span)
    return tuple(kinds), reason, votes.confidence((kind, *kinds))


def _second_half(ctx: _Context, sec: Section, kind: str) -> Span | None:
    """In a part joining kinds without numbered children (“十四五”时期发展成就和“十五五”时期主要
    目标), where the words of ``kind``'s half of the heading open a paragraph: from there on."""
    title = sec.heading.title
    halves = re.split(r"[和及与]|以及", title)
    half = next((h for h in halves if _named(ctx, h, (kind,))), None)
    if half is None:
        return None
    rules = ctx.rules
    lead = (rules.numbered_period.search(half) or rules.future_period.search(half)
            or rules.year.search(half))
    if lead is None:
        return None
    word = lead.group(0).strip("“”\"")
    for p in _paragraphs_in(ctx, _first_body(ctx, sec), sec.end):
        if word in ctx.text[p.start:min(p.end, p.start + 20)]:
            return Span(kind, p.start, sec.end, f"the {kind} half of the part, from {word}")
    return None


def _period(ctx: _Context, sec: Section, kind: str, heading_period: str, first_period: str,
            previous_planned: str, runs: list[PeriodSpan]) -> str:
    if kind not in ctx.periodic:
        return ""
    if kind in ("achievements", "shortcomings", "highlights"):
        found = _period_runs(ctx, sec, first_period or ctx.review_period)
        periods = {r.period for r in found
                   if _paragraph_count(ctx, r.start, r.end) >= ctx.rules.min_run_paragraphs}
        if len(periods) > 1:
            runs.extend(found)
            return "mixed"
        if heading_period == "mixed" and found:
            runs.extend(found)
        period = heading_period if heading_period == "mixed" else periods.pop() if periods else (
            heading_period or ctx.review_period)
        if period == "five_year":
            runs.extend(_year_paragraphs(ctx, found))
        return period
    return heading_period or _content_period(ctx, sec, kind) or previous_planned or "year"


def _content_period(ctx: _Context, sec: Section, kind: str = "plan") -> str:
    """A plan or targets part whose heading names no period: five years when the part talks of
    them (a five-year plan, a year after the plan year) more than twice as much as of the year
    (for targets, as much), the year when it talks more of it, else "" (undecided)."""
    rules, text = ctx.rules, ctx.text
    five = (_count(rules.numbered_period, text, sec.start, sec.end)
            + _count(rules.future_period, text, sec.start, sec.end))
    year = _count(rules.year_words, text, sec.start, sec.end)
    for m in rules.year.finditer(text, sec.start, sec.end):
        y = int(m.group(1))
        if ctx.plan_year is not None and y > ctx.plan_year:
            five += 1
        elif y == ctx.plan_year:
            year += 1
    if kind == "targets" and five and five >= year or five > 2 * max(year, 1):
        return "five_year"
    return "year" if year > five else ""


def _half_period(ctx: _Context, title: str, kind: str) -> str:
    """The period the half of a joined heading naming ``kind`` gives it (“十三五”发展思路和2016年
    主要工作任务: the plan's half names the plan year), or ""."""
    halves = re.split(r"[和及与]|以及", title)
    half = next((h for h in halves if _named(ctx, h, (kind,))), None)
    if half is None or len(halves) < 2:
        return ""
    rules = ctx.rules
    years = [int(m.group(1)) for m in rules.year.finditer(half)]
    if any(y in (ctx.plan_year, ctx.year_reviewed) for y in years) or rules.year_words.search(half):
        return "year"
    if (rules.numbered_period.search(half) or rules.past_period.search(half)
            or rules.future_period.search(half)):
        return "five_year"
    return ""


def _paragraphs_in(ctx: _Context, start: int, end: int) -> Iterator[Paragraph]:
    paragraphs = ctx.paragraphs
    i = bisect.bisect_left(ctx.starts, start)
    while i < len(paragraphs) and paragraphs[i].start < end:
        yield paragraphs[i]
        i += 1


def _paragraph_list(ctx: _Context, start: int, end: int) -> list[Paragraph]:
    """The paragraphs :func:`_paragraphs_in` gives, as one slice (where all of them are read)."""
    first = bisect.bisect_left(ctx.starts, start)
    return ctx.paragraphs[first:bisect.bisect_left(ctx.starts, end, first)]


def _paragraph_count(ctx: _Context, start: int, end: int) -> int:
    """How many paragraphs :func:`_paragraphs_in` gives, by bisection: a part of tens of
    thousands of lines is one run."""
    first = bisect.bisect_left(ctx.starts, start)
    return max(bisect.bisect_left(ctx.starts, end, first) - first, 0)


def _period_runs(ctx: _Context, sec: Section, first: str) -> list[PeriodSpan]:
    """Runs of paragraphs about one period inside a part: a paragraph opening with words of the
    five years (五年来…, 这是…的五年) or of the year (2025年，…, 过去一年) starts a run."""
    rules, text = ctx.rules, ctx.text
    state = first if first in ("year", "five_year") else "year"
    out: list[PeriodSpan] = []
    run_start, reason = sec.heading.para_end + 1, "the part's heading"
    # (the paragraphs walked by index, without a generator: a report of headings has a part
    # on every few lines)
    paragraphs, end = ctx.paragraphs, sec.end
    five_year, year = rules.five_year_lead.match, rules.year_lead.match
    for i in range(bisect.bisect_left(ctx.starts, run_start), len(paragraphs)):
        p = paragraphs[i]
        if p.start >= end:
            break
        m5 = five_year(text, p.start, p.end)
        m1 = None if m5 else year(text, p.start, p.end)
        new = "five_year" if m5 else "year" if m1 else state
        if new != state:
            if p.start > run_start:
                out.append(PeriodSpan(state, run_start, p.start - 1, reason))
            state, run_start = new, p.start
            reason = f"paragraph opens with {(m5 or m1).group(0)[:12]}"
    if sec.end > run_start:
        out.append(PeriodSpan(state, run_start, sec.end, reason))
    return out


def _year_paragraphs(ctx: _Context, found: list[PeriodSpan]) -> list[PeriodSpan]:
    """Inside a part about five years, the paragraphs of their own about the year reviewed
    (刚刚过去的2017年，…; 过去一年，…): the year's account, a ``year`` run each. A paragraph naming
    another year is not."""
    out = []
    for run in found:
        if run.period != "year" or run.start == found[0].start:
            continue
        p = next(_paragraphs_in(ctx, run.start, run.end), None)
        if p is None:
            continue
        lead = ctx.rules.year_lead.match(ctx.text, p.start, p.end)
        if lead is None:
            continue
        # the years its opening clause names (刚刚过去的 is read with the year after it)
        stop = re.compile(r"[，,。；;！!]").search(ctx.text, lead.end(), p.end)
        opening = ctx.text[p.start: stop.start() if stop else p.end]
        years = {int(m.group(1)) for m in ctx.rules.year.finditer(opening)}
        if years and years != {ctx.year_reviewed}:
            continue
        out.append(PeriodSpan("year", p.start, p.end,
                              "a paragraph of the year reviewed inside a five-year part"))
    return out


def _children(ctx: _Context, sec: Section, own: list[PeriodSpan]) -> None:
    """Children of a joined part are classified one by one among its kinds; others share the
    part's kind. Periods follow the part, or the runs inside a part about both periods."""
    if len(sec.kinds) == 1:
        # (what every child shares, read once: a report of headings has parts by the thousand)
        kinds, confidence, period = sec.kinds, sec.confidence, sec.period
        for child in sec.children:
            child.set_kind(kinds, "in its part", confidence, period if period != "mixed"
                           else _run_period(own, child) or "mixed")
            if child.children:
                _children(ctx, child, own)
        return
    for child in sec.children:
        votes = _Votes()
        period, _ = _heading_evidence(ctx, child, votes, sec.kinds)
        _content_evidence(ctx, child, votes, sec.kinds)
        # numbered groups of work are the plan's; else the part's last kind
        group = "plan" if "plan" in sec.kinds else sec.kinds[-1]
        votes.add(group, ctx.rules.group_weight, f"a group of its part ({group})")
        top = votes.top(sec.kinds)
        assert top is not None
        kind, score, reason = top
        if kind not in ctx.periodic:
            period = ""
        elif sec.period != "mixed":
            period = sec.period
        else:
            period = (_half_period(ctx, sec.heading.title, kind) or period
                      or _run_period(own, child) or "year")
        child.set_kind((kind,), reason, votes.confidence((kind,), sec.kinds), period)
        if child.children:
            _children(ctx, child, own)


def _run_period(runs: list[PeriodSpan], sec: Section) -> str:
    """The period of a section wholly inside runs of one period, else "" (``runs``: in text
    order, not overlapping)."""
    i = max(0, bisect.bisect_right(runs, sec.start, key=lambda r: r.start) - 1)
    periods = set()
    while i < len(runs) and runs[i].start < sec.end:
        if sec.start < runs[i].end:
            periods.add(runs[i].period)
            if len(periods) > 1:
                return ""
        i += 1
    return periods.pop() if periods else ""


# --- spans ---------------------------------------------------------------------------------

def find_spans(text: str, paragraphs: list[Paragraph], roots: list[Section],
               profile: Profile, found: list[Span] = ()) -> list[Span]:
    """Typed passages inside parts: the shortcomings paragraph(s) of a review, the sentence of
    thanks, the closing exhortation, and glossaries without a heading of their own; ``found``:
    the passages classification found already. Spans never overlap: the later of two starts
    where the earlier ends."""
    spans: list[Span] = list(found)
    ctx = _Context(text, paragraphs, profile, None, None)
    for sec in roots:
        # a review, or a part that is all admission of problems where the review's heading
        # was lost (its lead)
        if sec.kind == "achievements" or (sec.kind == "shortcomings"
                                          and sec.heading.style == "lead"):
            spans.extend(_review_spans(ctx, sec))
    closing = _exhortation(ctx, roots)
    spans.extend(closing)
    spans.extend(_appended_lists(ctx, roots))
    after = closing[0].start if closing else len(text) * 2 // 3
    spans.extend(_glossaries(ctx, roots, after))
    spans.sort(key=lambda s: s.start)
    out: list[Span] = []
    for sp in spans:  # spans never overlap: the earlier one keeps its text
        if out and sp.start < out[-1].end:
            if sp.end <= out[-1].end:
                continue
            sp = Span(sp.kind, out[-1].end, sp.end, sp.reason)
        out.append(sp)
    return out


def _review_spans(ctx: _Context, sec: Section) -> list[Span]:
    rules, text = ctx.rules, ctx.text
    out: list[Span] = []
    paras = _paragraph_list(ctx, _first_body(ctx, sec), sec.end)
    thanks = rules.thanks.search
    for p in paras:
        m = thanks(text, p.start, p.end)
        if m:
            out.append(Span("thanks", m.start(), m.end(), "a sentence of thanks"))
    # the shortcomings: the last paragraph of the part that admits problems in its first words
    # (or, near its end, names many), and the paragraphs after it that go on listing them
    start_i = None
    for i in range(len(paras) - 1, -1, -1):
        p = paras[i]
        window = min(p.end, p.start + rules.shortcomings_window)
        m = rules.shortcomings_start.search(text, p.start, window)
        named = _count(rules.problems, text, p.start, p.end)
        if m and named >= 1:
            start_i, cue = i, m.group(0)
            break
        if named >= rules.shortcomings_dense and len(paras) - i <= 3:
            start_i, cue = i, f"{named} problems named"
            break
        if len(paras) - i > rules.shortcomings_reach:
            break
    if start_i is not None:
        end_i = start_i
        listing = text[paras[start_i].end - 1] in "：:"
        while end_i + 1 < len(paras):
            nxt = paras[end_i + 1]
            if rules.thanks.search(text, nxt.start, nxt.end) or rules.exhortation_lead.match(
                    text, nxt.start, nxt.end):
                break
            if not (listing or rules.shortcomings_more.match(text, nxt.start, nxt.end)
                    or _count(rules.problems, text, nxt.start, nxt.end) >= 2):
                break
            end_i += 1
        out.append(Span("shortcomings", paras[start_i].start, paras[end_i].end,
                        f"a paragraph of the review admitting problems ({cue})"))
    return out


def _exhortation(ctx: _Context, roots: list[Section]) -> list[Span]:
    """The closing words: the last paragraph of the report's last content part that calls on
    the audience (各位代表！让我们…奋斗)."""
    rules, text = ctx.rules, ctx.text
    content = [s for s in roots if s.kind not in ("appendix", "other")]
    if not content:
        return []
    last = content[-1]
    paras = _paragraph_list(ctx, _first_body(ctx, last), last.end)
    for p in reversed(paras[-3:]):
        if rules.exhortation.search(text, p.start, p.end) or (
                rules.exhortation_lead.match(text, p.start, p.end) and text[p.end - 1] in "！!"):
            return [Span("exhortation", p.start, p.end, "the closing words")]
    return []


def _appended_lists(ctx: _Context, roots: list[Section]) -> list[Span]:
    """A list numbered like the report's top level that starts again at 一 inside its last
    part (十件民生实事, 主要指标测算说明, appended after the report), with its title line."""
    out: list[Span] = []
    top = {s.heading.style for s in roots}
    for sec in roots:
        if sec.kind in ("appendix", "other"):
            continue
        # the parts below it in text order (as Section.walk, without a generator per part: a
        # report of headings has thousands of parts with a child or two)
        run = []
        stack = sec.children[::-1]
        while stack:
            c = stack.pop()
            if c.heading.style in top and c.heading.style not in ("plain", "lead"):
                run.append(c)
            if c.children:
                stack += reversed(c.children)
        if not run or run[0].heading.number != 1:
            continue
        first = run[0]
        start = first.start
        before = ctx.paragraphs[max(0, bisect.bisect_left(ctx.starts, first.start) - 1)]
        line = ctx.text[before.start:before.end]
        if before.end < first.start and len(line) <= ctx.rules.plain_max and not re.search(
                "[。，；！？]", line):
            start = before.start  # its title
        out.append(Span("appendix", start, max(c.end for c in run),
                        f"a list appended after the report ({first.heading.numbering}…)"))
    return out


def _glossaries(ctx: _Context, roots: list[Section], after: int) -> list[Span]:
    """Runs of glossary entries (1.“一带一路”：指…) after the report's text (from ``after``),
    outside an appendix part of their own."""
    rules, text = ctx.rules, ctx.text
    out: list[Span] = []
    run: list[Paragraph] = []

    def close() -> None:
        if len(run) >= rules.glossary_min:
            out.append(Span("appendix", run[0].start, run[-1].end, "glossary entries"))
        run.clear()

    for p in _paragraph_list(ctx, after, len(text)):
        if rules.glossary_entry.match(text, p.start, p.end):
            run.append(p)
        elif run:
            close()
    close()
    appendix = [(s.start, s.end) for s in roots if s.kind == "appendix"]
    return [sp for sp in out if not any(a <= sp.start < b for a, b in appendix)]
