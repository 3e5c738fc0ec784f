"""Plan items of last year against this year's evidence, and the suggested status."""

from __future__ import annotations

import pytest

from conftest import corpus_path
from reviewer.compare import STATUSES, compare_documents, plan_items, shared_spans
from reviewer.document import load_document, parse_text

PAIRS = [(f"national-{y}", f"national-{y + 1}") for y in (2021, 2022, 2023, 2024)] + [
    (f"{p}-2025", f"{p}-2026")
    for p in ("beijing", "guangdong", "hunan", "qinghai", "sichuan", "zhejiang")]


def _doc(name: str):
    return load_document(corpus_path(name))


def test_gongzuo_plan_items_are_the_numbered_groups():
    items = plan_items(_doc("national-2024"))
    assert len(items) == 10
    assert items[0].heading.endswith("（一）大力推进现代化产业体系建设，加快发展新质生产力")
    assert items[-1].heading.split(" / ")[-1].startswith("（十）")


def test_an_annex_below_the_last_group_is_not_part_of_it():
    doc = _doc("guangdong-2025")
    last = plan_items(doc)[-1]
    assert last.heading.split(" / ")[-1].startswith("（十二）")
    assert "为老年人提供健康管理" not in last.text


def test_fazhi_plan_items_are_sub_items_when_present(seeds):
    items = plan_items(seeds["hutiaoxia-2025"])
    assert items[0].text.startswith("一是完善责任体系")
    assert "(一)压实法治责任" in items[0].heading
    plain = plan_items(seeds["baogou-2025"])
    assert [it.text[:3] for it in plain] == ["(一)", "(二)", "(三)", "(四)"]
    for doc in seeds.values():
        for it in plan_items(doc):
            assert doc.text[it.start:it.end] == it.text
            assert doc.kind_at(it.start) == "plan"


def test_every_national_2024_group_has_evidence_in_the_2025_review():
    comparison = compare_documents(_doc("national-2024"), _doc("national-2025"))
    assert len(comparison.items) == 10
    review = comparison.current.sections_of_kind("achievements")
    for item in comparison.items:
        assert item.evidence, item.heading
        # （三）着力扩大国内需求 is named by the 2025 shortcomings (有效需求不足)
        assert item.status in ("delivered", "partial", "acknowledged_gap"), (item.heading,
                                                                           item.reasons)
        assert len(item.evidence) <= 3
        for ev in item.evidence:
            assert any(sec.start <= ev.start < ev.end <= sec.end for sec in review)
            assert comparison.current.text[ev.start:ev.end] == ev.quote
            assert 0 < ev.score <= 1
        assert comparison.prior.text[item.start:item.end] == item.text


@pytest.mark.parametrize("prior, current", PAIRS)
def test_evidence_never_comes_from_the_current_plan_or_targets(prior, current):
    comparison = compare_documents(_doc(prior), _doc(current))
    assert comparison.items
    forbidden = comparison.current.sections_of_kind("plan", "targets", "shortcomings")
    for item in comparison.items:
        assert item.status in STATUSES and item.reasons
        for ev in item.evidence:
            assert ev.section_kind in ("achievements", "responsibility", "highlights")
            assert not any(sec.start <= ev.start < sec.end for sec in forbidden), ev.quote


def _with_plan_item_of(prior, current, index: int):
    """``current`` with one of its plan groups replaced by ``prior``'s group of the same number,
    its year words brought forward: the promise repeated almost word for word."""
    old, new = plan_items(prior)[index], plan_items(current)[index]
    repeated = old.text.replace(str(prior.year), str(current.year))
    text = current.text[:new.start] + repeated + current.text[new.end:]
    return parse_text(text, current.path)


