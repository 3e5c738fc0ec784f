"""How a long analysis reports progress and is cancelled (the checks, the comparison).

Pure code, shared by the core packages: an analysis takes ``progress(done, total, step)`` (called
as each step finishes: a rule, a passage, a plan item) and ``cancelled()`` (asked between steps),
both optional. Once ``cancelled()`` returns true the analysis stops by raising :class:`Cancelled`:
it never returns a partial result that could pass for a whole one. Analyses run with the cyclic
garbage collector paused (:func:`without_cycle_collector`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Run a long analysis with the cyclic garbage collector paused (and resumed after, if it
    was on). An analysis builds hundreds of thousands of objects that all stay alive until it
    ends; each full collection walks all of them, and on a report of megabytes the collections
    took as long as the analysis itself, more with every megabyte. What the analysis leaves
    behind is collected once it is over."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
