"""The rule registry and the runner.

A rule is a small generator over a :class:`RuleContext` that yields :class:`Hit` objects; the
``@rule`` decorator registers it once, with its id, category and default severity. The runner
turns hits into :class:`Flag` objects, keeps every span non-empty and inside the text, and guards
each rule so that one rule failing on odd input never hides what the others found.

A systematic issue (19 stray spaces, one misused term written six times) is one flag whose
``occurrences`` list every place it occurs, in text order; ``start``/``end`` are the first of
them. Every flag has at least one occurrence. Flags come in the order of their importance:
severity, then category (:data:`CATEGORIES`), then position, then rule id: a stable order the
app and ``check`` share.
"""

from __future__ import annotations

import bisect
import logging
import operator
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice, repeat
from typing import Any, NamedTuple

from reviewer.document import Document
from reviewer.document.figures import Figure, figures
from reviewer.document.model import Section
from reviewer.flags.data import words
from reviewer.flags.quantities import Quantity, counted_dimensions
from reviewer.profiles import Profile, ProfileError, get_profile
from reviewer.progress import CancelCheck, Cancelled, Progress, without_cycle_collector

log = logging.getLogger(__name__)

CATEGORIES = ("structure", "content", "timeliness", "numbers", "specificity", "proofreading")
SEVERITIES = ("error", "warning", "info")


class Occurrence(NamedTuple):
    """One place a finding occurs: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str = ""
    # every place the finding occurs, the first being (start, end)
    occurrences: tuple[Occurrence, ...] = ()

    def __post_init__(self) -> None:
        if not self.occurrences:
            object.__setattr__(self, "occurrences", (Occurrence(self.start, self.end),))

    @property
    def rank(self) -> tuple[int, int, int, int, str]:
        """The flag's place in the order of importance (smaller comes first)."""
        return (SEVERITIES.index(self.severity), CATEGORIES.index(self.category), self.start,
                self.end, self.rule)


@dataclass(frozen=True)
class Hit:
    """What a rule found: a span, the translated message, and optionally a fix. A finding that
    occurs in several places gives them all as ``occurrences`` (``start``/``end`` then only
    need to be the first)."""

    start: int
    end: int
    message: str
    suggestion: str = ""
    occurrences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    check: Callable[[RuleContext], Iterable[Hit]]
    doc: str


RULES: dict[str, Rule] = {}


def rule(rule_id: str, category: str, severity: str):
    """Register a rule function under ``rule_id`` (``<category>.<name>``)."""
    if category not in CATEGORIES or severity not in SEVERITIES:
        raise ValueError(f"rule {rule_id}: bad category or severity")

    def register(fn: Callable[[RuleContext], Iterable[Hit]]):
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, category, severity, fn, (fn.__doc__ or "").strip())
        return fn

    return register


