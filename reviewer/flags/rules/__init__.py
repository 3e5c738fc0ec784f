"""The rules, one module per category; importing this package registers them all."""

from reviewer.flags.rules import content, numbers, proofreading, specificity, structure, timeliness

__all__ = ["content", "numbers", "proofreading", "specificity", "structure", "timeliness"]
