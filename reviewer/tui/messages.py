"""Messages the app's parts send each other.

Background workers and widgets only post these; the screens' handlers (on the UI thread) turn
them into calls on the session, which alone changes the review.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class JumpTo(Message):
    """Move the reader to ``offset`` (an outline entry, a flag or a note was chosen);
    ``flag`` is the flag chosen, if it was one."""

    def __init__(self, offset: int, flag: Any = None) -> None:
        super().__init__()
        self.offset = offset
        self.flag = flag


class FlagsReady(Message):
    """The checks of the open report finished (computed in a worker thread)."""

    def __init__(self, flags: list[Any]) -> None:
        super().__init__()
        self.flags = flags


class ChecksProgress(Message):
    """The checks running in the worker finished ``done`` of their ``total`` rules."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class ChecksCancelled(Message):
    """The checks were stopped before they finished (Esc)."""


class ScoreChosen(Message):
    """The reviewer chose a score for a rubric criterion (``None``: not scored)."""

    def __init__(self, criterion: str, value: int | None) -> None:
        super().__init__()
        self.criterion = criterion
        self.value = value


class VerdictChosen(Message):
    """The reviewer chose the verdict ("" for none)."""

    def __init__(self, verdict: str) -> None:
        super().__init__()
        self.verdict = verdict


class SummaryTyped(Message):
    """The reviewer changed the summary's text."""

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary


class ReportsRead(Message):
    """The picker's worker read some reports: their ``entries`` (``reviewer.workspace.Entry``),
    at ``stage`` "read" (facts and reviews) or "check" (flags), ``done`` of ``total``."""

    def __init__(self, entries: list[Any], stage: str, done: int, total: int) -> None:
        super().__init__()
        self.entries = entries
        self.stage = stage
        self.done = done
        self.total = total


class DecideFlags(Message):
    """The reviewer asked to confirm or dismiss every flag of ``rule`` that the flag list shows
    (``flags``): the screen asks to be sure, naming the count, and records it as one change."""

    def __init__(self, flags: list[Any], decision: str, rule: str) -> None:
        super().__init__()
        self.flags = flags
        self.decision = decision
        self.rule = rule
