"""What the comparison finds about the current report itself, as flags of that report.

A headline target of last year's report that this year's account of the year does not report
(``not_reported``) is a finding a reviewer would mark on this year's report: the flag points at
the first sentence of its account of the year (else at its first paragraph) and names the
target. The flags are of the kind the flags engine yields (:class:`reviewer.flags.engine.Flag`),
so the app and ``check`` can show them beside the others.
"""

from __future__ import annotations

from reviewer.compare.figures import target_text
from reviewer.compare.match import Comparison
from reviewer.flags.engine import Flag
from reviewer.i18n import t

RULE = "specificity.target_not_reported"


def _anchor(comparison: Comparison) -> tuple[int, int]:
    """Where a flag about the account of the year points: its first sentence, else the first
    paragraph of the report."""
    doc = comparison.current
    review = doc.review_spans()
    if review:
        start, stop = review[0]
        sentence = doc.sentence_at(start)
        end = sentence.end if sentence is not None and sentence.end > start else stop
        return start, min(end, stop)
    if doc.paragraphs:
        return doc.paragraphs[0].start, doc.paragraphs[0].end
    return 0, len(doc.text)


def current_flags(comparison: Comparison) -> list[Flag]:
    """One flag of the current report per headline target it does not report."""
    start, end = _anchor(comparison)
    if end <= start:
        return []
    out = []
    for tr in comparison.targets:
        if tr.verdict != "not_reported":
            continue
        said = target_text(tr)
        message = (t("compare.flag_not_reported", indicator=tr.indicator, target=said) if said
                   else t("compare.flag_not_reported_plain", indicator=tr.indicator))
        out.append(Flag(RULE, "specificity", "warning", start, end, message,
                        t("compare.flag_not_reported_fix")))
    return out
