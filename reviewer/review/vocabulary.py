"""The words a review is made of (tags, severities, verdicts, plan statuses, target verdicts, the
rubric), as data.

They live in ``data/vocabulary.toml`` so a team can adapt them without touching code; a different
file can be loaded with ``load_vocabulary(path)``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reviewer.review.errors import ReviewError


@dataclass(frozen=True)
class Criterion:
    name: str
    hint: str = ""
    levels: tuple[str, ...] = ()  # what each score of the scale means, lowest first

    def meaning(self, score: int, low: int) -> str:
        """What ``score`` means for this criterion ("" when the rubric does not say)."""
        index = score - low
        return self.levels[index] if 0 <= index < len(self.levels) else ""


@dataclass(frozen=True)
class Vocabulary:
    tags: tuple[str, ...]
    severities: tuple[str, ...]
    default_severity: str
    verdicts: tuple[str, ...]
    decisions: tuple[str, ...]
    plan_statuses: tuple[str, ...]
    target_verdicts: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    score_min: int
    score_max: int


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ReviewError(where, f"'{key}' should be a non-empty list of strings")
    return tuple(value)


def parse_vocabulary(data: dict, where: str) -> Vocabulary:
    tags = _strings(data, "tags", where)
    severities = _strings(data, "severities", where)
    default = data.get("default_severity", severities[0])
    if default not in severities:
        raise ReviewError(where, f"default_severity '{default}' is not one of the severities")
    verdicts = _strings(data, "verdicts", where)
    decisions = _strings(data, "decisions", where)
    statuses = _strings(data, "plan_statuses", where)
    target_verdicts = _strings(data, "target_verdicts", where)
    rubric = data.get("rubric", {})
    try:
        criteria = tuple(Criterion(str(c["name"]), str(c.get("hint", "")),
                                   tuple(str(v) for v in c.get("levels", ())))
                         for c in rubric.get("criterion", []))
        low, high = int(rubric["min"]), int(rubric["max"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ReviewError(where, f"[rubric] needs min, max and criteria with a name ({exc})") \
            from None
    for criterion in criteria:
        if criterion.levels and len(criterion.levels) != high - low + 1:
            raise ReviewError(where, f"criterion '{criterion.name}' has {len(criterion.levels)} "
                                     f"levels; the scale {low}–{high} needs {high - low + 1}")
    return Vocabulary(tags, severities, default, verdicts, decisions, statuses, target_verdicts,
                      criteria, low, high)


@cache
def load_vocabulary(path: str | None = None) -> Vocabulary:
    """The bundled vocabulary, or the one in ``path``. Raises :class:`ReviewError` when broken."""
    if path is None:
        where = "reviewer/review/data/vocabulary.toml"
        text = resources.files(__package__).joinpath("data", "vocabulary.toml").read_text(
            encoding="utf-8")
    else:
        where = path
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewError(path, f"cannot read the vocabulary ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReviewError(where, f"not valid TOML ({exc})") from None
    return parse_vocabulary(data, where)