def test_a_promise_repeated_almost_word_for_word_is_carried_over():
    prior, current = _doc("national-2024"), _doc("national-2025")
    edited = _with_plan_item_of(prior, current, 4)
    comparison = compare_documents(prior, edited)
    statuses = [it.status for it in comparison.items]
    assert statuses[4] == "carried_over"
    assert statuses.count("carried_over") == 1
    assert any("（五）" in reason for reason in comparison.items[4].reasons)
    # without the repetition nothing is carried over
    original = compare_documents(prior, current)
    assert "carried_over" not in [it.status for it in original.items]


def test_a_copied_plan_is_carried_over_item_by_item(seeds):
    prior = seeds["baogou-2025"]
    # the same township's next report with the plan copied unchanged
    copied = parse_text(prior.text.replace("2025", "2026").replace("2026年度推进", "2027年度推进"),
                        "next.txt")
    comparison = compare_documents(prior, copied)
    assert {it.status for it in comparison.items} == {"carried_over"}


def test_shared_spans_mark_common_wording():
    comparison = compare_documents(_doc("national-2024"), _doc("national-2025"))
    item = comparison.items[4]  # （五）扩大高水平对外开放
    shared = []
    for ev in item.evidence:
        spans = shared_spans(item.text, ev.quote)
        for a0, a1, b0, b1 in spans:
            assert item.text[a0:a1] == ev.quote[b0:b1]
            assert a1 - a0 >= 2
        shared += [ev.quote[b0:b1] for _, _, b0, b1 in spans]
    assert any("一带一路" in run for run in shared)
    assert shared_spans("全面实施跨境服务贸易负面清单。", "无关的句子") == []


def test_a_promise_the_shortcomings_name_is_an_acknowledged_gap(seeds):
    prior = seeds["baogou-2025"]
    # the report as far as its plan: a year whose review and shortcomings follow that plan
    current = parse_text(prior.text[: prior.sections_of_kind("plan")[0].start], "current.txt")
    first = compare_documents(prior, current).items[0]  # (一)深化理论武装,提升依法行政能力
    assert first.status == "acknowledged_gap"
    # the promises the shortcomings name are acknowledged gaps of their own
    named = [p for p in first.promises if p.status == "acknowledged_gap"]
    assert named and all(p.named in current.text for p in named)
    # the reason quotes the shortcoming (一)法治学习实效性有待增强, which names it
    gap = current.sections_of_kind("shortcomings")[0].children[0]
    assert gap.title.startswith("法治学习实效性有待增强")
    quoted = first.reasons[-1].replace(": ", "：").split("：", 1)[1]
    assert quoted and quoted in current.text[gap.start:gap.end]


def test_the_comparison_reports_each_step_and_finds_the_same(seeds):
    prior, current = seeds["baogou-2025"], seeds["guanba-2025"]
    steps: list[tuple[int, int, str]] = []
    with_progress = compare_documents(prior, current,
                                      progress=lambda done, total, step: steps.append(
                                          (done, total, step)))
    plain = compare_documents(prior, current)
    assert [(it.status, it.evidence) for it in with_progress.items] == \
        [(it.status, it.evidence) for it in plain.items]
    total = steps[0][1]
    assert [done for done, *_ in steps] == list(range(1, total + 1))
    assert {t for _, t, _ in steps} == {total}
    names = [name for *_, name in steps]
    # the current report is indexed first, then the targets checked, last year's groups matched
    # one by one, and the pair checked
    assert names[-len(plain.items) - 1:] == ["items"] * len(plain.items) + ["checks"]
    assert names.index("targets") == len(names) - len(plain.items) - 2
    assert {"evidence", "plan"} <= set(names)


def test_a_cancelled_comparison_stops_at_the_next_step(seeds):
    from reviewer.progress import Cancelled

    prior, current = seeds["baogou-2025"], seeds["guanba-2025"]
    steps: list[str] = []
    with pytest.raises(Cancelled):
        compare_documents(prior, current, progress=lambda d, t, step: steps.append(step),
                          cancelled=lambda: len(steps) >= 5)
    assert len(steps) == 5
