"""What a report says and what the checks found in it, kept by the file's SHA-256.

A folder of 200 reports lists at once the second time: each report's government, year, genre,
title and flags are read back from ``$XDG_CACHE_HOME/reviewer/facts/`` (default
``~/.cache/reviewer/facts/``) instead of being parsed and checked again.

Never a wrong result: an entry is keyed by the SHA-256 of the report's bytes (a changed file is a
new key), inside a folder named after the code and data that computed it (the document, profile
and flag packages) and the interface language of the messages, so a new version of the checks
starts afresh. Never a traceback: each entry is one small JSON file written atomically (temporary
file, then rename), so sessions running at once only ever replace whole files; an entry that is
unreadable, cut off or malformed in any way is a miss and is computed and written again; a cache
folder that cannot be written leaves the app working without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from reviewer.i18n import language

FORMAT = 1  # of an entry's JSON
_PACKAGES = ("document", "profiles", "flags")  # what computes the facts and the flags
_STALE_DAYS = 30  # folders of older versions of the code unused this long are removed


class FlagMark(NamedTuple):
    """A flag as the list of reports needs it: which rule, how severe, where."""

    rule: str
    category: str
    severity: str
    start: int
    end: int


class Facts(NamedTuple):
    """What a report says about itself; ``flags`` is ``None`` until the checks have run."""

    sha256: str
    government: str
    year: int | None
    genre: str
    title: str
    flags: tuple[FlagMark, ...] | None = None


def cache_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reviewer" / "facts"


@cache
def code_fingerprint() -> str:
    """A digest of every module and data file that computes a report's facts and flags."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".toml") and path.is_file():
                digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape"))
                with suppress(OSError):
                    digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _facts_of(data: Any, sha256: str) -> Facts | None:
    """The facts in a parsed entry, or ``None`` when anything in it is not as written."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or \
            data.get("sha256") != sha256:
        return None
    government, year, genre, title = (data.get(k) for k in ("government", "year", "genre",
                                                             "title"))
    if not all(isinstance(v, str) for v in (government, genre, title)):
        return None
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        return None
    flags = data.get("flags")
    marks: tuple[FlagMark, ...] | None = None
    if flags is not None:
        if not isinstance(flags, list):
            return None
        out = []
        for f in flags:
            if not (isinstance(f, list) and len(f) == 5 and all(isinstance(x, str) for x in f[:3])
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in f[3:])
                    and 0 <= f[3] <= f[4]):
                return None
            out.append(FlagMark(*f))
        marks = tuple(out)
    return Facts(sha256, government, year, genre, title, marks)


class FactsCache:
    """The cache folder of this version of the checks, in the interface language."""

    def __init__(self, home: Path | None = None) -> None:
        self.root = (home or cache_home()) / f"{code_fingerprint()}-{language()}"
        self._swept = False

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> Facts | None:
        self._once()
        try:
            with open(self._path(sha256), "rb") as f:
                data = json.loads(f.read().decode("utf-8"))
        except (OSError, ValueError):  # missing, unreadable, cut off, not JSON, not UTF-8
            return None
        return _facts_of(data, sha256)

    def put(self, facts: Facts) -> bool:
        """Keep ``facts``; False when the cache folder cannot be written (nothing else
        happens: the cache is only ever a shortcut)."""
        data = {"format": FORMAT, "sha256": facts.sha256, "government": facts.government,
                "year": facts.year, "genre": facts.genre, "title": facts.title,
                "flags": None if facts.flags is None else [list(f) for f in facts.flags]}
        path = self._path(facts.sha256)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
                os.replace(temp, path)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError:
            return False
        return True

    def _once(self) -> None:
        """On first use: mark this version's folder as in use, and remove the folders of other
        versions of the checks that nobody used for a month."""
        if self._swept:
            return
        self._swept = True
        with suppress(OSError):
            os.utime(self.root)
        with suppress(OSError):
            for other in self.root.parent.iterdir():
                if other != self.root and other.is_dir() and \
                        time.time() - other.stat().st_mtime > _STALE_DAYS * 86400:
                    shutil.rmtree(other, ignore_errors=True)
