"""Counted quantities for the number rules (``2800余次``, ``1.2万余份``, ``37 名``).

A thin layer over the one reader of figures, :mod:`reviewer.document.figures`, which the
comparison reads too: the value, whether it is approximate (``余``/``多``), the unit, and whether
two quantities compare are decided there (``reviewer/document/data/units.toml``). The rules count
the units listed in ``data/words.toml`` (``[units]``): counted things, events and people.
"""

from __future__ import annotations

from functools import cache

from reviewer.document.figures import Figure, comparable, figures
from reviewer.flags.data import load

__all__ = ["Quantity", "comparable", "counted_units", "quantities"]

# a quantity is a figure: start, end, number, value, approx, unit, is_round
Quantity = Figure


@cache
def counted_units() -> frozenset[str]:
    """The units the number rules count (``words.toml``)."""
    return frozenset(u for members in load("words")["units"].values() for u in members)


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every counted quantity in ``text[start:end]``, in text order."""
    counted = counted_units()
    return [f for f in figures(text, start, end, bare=False) if f.unit in counted]
