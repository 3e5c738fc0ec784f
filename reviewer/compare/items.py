"""The units a comparison works on: plan items (promises) and shortcoming passages.

A plan item is a leaf of a report's ``plan`` section: a ``（一）`` item, or, in a rule-of-law
report, its ``一是…`` sub-items when it has them. A government work report's plan is read as its
``（一）…（十）`` groups whole, sub-items included. A plan with no numbered items falls back to its
paragraphs. Every unit is a span of the normalized text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reviewer.document import Document, Section
from reviewer.document.structure import RANK
from reviewer.profiles import ProfileError, get_profile

# numbering styles that open a sub-item inside a plan item
_SUB_STYLES = ("cn_shi", "arabic_paren")


@dataclass(frozen=True)
class PlanItem:
    """One promise of a report: its text span and the headings above it.

    ``kind``: ``plan`` (a group or item of the plan), ``targets`` (the plan year's targets
    passage: only its concrete commitments are promises), ``list`` (an item of an appendix
    listing the plan year's projects, such as 民生实事)."""

    text: str
    heading: str  # heading path, outermost first, joined with " / "
    start: int
    end: int
    kind: str = "plan"


def _heading_path(section: Section) -> str:
    return " / ".join(f"{s.heading.numbering}{s.heading.title}" for s in section.path())


def _span_end(section: Section) -> int:
    """Where an item's own text ends: at a child numbered as high as the item or higher (一、
    under （十二）: what follows the plan, an annex) or at a glossary, else the section end. Its
    sub-groups (（一） under 一、), points (1. under （一）) and sub-items are its own."""
    own = RANK.get(section.heading.style, 0)
    for child in section.children:
        deeper = RANK.get(child.heading.style, 0) > own or child.heading.style in _SUB_STYLES
        if not deeper or child.kind == "appendix":
            return child.start
    return section.end


def _item(doc: Document, section: Section, start: int | None = None,
          end: int | None = None, kind: str = "plan") -> PlanItem:
    start = section.start if start is None else start
    end = _span_end(section) if end is None else end
    while end > start and doc.text[end - 1] in "\n \u3000":
        end -= 1
    return PlanItem(doc.text[start:end], _heading_path(section), start, end, kind)


def _paragraph_items(doc: Document, section: Section) -> list[PlanItem]:
    return [_item(doc, section, p.start, p.end) for p in doc.paragraphs
            if p.start >= section.heading.para_end and p.end <= section.end]


def units_of(doc: Document, kind: str, sections: list[Section] | None = None) -> list[PlanItem]:
    """Leaf items of every section of ``kind``; a section without items gives its paragraphs.

    Whether ``一是…`` sub-items are items of their own is the genre's ``split_plan_items`` (a
    rule-of-law report: yes; a government work report keeps its groups whole, its sub-points are
    paragraphs, not promises of their own).
    """
    try:
        split = get_profile(doc.genre).split_plan_items
    except ProfileError:
        split = True
    out: list[PlanItem] = []
    for section in doc.sections_of_kind(kind) if sections is None else sections:
        if not section.children:
            out.extend(_paragraph_items(doc, section))
        for child in section.children:
            if len(section.kinds) > 1 and child.kind != kind:
                continue  # a group of the part's other kind (its targets)
            subs = [c for c in child.children if c.heading.style == "cn_shi"]
            if split and subs:
                out.extend(_item(doc, sub) for sub in subs)
            else:
                out.append(_item(doc, child))
    # passages of the kind inside parts of another kind (the shortcomings paragraph of a work
    # report's review): their paragraphs
    for span in doc.spans_of(kind):
        chain = doc.section_at(span.start)
        if not chain:
            continue
        first = bisect.bisect_right(doc.paragraphs, span.start, key=lambda p: p.end)
        for p in doc.paragraphs[first:]:
            if p.start >= span.end:
                break
            out.append(_item(doc, chain[-1], max(p.start, span.start), min(p.end, span.end)))
    out.sort(key=lambda item: item.start)
    return out


def plan_items(doc: Document) -> list[PlanItem]:
    """The promises of ``doc``'s plan for its plan year (``Document.plan_sections``), in text
    order."""
    return units_of(doc, "plan", doc.plan_sections())


# how far into an appendix its first line may name what it lists (附件1 / 2021年省十件民生实事)
_LIST_LEAD = 40
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _plan_year_list(doc: Document, section: Section, words: tuple[str, ...],
                    done: tuple[str, ...]) -> bool:
    """An appendix listing the plan year's projects: its heading or first line names one of
    ``words`` and none of ``done``, and no year but the plan year."""
    head_end = section.children[0].start if section.children else section.end
    lead = doc.text[section.start: min(head_end, section.heading.end + _LIST_LEAD)]
    if not any(w in lead for w in words) or any(w in lead for w in done):
        return False
    return all(int(y) == doc.plan_year for y in _YEAR.findall(lead))


def _targets_passages(doc: Document, taken: list[PlanItem]) -> list[PlanItem]:
    """The plan year's targets passages: a part of targets (2024年经济社会发展总体要求和政策取向)
    or a child of targets of a part joining it with the plan, and the introduction of a plan
    stating its targets (a span), never about five years nor inside an item already taken."""
    out: list[PlanItem] = []
    sections: list[Section] = []
    for sec in doc.sections:
        if sec.kind == "targets" and len(sec.kinds) == 1:
            sections.append(sec)
        elif "plan" in sec.kinds and "targets" in sec.kinds:
            sections.extend(c for c in sec.children if c.kind == "targets")
    for sec in sections:
        if sec.period != "five_year":
            out.append(_item(doc, sec, sec.start, sec.end, kind="targets"))
    for span in doc.spans_of("targets"):
        chain = doc.section_at(span.start)
        if chain and doc.period_at(span.start) != "five_year":
            out.append(_item(doc, chain[-1], span.start, span.end, kind="targets"))
    spans = sorted((it.start, it.end) for it in taken)
    starts = [a for a, _ in spans]

    def overlaps(it: PlanItem) -> bool:
        i = bisect.bisect_left(starts, it.end) - 1
        return i >= 0 and spans[i][1] > it.start

    return [it for it in out if it.end > it.start and not overlaps(it)]


def commitment_items(doc: Document) -> list[PlanItem]:
    """Everything of ``doc`` a comparison holds the next report to: the plan's groups
    (:func:`plan_items`) in text order, then the plan year's targets passages (only their
    concrete commitments are read as promises), then the items of an appendix listing the plan
    year's projects (the genre's ``plan_lists``: 2021年省十件民生实事), each a group of its own."""
    items = plan_items(doc)
    try:
        profile = get_profile(doc.genre)
        words, done = profile.plan_lists, profile.plan_lists_done
    except ProfileError:
        words, done = (), ()
    lists: list[PlanItem] = []
    if words and doc.plan_year is not None:
        for sec in doc.sections_of_kind("appendix"):
            if sec.children and _plan_year_list(doc, sec, words, done):
                lists.extend(_item(doc, child, kind="list") for child in sec.children)
    return items + sorted(_targets_passages(doc, items), key=lambda it: it.start) + lists
