"""Figures as the reports write them: ``1256万人``, ``1.2万余份``, ``4.5%—5%``, ``800余万元``,
``减少农村贫困人口1000万``, each with its span, value, unit and the unit's dimension.

One reader for every layer: the number rules of the flags and the prior-year comparison read
figures here, and the units, magnitudes and the words around a figure are data in
``data/units.toml``. Two figures compare (one checked against the other, one part of the other)
only when their units share a dimension (:func:`comparable`): 万人 with 名, 亿斤 with 万吨,
人次 with 人次 only.

Full-width digits, point and percent sign read like half-width ones (:func:`narrow` keeps the
length, so offsets hold). One regular expression pass over the text, no backtracking on runs of
digits: linear in the text's length.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from reviewer.document.chars import pairs, swap

__all__ = ["Figure", "comparable", "convert", "dimension", "figures", "narrow", "unit_scale",
           "units"]

# full-width digits, point, percent sign and comma → half-width (same length: offsets hold)
_WIDTH = pairs("０１２３４５６７８９．％，", "0123456789.%,")
_GAP = "[ \t\u3000]*"
# a run of digits this long or shorter is told to be no figure from the character after it
_SHORT_RUN = 8


@cache
def _data() -> dict[str, Any]:
    entry = resources.files(__package__).joinpath("data", "units.toml")
    return tomllib.loads(entry.read_text(encoding="utf-8"))


@cache
def units() -> dict[str, tuple[str, float]]:
    """Every unit: unit → (dimension, size in the dimension's base unit)."""
    return {u: (dim, float(size)) for u, (dim, size) in _data()["units"].items()}


@cache
def _magnitudes() -> dict[str, float]:
    return {m: float(v) for m, v in _data()["magnitudes"].items()}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    conf = _data()["figure"]
    num = r"\d{1,3}(?:,\d{3})++(?!\d)(?:\.\d++)?|\d++(?:\.\d++)?"
    mag = _alternation(_magnitudes())
    approx = _alternation(conf["approx"])
    unit = _alternation(units())
    dash = _alternation(conf["range_dashes"])
    not_before = "".join(f"(?<!{re.escape(w)})" for w in conf["not_before"])
    not_after = _alternation(conf["not_after"])
    # number [approx] [magnitude] [approx] unit, or a bare magnitude; a range repeats the first
    # part (its unit optional) before a dash. Atomic groups: once a unit or a magnitude is read
    # it is never given back (20万吨级 is no bare 20万), and no run of digits is re-tried.
    def one(p: str) -> str:
        return (rf"(?P<{p}num>{num})(?>{_GAP}(?P<{p}a1>{approx})?(?P<{p}mag>{mag})?"
                rf"(?P<{p}a2>{approx})?{_GAP})")

    low, high = one("l"), one("h")
    # what may follow a number that makes it a figure: 余/多, a magnitude, a unit, or a dash
    # before the rest of a range. A short run of digits followed by none of them nor by what may
    # continue the number (a year, a list number, （12）) is no figure: told there, not read as
    # a bare number to be left out (the characters it looks at are a few, however long the run)
    follows = re.escape("".join(sorted({w[0] for w in (*_magnitudes(), *conf["approx"],
                                                        *units(), *conf["range_dashes"])})))
    no_figure = rf"(?!\d{{1,{_SHORT_RUN}}}+[^\d.,{follows} \t\u3000])"
    # (?=\d) first: every figure opens with a digit, and a position that holds none fails there,
    # before the lookbehinds are tried at every character of the text
    return re.compile(
        rf"(?=\d)(?<![\d.A-Za-z]){not_before}{no_figure}"
        rf"(?:{low}(?>(?P<lunit>{unit})?){_GAP}(?:{dash}){_GAP})?"
        rf"{high}(?>(?P<unit>{unit})?)(?!{not_after})")


class Figure(NamedTuple):
    """One figure of a text: ``text[start:end]`` as written, a range included.

    ``number`` is the digits as written (of the upper end for a range), ``value`` the number times
    its magnitude in ``unit`` (1.2万份 → 12000, unit 份); ``unit`` is the unit without its
    magnitude (``""`` for a bare 1000万), ``magnitude`` the 万/亿/万亿 written before it;
    ``approx`` is 余 or 多 after the number (a rounded figure, "and more"); ``low`` the lower end
    of a range (4.5%—5% → low 4.5, value 5), else ``None``.
    """

    start: int
    end: int
    number: str
    value: float
    unit: str
    magnitude: str = ""
    approx: bool = False
    low: float | None = None

    @property
    def dimension(self) -> str:
        """What the figure measures (``units.toml``): percent, people, money, count…"""
        return dimension(self.unit)

    @property
    def written_unit(self) -> str:
        """The unit as written, magnitude included: 万人, 亿元, 万亿斤, %."""
        return self.magnitude + self.unit

    @property
    def base(self) -> float:
        """The value in its dimension's base unit (1.3万亿斤 → kilograms)."""
        return self.value * units().get(self.unit, ("", 1.0))[1]

    @property
    def is_round(self) -> bool:
        """Written as a round figure: a multiple of ten, or scaled by 万/亿 with decimals."""
        number = self.number.replace(",", "")
        if "." in number:
            return bool(self.magnitude)
        return bool(self.magnitude) or int(number) % 10 == 0


def narrow(text: str) -> str:
    """``text`` with half-width digits, point, percent sign and comma (offsets unchanged)."""
    return swap(text, _WIDTH)


@lru_cache(maxsize=8)
def _narrowed(text: str) -> str:
    return narrow(text)


def dimension(unit: str) -> str:
    """The dimension of a unit written without magnitude; ``"number"`` for a bare count."""
    if not unit:
        return "number"
    return units()[unit][0] if unit in units() else ""


def unit_scale(written: str) -> tuple[str, float] | None:
    """(dimension, size in the dimension's base unit) of a unit as written, magnitude included
    (``万人`` → ("people", 1e4); ``万`` → ("number", 1e4)); None for an unknown unit."""
    table = units()
    if written in table:
        return table[written]
    for mag, size in sorted(_magnitudes().items(), key=lambda kv: -len(kv[0])):
        if written.startswith(mag):
            rest = written[len(mag):]
            if not rest:
                return ("number", size)
            if rest in table:
                return (table[rest][0], size * table[rest][1])
    if written == "":
        return ("number", 1.0)
    return None


def convert(value: float, written: str, to: str) -> float | None:
    """``value`` given in the unit ``written`` expressed in the unit ``to`` (both as written,
    magnitude included: 1256 万人 → 12,560,000 人), or None when they do not compare."""
    a, b = unit_scale(written), unit_scale(to)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]


