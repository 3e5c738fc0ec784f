"""Files on disk: finding report files in folders — plain text, and the Word, PDF and web-page
files the readers take (their suffixes are the readers' data, ``readers/formats.toml``) — and
reading only regular files, and only so much.

``read_regular`` is the one way the program reads a file a person gave it (a report of any
format, a review, a settings or theme file): it refuses anything but a regular file — a FIFO
would block forever, ``/dev/zero`` never ends — and never reads more than a limit, whatever
``stat`` says (files in ``/proc`` claim to be empty).
"""

from __future__ import annotations

import errno
import os
import stat

from reviewer.document.readers import settings

TEXT_SUFFIXES = (".txt", ".text", ".md")
_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "node_modules"}

# --- reading -----------------------------------------------------------------------------------

class FileRefused(OSError):
    """A file that is not read: not a regular file, or larger than the limit. ``reason`` says
    which, in both languages, for a person."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, path)
        self.reason = reason


def special_kind(mode: int) -> str | None:
    """Why a file of this mode is not read, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "这是一个文件夹，不是报告文件 (is a folder, not a regular file)"
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道（FIFO），不是普通文件 (a FIFO, not a regular file)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是一个设备文件，不是普通文件 (a device, not a regular file)"
    if stat.S_ISSOCK(mode):
        return "这是一个套接字，不是普通文件 (a socket, not a regular file)"
    return "不是普通文件 (not a regular file)"


def _too_large(limit: int) -> str:
    size = f"{limit // (1 << 20)} MB" if limit >= 1 << 20 else f"{limit} B"
    return f"文件过大，超过 {size} (too large: over {size})"


def _opener(path: str, flags: int) -> int:
    # Without O_NONBLOCK, opening a FIFO waits for a writer that may never come.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises :class:`FileRefused` for anything else (a folder, a FIFO, a device, a socket, a file
    larger than ``limit`` — counted while reading, not taken from ``stat``), and the ``OSError``
    of the file system otherwise (missing, no permission).
    """
    return read_regular_stat(path, limit)[0]


def read_regular_stat(path: str | os.PathLike[str], limit: int
                      ) -> tuple[bytes, os.stat_result]:
    """``read_regular``, with the ``stat`` of the file that was read (not of whatever the path
    names a moment later)."""
    with open(path, "rb", opener=_opener) as f:
        st = os.fstat(f.fileno())
        kind = special_kind(st.st_mode)
        if kind is not None:
            raise FileRefused(os.fspath(path), kind)
        if st.st_size > limit:
            raise FileRefused(os.fspath(path), _too_large(limit))
        parts = [f.read(st.st_size + 1)] if st.st_size else []
        total = sum(map(len, parts))
        while True:  # a file that grows while read, or one that says it is empty
            chunk = f.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileRefused(os.fspath(path), _too_large(limit))
        return b"".join(parts), st


# --- folders -----------------------------------------------------------------------------------

def report_suffixes() -> tuple[str, ...]:
    return TEXT_SUFFIXES + tuple(settings()["suffixes"])


def is_report_file(path: str) -> bool:
    name = os.path.basename(path)
    # ~$报告.docx is the lock file Word keeps beside a document it has open
    return name.lower().endswith(report_suffixes()) and not name.startswith((".", "~$")) and \
        name.lower() not in ("readme.md", "readme.txt")


def iter_report_files(paths: list[str],
                      skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Expand files and folders (recursively) into report files, in a stable order. A path that
    is neither is passed through so the caller reports it. In a folder, only regular files are
    taken: the others (FIFOs, devices, sockets, broken links) are left out and, when ``skipped``
    is given, added to it as ``(path, reason)``."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if not is_report_file(full):
                        continue
                    try:
                        kind = special_kind(os.stat(full).st_mode)
                    except OSError as exc:
                        kind = f"无法读取 ({exc.strerror})"
                    if kind is None:
                        out.append(full)
                    elif skipped is not None:
                        skipped.append((full, kind))
        else:
            out.append(path)
    return out
