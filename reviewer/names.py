"""File names that are not UTF-8, shown and stored safely.

File names are bytes. Python hands a name that is not valid in the file system's encoding (a GBK
name from a Windows zip archive on a UTF-8 system) over as a string with lone surrogates: it works
for every file operation, but cannot be printed, nor written to TOML or JSON. The program keeps
the real name for every file operation and shows or stores ``shown_path(name)``, where each such
byte is written as ``\\xNN``; ``real_path`` finds the file a stored name was made from.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(rb"\\x([89a-fA-F][0-9a-fA-F])")


def has_undecodable(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _escape(found: re.Match[str]) -> str:
    code = ord(found[0])
    if 0xDC80 <= code <= 0xDCFF:  # how Python carries an undecodable byte of a name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can be printed and stored: each byte of the name that is not valid
    in the file system's encoding written as ``\\xNN``; any other name is returned as it is."""
    path = os.fspath(path)
    return _SURROGATE.sub(_escape, path) if _SURROGATE.search(path) else path


def real_path(path: str) -> str:
    """The file a name from ``shown_path`` stands for: ``path`` itself when it exists, else
    ``path`` with its ``\\xNN`` turned back into the bytes they show, when that exists."""
    if "\\x" not in path or os.path.lexists(path):
        return path
    raw = _ESCAPED_BYTE.sub(lambda m: bytes([int(m[1], 16)]), os.fsencode(path))
    candidate = os.fsdecode(raw)
    return candidate if os.path.lexists(candidate) else path
