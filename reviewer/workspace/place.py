"""Where a reviewer was in a folder's list of reports: the report last opened, the sort and the
filters, so the list comes back as it was left, the next day too.

One small JSON file per folder in ``$XDG_STATE_HOME/reviewer/workspaces/`` (default
``~/.local/state/reviewer/workspaces/``), named after the folder's absolute path and replaced
whole on every write. A file that cannot be read or makes no sense is a fresh start; one that
cannot be written only means the place is not remembered.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from reviewer.review.store import write_atomic
from reviewer.workspace.columns import COLUMNS


class Place(NamedTuple):
    path: str = ""  # the report last opened (absolute)
    sort: str = "file"
    reverse: bool = False
    filters: dict[str, str] = {}
    column: str = "file"  # the column the sort and filter keys act on


def _state_home() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                            "state")
    return Path(base) / "reviewer" / "workspaces"


def place_file(folder: str) -> Path:
    key = os.path.abspath(folder).encode("utf-8", "surrogateescape")
    return _state_home() / f"{hashlib.sha256(key).hexdigest()[:16]}.json"


def load_place(folder: str) -> Place:
    try:
        data = json.loads(place_file(folder).read_bytes().decode("utf-8", "surrogateescape"))
    except (OSError, ValueError):
        return Place()
    if not isinstance(data, dict):
        return Place()
    path, sort, column = data.get("path"), data.get("sort"), data.get("column")
    filters = data.get("filters")
    return Place(
        path if isinstance(path, str) else "",
        sort if sort in COLUMNS else "file",
        data.get("reverse") is True,
        {k: v for k, v in filters.items() if k in COLUMNS and isinstance(v, str) and v}
        if isinstance(filters, dict) else {},
        column if column in COLUMNS else "file")


def save_place(folder: str, place: Place) -> bool:
    """Remember ``place``; False when the state folder cannot be written."""
    path = place_file(folder)
    data = {"folder": os.path.abspath(folder), **place._asdict()}
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        # a file name that is not UTF-8 keeps its own bytes, and reads back as the same name
        text = json.dumps(data, ensure_ascii=False, indent=1)
        write_atomic(str(path), text.encode("utf-8", "surrogateescape"))
        return True
    return False
