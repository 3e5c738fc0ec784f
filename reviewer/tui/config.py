"""The user's settings and where they live.

Pure functions over XDG paths, so the app, the command line and the tests all read and write the
same file the same way. The file is the user's: keys we do not know are kept, and a file we cannot
parse is never overwritten (its problem is reported instead).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.names import has_undecodable, shown_path

CONFIG_NAME = "config.toml"


@dataclass
class Config:
    """What the app remembers between runs. ``None`` means "not set, use the default"."""

    theme: str | None = None
    reviewer: str | None = None
    language: str | None = None
    keys: dict[str, str] = field(default_factory=dict)


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/reviewer`` (``~/.config/reviewer`` when the variable is unset)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "reviewer"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    return config_dir(environ) / CONFIG_NAME


def user_themes_dir(environ: Mapping[str, str] | None = None) -> Path:
    return config_dir(environ) / "themes"


def _read(path: Path) -> dict:
    """The raw table in ``path``; ``{}`` when the file does not exist. Raises ``ValueError``
    (broken, nested too deeply, not a regular file)."""
    from reviewer import tomlfile

    try:
        return tomlfile.read(path)
    except FileNotFoundError:
        return {}


def _text(data: dict, key: str, problems: list[str], path: Path) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value or None
    problems.append(f"{path}: {key} = {value!r} is not text")
    return None


def load_config(path: Path) -> tuple[Config, list[str]]:
    """The settings in ``path`` and a list of problems found (each names the file).

    A missing file is no problem; a broken one gives the defaults and one problem.
    """
    try:
        data = _read(path)
    except ValueError as exc:
        return Config(), [str(exc)]
    problems: list[str] = []
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        problems.append(f"{path}: [keys] must be a table of action = \"key\"")
        raw_keys = {}
    for action_id, key in raw_keys.items():
        if isinstance(key, str) and key.strip():
            keys[action_id] = key.strip()
        else:
            problems.append(f"{path}: keys.{action_id} = {key!r} is not a key name")
    config = Config(
        theme=_text(data, "theme", problems, path),
        reviewer=_text(data, "reviewer", problems, path),
        language=_text(data, "language", problems, path),
        keys=keys,
    )
    return config, problems


def remember(path: Path, **values: str) -> str | None:
    """Store ``values`` (e.g. ``theme="reviewer-light"``) in the config file, keeping all else.

    Returns a problem to show, or ``None``. An unreadable file is left untouched: the user's
    hand-written settings are worth more than what we wanted to remember.
    """
    import tomli_w  # only writing needs it, and start-up rarely writes

    try:
        data = _read(path)
    except ValueError as exc:
        return str(exc)
    data.update(values)
    from reviewer.review.store import write_atomic

    try:
        text = tomli_w.dumps(data).encode("utf-8")  # before any file is made
    except (UnicodeEncodeError, TypeError, ValueError) as exc:
        return f"{shown_path(path)}: {exc}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), text)  # a kill or a full disk leaves no half file behind
    except OSError as exc:
        return f"{shown_path(path)}: {exc.strerror or exc}"
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a reviewer's name (kept in every review, shown in the header), or
    ``None``: it must have a letter, no control characters, and be text a file can hold (a
    name given in bytes that are not UTF-8 is not)."""
    if not name.strip():
        return "empty"
    if has_undecodable(name):
        return "undecodable"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        return "control"
    return None


@dataclass
class Settings:
    """What the command line and the config file decided for this run."""

    reviewer: str = ""
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    theme_dirs: list[Path] = field(default_factory=list)
    config_path: Path | None = None  # where the chosen theme is remembered; None: nowhere
    ask_name: bool = False  # no reviewer's name known: ask for it before a review is written
    problems: list[str] = field(default_factory=list)