class RuleContext:
    """The document plus what several rules need, computed once per run."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self._marks: dict[str, list[int]] = {}
        self._shared: dict[str, Any] = {}
        self._outline: dict[Any, Any] = {}
        self._chain: list[Section] = []

    @cached_property
    def profile(self) -> Profile | None:
        try:
            return get_profile(self.doc.genre)
        except ProfileError:
            return None

    @cached_property
    def title_span(self) -> tuple[int, int]:
        """Where a flag about the whole report points: the title, else the first paragraph."""
        title = self.doc.metadata.get("title")
        if title is not None and 0 <= title.start < title.end:
            return title.start, title.end
        if self.doc.paragraphs:
            p = self.doc.paragraphs[0]
            return p.start, p.end
        return 0, len(self.text)

    @cached_property
    def _figures(self) -> list[Figure]:
        """The figures the rules read, in one pass over the text: the counted quantities and
        every range (:func:`~reviewer.document.figures.figures`). A text dense in figures has one
        every few characters, most of them shares and sums that no rule reads as a figure: told
        from the unit, they are never built."""
        return figures(self.text, dimensions=counted_dimensions(), ranges=True)

    @cached_property
    def ranges(self) -> list[Figure]:
        """Every range of figures in the text (4.5%—5%, 1—2个), in text order."""
        return [f for f in self._figures if f.low is not None]

    @cached_property
    def quantities(self) -> list[Quantity]:
        """Every counted quantity in the text (several number rules read them): the figures
        with a unit of a counted dimension, what :func:`~reviewer.flags.quantities.quantities`
        reads, taken from the one pass that finds the ranges too."""
        counted = counted_dimensions()
        return [f for f in self._figures if f.unit and f.dimension in counted]

    @cached_property
    def quantity_starts(self) -> list[int]:
        """Where each of :attr:`quantities` starts, for bisection."""
        return [q.start for q in self.quantities]

    @cached_property
    def quantity_ends(self) -> list[int]:
        """Where each of :attr:`quantities` ends (in the same order: they do not overlap)."""
        return [q.end for q in self.quantities]

    def kind_at(self, offset: int) -> str:
        return self.doc.kind_at(offset)

    def section_at(self, offset: int) -> list[Section]:
        """:meth:`Document.section_at`, the chain found last kept: the rules ask at every count
        in text order, and a text of thousands of parts has several counts in each. The chain
        kept is the answer again while ``offset`` lies in its innermost section and that section
        has no parts of its own."""
        chain = self._chain
        if chain and not chain[-1].children and all(s.start <= offset < s.end for s in chain):
            return list(chain)
        chain = self._chain = self.doc.section_at(offset)
        return list(chain)

    # the readings of the outline several rules ask for, each walked once per run (a report of
    # nothing but headings has tens of thousands of parts to walk); a fresh list for each rule
    def sections_of_kind(self, *kinds: str) -> list[Section]:
        """:meth:`Document.sections_of_kind`: the outline walked once per run for every kind
        (:meth:`_topmost`), each set of kinds then the union of its kinds' top-most sections
        less those inside another of them."""
        key = ("sections_of_kind", kinds)
        if key not in self._outline:
            topmost = self._topmost()
            if len(kinds) == 1:
                found = topmost.get(kinds[0], [])
            else:
                found = []
                for sec in sorted({id(s): s for k in set(kinds) for s in topmost.get(k, ())}
                                  .values(), key=lambda s: (s.start, -s.end)):
                    if not found or sec.start >= found[-1].end:  # else inside the one before
                        found.append(sec)
            self._outline[key] = found
        return list(self._outline[key])

    def _topmost(self) -> dict[str, list[Section]]:
        """For each kind, the top-most sections of it in text order, as
        :meth:`Document.sections_of_kind` finds them for that kind alone (a section matches by its
        primary kind, a part without children by any of its kinds), found in one walk."""
        if "topmost" not in self._outline:
            out: dict[str, list[Section]] = {}
            # (section, the kinds some section above it matched)
            stack: list[tuple[Section, frozenset[str]]] = [
                (sec, frozenset()) for sec in reversed(self.doc.sections)]
            while stack:
                sec, above = stack.pop()
                matched = set(sec.kinds) if not sec.children else {sec.kind}
                for kind in matched - above:
                    out.setdefault(kind, []).append(sec)
                if sec.children:
                    below = above | matched if not matched <= above else above
                    stack += [(c, below) for c in reversed(sec.children)]
            self._outline["topmost"] = out
        return self._outline["topmost"]

    def plan_sections(self) -> list[Section]:
        """:meth:`Document.plan_sections`, read once per run."""
        if "plan_sections" not in self._outline:
            self._outline["plan_sections"] = self.doc.plan_sections()
        return list(self._outline["plan_sections"])

    def review_spans(self) -> list[tuple[int, int]]:
        """:meth:`Document.review_spans`, read once per run."""
        if "review_spans" not in self._outline:
            self._outline["review_spans"] = self.doc.review_spans()
        return list(self._outline["review_spans"])

    def missing_kinds(self) -> tuple[str, ...]:
        """:meth:`Document.missing_kinds`, read once per run."""
        if "missing_kinds" not in self._outline:
            self._outline["missing_kinds"] = self.doc.missing_kinds()
        return self._outline["missing_kinds"]

    def shared(self, key: str, compute: Callable[[RuleContext], Any]) -> Any:
        """A reading several rules of a module share (the wholes of the 其中 breakdowns),
        ``compute(self)`` on the first rule that asks, the same object for every later one."""
        if key not in self._shared:
            self._shared[key] = compute(self)
        return self._shared[key]

    def marks(self, chars: str) -> list[int]:
        """The offsets of every character of ``chars`` in the text, in order (found once per set
        of characters, for every rule that asks)."""
        found = self._marks.get(chars)
        if found is None:
            rx = re.compile("[" + re.escape(chars) + "]")
            found = self._marks[chars] = [m.start() for m in rx.finditer(self.text)]
        return found

    def after_mark(self, chars: str, pos: int, floor: int = 0) -> int:
        """Where the stretch before ``pos`` free of ``chars`` starts (just after the last of them
        before ``pos``), not before ``floor``: the start of a clause or a sentence."""
        marks = self.marks(chars)
        i = bisect.bisect_left(marks, pos)
        return max(marks[i - 1] + 1, floor) if i else floor

    def next_mark(self, chars: str, pos: int, limit: int | None = None) -> int:
        """The first offset at or after ``pos`` holding one of ``chars``, else ``limit`` (the end
        of the text by default): the end of a clause or a sentence."""
        marks = self.marks(chars)
        end = len(self.text) if limit is None else limit
        i = bisect.bisect_left(marks, pos)
        return min(marks[i], end) if i < len(marks) else end

    def sure_year(self) -> int | None:
        """The report's own year when the evidence for it is sure (its source is one of
        ``words.toml``'s ``sure_year_sources``: the title, the congress date), else None."""
        field = self.doc.metadata.get("year")
        if field is None or not field.source.startswith(words("words", "sure_year_sources")):
            return None
        return self.doc.year

    def setting(self, key: str, default: Any = None) -> Any:
        """The genre's setting ``key`` for the flags (its profile's ``[flags]`` table)."""
        if self.profile is None:
            return default
        return self.profile.flags.get(key, default)

    def applies(self, rule_id: str) -> bool:
        """Whether a rule applies to reports of this genre (not listed in its ``off``). On a
        page holding no report text only the rule saying so applies: what a page's menu says
        is nobody's finding."""
        if not self.doc.report_text:
            return rule_id == NO_REPORT_TEXT
        return rule_id not in self.setting("off", ())


