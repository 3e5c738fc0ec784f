"""Counted quantities in a text (``2800余次``, ``1.2万余份``, ``37 名``), with their spans.

Several number rules need the same reading of figures: a value, whether it is approximate
(``余``/``多``), its unit, and the unit's group so that ``次`` and ``起`` compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reviewer.flags.data import load

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    number: str  # the digits as written
    value: float
    approx: bool  # 余 or 多 after the number
    unit: str

    @property
    def is_round(self) -> bool:
        """Written as a round figure: a multiple of ten, or scaled by 万/亿."""
        if "." in self.number:
            return self.value != float(self.number)
        return self.value != int(self.number) or int(self.number) % 10 == 0


@cache
def unit_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for members in load("words")["units"].values():
        for unit in members:
            groups.setdefault(unit, set()).update(members)
    return {u: frozenset(g) for u, g in groups.items()}


@cache
def _pattern() -> re.Pattern[str]:
    units = sorted(unit_groups(), key=len, reverse=True)
    return re.compile(
        r"(?<![\d.．第])(\d+(?:\.\d+)?)\s*([万亿])?\s*([余多])?\s*(" + "|".join(units) + ")"
    )


def comparable(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or b.unit in unit_groups().get(a.unit, frozenset())


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    out = []
    for m in _pattern().finditer(text, start, len(text) if end is None else end):
        number, mult, approx, unit = m.groups()
        value = float(number) * _MULTIPLIERS.get(mult or "", 1)
        out.append(Quantity(m.start(), m.end(), number, value, bool(approx), unit))
    return out
