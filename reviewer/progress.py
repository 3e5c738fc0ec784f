"""How a long analysis reports progress and is cancelled (the checks, the comparison).

Pure code, shared by the core packages: an analysis takes ``progress(done, total, step)`` (called
as each step finishes: a rule, a passage, a plan item) and ``cancelled()`` (asked between steps),
both optional. Once ``cancelled()`` returns true the analysis stops by raising :class:`Cancelled`:
it never returns a partial result that could pass for a whole one.
"""

from __future__ import annotations

from collections.abc import Callable

# progress(done, total, step): ``done`` of ``total`` steps finished, the last one named ``step``
Progress = Callable[[int, int, str], object]
# cancelled(): whether the caller wants the analysis stopped
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The analysis was stopped because ``cancelled()`` said so; nothing it found is returned."""


def check(cancelled: CancelCheck | None, step: str = "") -> None:
    """Raise :class:`Cancelled` if the caller asked for it."""
    if cancelled is not None and cancelled():
        raise Cancelled(step)
