"""``reviewer compare PRIOR CURRENT [--json]``: last year's plan against this year's report."""

from __future__ import annotations

import argparse
from typing import Any

from reviewer.commands.common import error, print_json, say
from reviewer.document import Document, ReportError, load_document
from reviewer.i18n import t
from reviewer.profiles import ProfileError
from reviewer.terminal import cut

EXCERPT = 36


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="last year's plan against this year's report / 对照上年计划")
    p.add_argument("prior", help="last year's report")
    p.add_argument("current", help="this year's report")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _doc_dict(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "title": doc.title, "year": doc.year}


def _value(value: float | tuple[float, float]) -> float | list[float]:
    return list(value) if isinstance(value, tuple) else value


def comparison_dict(comparison) -> dict[str, Any]:
    """The comparison in the documented JSON shape (prior offsets into the prior text, evidence
    and actual offsets into the current text)."""
    return {
        "prior": _doc_dict(comparison.prior),
        "current": _doc_dict(comparison.current),
        "items": [
            {"text": it.text, "heading": it.heading, "start": it.start, "end": it.end,
             "status": it.status,
             "evidence": [{"quote": e.quote, "start": e.start, "end": e.end, "score": e.score,
                           "section_kind": e.section_kind} for e in it.evidence]}
            for it in comparison.items
        ],
        "targets": [
            {"indicator": tr.indicator, "comparator": tr.comparator, "value": _value(tr.value),
             "unit": tr.unit, "quote": tr.quote, "start": tr.start, "end": tr.end,
             "actual": None if tr.actual is None else {
                 "value": tr.actual.value, "quote": tr.actual.quote, "start": tr.actual.start,
                 "end": tr.actual.end},
             "verdict": tr.verdict}
            for tr in comparison.targets
        ],
    }


def render(comparison) -> str:
    from reviewer.compare.figures import actual_text, target_text

    prior, current = comparison.prior, comparison.current
    lines = [f"{t('compare.prior')}: {prior.path}  {prior.title} {prior.year or ''}".rstrip(),
             f"{t('compare.current')}: {current.path}  {current.title} {current.year or ''}"
             .rstrip(), "", t("compare.items")]
    lines.append(f"{cut(t('compare.col_status'), 10)} {cut(t('compare.col_score'), 6)} "
                 f"{cut(t('compare.col_item'), 40)} {t('compare.col_evidence')}")
    for it in comparison.items:
        best = max(it.evidence, key=lambda e: e.score, default=None)
        score = f"{best.score:.2f}" if best else t("compare.none")
        quote = best.quote[:EXCERPT] if best else t("compare.none")
        lines.append(f"{cut(t('compare.status_' + it.status), 10)} {cut(score, 6)} "
                     f"{cut(it.heading.split(' / ')[-1], 40)} {quote}")
        for reason in it.reasons:
            lines.append(f"{'':17} · {reason}")
    lines += ["", t("compare.targets")]
    lines.append(f"{cut(t('compare.col_indicator'), 30)} {cut(t('compare.col_target'), 16)} "
                 f"{cut(t('compare.col_actual'), 12)} {t('compare.col_verdict')}")
    for tr in comparison.targets:
        lines.append(f"{cut(tr.indicator, 30)} {cut(target_text(tr), 16)} "
                     f"{cut(actual_text(tr), 12)} {t('compare.verdict_' + tr.verdict)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        prior = load_document(args.prior)
        current = load_document(args.current)
    except (ReportError, ProfileError) as exc:
        error(str(exc))
        return 2
    from reviewer.compare import compare_documents, plan_items

    if not plan_items(prior):
        error(t("compare.no_plan", path=prior.path))
        return 2
    comparison = compare_documents(prior, current)
    if args.json:
        print_json(comparison_dict(comparison))
    else:
        say(render(comparison))
    return 0
