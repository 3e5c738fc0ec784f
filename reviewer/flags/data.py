"""The rules' word lists, typo pairs and dated events, read from ``data/*.toml``.

Extending a list means editing a data file, never the rules. Each file is read once per process.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.toml``."""
    entry = resources.files(__package__).joinpath("data", f"{name}.toml")
    return tomllib.loads(entry.read_text(encoding="utf-8"))


def words(name: str, key: str) -> tuple[str, ...]:
    return tuple(load(name)[key])


@cache
def pattern(name: str, key: str) -> re.Pattern[str]:
    """One alternation of the regular expressions listed under ``key``."""
    return re.compile("|".join(f"(?:{p})" for p in load(name)[key]))


@dataclass(frozen=True)
class Term:
    pattern: re.Pattern[str]
    right: str
    note: str
    allow: re.Pattern[str] | None  # a match that this also matches at the same place is fine
    since: int = 0  # wrong only in reports of this year or later (0: always)


@cache
def terms() -> tuple[Term, ...]:
    out = []
    for entry in load("terms")["term"]:
        allow = entry.get("allow")
        out.append(Term(re.compile(entry["wrong"]), entry["right"], entry.get("note", ""),
                        re.compile("|".join(allow)) if allow else None,
                        int(entry.get("since", 0))))
    return tuple(out)


@dataclass(frozen=True)
class Expression:
    right: str
    pattern: re.Pattern[str]  # every wrong or cut-short way of writing it


@cache
def expressions() -> tuple[Expression, ...]:
    return tuple(Expression(e["right"], re.compile("|".join(f"(?:{w})" for w in e["wrong"])))
                 for e in load("expressions")["expression"])


@dataclass(frozen=True)
class Event:
    name: str
    pattern: re.Pattern[str]
    start: dt.date


@cache
def events() -> tuple[Event, ...]:
    return tuple(Event(e["name"], re.compile(e["pattern"]), e["start"])
                 for e in load("events")["event"])
