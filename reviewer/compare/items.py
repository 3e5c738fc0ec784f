"""The units a comparison works on: plan items (promises) and shortcoming passages.

A plan item is a leaf of a report's ``plan`` section: a ``（一）`` item, or, in a rule-of-law
report, its ``一是…`` sub-items when it has them. A government work report's plan is read as its
``（一）…（十）`` groups whole, sub-items included. A plan with no numbered items falls back to its
paragraphs. Every unit is a span of the normalized text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reviewer.document import Document, Section
from reviewer.document.structure import RANK
from reviewer.profiles import ProfileError, get_profile

# numbering styles that open a sub-item inside a plan item
_SUB_STYLES = ("cn_shi", "arabic_paren")


@dataclass(frozen=True)
class PlanItem:
    """One promise of a report: its text span and the headings above it."""

    text: str
    heading: str  # heading path, outermost first, joined with " / "
    start: int
    end: int


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
          end: int | None = None) -> PlanItem:
    start = section.start if start is None else start
    end = _span_end(section) if end is None else end
    while end > start and doc.text[end - 1] in "\n \u3000":
        end -= 1
    return PlanItem(doc.text[start:end], _heading_path(section), start, end)


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
