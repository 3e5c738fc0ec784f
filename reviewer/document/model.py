"""The document model: one normalized text, and every part of it as offsets into that text.

Offsets are Python string indices (code points) into `Document.text`; `text[start:end]` is always
the part in question. Every other layer (flags, review anchors, comparison, the app) speaks in
these offsets.

Small values (a change, a paragraph, a sentence, a metadata field, a numbering issue, a span)
are immutable named tuples; the heading, section and document records are dataclasses.

What the layers above may rely on (the contract):

- every :class:`Section` has a primary ``kind`` and all its ``kinds`` (a part joining two kinds,
  e.g. ``("targets", "plan")``, has both; ``kind == kinds[0]``), the ``reason`` that decided it,
  a ``confidence`` in 0..1 and a ``period`` (``year``, ``five_year``, ``mixed`` or ``""``). A part
  whose evidence is too weak is of kind ``unknown``: never evidence, never a promise, never a
  missing part. The children of a part joining kinds are classified one by one; the children of
  any other part share its kind.
- :attr:`Document.spans` are typed passages inside sections (:data:`SPAN_KINDS`): the
  ``shortcomings`` paragraph inside a review, ``appendix`` glossaries, ``thanks`` and
  ``exhortation`` paragraphs, and ``targets`` (a plan's introduction stating its targets, the
  targets half of a part joining achievements and targets). They never overlap.
- :attr:`Document.periods` are the runs about one period (``year`` / ``five_year``) inside a
  part about both (period ``mixed``); :meth:`Document.period_at` honours them.
- what each kind MEANS (evidence of work done, a promise, a problem…) is data in
  ``reviewer/profiles/kinds.toml``, read through :func:`reviewer.profiles.kinds_where`.
- helpers: :meth:`Document.review_spans` (the year's own account of work done: five-year runs
  and parts, shortcomings and other non-evidence passages left out), :meth:`Document.plan_sections`
  (the parts holding the plan of the plan year), :meth:`Document.kind_at` (the kind at an
  offset, spans included), :meth:`Document.period_at`, :meth:`Document.span_at`,
  :meth:`Document.spans_of`, :meth:`Document.sections_of_kind`, :meth:`Document.missing_kinds`,
  :meth:`Document.unknown_sections`; :attr:`Document.year_reviewed`, :attr:`Document.plan_year`
  and :attr:`Document.year` (the report's own year: the year reviewed for a rule-of-law report,
  the session year for a work report), each a MetaField in ``metadata`` with its source.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reviewer.profiles import KINDS, SPAN_KINDS, UNKNOWN, ProfileError, get_profile, kinds_where

__all__ = ["KINDS", "SPAN_KINDS", "UNKNOWN", "Change", "Document", "Heading", "MetaField",
           "NumberingIssue", "Paragraph", "PeriodSpan", "Section", "Sentence", "Span"]

PERIODS = ("year", "five_year", "mixed", "")


class Change(NamedTuple):
    """One edit normalization made to the decoded file text.

    kind: ``debris`` (web/print chrome removed), ``join`` (a word broken by a page break re-joined),
    ``dedup`` (a character doubled across a page break dropped), ``control`` (control characters
    removed).
    ``start``/``end``: where the change sits in the normalized text (for a removal, ``start == end``
    is the point where the removed text used to be).
    ``removed``: the original text taken out; ``inserted``: the text put in its place.
    ``line``: 1-based line in the original file.
    """

    kind: str
    start: int
    end: int
    removed: str
    inserted: str
    line: int
    rule: str = ""


class Paragraph(NamedTuple):
    """A line of the normalized text that holds something (``text[start:end]``, no newline)."""

    start: int
    end: int


@dataclass
class Heading:
    """A numbered (or recognised unnumbered) heading.

    ``style`` names the numbering family: ``cn_dun`` 一、, ``cn_paren`` （一）/(一), ``arabic`` 1. 1、
    1．, ``arabic_paren`` （1）/(1), ``cn_shi`` 一是, ``plain`` an unnumbered heading recognised by
    its wording. ``bracket`` is ``full``/``half``/``mixed`` for bracketed styles, else ``""``.
    ``punct_after`` holds punctuation found right after the numbering (``（一）、``), else ``""``.
    ``start``/``end`` span the whole heading including its numbering; ``title_start`` is where the
    words after the numbering begin; ``para_start``/``para_end`` the paragraph it sits in (an inline
    heading shares its paragraph with body text).
    """

    level: int
    style: str
    number: int
    numbering: str
    title: str
    start: int
    end: int
    title_start: int
    para_start: int
    para_end: int
    bracket: str = ""
    punct_after: str = ""
    inline: bool = False


@dataclass
class Section:
    """A heading and the text up to the next heading of the same or a higher level.

    ``kind`` is the primary kind (``kinds[0]``); ``kinds`` all kinds of a part that joins two
    (``("targets", "plan")``); ``reason`` the cue that decided it, short and human-readable
    (``heading: 工作回顾``, ``heading year 2024 = year reviewed``, ``content: 14 accounts of work
    done vs 2 future-directed``); ``confidence`` in 0..1; ``period`` ``year`` (about one year),
    ``five_year`` (a five-year plan period), ``mixed`` (both) or ``""`` where none applies.
    """

    heading: Heading
    kind: str
    level: int
    start: int
    end: int
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False, compare=False)
    kinds: tuple[str, ...] = ()
    reason: str = ""
    confidence: float = 1.0
    period: str = ""

    def __post_init__(self) -> None:
        if not self.kinds:
            self.kinds = (self.kind,)

    def set_kind(self, kinds: tuple[str, ...], reason: str, confidence: float,
                 period: str) -> None:
        """Classify the section (``kind`` becomes ``kinds[0]``)."""
        self.kinds = kinds
        self.kind = kinds[0]
        self.reason = reason
        self.confidence = confidence
        self.period = period

    @property
    def title(self) -> str:
        return self.heading.title

    def walk(self) -> Iterator[Section]:
        """The section and every part below it, in text order (depth first). Walked with a
        stack rather than a generator per part: through nested generators each part deep in an
        outline of tens of thousands is handed up once per level above it."""
        stack = [self]
        while stack:
            sec = stack.pop()
            yield sec
            if sec.children:
                stack += reversed(sec.children)

    def path(self) -> list[Section]:
        chain: list[Section] = []
        node: Section | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def leaves(self) -> Iterator[Section]:
        if not self.children:
            yield self
        else:
            for child in self.children:
                yield from child.leaves()


class MetaField(NamedTuple):
    """One metadata value and where it was found."""

    value: str
    start: int  # offsets into the normalized text, or -1/-1 when taken from removed debris
    end: int
    source: str  # e.g. "title line", "metadata list", "signature", "removed header"


class NumberingIssue(NamedTuple):
    """A gap, repeat or style break in heading numbering, recorded for the flags."""

    kind: str  # "gap", "repeat", "mixed_bracket", "punct_after"
    heading_index: int
    start: int
    end: int
    detail: str


class Sentence(NamedTuple):
    """A sentence: ``text[start:end]``, its closing punctuation included."""

    start: int
    end: int


class Span(NamedTuple):
    """A typed passage inside a section: ``text[start:end]``.

    ``kind`` is one of :data:`SPAN_KINDS`: ``shortcomings`` (the paragraph of a work report's
    review that admits problems: 我们也清醒看到…), ``appendix`` (名词解释, 注释 glossaries),
    ``thanks`` (在此，我代表…表示衷心感谢), ``exhortation`` (the closing 各位代表！让我们…).
    ``reason`` is the cue that found it.
    """

    kind: str
    start: int
    end: int
    reason: str


class PeriodSpan(NamedTuple):
    """A run of paragraphs inside a part about both the year and five years (period ``mixed``)
    that is about one of them: ``period`` is ``year`` or ``five_year``."""

    period: str
    start: int
    end: int
    reason: str


@dataclass
class Document:
    path: str
    text: str
    encoding: str
    raw_sha256: str
    text_sha256: str
    changes: list[Change]
    paragraphs: list[Paragraph]
    headings: list[Heading]
    sections: list[Section]
    metadata: dict[str, MetaField]
    genre: str
    numbering_issues: list[NumberingIssue]
    spans: list[Span] = field(default_factory=list)
    periods: list[PeriodSpan] = field(default_factory=list)
    report_text: bool = True
    """False for a saved page that holds only its site's navigation and metadata: no line of
    the report itself, so nothing in it can be checked or compared."""
    duty_report: bool = False
    """True for a principal's account of their duty (镇长2024年述法报告, 现将…履行第一责任人职责
    情况报告如下): that duty is its account of the year, asked of it in place of the annual
    report's account of its work and in the order such an account goes."""
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _section_starts: dict[int, tuple[Sequence[Any], list[int]]] = field(
        default_factory=dict, repr=False, compare=False)

    # --- convenience -----------------------------------------------------------------------
    @property
    def title(self) -> str:
        f = self.metadata.get("title")
        return f.value if f else ""

    @property
    def government(self) -> str:
        f = self.metadata.get("government")
        return f.value if f else ""

    def _year(self, key: str) -> int | None:
        f = self.metadata.get(key)
        try:
            return int(f.value) if f else None
        except ValueError:
            return None

    @property
    def year(self) -> int | None:
        """The report's own year, as its title names it: the year reviewed for a rule-of-law
        report, the session year for a government work report (the genre's ``report_year``)."""
        return self._year("year")

    @property
    def year_reviewed(self) -> int | None:
        """The year whose work the report reviews (``metadata["year_reviewed"]``)."""
        return self._year("year_reviewed")

    @property
    def plan_year(self) -> int | None:
        """The year the report's plan is for; for a work report, the session year."""
        return self._year("plan_year")

    def walk(self) -> Iterator[Section]:
        stack = self.sections[::-1]  # in text order, as :meth:`Section.walk`
        while stack:
            sec = stack.pop()
            yield sec
            if sec.children:
                stack += reversed(sec.children)

    def sections_of_kind(self, *kinds: str) -> list[Section]:
        """Top-most sections of the given kinds (a child of a matching section is not repeated).

        A section matches by its primary ``kind``; inside a part joining kinds the children are
        classified one by one and are found themselves. A joined part without children matches
        by any of its ``kinds``."""
        found: list[Section] = []
        wanted = set(kinds)
        # in text order without a call per section: a report of nothing but headings has tens of
        # thousands of parts, and the checks ask for parts of a kind a score of times
        stack = self.sections[::-1]
        while stack:
            sec = stack.pop()
            if sec.kind in wanted or (not sec.children and not wanted.isdisjoint(sec.kinds)):
                found.append(sec)
            elif sec.children:
                stack += sec.children[::-1]
        return found

    def plan_sections(self) -> list[Section]:
        """The plan: the top-most sections holding the plan (``"plan" in kinds``: a plan that
        opens with targets, a part joining targets and the plan) about the plan year (period
        ``year`` or ``mixed``); when the report plans only for five years, those sections. In a
        joined part only the children of kind ``plan`` are the plan's groups."""
        plans: list[Section] = []
        stack = self.sections[::-1]  # in text order, without a call per part
        while stack:
            sec = stack.pop()
            if "plan" in sec.kinds:
                plans.append(sec)
            elif sec.children:
                stack += sec.children[::-1]
        year = [s for s in plans if s.period != "five_year"]
        return year or plans

    def review_spans(self) -> list[tuple[int, int]]:
        """The year's own account of work done, as (start, end) passages in text order.

        Sections of an evidence kind (``kinds.toml``: achievements, responsibility, highlights)
        not about a five-year period: ``year``, ``""`` (a kind without periods), and ``mixed``
        parts with their runs about the five years (:attr:`periods`) cut out; of a part about
        five years only its paragraphs about the year reviewed (its ``year`` runs). Spans that
        are not evidence (the shortcomings paragraph, thanks, closing words, glossaries) are cut
        out, and so is a paragraph's account of the five years from the sentence that opens it
        (the profile's ``five_year_lead`` read at each sentence: …“十四五”顺利收官。五年来，我们…;
        这一年，我们实现了“十三五”规划圆满收官。“十三五”时期，…累计增长…), where a five-year
        account begins inside a paragraph the year's run holds."""
        evidence = kinds_where("evidence")
        out: list[tuple[int, int]] = []
        cuts = [(sp.start, sp.end) for sp in self.spans if sp.kind not in evidence]
        cuts += [(p.start, p.end) for p in self.periods if p.period == "five_year"]

        stack = [(sec, False) for sec in reversed(self.sections)]  # in text order, no calls
        while stack:
            sec, taken = stack.pop()
            if sec.period == "five_year":
                if taken:
                    cuts.append((sec.start, sec.end))
                elif sec.kind in evidence:
                    # a paragraph of its own about the year reviewed (刚刚过去的2017年，…)
                    out.extend((p.start, p.end) for p in self.periods if p.period == "year"
                               and sec.start <= p.start < sec.end)
                continue
            if not taken and sec.kind in evidence:
                out.append((sec.start, sec.end))
                taken = True
            stack += [(c, taken) for c in reversed(sec.children)]
        out = _subtract(sorted(out), _union(sorted(cuts)))
        five = self._five_year_sentences(out)
        return _subtract(out, five) if five else out

    def _five_year_sentences(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Inside ``spans`` (sorted, disjoint), each passage from a sentence opening with words of
        the five years (五年来, 这五年, “十三五”时期…) to the end of its paragraph, or to a later
        sentence of the paragraph opening with words of the year (…年均增长5.8%。过去一年，地区
        生产总值增长5.6%…: the year's account again)."""
        try:
            rules = get_profile(self.genre).rules
        except ProfileError:
            return []
        lead, year_lead = rules.five_year_lead, rules.year_lead
        out: list[tuple[int, int]] = []
        sents = self.sentences()
        for start, end in spans:
            # walked by index: a slice from ``first`` would copy every later sentence, per span
            for i in range(bisect.bisect_left(self.starts(sents), start), len(sents)):
                s = sents[i]
                if s.start >= end:
                    break
                if out and s.start < out[-1][1]:
                    continue
                a = s.start
                while a < s.end and self.text[a] in " \u3000\t":
                    a += 1
                if lead.match(self.text[a:s.end]):
                    p = self.paragraph_at(a)
                    stop = p.end if p is not None and p.end > a else s.end
                    for k in range(i + 1, len(sents)):
                        later = sents[k]
                        if later.start >= stop:
                            break
                        b = later.start
                        while b < later.end and self.text[b] in " \u3000\t":
                            b += 1
                        said = self.text[b:later.end]
                        if year_lead.match(said) and not lead.match(said):
                            stop = b
                            break
                    out.append((a, stop))
        return out

    def missing_kinds(self) -> tuple[str, ...]:
        """The kinds the genre makes mandatory that neither a part of the report nor a passage
        inside one (Document.spans) has."""
        try:
            profile = get_profile(self.genre)
        except ProfileError:
            return ()
        mandatory = profile.mandatory
        # (a kind given as a passage of another part, the problems closing the account of the
        # year, is given)
        have = {k for k in mandatory if self.sections_of_kind(k) or self.spans_of(k)}
        if self.duty_report and profile.rules.duty_report_kind in have:
            # a principal's account of their duty gives the duty for its account of the work
            have |= set(kinds_where("evidence"))
        return tuple(k for k in mandatory if k not in have)

    def parts_told_by_form(self) -> bool:
        """Whether the outline read the report's parts from the form of their lines alone: no
        heading of a part carries a number, nor does any heading of a group inside one (the
        list numbering lost, as in text pasted from Word). Such an outline can miss a part whose
        heading reads as a sentence, or the plan in groups it could not see: what it does not
        find, the report does not necessarily lack."""
        try:
            sub_points = set(get_profile(self.genre).rules.sub_point_styles)
        except ProfileError:
            return False
        body = [s for s in self.sections if s.kind not in ("appendix", "other")]
        return bool(body) and all(
            s.heading.style in ("plain", "lead")
            and all(c.heading.style in sub_points for c in s.children) for s in body)

    def unknown_sections(self) -> list[Section]:
        """The parts whose kind could not be told (kind ``unknown``), outermost first."""
        return self.sections_of_kind(UNKNOWN)

    def period_at(self, offset: int) -> str:
        """The period of the passage at ``offset``: the run's inside a part about both periods,
        else the innermost section's (``""`` before the first heading)."""
        i = bisect.bisect_right(self.starts(self.periods), offset) - 1
        if i >= 0 and self.periods[i].start <= offset < self.periods[i].end:
            return self.periods[i].period
        chain = self.section_at(offset)
        return chain[-1].period if chain else ""

    def spans_of(self, *kinds: str) -> list[Span]:
        """The spans of the given kinds, in text order."""
        return [sp for sp in self.spans if sp.kind in kinds]

    def span_at(self, offset: int) -> Span | None:
        """The span containing ``offset``, if any (spans do not overlap)."""
        i = bisect.bisect_right(self.starts(self.spans), offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None

    def section_at(self, offset: int) -> list[Section]:
        """The chain of sections (outermost first) containing ``offset``."""
        chain: list[Section] = []
        level = self.sections
        kept = self._section_starts
        while True:
            # siblings are in text order and do not overlap: a long report has thousands
            # (their starts as :meth:`starts` keeps them, read here without a call per level)
            found = kept.get(id(level))
            if found is None or found[0] is not level or len(found[1]) != len(level):
                starts = self.starts(level)
            else:
                starts = found[1]
            i = bisect.bisect_right(starts, offset) - 1
            if i < 0 or not level[i].start <= offset < level[i].end:
                return chain
            chain.append(level[i])
            level = level[i].children

    def starts(self, items: Sequence[Any]) -> list[int]:
        """Where each of a list of the document's parts (sibling sections, its paragraphs,
        sentences, spans or periods, in text order) starts, for bisection: kept for that list,
        as the checks ask for an offset's paragraph or sentence at every figure, and a bisection
        that reads each probe's start through a function costs a call per probe."""
        found = self._section_starts.get(id(items))
        if found is None or found[0] is not items or len(found[1]) != len(items):
            found = self._section_starts[id(items)] = (items, [s.start for s in items])
        return found[1]

    def kind_at(self, offset: int) -> str:
        """The kind of the passage at ``offset``: the span's kind inside a span (a shortcomings
        paragraph in a review, a glossary, thanks, closing words), else the kind of the innermost
        section holding it, else ``other`` (text before the first heading)."""
        span = self.span_at(offset)
        if span is not None:
            return span.kind
        chain = self.section_at(offset)
        return chain[-1].kind if chain else "other"

    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            from reviewer.document.sentences import split_sentences

            self._sentences = split_sentences(self.text)
        return self._sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (the first one before any sentence starts), or
        ``None`` in a text without sentences."""
        sents = self.sentences()
        if not sents:
            return None
        i = bisect.bisect_right(self.starts(sents), offset) - 1
        return sents[max(i, 0)]

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences starting in ``start``..``end`` (by bisection: a long report has hundreds
        of thousands)."""
        sents = self.sentences()
        starts = self.starts(sents)
        first = bisect.bisect_left(starts, start)
        return sents[first:bisect.bisect_left(starts, end, first)]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self.starts(self.paragraphs), offset) - 1
        return self.paragraphs[i] if i >= 0 else None


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted passages merged where they overlap."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted, disjoint) with every ``cuts`` passage taken out; empty pieces dropped."""
    out: list[tuple[int, int]] = []
    i = 0
    for start, end in spans:
        while i < len(cuts) and cuts[i][1] <= start:
            i += 1
        j = i
        pos = start
        while j < len(cuts) and cuts[j][0] < end:
            if cuts[j][0] > pos:
                out.append((pos, cuts[j][0]))
            pos = max(pos, cuts[j][1])
            j += 1
        if pos < end:
            out.append((pos, end))
    return out
