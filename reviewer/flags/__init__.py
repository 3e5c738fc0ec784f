"""Flags: what a careful reviewer would mark in a report, each at an exact passage.

``run_flags(doc)`` runs every registered rule (``RULES``) and returns :class:`Flag` objects in the
order of importance (severity, category, position), with offsets into ``doc.text``; a finding
that occurs in several places is one flag listing its ``occurrences``. Rules live in :mod:`reviewer.flags.rules`, one module
per category; word lists, typo pairs and dated events in ``data/*.toml``.
"""

from reviewer.flags import rules as _rules  # noqa: F401  (registers every rule)
from reviewer.flags.engine import (
    CATEGORIES,
    RULES,
    SEVERITIES,
    Cancelled,
    Flag,
    Hit,
    Occurrence,
    Rule,
    rule,
    run_flags,
)

__all__ = ["CATEGORIES", "RULES", "SEVERITIES", "Cancelled", "Flag", "Hit", "Occurrence", "Rule",
           "rule",
           "run_flags"]
