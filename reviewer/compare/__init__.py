"""Comparison of last year's report with this year's: did what was promised get done?

The only package that uses jieba, and it imports jieba lazily: ``import reviewer.compare`` stays
cheap, and :func:`ensure_jieba` (called on first use, or by the app in a background thread) pays
the dictionary load once.
"""

from reviewer.compare.evidence import Evidence
from reviewer.compare.figures import VERDICTS, Actual, Target, TargetResult, extract_targets
from reviewer.compare.findings import current_flags
from reviewer.compare.highlight import shared_spans
from reviewer.compare.items import PlanItem, commitment_items, plan_items
from reviewer.compare.match import (
    STATUSES,
    SUGGESTIONS,
    Comparison,
    ItemResult,
    Link,
    PromiseResult,
    ShortcomingLink,
    Summary,
    Warning,
    compare_documents,
    compare_targets,
    shortcomings_to_plan,
)
from reviewer.compare.prior import find_prior
from reviewer.compare.targets import headline_targets
from reviewer.compare.tokens import ensure_jieba

__all__ = [
    "STATUSES", "SUGGESTIONS", "VERDICTS", "Actual", "Comparison", "Evidence", "ItemResult",
    "Link", "PlanItem", "PromiseResult", "ShortcomingLink", "Summary", "Target", "TargetResult",
    "Warning", "commitment_items", "compare_documents", "compare_targets", "current_flags", "ensure_jieba",
    "extract_targets", "find_prior",
    "headline_targets", "plan_items", "shared_spans", "shortcomings_to_plan",
]
