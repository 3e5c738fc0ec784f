"""Counted quantities for the number rules (``2800余次``, ``1.2万余份``, ``37 名``).

The number rules read figures through the one reader of figures,
:mod:`reviewer.document.figures`, which the comparison reads too: the value, whether it is
approximate (``余``/``多``), the unit and its dimension, and whether two quantities compare are
decided there (``reviewer/document/data/units.toml``). A counted quantity is a figure whose
dimension is one the rules count (``data/words.toml``'s ``counted_dimensions``: people, visits,
households, things, events…), not a share, a sum of money or a length.
"""

from __future__ import annotations

from functools import cache

from reviewer.document.figures import Figure, comparable, figures
from reviewer.flags.data import words

__all__ = ["Quantity", "comparable", "counted_dimensions", "quantities"]

# a quantity is a figure: start, end, number, value, approx, unit, is_round
Quantity = Figure


@cache
def counted_dimensions() -> frozenset[str]:
    """The dimensions the number rules count (``words.toml``)."""
    return frozenset(words("words", "counted_dimensions"))


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every counted quantity in ``text[start:end]``, in text order."""
    return figures(text, start, end, bare=False, dimensions=counted_dimensions())
