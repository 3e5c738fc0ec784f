"""Finding report files in folders."""

from __future__ import annotations

import os

REPORT_SUFFIXES = (".txt", ".text", ".md")
_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules"}


def is_report_file(path: str) -> bool:
    name = os.path.basename(path)
    return name.lower().endswith(REPORT_SUFFIXES) and not name.startswith(".") and \
        name.lower() not in ("readme.md", "readme.txt")


def iter_report_files(paths: list[str]) -> list[str]:
    """Expand files and folders (recursively) into report files, in a stable order. A path that
    is neither is passed through so the caller reports it."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if is_report_file(full):
                        out.append(full)
        else:
            out.append(path)
    return out
