"""Comparison of last year's report with this year's: did what was promised get done?

The only package that uses jieba, and it imports jieba lazily: ``import reviewer.compare`` stays
cheap, and :func:`ensure_jieba` (called on first use, or by the app in a background thread) pays
the dictionary load once.
"""

from reviewer.compare.figures import VERDICTS, Actual, Target, TargetResult, extract_targets
from reviewer.compare.highlight import shared_spans
from reviewer.compare.items import PlanItem, plan_items
from reviewer.compare.match import (
    STATUSES,
    Comparison,
    Evidence,
    ItemResult,
    Link,
    ShortcomingLink,
    compare_documents,
    shortcomings_to_plan,
)
from reviewer.compare.prior import find_prior
from reviewer.compare.tokens import ensure_jieba

__all__ = [
    "STATUSES", "VERDICTS", "Actual", "Comparison", "Evidence", "ItemResult", "Link", "PlanItem",
    "ShortcomingLink", "Target", "TargetResult", "compare_documents", "ensure_jieba",
    "extract_targets", "find_prior", "plan_items", "shared_spans", "shortcomings_to_plan",
]
