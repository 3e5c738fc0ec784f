"""Messages the app's parts send each other.

Background workers only post these; the handlers (on the UI thread) change state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class JumpTo(Message):
    """Move the reader to ``offset`` (an outline entry, a flag or a note was chosen);
    ``flag`` is the flag chosen, if it was one."""

    offset: int
    flag: Any = None


@dataclass
class FlagsReady(Message):
    """The checks of the open report finished (computed in a worker thread)."""

    flags: list[Any]


@dataclass
class ReviewEdited(Message):
    """The reviewer changed a score, the verdict or the summary in the side panel."""


@dataclass
class ReportScanned(Message):
    """The picker read one report: ``row`` describes it, ``error`` says why it cannot open."""

    path: str
    row: dict[str, Any] | None
    error: str | None = None
