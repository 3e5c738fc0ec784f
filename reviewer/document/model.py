"""The document model: one normalized text, and every part of it as offsets into that text.

Offsets are Python string indices (code points) into `Document.text`; `text[start:end]` is always
the part in question. Every other layer (flags, review anchors, comparison, the app) speaks in
these offsets.

Small values (a change, a paragraph, a sentence, a metadata field, a numbering issue) are
immutable named tuples; the heading, section and document records are dataclasses.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

# Section kinds, in the order a 法治政府建设年度报告 is asked to present them.
KINDS = (
    "achievements",
    "shortcomings",
    "responsibility",
    "plan",
    "targets",
    "highlights",
    "other",
)


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
    heading: Heading
    kind: str
    level: int
    start: int
    end: int
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.heading.title

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def path(self) -> list[Section]:
        chain: list[Section] = []
        node: Section | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def body_start(self) -> int:
        """Offset just after the heading (start of the section's own text)."""
        return self.heading.end

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
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _section_starts: dict[int, tuple[list[Section], list[int]]] = field(
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

    @property
    def year(self) -> int | None:
        f = self.metadata.get("year")
        try:
            return int(f.value) if f else None
        except ValueError:
            return None

    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def sections_of_kind(self, *kinds: str) -> list[Section]:
        """Top-most sections of the given kinds (a child of a matching section is not repeated)."""
        found: list[Section] = []

        def visit(sec: Section) -> None:
            if sec.kind in kinds:
                found.append(sec)
                return
            for c in sec.children:
                visit(c)

        for s in self.sections:
            visit(s)
        return found

    def section_at(self, offset: int) -> list[Section]:
        """The chain of sections (outermost first) containing ``offset``."""
        chain: list[Section] = []
        level = self.sections
        while True:
            # siblings are in text order and do not overlap: a long report has thousands
            i = bisect.bisect_right(self._starts(level), offset) - 1
            if i < 0 or not level[i].start <= offset < level[i].end:
                return chain
            chain.append(level[i])
            level = level[i].children

    def _starts(self, level: list[Section]) -> list[int]:
        """Where each of a list of sibling sections starts (kept: asked for every offset)."""
        found = self._section_starts.get(id(level))
        if found is None or found[0] is not level:
            found = self._section_starts[id(level)] = (level, [s.start for s in level])
        return found[1]

    def kind_at(self, offset: int) -> str:
        chain = self.section_at(offset)
        return chain[0].kind if chain else "other"

    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            from reviewer.document.sentences import split_sentences

            self._sentences = split_sentences(self.text)
            self._sentence_starts = [s.start for s in self._sentences]
        return self._sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        sents = self.sentences()
        if not sents:
            return None
        assert self._sentence_starts is not None
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return sents[0]
        return sents[i]

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences starting in ``start``..``end`` (by bisection: a long report has hundreds
        of thousands)."""
        sents = self.sentences()
        assert self._sentence_starts is not None
        first = bisect.bisect_left(self._sentence_starts, start)
        return sents[first:bisect.bisect_left(self._sentence_starts, end, first)]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self.paragraphs, offset, key=lambda p: p.start) - 1
        return self.paragraphs[i] if i >= 0 else None
