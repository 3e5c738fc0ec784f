"""Report genres and section kinds as data.

``kinds.toml`` says what each kind of part MEANS (whether it is evidence of work done, whether
its figures are promises, whether specificity rules apply…): every layer reads it through
:func:`kind_meanings` / :func:`kinds_where`, none keeps its own list. Each other ``*.toml`` beside
this file is one genre profile: how the headings and the content of each kind read in that genre,
which kinds are mandatory and in which order they should come. Adding a genre means adding a file.

This package depends on nothing else of reviewer: the document model reads it, never the other way
round.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple

from reviewer.profiles.rules import HeadingCue, Rules, compile_rules, merge


class KindMeaning(NamedTuple):
    """What one kind of part means (the keys of ``kinds.toml``)."""

    name: str
    section: bool  # a part of the outline can be of this kind
    span: bool  # a passage inside a part can be of this kind
    evidence: bool  # an account of work done: evidence that a plan was carried out
    done: bool  # the specificity rules for accounts of work apply
    planned: bool  # future-directed: its figures are promises or targets
    plan: bool  # holds the promises a later report is measured against
    problem: bool  # admits problems
    content: bool  # part of the report proper (not a glossary, thanks or closing words)
    periodic: bool  # about a period (the year, five years, both): Section.period applies


def _load_kinds() -> dict[str, KindMeaning]:
    data = tomllib.loads(resources.files(__package__).joinpath("kinds.toml")
                         .read_text(encoding="utf-8"))
    fields = KindMeaning._fields[1:]
    out = {}
    for name, entry in data.items():
        missing = [f for f in fields if not isinstance(entry.get(f), bool)]
        if missing:
            raise ValueError(f"kinds.toml: kind {name!r} lacks {', '.join(missing)}")
        out[name] = KindMeaning(name, *(entry[f] for f in fields))
    return out


_MEANINGS = _load_kinds()


def _load_variants() -> dict[int, int]:
    data = tomllib.loads(resources.files(__package__).joinpath("variants.toml")
                         .read_text(encoding="utf-8"))
    trad, simp = ("".join(data[k].split()) for k in ("traditional", "simplified"))
    if len(trad) != len(simp):
        raise ValueError("variants.toml: traditional and simplified differ in length")
    return str.maketrans(trad, simp)


_VARIANTS = _load_variants()


def fold(text: str) -> str:
    """``text`` with the traditional forms of ``variants.toml`` read as simplified ones, one
    character for one (offsets into it are offsets into ``text``)."""
    return text.translate(_VARIANTS)
# the kinds a part of the outline can have, in the order they are listed
KINDS: tuple[str, ...] = tuple(k for k, m in _MEANINGS.items() if m.section)
# the kinds a passage inside a part can have (Document.spans)
SPAN_KINDS: tuple[str, ...] = tuple(k for k, m in _MEANINGS.items() if m.span)
# the kind of a part whose evidence is below the genre's threshold
UNKNOWN = "unknown"


def kind_meanings() -> dict[str, KindMeaning]:
    """Every kind (section and span kinds) and what it means."""
    return _MEANINGS


def kinds_where(prop: str) -> tuple[str, ...]:
    """The kinds for which ``prop`` (a key of ``kinds.toml``: ``evidence``, ``planned``…) holds."""
    if prop not in KindMeaning._fields[1:]:
        raise ValueError(f"no kind property {prop!r}")
    return tuple(k for k, m in _MEANINGS.items() if getattr(m, prop))


class Profile(NamedTuple):
    """One genre: how its parts read, which section kinds it must have and in what order."""

    name: str
    label: str
    label_en: str
    detect: tuple[str, ...]
    mandatory: tuple[str, ...]
    order: tuple[str, ...]
    plan_year_offset: int
    # the words of a heading that name each kind, strongest first
    headings: tuple[HeadingCue, ...]
    # how structure, years, periods, content and spans read (common.toml + the genre's own), as
    # data; compiled into Rules when first asked for (see ``rules``)
    data: dict
    # which of the report's two years its title (and Document.year) names: "year_reviewed" or
    # "plan_year"
    report_year: str = "year_reviewed"
    # whether a plan item's 一是… sub-points are promises of their own (else the item is kept
    # whole, its sub-points read as paragraphs)
    split_plan_items: bool = True
    # the kind a top-level part of targets alone is read as ("targets": itself)
    standalone_targets: str = "targets"
    # where a report without a list of main targets (主要预期目标是：…) states its headline
    # targets: the figures of its targets part (a rule-of-law report's 工作目标), or nowhere
    targets_from_part: bool = True
    # an appendix listing the plan year's projects (2021年省十件民生实事) names one of these in
    # its heading or first line: its items are promises of the plan; one naming one of
    # ``plan_lists_done`` reports last year's (2020年民生实事完成情况) and is none
    plan_lists: tuple[str, ...] = ()
    plan_lists_done: tuple[str, ...] = ()

    # how the flags read reports of the genre (the ``[flags]`` table: rules that do not apply,
    # the genre's settings for the rules that do); read by reviewer.flags
    flags: dict = {}

    @property
    def rules(self) -> Rules:
        """The genre's compiled rules, built once per genre when a report of it is first read
        (detecting genres needs none of them)."""
        return _rules(self.name)

    def classify(self, title: str) -> str | None:
        """The kind a heading's words name most strongly, or None when no cue matches."""
        cue = self.heading_cue(title)
        return cue[0] if cue else None

    def heading_cue(self, title: str) -> tuple[str, str] | None:
        """(kind, the words that named it) of the strongest cue in a heading, or None."""
        best: tuple[float, str, str] | None = None
        title = fold(title)
        for cue in self.headings:
            m = cue.pattern.search(title)
            if m and (best is None or cue.weight > best[0]):
                best = (cue.weight, cue.kind, m.group(0))
        return (best[1], best[2]) if best else None


