"""Internal errors: the traceback goes to a log file in the state folder, the person gets one line.

A bug must never look like bad input (exit 2) or like flags found (exit 1): every command and the
app exit with ``INTERNAL_ERROR`` (3) after one, having written the traceback to
``$XDG_STATE_HOME/reviewer/errors.log`` (beside ``rescued/``) for the report that fixes it.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime

INTERNAL_ERROR = 3
LOG_NAME = "errors.log"
# The log keeps the latest tracebacks; past this size the older half is dropped.
_MAX_LOG_BYTES = 1 << 20


def state_folder() -> str:
    """``$XDG_STATE_HOME/reviewer`` (default ``~/.local/state/reviewer``)."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                             "state")
    return os.path.join(state, "reviewer")


def log_path() -> str:
    return os.path.join(state_folder(), LOG_NAME)


def log_internal_error(error: BaseException) -> str | None:
    """Append the traceback of ``error`` to the log; its path, or ``None`` when the log cannot be
    written (the traceback then goes to standard error, so it is not lost)."""
    from reviewer import __version__
    from reviewer.names import shown_path

    text = "".join(traceback.format_exception(error))
    head = (f"==== {datetime.now().astimezone().isoformat(timespec='seconds')} reviewer "
            f"{__version__}, python {sys.version.split()[0]}: "
            f"{shown_path(' '.join(sys.argv))}\n")
    path = log_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            if os.path.getsize(path) > _MAX_LOG_BYTES:
                with open(path, "rb") as f:
                    f.seek(-_MAX_LOG_BYTES // 2, os.SEEK_END)
                    kept = f.read()
                with open(path, "wb") as f:
                    f.write(kept)
        except FileNotFoundError:
            pass
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as f:
            f.write(head + text + "\n")
    except OSError:
        sys.stderr.write(shown_path(text))
        return None
    return path


def summary(error: BaseException) -> str:
    """``Type: message`` of ``error``, on one line."""
    from reviewer.names import shown_path

    message = " ".join(str(error).split())
    name = type(error).__name__
    return shown_path(f"{name}: {message}" if message else name)[:200]
