"""Structure: the parts the genre asks for, their order, their numbering, the plan's year."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from reviewer.document import UNKNOWN, Section
from reviewer.document.structure import cn_numeral, stands_as_group_heading
from reviewer.flags.data import load, pattern, words
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.flags.match import bigrams
from reviewer.i18n import t
from reviewer.profiles import kinds_where

# how many unrecognised parts the note names, and how much of each heading
_PARTS_SHOWN = 4
_TITLE_SHOWN = 16
_CLAUSE_MARKS = "，,；;。！？\n"
# a heading with fewer subject bigrams than this says too little to be checked against its text
_MIN_HEADING_GRAMS = 2
# the last paragraphs, where a signature stands
_TAIL = 6


def _kind(kind: str) -> str:
    return t(f"kinds.{kind}")


def _heading_span(sec: Section) -> tuple[int, int]:
    return sec.heading.start, sec.heading.end


def _unrecognised(ctx: RuleContext) -> list[Section]:
    """Top-level parts whose kind is not known well enough to say what the report lacks: kind
    ``unknown``, or decided on evidence weaker than ``words.toml``'s ``recognised_confidence``."""
    least = float(load("words")["recognised_confidence"])
    return [s for s in ctx.doc.sections if s.kind == UNKNOWN or s.confidence < least]


@rule("structure.missing_section", "structure", "error")
def missing_section(ctx: RuleContext) -> Iterator[Hit]:
    """A mandatory part is missing; the flag sits on the heading the part should precede.

    Only when every top-level part has a recognised kind: a part whose kind could not be told
    may be the one said to be missing (``structure.unrecognised`` names such parts instead).
    Where the parts were told by the form of their lines alone (no numbering left to read them
    by), a part is said missing only where nothing unread could hold it (:func:`_could_hide`:
    ``structure.unrecognised`` says so instead)."""
    if ctx.profile is None or not ctx.doc.sections or _unrecognised(ctx):
        return
    order = list(ctx.profile.order)
    tops = ctx.doc.sections
    hidden = _could_hide(ctx)
    for kind in ctx.missing_kinds():
        if kind in hidden:
            continue
        rank = order.index(kind) if kind in order else len(order)
        after = [s for s in tops if s.kind in order and order.index(s.kind) > rank]
        span = _heading_span(after[0]) if after else _heading_span(tops[-1])
        yield Hit(*span, t("flags.missing_section", kind=_kind(kind)),
                  t("flags.missing_section_fix", kind=_kind(kind)))


@rule("structure.no_report_text", "structure", "warning")
def no_report_text(ctx: RuleContext) -> Iterator[Hit]:
    """The file is a saved page holding only its site's navigation and metadata (名称, 发布机构,
    成文日期…) and not the report's text: one warning, so the reviewer fetches the report itself
    instead of reading the page's menu for findings."""
    if not ctx.doc.report_text:
        yield Hit(*ctx.title_span, t("flags.no_report_text"), t("flags.no_report_text_fix"))


@rule("structure.unrecognised", "structure", "info")
def unrecognised(ctx: RuleContext) -> Iterator[Hit]:
    """The genre's mandatory parts were not all found, and some top-level parts could not be
    recognised, or the parts were told by the form of their lines alone (no numbering left):
    one note naming them, or saying so, for the reviewer to check the structure by eye."""
    if ctx.profile is None or not ctx.missing_kinds():
        return
    if not ctx.doc.sections:
        yield Hit(*ctx.title_span, t("flags.no_parts"), t("flags.unrecognised_fix"))
        return
    parts = _unrecognised(ctx)
    missing = "、".join(_kind(k) for k in ctx.missing_kinds())
    if not parts:
        hidden = _could_hide(ctx)
        if hidden:
            first = ctx.doc.sections[0]
            yield Hit(*_heading_span(first),
                      t("flags.unnumbered_parts",
                        missing="、".join(_kind(k) for k in ctx.missing_kinds() if k in hidden)),
                      t("flags.unrecognised_fix"))
        return
    shown = "、".join(f"“{_short(p.heading.title)}”" for p in parts[:_PARTS_SHOWN])
    more = t("flags.and_more", count=len(parts) - _PARTS_SHOWN) if len(parts) > _PARTS_SHOWN else ""
    yield Hit(*_heading_span(parts[0]),
              t("flags.unrecognised", parts=shown + more, missing=missing),
              t("flags.unrecognised_fix"),
              occurrences=tuple(_heading_span(p) for p in parts))


