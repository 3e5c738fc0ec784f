"""Which legacy encoding a report that is not UTF-8 is written in, judged by how Chinese each
candidate decoding reads.

GB18030 decodes nearly any bytes, so "it decodes" proves little: Big5, Shift_JIS and EUC-KR files
all come out of it as text, a jumble of rare characters and kana. Each candidate (``candidate`` in
``data/encodings.toml``) is decoded strictly and scored on a sample: the share of its non-ASCII
characters that are frequent Chinese characters (simplified or traditional) or Chinese
punctuation. Real Chinese scores above nine in ten, a wrong decoding a fraction of that. The
data is read only when a report is not UTF-8, which most are not.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any, NamedTuple


class _Language(NamedTuple):
    name_zh: str
    name_en: str
    ranges: tuple[tuple[int, int], ...]
    share: float


class _Rules(NamedTuple):
    accept: float
    sample: int
    candidates: tuple[tuple[str, str], ...]  # (codec, label)
    chinese: frozenset[str]
    languages: tuple[_Language, ...]


@cache
def _rules() -> _Rules:
    entry = resources.files(__package__).joinpath("data", "encodings.toml")
    data: dict[str, Any] = tomllib.loads(entry.read_text(encoding="utf-8"))
    zh = data["chinese"]
    chinese = frozenset((zh["frequent"] + zh["frequent_traditional"] + zh["punctuation"])
                        .replace("\n", ""))
    languages = tuple(
        _Language(lang["name_zh"], lang["name_en"],
                  tuple((low, high) for low, high in lang["ranges"]), float(lang["share"]))
        for lang in data.get("language", {}).values())
    return _Rules(float(data["accept"]), int(data["sample"]),
                  tuple((c["codec"], c["label"]) for c in data["candidate"]), chinese, languages)


def _letters(text: str, sample: int) -> list[str]:
    """The characters that tell one script from another: not ASCII, not white space."""
    return [ch for ch in text[:sample] if ch > "\x7f" and not ch.isspace()]


def chinese_score(text: str) -> float:
    """The share of the non-ASCII characters of ``text`` that are frequent Chinese characters or
    Chinese punctuation (0 when it has none)."""
    rules = _rules()
    letters = _letters(text, rules.sample)
    if not letters:
        return 0.0
    return sum(ch in rules.chinese for ch in letters) / len(letters)


def _decodings(data: bytes) -> list[tuple[str, str, str]]:
    """(text, codec, label) for each candidate that decodes every byte."""
    out = []
    for codec, label in _rules().candidates:
        try:
            out.append((data.decode(codec), codec, label))
        except UnicodeDecodeError:
            continue
    return out


def best_decoding(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of the candidate that reads most like Chinese, when it reads like Chinese
    enough; ``None`` when none does."""
    rules = _rules()
    best: tuple[float, str, str] | None = None
    for text, codec, _label in _decodings(data):
        score = chinese_score(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < rules.accept:
        return None
    return best[1], best[2]


def other_language(data: bytes) -> tuple[str, str, str] | None:
    """(Chinese name, English name, encoding label) of another language the bytes read well in
    (Japanese in Shift_JIS, Korean in EUC-KR), for telling a person why they were refused."""
    rules = _rules()
    for text, _codec, label in _decodings(data):
        letters = _letters(text, rules.sample)
        if not letters:
            continue
        for lang in rules.languages:
            inside = sum(any(low <= ord(ch) <= high for low, high in lang.ranges)
                         for ch in letters)
            if inside / len(letters) >= lang.share:
                return lang.name_zh, lang.name_en, label
    return None
