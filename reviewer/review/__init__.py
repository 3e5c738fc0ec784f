"""Reviews: what a reviewer records about one report, kept as a TOML file beside it.

Pure code (no Textual). ``Review`` is the model, ``Anchor`` ties its entries to passages of the
normalized text and survives edits to the report, ``ReviewStore`` loads and saves the file safely
(atomic, backed up, merged when another session changed it), ``export`` renders it for the record.
"""

from __future__ import annotations

from reviewer.review.anchor import Anchor
from reviewer.review.errors import ReviewError
from reviewer.review.model import (
    SCHEMA,
    Annotation,
    FlagDecision,
    PlanAssessment,
    ReanchorReport,
    ReportIdentity,
    Review,
    TargetAssessment,
)
from reviewer.review.store import ReviewStore, SaveResult, default_review_path
from reviewer.review.vocabulary import Criterion, Vocabulary, load_vocabulary

__all__ = [
    "SCHEMA", "Anchor", "Annotation", "Criterion", "FlagDecision", "PlanAssessment",
    "ReanchorReport", "ReportIdentity", "Review", "ReviewError", "ReviewStore", "SaveResult",
    "TargetAssessment", "Vocabulary", "default_review_path", "load_vocabulary",
]