def _could_hide(ctx: RuleContext) -> frozenset[str]:
    """The mandatory kinds not found that a report whose parts were told by the form of their
    lines alone (``Document.parts_told_by_form``) could still hold where the genre's order puts
    them: in a part read by its form (it may join that kind, in groups the outline could not
    see) or among lines standing as headings (parts or groups not read). Where the text there
    is prose and nothing else (a file starting inside its plan), the part is missing."""
    if ctx.profile is None or not ctx.doc.parts_told_by_form():
        return frozenset()
    order = list(ctx.profile.order)
    tops = [s for s in ctx.doc.sections if s.kind in order]
    paragraphs = ctx.doc.paragraphs
    out = set()
    for kind in ctx.missing_kinds():
        rank = order.index(kind) if kind in order else len(order)
        before = [s for s in tops if order.index(s.kind) < rank]
        after = [s for s in tops if order.index(s.kind) > rank]
        start = before[-1].start if before else 0
        end = after[0].start if after else len(ctx.text)
        if any(start <= s.start < end and s.heading.style != "lead" for s in ctx.doc.sections):
            out.add(kind)
            continue
        starts = ctx.doc.starts(paragraphs)
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end, first)
        if any(stands_as_group_heading(ctx.text, p, nxt, ctx.profile.rules)
               for p, nxt in zip(paragraphs[first:last], paragraphs[first + 1:last + 1],
                                 strict=False)):
            out.add(kind)
    return frozenset(out)


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_SHOWN else title[:_TITLE_SHOWN] + "…"


def _leaves(sec: Section) -> list[Section]:
    return list(sec.leaves())


def _problem_sentences(ctx: RuleContext, leaf: Section, part: Section) -> list[int]:
    """The sentences explaining each problem of ``leaf``: one count for the leaf, or, where it
    lists its problems as sub-points (一是…；二是…), one for each, its heading's sentence
    included (a sub-point run into its paragraph opens with the problem itself)."""
    start = leaf.heading.end if leaf is part else leaf.heading.start
    points = [m.start() for m in pattern("words", "problem_points").finditer(ctx.text, start, leaf.end)]
    if len(points) < 2:
        return [len(ctx.doc.sentences_in(leaf.heading.end, leaf.end))]
    bounds = points + [leaf.end]
    return [len(ctx.doc.sentences_in(a, b)) for a, b in zip(bounds, bounds[1:], strict=False)]


