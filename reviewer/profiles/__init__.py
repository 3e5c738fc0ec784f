"""Report genres as data: each ``*.toml`` beside this file is one genre profile.

A profile says how the headings of each section kind read, which kinds are mandatory and in
which order they should come. Adding a genre means adding a file.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple

from reviewer.document.model import KINDS


class Profile(NamedTuple):
    """One genre: how its headings read, which section kinds it must have and in what order."""

    name: str
    label: str
    label_en: str
    detect: tuple[str, ...]
    mandatory: tuple[str, ...]
    order: tuple[str, ...]
    default_kind: str
    plan_year_offset: int
    kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    def classify(self, title: str) -> str | None:
        """The kind a heading's words name, or None when no pattern matches."""
        for kind, patterns in self.kinds:
            if any(p.search(title) for p in patterns):
                return kind
        return None


class ProfileError(ValueError):
    pass


def _parse(name: str, data: dict) -> Profile:
    try:
        kinds = []
        for entry in data["kinds"]:
            kind = entry["kind"]
            if kind not in KINDS:
                raise ProfileError(f"profile {name}: unknown kind {kind!r}")
            kinds.append((kind, tuple(re.compile(p) for p in entry["patterns"])))
        return Profile(
            name=data.get("name", name),
            label=data.get("label", name),
            label_en=data.get("label_en", data.get("label", name)),
            detect=tuple(data.get("detect", ())),
            mandatory=tuple(data.get("mandatory", ())),
            order=tuple(data.get("order", ())),
            default_kind=data.get("default_kind", "other"),
            plan_year_offset=int(data.get("plan_year_offset", 1)),
            kinds=tuple(kinds),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ProfileError(f"profile {name}: {exc}") from None


@cache
def all_profiles() -> dict[str, Profile]:
    out: dict[str, Profile] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            name = entry.name[: -len(".toml")]
            out[name] = _parse(name, tomllib.loads(entry.read_text(encoding="utf-8")))
    return out


def get_profile(name: str) -> Profile:
    profiles = all_profiles()
    if name not in profiles:
        raise ProfileError(f"unknown genre {name!r} (known: {', '.join(sorted(profiles))})")
    return profiles[name]


def detect_genre(title: str, head: str) -> str:
    """Pick the genre whose detection words appear in the title, else in the first lines."""
    profiles = all_profiles()
    for where in (title, head):
        if not where:
            continue
        # a government work report title wins over words it shares with other genres
        best = None
        for name, prof in profiles.items():
            hits = sum(1 for w in prof.detect if w in where)
            if hits and (best is None or hits > best[0]):
                best = (hits, name)
        if best:
            return best[1]
    return "fazhi" if "fazhi" in profiles else next(iter(profiles))
