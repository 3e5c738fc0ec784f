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

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from reviewer.document import Document
from reviewer.flags.data import words
from reviewer.flags.quantities import Quantity, quantities
from reviewer.profiles import Profile, ProfileError, get_profile

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
    def quantities(self) -> list[Quantity]:
        """Every counted quantity in the text (several number rules read them)."""
        return quantities(self.text)

    def kind_at(self, offset: int) -> str:
        return self.doc.kind_at(offset)

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
        """Whether a rule applies to reports of this genre (not listed in its ``off``)."""
        return rule_id not in self.setting("off", ())


def _clamp(hit: Hit, length: int) -> tuple[int, int] | None:
    """A non-empty span inside the text: an empty span widens to the character beside it."""
    if length == 0:
        return None
    start = min(max(hit.start, 0), length)
    end = min(max(hit.end, start), length)
    if end == start:
        if start < length:
            end = start + 1
        else:
            start = length - 1
    return start, end


def _occurrences(hit: Hit, length: int) -> tuple[Occurrence, ...]:
    """The hit's places, each clamped into the text, in text order, without repeats."""
    spans = hit.occurrences or ((hit.start, hit.end),)
    out = set()
    for start, end in spans:
        span = _clamp(Hit(start, end, ""), length)
        if span is not None:
            out.add(Occurrence(*span))
    return tuple(sorted(out))


def _run_rule(r: Rule, ctx: RuleContext) -> Iterator[Flag]:
    length = len(ctx.text)
    try:
        hits = list(r.check(ctx))
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


def run_flags(doc: Document, rules: Iterable[str] | None = None) -> list[Flag]:
    """Every flag the chosen rules (all by default) raise on ``doc``, in the order of importance
    (:attr:`Flag.rank`: severity, category, position, rule).

    Unknown rule ids are ignored; ``rules`` may also name whole categories (``"numbers"``).
    """
    wanted = set(rules) if rules is not None else None
    ctx = RuleContext(doc)
    flags: list[Flag] = []
    for r in RULES.values():
        if wanted is not None and r.id not in wanted and r.category not in wanted:
            continue
        if ctx.applies(r.id):
            flags.extend(_run_rule(r, ctx))
    flags.sort(key=lambda f: f.rank)
    return flags