@rule("structure.no_causes", "structure", "warning")
def no_causes(ctx: RuleContext) -> Iterator[Hit]:
    """A shortcomings part names problems but gives no causes.

    Causes count as given when a sub-heading or the text names them (原因, 由于, 根源…), or when
    every problem is explained in several sentences: an explanation that long carries its causes,
    a one-line restatement of the heading does not.
    """
    markers = pattern("words", "cause_markers")
    min_sentences = int(load("words")["cause_min_sentences"])
    text = ctx.text
    for sec in ctx.sections_of_kind("shortcomings"):
        if any(markers.search(s.heading.title) for s in sec.walk() if s is not sec):
            continue
        if markers.search(text, sec.heading.end, sec.end):
            continue
        counts = [n for leaf in _leaves(sec) for n in _problem_sentences(ctx, leaf, sec)]
        if counts and min(counts) >= min_sentences:
            continue
        key = "no_causes_promised" if markers.search(sec.heading.title) else "no_causes"
        yield Hit(*_heading_span(sec), t(f"flags.{key}"), t("flags.no_causes_fix"))


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing run of ``ranks`` (earliest elements kept on ties).

    Ranks take a handful of values (a genre's kinds), so each element looks back at the best run
    ending in each value rather than at every element before it: thousands of parts cost
    thousands of steps."""
    n = len(ranks)
    if not n:
        return set()
    prev = [-1] * n
    # per rank value: the length of the longest run ending in it so far, and its earliest end
    ending: dict[int, tuple[int, int]] = {}
    best_len, best_end = 0, -1
    for i, rank in enumerate(ranks):
        length, before = 0, -1
        for value, (run, end) in ending.items():
            if value <= rank and (run > length or (run == length and end < before)):
                length, before = run, end
        prev[i] = before
        length += 1
        if length > ending.get(rank, (0, -1))[0]:
            ending[rank] = (length, i)
        if length > best_len:
            best_len, best_end = length, i
    keep = set()
    i = best_end
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


@rule("structure.section_order", "structure", "warning")
def section_order(ctx: RuleContext) -> Iterator[Hit]:
    """Parts out of the order the genre mandates: the fewest parts that, moved, restore it. A
    principal's account of their duty (``Document.duty_report``) opens with that duty, its
    account of the year: the annual report's order does not apply to it."""
    if ctx.profile is None or ctx.doc.duty_report:
        return
    order = list(ctx.profile.order)
    placed = [s for s in ctx.doc.sections if s.kind in order]
    ranks = [order.index(s.kind) for s in placed]
    keep = _longest_ordered(ranks)
    # for each part: the nearest kept part before it of a later rank, and after it of an earlier
    # rank, found in one pass each way over the few rank values
    earlier: list[Section | None] = [None] * len(placed)
    later: list[Section | None] = [None] * len(placed)
    last_kept: dict[int, int] = {}
    for i, rank in enumerate(ranks):
        if i not in keep:
            j = max((k for r, k in last_kept.items() if r > rank), default=-1)
            earlier[i] = placed[j] if j >= 0 else None
        else:
            last_kept[rank] = i
    next_kept: dict[int, int] = {}
    for i in range(len(ranks) - 1, -1, -1):
        if i not in keep:
            j = min((k for r, k in next_kept.items() if r < ranks[i]), default=-1)
            later[i] = placed[j] if j >= 0 else None
        else:
            next_kept[ranks[i]] = i
    for i, sec in enumerate(placed):
        if i in keep:
            continue
        if earlier[i] is not None:
            message = t("flags.order_before", kind=_kind(sec.kind), other=_kind(earlier[i].kind))
        elif later[i] is not None:
            message = t("flags.order_after", kind=_kind(sec.kind), other=_kind(later[i].kind))
        else:
            continue
        yield Hit(*_heading_span(sec), message, t("flags.order_fix",
                                                  order="、".join(_kind(k) for k in order)))


# a paragraph opening with a number: the number as written (一二…十 or digits)
_OPENING_NUMBER = {
    "cn": re.compile(r"[（(]?\s*([一二三四五六七八九十]+)\s*[、.．）)是]"),
    "arabic": re.compile(r"[（(]?\s*(\d+)\s*[、.．）)是]"),
}


def _written_between(ctx: RuleContext, style: str, numbers: range, start: int, end: int) -> bool:
    """Whether a paragraph between two headings starts with one of the numbers said to be
    missing: the heading is there, only not read as one (``8.6个重大科技专项``). One look at each
    paragraph between the two, found by bisection."""
    arabic = style.startswith("arabic")
    labels = {str(n) if arabic else cn_numeral(n) for n in numbers}
    if not labels:
        return False
    opening = _OPENING_NUMBER["arabic" if arabic else "cn"]
    paragraphs = ctx.doc.paragraphs
    starts = ctx.doc.starts(paragraphs)
    first = bisect.bisect_right(starts, start)
    for p in paragraphs[first:bisect.bisect_left(starts, end, first)]:
        m = opening.match(ctx.text, p.start)
        if m and m.group(1) in labels:
            return True
    return False


def _group_line_between(ctx: RuleContext, start: int, end: int) -> bool:
    """Whether a line standing as a group's heading lies between ``start`` and ``end``: the
    heading of a group whose number was lost (text pasted from Word), so a list starting again
    at 一是 after it is a new list, not a repeat."""
    if ctx.profile is None:
        return False
    paragraphs = ctx.doc.paragraphs
    starts = ctx.doc.starts(paragraphs)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    return any(stands_as_group_heading(ctx.text, p, nxt, ctx.profile.rules)
               for p, nxt in zip(paragraphs[first:last], paragraphs[first + 1:last + 1],
                                 strict=False))


@rule("structure.numbering", "structure", "warning")
def numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Heading numbers that skip or repeat. A list restarting at 1 is a new list, not an error."""
    headings = ctx.doc.headings
    # the heading before each of the same style and level, in one pass
    previous: list[int | None] = []
    last: dict[tuple[str, int], int] = {}
    for i, g in enumerate(headings):
        previous.append(last.get((g.style, g.level)))
        last[(g.style, g.level)] = i
    said: dict[tuple[str, str], str] = {}
    fix = t("flags.numbering_fix")
    for issue in ctx.doc.numbering_issues:
        if issue.kind not in ("gap", "repeat", "restart"):
            continue
        h = headings[issue.heading_index]
        if issue.kind == "restart" and h.number == 1:
            continue
        if (issue.kind == "repeat" and h.number == 1 and previous[issue.heading_index] is not None
                and _group_line_between(ctx, headings[previous[issue.heading_index]].para_end,
                                        h.para_start)):
            continue  # a new list under a group whose heading lost its number
        if issue.kind == "gap":
            j = previous[issue.heading_index]
            before = headings[j] if j is not None else None
            if before is not None and before.number == h.number - 1:
                continue  # numbered on from the previous part's items: 1.–7. under （一）, 8. on
            since = before.start if before else 0
            missing = range(before.number + 1 if before else 1, h.number)
            if _written_between(ctx, h.style, missing, since, h.start):
                continue
        numbering_ = h.numbering.strip()
        message = said.get((issue.kind, numbering_))
        if message is None:  # worded once per number: a text may skip thousands of them
            message = said[(issue.kind, numbering_)] = t(f"flags.numbering_{issue.kind}",
                                                         numbering=numbering_)
        yield Hit(h.start, h.title_start, message, fix)


@rule("structure.mixed_brackets", "structure", "warning")
def mixed_brackets(ctx: RuleContext) -> Iterator[Hit]:
    """Headings bracketed in another style than the rest of the report: （一） against (一).
    One flag, with every heading so bracketed."""
    styles = Counter(h.bracket for h in ctx.doc.headings if h.bracket in ("full", "half"))
    majority = max(("full", "half"), key=lambda b: styles[b])
    odd = [ctx.doc.headings[i.heading_index] for i in ctx.doc.numbering_issues
           if i.kind == "mixed_bracket"]
    if odd:
        h = odd[0]
        yield Hit(h.start, h.title_start,
                  t("flags.mixed_brackets", numbering=h.numbering.strip(),
                    style=t(f"flags.bracket_{majority}")),
                  t("flags.replace_with", right=_rebracket(h.numbering.strip(), majority)),
                  occurrences=tuple((g.start, g.title_start) for g in odd))


def _rebracket(numbering: str, style: str) -> str:
    pairs = ("（", "）") if style == "full" else ("(", ")")
    inner = numbering.strip("（）() ")
    return f"{pairs[0]}{inner}{pairs[1]}"


@rule("structure.punct_after_numbering", "structure", "warning")
def punct_after_numbering(ctx: RuleContext) -> Iterator[Hit]:
    """Punctuation after a bracketed number: （一）、 — the bracket already separates. One flag,
    with every heading so written."""
    issues = [i for i in ctx.doc.numbering_issues if i.kind == "punct_after"]
    if issues:
        heads = [ctx.doc.headings[i.heading_index] for i in issues]
        h = heads[0]
        yield Hit(h.start, h.title_start, t("flags.punct_after", found=issues[0].detail),
                  t("flags.replace_with", right=h.numbering.strip()),
                  occurrences=tuple((g.start, g.title_start) for g in heads))


@rule("structure.plan_year", "structure", "error")
def plan_year(ctx: RuleContext) -> Iterator[Hit]:
    """The plan part names a year other than the one the genre plans for. Only where the
    report's year is sure (its title, its congress date): a year guessed from the first lines
    is no ground for an error."""
    year = ctx.sure_year()
    if ctx.profile is None or year is None:
        return
    expected = year + ctx.profile.plan_year_offset
    for sec in ctx.sections_of_kind("plan"):
        m = re.search(r"(\d{4})\s*年", sec.heading.title)
        if m and int(m.group(1)) != expected:
            start = sec.heading.title_start + m.start(1)
            yield Hit(start, start + 4,
                      t("flags.plan_year", found=m.group(1), expected=expected, year=year),
                      t("flags.replace_with", right=str(expected)))


# a heading's one year, not a start (2021年以来) nor one year of a span or a pair
_HEADING_YEAR = re.compile(r"(?<![\d—–~～至-])((?:19|20)\d{2})\s*年(?!\s*(?:以来|来|至|[—–~～-]))")


@rule("structure.review_year", "structure", "warning")
def review_year(ctx: RuleContext) -> Iterator[Hit]:
    """The heading of the year's account names another year than the one reviewed (一、2023年
    依法行政情况 in a report on 2024). Only where the report's year is sure (its title,
    its congress date), on a top-level part about one year whose heading names one year alone:
    2021年以来…, a span or a five-year period say something else."""
    if ctx.sure_year() is None or ctx.doc.year_reviewed is None:
        return
    reviewed = ctx.doc.year_reviewed
    for sec in ctx.doc.sections:
        if sec.kind != "achievements" or sec.period != "year":
            continue
        found = _HEADING_YEAR.findall(sec.heading.title)
        if len(found) != 1 or len(re.findall(r"(?:19|20)\d{2}", sec.heading.title)) != 1:
            continue
        if int(found[0]) != reviewed:
            m = re.search(found[0], sec.heading.title)
            start = sec.heading.title_start + m.start()
            yield Hit(start, start + 4,
                      t("flags.review_year", found=found[0], year=reviewed),
                      t("flags.replace_with", right=str(reviewed)))


# a paragraph opening with one year, not a start (2019年以来), a span (2019—2022年) or a month
_OPENING_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年\s*[，,]")


def _review_parts(ctx: RuleContext) -> list[Section]:
    """The top-level parts of the year's review: each part about the year's achievements, and
    the parts of no known kind that follow one before a part of another kind (a review whose
    later heading is not read)."""
    out: list[Section] = []
    inside = False
    for sec in ctx.doc.sections:
        if sec.kind == "achievements":
            inside = sec.period == "year"
        elif sec.kind != UNKNOWN:
            inside = False
        if inside:
            out.append(sec)
    return out


@rule("structure.review_old_year", "structure", "warning")
def review_old_year(ctx: RuleContext) -> Iterator[Hit]:
    """A paragraph of the year's review opening with a year two or more before the one reviewed
    (2019年，我镇… in a review of 2022): a passage about another year, often left from an earlier
    report. Only where the report's year is sure; the year before (a comparison's ground), a
    start (2019年以来) and a span are no slip. Each such paragraph is a place of one flag."""
    if ctx.sure_year() is None or ctx.doc.year_reviewed is None:
        return
    reviewed = ctx.doc.year_reviewed
    gap = load("words")["earlier_year_gap"]
    parts = _review_parts(ctx)
    if not parts:
        return
    heads = {h.start for h in ctx.doc.headings}
    paragraphs = ctx.doc.paragraphs
    starts = ctx.doc.starts(paragraphs)
    places: list[tuple[int, int]] = []
    for sec in parts:
        for k in range(bisect.bisect_left(starts, sec.start), bisect.bisect_left(starts, sec.end)):
            para = paragraphs[k]
            if para.start in heads:
                continue
            m = _OPENING_YEAR.match(ctx.text, para.start, para.end)
            if m and int(m.group(1)) <= reviewed - gap:
                places.append(m.span(1))
    if places:
        found = ctx.text[places[0][0]:places[0][1]]
        yield Hit(*places[0], t("flags.review_old_year", found=found, year=reviewed),
                  t("flags.review_old_year_fix", year=reviewed), occurrences=tuple(places))


@rule("structure.no_issuer", "structure", "warning")
def no_issuer(ctx: RuleContext) -> Iterator[Hit]:
    """Nothing in the report names the body that issues it: no signature (落款) or document
    header, and a title that names a place but not its government (烟溪镇…情况报告). A department
    named before the title's year or its 关于 (某市市场监管局2022年…) is its issuer. A principal's
    own account of their duty (镇长2024年述法报告) is one person's, issued by no body."""
    issuer = ctx.doc.metadata.get("issuer")
    if (issuer is not None and issuer.start >= 0) or ctx.doc.duty_report:
        return  # (a principal's own account of their duty is signed by no body)
    bodies = pattern("words", "issuing_bodies")
    title = ctx.doc.metadata.get("title")
    if title is not None and bodies.search(title.value):
        return
    signature = pattern("words", "signature_line")
    if any(signature.fullmatch(ctx.text, p.start, p.end) for p in ctx.doc.paragraphs[-_TAIL:]):
        return  # a signature the metadata did not take: 某市市场监督管理局
    yield Hit(*ctx.title_span, t("flags.no_issuer"), t("flags.no_issuer_fix"))


