"""The comparison's word lists and thresholds, read once from the TOML files in ``data/``.

Keeping them as data lets a reviewer extend the vocabulary (a new lower-is-better indicator, a
new unit, a domain word jieba should not split) without touching the matching code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.toml``."""
    text = resources.files(__package__).joinpath("data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def rules() -> dict[str, Any]:
    return load("rules")


def indicators() -> dict[str, Any]:
    return load("indicators")


@cache
def stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])