class ProfileError(ValueError):
    pass


def _parse(name: str, data: dict) -> Profile:
    try:
        headings = []
        for entry in data.get("heading", ()):
            kind = entry["kind"]
            if kind not in KINDS:
                raise ProfileError(f"profile {name}: unknown kind {kind!r}")
            headings.append(HeadingCue(kind, float(entry["weight"]),
                                       re.compile("|".join(f"(?:{p})" for p in entry["patterns"]))))
        headings.sort(key=lambda c: -c.weight)
        for table in ("structure", "years", "periods", "content", "classify", "spans"):
            if not isinstance(data.get(table), dict):
                raise ProfileError(f"profile {name}: no [{table}] table")
        _kind_of(name, data["classify"].get("first_part_kind", ""))
        _kind_of(name, data["classify"].get("later_part_kind", ""))
        return Profile(
            name=data.get("name", name),
            label=data.get("label", name),
            label_en=data.get("label_en", data.get("label", name)),
            detect=tuple(data.get("detect", ())),
            mandatory=tuple(data.get("mandatory", ())),
            order=tuple(data.get("order", ())),
            plan_year_offset=int(data.get("plan_year_offset", 1)),
            headings=tuple(headings),
            data=data,
            report_year=_one_of(name, data, "report_year", ("year_reviewed", "plan_year")),
            split_plan_items=bool(data.get("split_plan_items", True)),
            standalone_targets=_kind_of(name, data.get("standalone_targets", "targets")),
            flags=_table(name, data, "flags"),
            targets_from_part=bool(data.get("targets_from_part", True)),
            plan_lists=tuple(data.get("plan_lists", ())),
            plan_lists_done=tuple(data.get("plan_lists_done", ())),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        if isinstance(exc, ProfileError):
            raise
        raise ProfileError(f"profile {name}: {exc!r}") from None


def _table(name: str, data: dict, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ProfileError(f"profile {name}: {key} must be a table")
    return value


def _kind_of(name: str, kind: str) -> str:
    if kind not in KINDS:
        raise ProfileError(f"profile {name}: unknown kind {kind!r}")
    return kind


def _one_of(name: str, data: dict, key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key, allowed[0])
    if value not in allowed:
        raise ProfileError(f"profile {name}: {key} must be one of {', '.join(allowed)}")
    return value


# data files beside the genre profiles that are not genres themselves
_NOT_GENRES = ("kinds.toml", "common.toml", "variants.toml")


@cache
def all_profiles() -> dict[str, Profile]:
    out: dict[str, Profile] = {}
    folder = resources.files(__package__)
    common = tomllib.loads(folder.joinpath("common.toml").read_text(encoding="utf-8"))
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.name not in _NOT_GENRES:
            name = entry.name[: -len(".toml")]
            own = tomllib.loads(entry.read_text(encoding="utf-8"))
            out[name] = _parse(name, merge(common, own))
    return out


@cache
def _rules(name: str) -> Rules:
    try:
        return compile_rules(all_profiles()[name].data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ProfileError(f"profile {name}: {exc!r}") from None


def get_profile(name: str) -> Profile:
    profiles = all_profiles()
    if name not in profiles:
        raise ProfileError(f"unknown genre {name!r} (known: {', '.join(sorted(profiles))})")
    return profiles[name]


def detect_genre(title: str, head: str, below: str = "") -> str:
    """Pick the genre whose detection words appear in the title, else in the first lines, else
    in the lines ``below`` them."""
    profiles = all_profiles()
    for where in (title, head, below):
        if not where:
            continue
        where = fold(where)
        # a government work report title wins over words it shares with other genres
        best = None
        for name, prof in profiles.items():
            hits = sum(1 for w in prof.detect if w in where)
            if hits and (best is None or hits > best[0]):
                best = (hits, name)
        if best:
            return best[1]
    return "fazhi" if "fazhi" in profiles else next(iter(profiles))
