"""One catalog for every string the program shows a person.

Strings live in ``zh/*.toml`` and ``en/*.toml`` beside this file; each file is a namespace
(``kinds.toml`` → ``kinds.plan``). Chinese is the default; ``set_language("en")`` switches.
A key missing in the chosen language falls back to Chinese, then to the key itself.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("zh", "en")
_lang = "zh"


def _flatten(prefix: str, data: dict, out: dict[str, str]) -> None:
    for key, value in data.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(full, value, out)
        else:
            out[full] = str(value)


@cache
def catalog(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    folder = resources.files(__package__).joinpath(lang)
    if not folder.is_dir():
        return out
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            ns = entry.name[: -len(".toml")]
            _flatten(ns, tomllib.loads(entry.read_text(encoding="utf-8")), out)
    return out


def set_language(lang: str | None) -> str:
    """Choose the interface language (``zh`` or ``en``); unknown values keep Chinese."""
    global _lang
    _lang = lang if lang in LANGUAGES else "zh"
    return _lang


def language() -> str:
    return _lang


def t(key: str, **kwargs: object) -> str:
    """The string for ``key`` in the current language, formatted with ``kwargs``."""
    text = catalog(_lang).get(key)
    if text is None:
        text = catalog("zh").get(key, key)
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def init_from_env() -> None:
    lang = os.environ.get("REVIEWER_LANG")
    if lang:
        set_language(lang)
