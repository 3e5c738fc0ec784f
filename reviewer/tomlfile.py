"""TOML written by people (review files, settings, themes), read without surprises.

``tomllib`` parses nested arrays and inline tables by recursion, so a file nested a few thousand
levels deep (by accident or on purpose) ends in a ``RecursionError``: here it is a
``TOMLDecodeError`` like any other broken file, which every reader already reports clearly and
never writes over.
"""

from __future__ import annotations

import os
import tomllib
from typing import Any

from reviewer.names import shown_path

# Settings and themes are a few lines; a file past this is not one.
MAX_SETTINGS_BYTES = 1 << 20


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``; nesting too deep to parse raises ``TOMLDecodeError`` too."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply to read") from None


def read(path: str | os.PathLike[str], limit: int = MAX_SETTINGS_BYTES) -> dict[str, Any]:
    """The table in a TOML file that must be a regular file of at most ``limit`` bytes, UTF-8.

    Raises ``FileNotFoundError`` when it does not exist, ``ValueError`` naming the file and the
    reason for anything else (not a regular file, unreadable, not UTF-8, broken TOML).
    """
    from reviewer.document.files import read_regular

    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ValueError(f"{shown_path(path)}: {exc.strerror or exc}") from None
    try:
        return loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{shown_path(path)}: {exc}") from None
