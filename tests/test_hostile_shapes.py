"""Hostile and unusual report shapes (``tests/hostile.py``): every stage does work linear in the
text's length, and a megabyte of each is outlined, checked and compared without a fault.

Work is counted, not timed: the lines of Python the outline and the checks execute (and, for the
comparison, the function calls, jieba's own among them) at one size and at four times that size.
Linear work grows four times; a rescan per heading or per flag grows sixteen times. What runs
inside one call of C code (a regular expression's search) is not counted: the megabyte runs are
there for that, as a search that backtracks over a megabyte does not finish. Speed itself is
measured in ``benchmarks/bench_scaling.py``.
"""

from __future__ import annotations

import sys

import pytest

import hostile
from reviewer.compare import compare_documents
from reviewer.compare.tokens import clear_caches
from reviewer.document import parse_text
from reviewer.flags import run_flags

SMALL = 64 * 1024
LARGE = 4 * SMALL
# linear work grows by LARGE / SMALL = 4; quadratic work by 16
MOST = 5.0
MEGABYTE = 1024 * 1024
SHAPES = list(hostile.SHAPES)


def _lines(fn):
    """(lines of Python executed and calls made by ``fn()``, its result)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        result = fn()
    finally:
        sys.settrace(None)
    return count, result


def _calls(fn):
    """(function calls made by ``fn()``, Python and C alike, its result)."""
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profiler)
    try:
        result = fn()
    finally:
        sys.setprofile(None)
    return count, result


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Word lists, patterns and jieba's dictionary are loaded before anything is counted."""
    doc = parse_text(hostile.make("real", 20_000), "<warm>")
    run_flags(doc)
    compare_documents(doc, doc)


def _outline_and_checks(shape: str, size: int) -> tuple[int, int]:
    text = hostile.make(shape, size)
    outline, doc = _lines(lambda: parse_text(text, f"<{shape}>"))
    checks, _ = _lines(lambda: run_flags(doc))
    return outline, checks


@pytest.mark.parametrize("shape", SHAPES)
def test_outline_and_checks_do_work_linear_in_the_size(shape):
    small = _outline_and_checks(shape, SMALL)
    large = _outline_and_checks(shape, LARGE)
    for stage, a, b in zip(("outline", "checks"), small, large, strict=True):
        assert b <= MOST * max(a, 1), f"{shape}: {stage} did {b / a:.1f}× the work for 4× the text"


@pytest.mark.parametrize("shape", SHAPES)
def test_the_comparison_does_work_linear_in_the_size(shape):
    work = []
    for size in (SMALL, LARGE):
        doc = parse_text(hostile.make(shape, size), f"<{shape}>")
        clear_caches()
        work.append(_calls(lambda doc=doc: compare_documents(doc, doc))[0])
    assert work[1] <= MOST * max(work[0], 1), \
        f"{shape}: the comparison did {work[1] / work[0]:.1f}× the work for 4× the text"


@pytest.mark.parametrize("shape", SHAPES)
def test_a_megabyte_of_each_shape_is_outlined_checked_and_compared(shape, caplog):
    text = hostile.make(shape, MEGABYTE)
    assert len(text.encode("utf-8")) >= MEGABYTE
    doc = parse_text(text, f"<{shape}>")
    for sec in doc.walk():
        assert 0 <= sec.start <= sec.heading.start < sec.heading.end <= sec.end <= len(doc.text)
        assert doc.text.startswith(doc.text[sec.heading.start:sec.heading.end], sec.start)
    steps: list[int] = []
    with caplog.at_level("WARNING", logger="reviewer.flags.engine"):
        flags = run_flags(doc, progress=lambda done, total, rule: steps.append(done))
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]
    assert flags == sorted(flags, key=lambda f: f.rank)
    assert all(0 <= o.start < o.end <= len(doc.text) for f in flags for o in f.occurrences)
    assert steps and steps[-1] == len(steps)
    clear_caches()
    comparison = compare_documents(doc, doc)
    for item in comparison.items:
        assert doc.text[item.start:item.end] == item.text
        assert all(doc.text[e.start:e.end] == e.quote for e in item.evidence)


def test_each_shape_is_what_it_says():
    """The generators make the inputs they are named for (else the tests above prove little)."""
    size = 50_000
    heads = parse_text(hostile.make("headings", size))
    assert len(heads.headings) >= len(heads.paragraphs) - 1  # the title aside
    gaps = parse_text(hostile.make("numbering_gaps", size))
    assert sum(1 for i in gaps.numbering_issues if i.kind == "gap") > 100
    joins = parse_text(hostile.make("join_chains", size))
    kinds = [c.kind for c in joins.changes]
    assert kinds.count("join") > 100 and kinds.count("debris") > 100
    assert len(parse_text(hostile.make("join_endless", size)).paragraphs) == 2
    assert len(parse_text(hostile.make("endless_line", size)).paragraphs) == 1
    assert "1234567890" * 1000 in hostile.make("digit_run", size)
    assert "其中12余次余余余" * 500 in hostile.make("yu_run", size)
    assert "101%100%以上" * 500 in hostile.make("percent_run", size)
    assert hostile.make("brackets", size).count("（") > 3000
    assert len(hostile.make("real", 3 * size).encode("utf-8")) >= 3 * size
    spaced = parse_text(hostile.make("spaced", size))
    assert spaced.text.count(" ") > len(spaced.text) // 3
    nested = parse_text(hostile.make("nested", size))

    def depth(sections, level=1):
        return max([level, *(depth(s.children, level + 1) for s in sections)])

    assert depth(nested.sections) >= 5 and len(nested.headings) > 2000
    assert hostile.make("dated_lines", size).count("日，召开") > 1000
    assert hostile.make("table_rows", size).count("\t") > 5000
    blank = hostile.make("blank_between", size)
    assert blank.count("\n" * 8) > 1000
    assert len(parse_text(blank).paragraphs) >= blank.count("。")


def test_real_text_varies_its_figures_from_copy_to_copy_and_keeps_its_outline():
    """The real-text series repeats no sentence with a figure, so no cache of what was read
    flatters it; its copies keep the report's parts and their numbering."""
    seed = hostile.seed_text()
    again = hostile.vary(seed, 2)
    assert hostile.vary(seed, 0) == seed
    figured = [s for s in seed.split("。") if any(c.isdigit() for c in s)]
    assert figured and not set(figured) & set(again.split("。"))
    a, b = parse_text(seed), parse_text(again)
    assert [h.number for h in a.headings] == [h.number for h in b.headings]
    assert [i.kind for i in a.numbering_issues] == [i.kind for i in b.numbering_issues]
    assert "2025年法治政府建设" in seed and "2023年法治政府建设" in again and len(a.headings) > 10
