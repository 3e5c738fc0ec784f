"""The rules, one module per category; importing this package registers them all."""

from reviewer.flags.rules import numbers, proofreading, specificity, structure, timeliness

__all__ = ["numbers", "proofreading", "specificity", "structure", "timeliness"]
