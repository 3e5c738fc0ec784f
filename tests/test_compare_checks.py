"""When a pair cannot be compared as it should the comparison says which and why; what it finds
about the current report becomes flags of that report."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, corpus_path, seed_path
from reviewer.cli import main
from reviewer.compare import compare_documents, current_flags
from reviewer.document import load_document, parse_text


def _codes(prior, current) -> list[str]:
    return [w.code for w in compare_documents(prior, current).warnings]


def test_a_consecutive_pair_of_one_government_has_no_warning():
    prior, current = (load_document(corpus_path(n)) for n in ("national-2024", "national-2025"))
    assert _codes(prior, current) == []


def test_years_that_do_not_follow_are_named(capsys):
    prior, current = corpus_path("national-2023"), corpus_path("national-2025")
    comparison = compare_documents(load_document(prior), load_document(current))
    warning = next(w for w in comparison.warnings if w.code == "not_consecutive")
    assert warning.severity == "warning" and "2023" in warning.message and "2024" in warning.message
    assert main(["compare", prior, current, "--json"]) == 0
    captured = capsys.readouterr()
    assert "2023" in captured.err and "2024" in captured.err
    assert [w["code"] for w in json.loads(captured.out)["warnings"]] == ["not_consecutive"]


def test_reports_of_different_governments_are_named(seeds):
    codes = _codes(seeds["baogou-2025"], seeds["guanba-2025"])
    assert "different_government" in codes
    message = next(w.message for w in compare_documents(seeds["baogou-2025"],
                                                        seeds["guanba-2025"]).warnings
                   if w.code == "different_government")
    assert seeds["baogou-2025"].government in message and seeds["guanba-2025"].government in message


def test_a_current_report_without_an_account_of_the_year_is_warned_about(capsys, tmp_path):
    national = load_document(corpus_path("national-2025"))
    plan = national.plan_sections()[0]
    only_plan = tmp_path / "plan-only.txt"
    only_plan.write_text(national.text[plan.start:plan.end], encoding="utf-8")
    current = load_document(str(only_plan))
    assert not current.review_spans()
    prior = load_document(corpus_path("national-2024"))
    comparison = compare_documents(prior, current)
    assert "no_review" in [w.code for w in comparison.warnings]
    # nothing can be said of any promise or target: 'no evidence' and 'not reported' would be
    # said confidently of an account that may only have gone unrecognised
    assert comparison.targets and all(tr.verdict == "unclear" for tr in comparison.targets)
    assert comparison.items and all(it.status == "unclear" for it in comparison.items)
    assert all(p.status == "unclear" for it in comparison.items for p in it.promises)
    assert main(["compare", corpus_path("national-2024"), str(only_plan)]) == 0
    err = capsys.readouterr().err
    assert "plan-only.txt" in err and "Traceback" not in err


def test_the_same_text_twice_is_warned_about():
    doc = load_document(corpus_path("national-2024"))
    assert "same_report" in _codes(doc, doc)


def test_a_prior_without_a_plan_is_an_error(tmp_path):
    text = open(seed_path("baogou-2025"), encoding="utf-8").read()
    prior = parse_text(text[: text.index("四、2026年度推进")], "noplan.txt")
    warnings = compare_documents(prior, load_document(seed_path("baogou-2025"))).warnings
    assert [(w.code, w.severity) for w in warnings][:1] == [("no_plan", "error")]


def test_targets_not_reported_become_flags_of_the_current_report():
    prior, current = (load_document(corpus_path(n)) for n in ("sichuan-2025", "sichuan-2026"))
    comparison = compare_documents(prior, current)
    missing = [tr for tr in comparison.targets if tr.verdict == "not_reported"]
    flags = current_flags(comparison)
    assert missing and len(flags) == len(missing)
    review = current.review_spans()
    for flag, tr in zip(flags, missing, strict=True):
        assert flag.rule == "specificity.target_not_reported" and flag.severity == "warning"
        assert tr.indicator in flag.message and flag.suggestion
        assert 0 <= flag.start < flag.end <= len(current.text)
        assert any(lo <= flag.start < hi for lo, hi in review)
    # every target reported: no flag
    reported = compare_documents(*(load_document(corpus_path(n))
                                   for n in ("national-2024", "national-2025")))
    assert [tr.verdict for tr in reported.targets].count("not_reported") == len(
        current_flags(reported))


def test_a_current_file_that_is_a_page_without_report_text_is_warned_about():
    page = parse_text("首页\n政务公开\n政务服务\n互动交流\n"
                      "发布机构：\t深圳市某区人民政府\t成文日期：\t2025-02-02\n"
                      "名称：\t2025年某区政府工作报告\n", "page.txt")
    assert not page.report_text
    comparison = compare_documents(load_document(seed_path("baixiang-2024")), page)
    codes = [w.code for w in comparison.warnings]
    assert "no_report_text" in codes and "no_review" not in codes
    assert comparison.items and all(it.status == "unclear" for it in comparison.items)


def test_a_review_of_five_years_only_leaves_the_year_not_reported():
    # a 换届 report reviewing the five years without a paragraph of its own on the last year:
    # its account is recognised, so the year's figures are really not reported (a finding), not
    # unclear as where no account of the year was recognised at all
    more = CORPUS / "gwr-more"
    if not (more / "guangdong-2016.txt").exists():
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    prior = load_document(str(more / "guangdong-2015.txt"))
    current = load_document(str(more / "guangdong-2016.txt"))
    assert not current.review_spans()
    assert any(s.kind == "achievements" and s.period == "five_year" for s in current.sections)
    comparison = compare_documents(prior, current)
    assert "no_review" in [w.code for w in comparison.warnings]
    assert comparison.targets and all(tr.verdict != "unclear" or tr.actual is not None
                                      for tr in comparison.targets)
    assert any(tr.verdict == "not_reported" for tr in comparison.targets)
