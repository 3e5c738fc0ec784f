"""``reviewer compare PRIOR CURRENT [--json]``: last year's plan against this year's report.

Exit status: 0 when compared (warnings, if any, on stderr and in the JSON ``warnings``), 2 for an
unreadable file or a prior report without a plan.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewer.commands.common import error, print_json, say
from reviewer.document import Document, ReportError, load_document
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.profiles import ProfileError
from reviewer.terminal import cut

EXCERPT = 36


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="last year's plan against this year's report / 对照上年计划")
    p.add_argument("prior", help="last year's report")
    p.add_argument("current", help="this year's report")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _doc_dict(doc: Document) -> dict[str, Any]:
    return {"path": shown_path(doc.path), "title": doc.title, "year": doc.year,
            "year_reviewed": doc.year_reviewed, "plan_year": doc.plan_year,
            "government": doc.government}


def _value(value: float | tuple[float, float] | None) -> float | list[float] | None:
    return list(value) if isinstance(value, tuple) else value


def _actual(actual) -> dict[str, Any] | None:
    if actual is None:
        return None
    return {"value": actual.value, "basis": actual.basis, "quote": actual.quote,
            "start": actual.start, "end": actual.end}


def _evidence(ev) -> dict[str, Any]:
    return {"quote": ev.quote, "start": ev.start, "end": ev.end, "score": ev.score,
            "section_kind": ev.section_kind, "period": ev.period}


def target_dict(tr) -> dict[str, Any]:
    """A target with its actual and verdict (offsets: the target's into the prior text, the
    actual's into the current one)."""
    return {"indicator": tr.indicator, "kind": tr.kind, "comparator": tr.comparator,
            "value": _value(tr.value), "unit": tr.unit, "state": tr.state, "other": tr.other,
            "quote": tr.quote, "start": tr.start, "end": tr.end, "actual": _actual(tr.actual),
            "other_actual": _actual(tr.other_actual), "verdict": tr.verdict,
            "reasons": list(tr.reasons)}


def _promise_dict(p) -> dict[str, Any]:
    return {"text": p.text, "start": p.start, "end": p.end, "status": p.status,
            "reasons": list(p.reasons), "evidence": [_evidence(e) for e in p.evidence],
            "targets": [target_dict(tr) for tr in p.targets],
            "repeated": {"quote": p.repeated, "share": p.repeat_share,
                         "heading": p.repeated_in} if p.repeated else None,
            "named": {"quote": p.named, "share": p.named_share} if p.named else None}


def comparison_dict(comparison) -> dict[str, Any]:
    """The comparison in the documented JSON shape (prior offsets into the prior text, evidence
    and actual offsets into the current text)."""
    summary = comparison.summary
    return {
        "prior": _doc_dict(comparison.prior),
        "current": _doc_dict(comparison.current),
        "summary": {"targets": summary.targets, "promises": summary.promises,
                    "items": summary.items},
        "warnings": [{"code": w.code, "severity": w.severity, "message": w.message}
                     for w in comparison.warnings],
        "items": [
            {"text": it.text, "heading": it.heading, "kind": it.kind, "start": it.start,
             "end": it.end, "status": it.status, "reasons": list(it.reasons),
             "evidence": [_evidence(e) for e in it.evidence],
             "targets": [target_dict(tr) for tr in it.targets],
             "promises": [_promise_dict(p) for p in it.promises]}
            for it in comparison.items
        ],
        "targets": [target_dict(tr) for tr in comparison.targets],
    }


def summary_lines(comparison) -> list[str]:
    """The per-pair summary: targets by verdict, promises by status."""
    summary = comparison.summary
    return [t("compare.summary_targets", **summary.targets),
            t("compare.summary_promises", **summary.promises)]


def render(comparison) -> str:
    from reviewer.compare.figures import actual_text, target_text

    prior, current = comparison.prior, comparison.current
    lines = [f"{t('compare.prior')}: {shown_path(prior.path)}  {prior.title} {prior.year or ''}"
             .rstrip(),
             f"{t('compare.current')}: {shown_path(current.path)}  {current.title} "
             f"{current.year or ''}".rstrip()]
    for w in comparison.warnings:
        lines.append(f"! {w.message}")
    lines += ["", t("compare.summary")] + [f"  {line}" for line in summary_lines(comparison)]
    lines += ["", t("compare.targets")]
    lines.append(f"{cut(t('compare.col_indicator'), 30)} {cut(t('compare.col_target'), 16)} "
                 f"{cut(t('compare.col_actual'), 12)} {t('compare.col_verdict')}")
    for tr in comparison.targets:
        lines.append(f"{cut(tr.indicator, 30)} {cut(target_text(tr), 16)} "
                     f"{cut(actual_text(tr), 12)} {t('compare.verdict_' + tr.verdict)}")
    lines += ["", t("compare.items")]
    lines.append(f"{cut(t('compare.col_status'), 10)} {cut(t('compare.col_score'), 6)} "
                 f"{cut(t('compare.col_item'), 40)} {t('compare.col_evidence')}")
    for it in comparison.items:
        best = it.evidence[0] if it.evidence else None
        score = f"{best.score:.2f}" if best else t("compare.none")
        quote = best.quote[:EXCERPT] if best else t("compare.none")
        name = it.heading.split(" / ")[-1]
        if it.kind != "plan":
            name = t("compare.kind_" + it.kind, heading=name)
        lines.append(f"{cut(t('compare.status_' + it.status), 10)} {cut(score, 6)} "
                     f"{cut(name, 40)} {quote}")
        for reason in it.reasons:
            lines.append(f"{'':17} · {reason}")
        for p in it.promises:
            top = p.evidence[0] if p.evidence else None
            lines.append(f"{'':4}{cut(t('compare.status_' + p.status), 10)} "
                         f"{cut(p.text, 40)} "
                         f"{top.quote[:EXCERPT] if top else t('compare.none')}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        prior = load_document(args.prior)
        current = load_document(args.current)
    except (ReportError, ProfileError) as exc:
        error(str(exc))
        return 2
    from reviewer.compare import compare_documents

    comparison = compare_documents(prior, current)
    fatal = [w for w in comparison.warnings if w.severity == "error"]
    if fatal:
        for w in fatal:
            error(w.message)
        return 2
    for w in comparison.warnings:
        say(f"reviewer: {t('cli.warning')}: {w.message}", file=sys.stderr)
    if args.json:
        print_json(comparison_dict(comparison))
    else:
        say(render(comparison))
    return 0
