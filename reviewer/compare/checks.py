"""When a pair of reports cannot be compared as it should, say which and why.

- ``no_plan`` (error): the prior report has no plan to hold the current one against;
- ``no_report_text`` (warning): the current file is a saved page holding only its site's
  navigation and metadata;
- ``no_review`` (warning): the current report has no recognisable account of the year;
  in either case every promise and target is ``unclear`` (nothing can be said of them);
- ``different_government`` (warning): the two reports name different governments;
- ``not_consecutive`` (warning): the prior report plans for another year than the one the
  current report reviews;
- ``same_report`` (warning): the two files hold the same text.

Years and governments are those the reports state (``Document.plan_year``,
``Document.year_reviewed``, ``Document.government``); a pair whose years or governments cannot be
read is not warned about on that count.
"""

from __future__ import annotations

from reviewer.compare.items import plan_items
from reviewer.compare.match import Warning
from reviewer.document import Document
from reviewer.i18n import t

# words a government's name may carry or not (深圳市罗湖区人民政府 and 罗湖区 are one)
_SUFFIXES = ("人民政府", "管理委员会", "管委会", "政府")


def _government(doc: Document) -> str:
    name = doc.government.strip()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def _same_government(a: str, b: str) -> bool:
    return a == b or a.endswith(b) or b.endswith(a)


def check_pair(prior: Document, current: Document,
               review: list[tuple[int, int]] | None = None) -> list[Warning]:
    """Every reason the pair cannot be compared as it should, most serious first."""
    out: list[Warning] = []
    if not plan_items(prior):
        out.append(Warning("no_plan", "error", t("compare.no_plan", path=prior.path)))
    if prior.text_sha256 == current.text_sha256:
        out.append(Warning("same_report", "warning", t("compare.warn_same_report")))
    if not current.report_text:
        out.append(Warning("no_report_text", "warning",
                           t("compare.warn_no_report_text", path=current.path)))
    elif not (current.review_spans() if review is None else review):
        out.append(Warning("no_review", "warning",
                           t("compare.warn_no_review", path=current.path)))
    a, b = _government(prior), _government(current)
    if a and b and not _same_government(a, b):
        out.append(Warning("different_government", "warning",
                           t("compare.warn_different_government", prior=prior.government,
                             current=current.government)))
    planned, reviewed = prior.plan_year, current.year_reviewed
    if planned is not None and reviewed is not None and planned != reviewed:
        out.append(Warning("not_consecutive", "warning",
                           t("compare.warn_not_consecutive", planned=planned,
                             reviewed=reviewed)))
    return out