@rule("structure.heading_mismatch", "structure", "info")
def heading_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """Two sibling headings that belong to each other's text: none of the words of either
    recurs in its own section, most of them in the other's (a heading pasted over the wrong
    text). A slogan heading (压实主体责任) whose words recur nowhere is no slip, nor are words
    found in a section many times as long (``heading_elsewhere_longer``), where any heading's
    words would recur by chance."""
    text = ctx.text
    least = int(load("words")["heading_body_min"])
    enough = float(load("words")["heading_elsewhere"])
    longer = float(load("words")["heading_elsewhere_longer"])
    common = set(words("words", "common_bigrams"))
    content = kinds_where("content")
    for parent in ctx.doc.walk():
        leaves = [c for c in parent.children if not c.children
                  and c.end - c.heading.end >= least and ctx.kind_at(c.heading.start) in content]
        if len(leaves) < 2:
            continue
        grams = [{g for g in bigrams(c.heading.title) if g not in common} for c in leaves]
        bodies = [text[c.heading.end:c.end] for c in leaves]
        lost = [i for i in range(len(leaves)) if len(grams[i]) >= _MIN_HEADING_GRAMS
                and not any(g in bodies[i] for g in grams[i])]
        for i in lost:
            for j in lost:
                if j == i or len(bodies[j]) > longer * len(bodies[i]):
                    continue  # in a text many times as long, a heading's words recur by chance
                if sum(g in bodies[j] for g in grams[i]) >= enough * len(grams[i]):
                    yield Hit(*_heading_span(leaves[i]),
                              t("flags.heading_mismatch", other=_short(leaves[j].heading.title)),
                              t("flags.heading_mismatch_fix"))
                    break