def comparable(a: Figure | str, b: Figure | str) -> bool:
    """Whether two figures (or units as written) measure the same thing."""
    if type(a) is Figure and type(b) is Figure and a.unit == b.unit:
        return bool(a.dimension)  # one unit: what it measures, if it is known, looked up once
    da = a.dimension if isinstance(a, Figure) else (unit_scale(a) or ("",))[0]
    db = b.dimension if isinstance(b, Figure) else (unit_scale(b) or ("",))[0]
    return bool(da) and da == db


def _value(number: str, magnitude: str | None) -> float:
    return float(number.replace(",", "")) * (_magnitudes()[magnitude] if magnitude else 1.0)


@cache
def _units_of(dimensions: frozenset[str]) -> frozenset[str]:
    """The units (``""`` for a bare number) whose dimension is one of ``dimensions``."""
    found = {u for u, (dim, _) in units().items() if dim in dimensions}
    return frozenset(found | {""}) if "number" in dimensions else frozenset(found)


def figures(text: str, start: int = 0, end: int | None = None, *,
            bare: bool = True, dimensions: frozenset[str] | None = None,
            ranges: bool = False) -> list[Figure]:
    """Every figure in ``text[start:end]``, in text order. A number with neither a unit nor a
    magnitude (a year, a list number) is no figure; ``bare=False`` leaves out bare magnitudes
    (1000万) too; ``dimensions``, when given, keeps only the figures that measure one of them
    (told from the unit before a figure is built: a reader of counts in a text of percentages
    builds none), and with ``ranges`` every range besides, whatever it measures."""
    flat = _narrowed(text)
    stop = len(text) if end is None else end
    out: list[Figure] = []
    append = out.append
    kept = None if dimensions is None else _units_of(frozenset(dimensions))
    mags = _magnitudes()
    new = tuple.__new__
    for m in _pattern().finditer(flat, start, stop):
        # the groups read in one call: a text dense in figures has one every few characters
        unit, mag, lnum, hnum = m.group("unit", "hmag", "lnum", "hnum")
        low = None
        fig_start = m.start()
        if lnum is not None:
            unit = unit or ""
            mag = mag or ""
            lunit, lmag = m.group("lunit", "lmag")
            lunit = lunit or ""
            lmag = lmag or ""
            if (lunit and lunit != unit) or not (unit or mag):
                # no range: two figures of different units, or a figure and a bare number
                # joined by a dash; each stands alone
                if (lunit or (lmag and bare)) and (kept is None or lunit in kept):
                    append(Figure(m.start(), m.end("lunit") if lunit else m.end("lmag"),
                                  lnum, _value(lnum, lmag), lunit,
                                  lmag, bool(m.group("la1") or m.group("la2"))))
                fig_start = m.start("hnum")
            else:
                low = _value(lnum, lmag or mag)
        elif unit is None:
            if mag is None or not bare:
                continue  # a year, a list number: no figure
            unit = ""
        elif kept is not None and unit not in kept:
            continue  # told from the unit alone: most figures of a text of shares are no count
        else:
            mag = mag or ""
        if not unit and (not mag or not bare):
            continue
        if kept is not None and unit not in kept and (low is None or not ranges):
            continue
        # the unit closes the match (what may follow it is only looked at), a bare magnitude
        # may have 余 and spaces after it
        fig_end = m.end() if unit else m.end("hmag")
        ha1, ha2 = m.group("ha1", "ha2")
        value = (float(hnum) if "," not in hnum else float(hnum.replace(",", ""))
                 ) * (mags[mag] if mag else 1.0)
        # built as a tuple of all its fields: a text of counts has one every few characters
        append(new(Figure, (fig_start, fig_end, hnum, value, unit, mag,
                            bool(ha1 or ha2), low)))
    return out
