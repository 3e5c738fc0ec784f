"""One catalog for every string the program shows a person.

Strings live in ``zh/*.toml`` and ``en/*.toml`` beside this file; each file is a namespace
(``kinds.toml`` → ``kinds.plan``). Chinese is the default; ``set_language("en")`` switches.
A key missing in the chosen language falls back to Chinese, then to the key itself.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

from reviewer.names import has_undecodable, shown_path

LANGUAGES = ("zh", "en")
_lang = "zh"


def _flatten(prefix: str, data: dict, out: dict[str, str]) -> None:
    for key, value in data.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(full, value, out)
        else:
            out[full] = str(value)


_HERE = Path(__file__).resolve().parent


@cache
def _namespace(lang: str, ns: str) -> dict[str, str]:
    """The strings of one namespace file (``zh/ui.toml`` → ``ui.*``), read when first asked for:
    start-up reads only the few it shows."""
    path = _HERE / lang / f"{ns}.toml"
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    _flatten(ns, tomllib.loads(path.read_text(encoding="utf-8")), out)
    return out


def set_language(lang: str | None) -> str:
    """Choose the interface language (``zh`` or ``en``); unknown values keep Chinese."""
    global _lang
    _lang = lang if lang in LANGUAGES else "zh"
    return _lang


def language() -> str:
    return _lang


def t(key: str, **kwargs: object) -> str:
    """The string for ``key`` in the current language, formatted with ``kwargs``. A file name
    that is not UTF-8 among them is shown with its undecodable bytes as ``\\xNN``."""
    ns = key.partition(".")[0]
    text = _namespace(_lang, ns).get(key)
    if text is None:
        text = _namespace("zh", ns).get(key, key)
    if kwargs:
        if any(isinstance(v, str) and has_undecodable(v) for v in kwargs.values()):
            kwargs = {k: shown_path(v) if isinstance(v, str) and has_undecodable(v) else v
                      for k, v in kwargs.items()}
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def init_from_env() -> None:
    lang = os.environ.get("REVIEWER_LANG")
    if lang:
        set_language(lang)