NO_REPORT_TEXT = "structure.no_report_text"
"""The one rule of a page without report text (:attr:`Document.report_text`)."""


def regions(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The disjoint stretches a rule reads as inside ``spans`` (sorted by start) when it asks
    of a place the last span starting at or before it: each span from its start to its end or
    to the next span's start, whichever comes first."""
    out = []
    for i, (a, b) in enumerate(spans):
        stop = min(b, spans[i + 1][0]) if i + 1 < len(spans) else b
        if stop > a:
            out.append((a, stop))
    return out


def _clamp(start: int, end: int, length: int) -> Occurrence | None:
    """A non-empty span inside the text: an empty span widens to the character beside it."""
    if length == 0:
        return None
    start = min(max(start, 0), length)
    end = min(max(end, start), length)
    if end == start:
        if start < length:
            end = start + 1
        else:
            start = length - 1
    return Occurrence(start, end)


_first = operator.itemgetter(0)
_second = operator.itemgetter(1)


def _occurrences(hit: Hit, length: int) -> tuple[Occurrence, ...]:
    """The hit's places, each clamped into the text, in text order, without repeats."""
    if not hit.occurrences:  # one place: most hits, one per figure on a text dense in counts
        if 0 <= hit.start < hit.end <= length:
            return (Occurrence(hit.start, hit.end),)  # inside the text already: nothing to clamp
        span = _clamp(hit.start, hit.end, length)
        return () if span is None else (span,)
    places = tuple(hit.occurrences)
    if (all(map(operator.lt, places, islice(places, 1, None)))
            and {*map(len, places)} == {2} and places[0][0] >= 0
            and all(map(operator.lt, map(_first, places), map(_second, places)))
            and max(map(_second, places)) <= length):
        # in text order without repeats and inside the text already, as a rule that walks the
        # text finds them: checked and made places without a step of Python per place (a stray
        # space after every character is one finding of a million places)
        return tuple(map(tuple.__new__, repeat(Occurrence), places))
    if all(0 <= start < end <= length for start, end in places):  # nothing to clamp
        return tuple(sorted(Occurrence(start, end) for start, end in set(places)))
    places = set(places)
    out = set()
    for start, end in places:
        span = _clamp(start, end, length)
        if span is not None:
            out.add(span)
    return tuple(sorted(out))


def _run_rule(r: Rule, ctx: RuleContext,
              cancelled: CancelCheck | None = None) -> Iterator[Flag]:
    length = len(ctx.text)
    hits: list[Hit] = []
    try:
        for hit in r.check(ctx):
            hits.append(hit)
            if cancelled is not None and cancelled():
                raise Cancelled(r.id)
    except Cancelled:
        raise
    except Exception as exc:  # one faulty rule must not hide what the other rules found
        log.warning("rule %s skipped on %s: %r", r.id, ctx.doc.path, exc)
        log.debug("rule %s failed", r.id, exc_info=True)
        return
    for hit in hits:
        places = _occurrences(hit, length)
        if not places:
            continue
        yield Flag(r.id, r.category, r.severity, places[0].start, places[0].end, hit.message,
                   hit.suggestion, places)


@without_cycle_collector()
def run_flags(doc: Document, rules: Iterable[str] | None = None, *,
              progress: Progress | None = None,
              cancelled: CancelCheck | None = None,
              timings: dict[str, float] | None = None) -> list[Flag]:
    """Every flag the chosen rules (all by default) raise on ``doc``, in the order of importance
    (:attr:`Flag.rank`: severity, category, position, rule).

    Unknown rule ids are ignored; ``rules`` may also name whole categories (``"numbers"``).

    For a caller that runs the checks in the background (the app, on a long report):
    ``progress(done, total, rule_id)`` is called as each rule finishes; ``cancelled()`` is asked
    before each rule and after each hit, and once it returns true the run stops by raising
    :class:`~reviewer.progress.Cancelled`. ``timings``, a dict, receives each rule's seconds
    (what several rules share, such as the text's quantities, is charged to the first rule that
    reads it); without it nothing is timed.
    """
    wanted = set(rules) if rules is not None else None
    ctx = RuleContext(doc)
    chosen = [r for r in RULES.values()
              if (wanted is None or r.id in wanted or r.category in wanted) and ctx.applies(r.id)]
    flags: list[Flag] = []
    for done, r in enumerate(chosen, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled(r.id)
        if timings is None:
            flags.extend(_run_rule(r, ctx, cancelled))
        else:
            t0 = time.perf_counter()
            flags.extend(_run_rule(r, ctx, cancelled))
            timings[r.id] = timings.get(r.id, 0.0) + time.perf_counter() - t0
        if progress is not None:
            progress(done, len(chosen), r.id)
    flags.sort(key=lambda f: f.rank)
    return flags
