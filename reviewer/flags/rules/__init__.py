"""The rules, one module per category (the numbers in two: figures read against each other in
``numbers``, figures as they are written in ``figure_wording``); importing this package
registers them all."""

from reviewer.flags.rules import (
    content,
    figure_wording,
    numbers,
    proofreading,
    specificity,
    structure,
    timeliness,
)

__all__ = ["content", "figure_wording", "numbers", "proofreading", "specificity", "structure",
           "timeliness"]
