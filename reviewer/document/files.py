"""Finding report files in folders: plain text, and the Word, PDF and web-page files the
readers take (their suffixes are the readers' data, ``readers/formats.toml``)."""

from __future__ import annotations

import os

from reviewer.document.readers import settings

TEXT_SUFFIXES = (".txt", ".text", ".md")
_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules"}


def report_suffixes() -> tuple[str, ...]:
    return TEXT_SUFFIXES + tuple(settings()["suffixes"])


def is_report_file(path: str) -> bool:
    name = os.path.basename(path)
    # ~$报告.docx is the lock file Word keeps beside a document it has open
    return name.lower().endswith(report_suffixes()) and not name.startswith((".", "~$")) and \
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
