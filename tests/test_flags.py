"""The flag engine: its public shape, its guarantees on every real report, and its guard."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.document import ReportError, parse_text
from reviewer.flags import CATEGORIES, RULES, SEVERITIES, Cancelled, Flag, Hit, rule, run_flags
from reviewer.flags.engine import RuleContext
from reviewer.i18n import set_language


def _all_docs(seeds, request):
    docs = dict(seeds)
    try:
        docs.update(request.getfixturevalue("corpus_docs"))
    except pytest.skip.Exception:
        pass
    return docs


def test_every_rule_is_registered_with_a_known_category_and_severity():
    assert len(RULES) >= 30
    for rule_id, r in RULES.items():
        assert rule_id == r.id
        assert rule_id.split(".")[0] == r.category
        assert r.category in CATEGORIES
        assert r.severity in SEVERITIES
        assert r.doc, f"{rule_id} says nothing about what it checks"


def test_flags_on_seeds_come_by_importance_as_non_empty_spans_with_messages(seeds):
    for name, doc in seeds.items():
        flags = run_flags(doc)
        assert flags, name
        assert flags == sorted(flags, key=lambda f: f.rank)
        for f in flags:
            assert isinstance(f, Flag)
            assert 0 <= f.start < f.end <= len(doc.text), (name, f)
            assert f.occurrences[0] == (f.start, f.end), (name, f)
            assert list(f.occurrences) == sorted(set(f.occurrences)), (name, f)
            assert all(0 <= o.start < o.end <= len(doc.text) for o in f.occurrences), (name, f)
            assert f.message and "{" not in f.message, (name, f)
            assert f.rule in RULES and f.category == RULES[f.rule].category


def test_no_rule_fails_on_any_seed_or_corpus_report(seeds, request, caplog):
    docs = _all_docs(seeds, request)
    with caplog.at_level("WARNING", logger="reviewer.flags.engine"):
        for name, doc in docs.items():
            for f in run_flags(doc):
                assert 0 <= f.start < f.end <= len(doc.text), (name, f)
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]


def test_a_failing_rule_does_not_hide_the_others(seeds, caplog):
    doc = seeds["hutiaoxia-2025"]
    before = run_flags(doc)

    @rule("proofreading.test_broken", "proofreading", "info")
    def broken(ctx):
        yield Hit(0, 1, "first")
        raise RuntimeError("odd input")

    try:
        with caplog.at_level("WARNING", logger="reviewer.flags.engine"):
            after = run_flags(doc)
    finally:
        del RULES["proofreading.test_broken"]
    assert after == before
    assert "proofreading.test_broken" in caplog.text


def test_an_empty_span_widens_to_the_character_beside_it(seeds):
    doc = seeds["baogou-2025"]
    end = len(doc.text)

    @rule("proofreading.test_points", "proofreading", "info")
    def points(ctx):
        yield Hit(0, 0, "at the start")
        yield Hit(end, end, "at the end")

    try:
        flags = run_flags(doc, ["proofreading.test_points"])
    finally:
        del RULES["proofreading.test_points"]
    assert [(f.start, f.end) for f in flags] == [(0, 1), (end - 1, end)]


def _guanba_with_an_unfounded_rate(seeds):
    """guanba-2025 with its lawsuits' count left out: 胜诉率100% then has no base (an info flag)."""
    doc = seeds["guanba-2025"]
    return parse_text(doc.text.replace("全年行政复议案件1件,行政诉讼案件3件,", ""), doc.path)


def test_flags_come_by_severity_then_category_then_position(seeds):
    doc = _guanba_with_an_unfounded_rate(seeds)
    flags = run_flags(doc)
    severities = [f.severity for f in flags]
    assert severities == sorted(severities, key=SEVERITIES.index)
    assert severities[0] == "error" and severities[-1] == "info"
    for sev in SEVERITIES:
        same = [f for f in flags if f.severity == sev]
        assert [CATEGORIES.index(f.category) for f in same] == sorted(
            CATEGORIES.index(f.category) for f in same)
    assert run_flags(doc) == flags  # the same order every time


def test_a_finding_in_many_places_is_one_flag_with_its_occurrences(seeds):
    doc = seeds["baixiang-2024"]

    @rule("proofreading.test_grouped", "proofreading", "info")
    def grouped(ctx):
        yield Hit(0, 0, "three places", occurrences=((30, 32), (10, 12), (30, 32), (-5, 3)))

    try:
        (flag,) = run_flags(doc, ["proofreading.test_grouped"])
    finally:
        del RULES["proofreading.test_grouped"]
    assert flag.occurrences == ((0, 3), (10, 12), (30, 32))
    assert (flag.start, flag.end) == (0, 3)


def test_rules_can_be_chosen_by_id_or_category(seeds):
    doc = seeds["guanba-2025"]
    only = run_flags(doc, ["numbers.over_100"])
    assert {f.rule for f in only} == {"numbers.over_100"}
    numbers = run_flags(doc, ["numbers"])
    assert {f.category for f in numbers} == {"numbers"}
    assert len(numbers) > len(only)
    assert run_flags(doc, ["no.such_rule"]) == []


def test_progress_is_reported_once_per_rule_in_order(seeds):
    doc = seeds["guanba-2025"]
    seen: list[tuple[int, int, str]] = []
    flags = run_flags(doc, progress=lambda done, total, rule_id: seen.append((done, total, rule_id)))
    assert flags == run_flags(doc)
    assert [rule_id for *_, rule_id in seen] == list(RULES)
    assert [done for done, *_ in seen] == list(range(1, len(RULES) + 1))
    assert {total for _, total, _ in seen} == {len(RULES)}
    chosen: list[str] = []
    run_flags(doc, ["numbers"], progress=lambda d, t, rule_id: chosen.append(rule_id))
    assert chosen == [r for r in RULES if r.startswith("numbers.")]


def test_a_cancelled_run_stops_at_once_and_returns_nothing(seeds):
    doc = seeds["guanba-2025"]
    ran: list[str] = []
    with pytest.raises(Cancelled):
        run_flags(doc, progress=lambda d, t, rule_id: ran.append(rule_id),
                  cancelled=lambda: len(ran) >= 3)
    assert len(ran) == 3  # no rule ran after the run was cancelled


def test_cancelling_stops_inside_a_rule_between_its_hits(seeds):
    doc = seeds["guanba-2025"]
    yielded = 0

    @rule("proofreading.test_endless", "proofreading", "info")
    def endless(ctx):
        nonlocal yielded
        while True:  # a rule that would never finish
            yielded += 1
            yield Hit(0, 1, "again")

    try:
        with pytest.raises(Cancelled):
            run_flags(doc, ["proofreading.test_endless"], cancelled=lambda: yielded >= 5)
    finally:
        del RULES["proofreading.test_endless"]
    assert yielded == 5


def test_timings_name_every_rule_run_and_are_off_by_default(seeds, monkeypatch):
    doc = seeds["hutiaoxia-2025"]
    timings: dict[str, float] = {}
    assert run_flags(doc, timings=timings) == run_flags(doc)
    assert set(timings) == set(RULES)
    assert all(seconds >= 0 for seconds in timings.values())
    import reviewer.flags.engine as engine

    calls = 0
    clock = engine.time.perf_counter

    def counting() -> float:
        nonlocal calls
        calls += 1
        return clock()

    monkeypatch.setattr(engine.time, "perf_counter", counting)
    run_flags(doc)
    assert calls == 0  # nothing is timed unless asked


def test_messages_follow_the_interface_language(seeds):
    doc = seeds["guanba-2025"]
    zh = run_flags(doc, ["numbers.over_100"])[0]
    set_language("en")
    try:
        en = run_flags(doc, ["numbers.over_100"])[0]
    finally:
        set_language("zh")
    assert "超过" in zh.message
    assert "above 100%" in en.message
    assert (zh.start, zh.end) == (en.start, en.end)


def test_checking_never_loads_jieba():
    code = ("import sys; from reviewer.document import load_document; "
            "from reviewer.flags import run_flags; "
            "run_flags(load_document('seeds/yanxi-2024.txt')); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=str(__import__("conftest").ROOT))
    assert out.stdout.strip() == "False"


_PIECES = ["一、", "二、", "四、", "（一）", "(二)", "（三）、", "1.", "3．", "一是", "三是 ", "\n", "\n",
           "。", "。。", "，", ",", "；", "：", "(", ")", "（", " ", "\u3000", "2024年", "2025 年",
           "2026年5月1日", "12余次", "2800余次", "其中", "4000余起", "每千人6.5批次", "覆盖率达",
           "100%以上", "120%", "率", "法治政府建设", "存在的不足和原因", "原因分析", "工作计划",
           "主要举措和成效", "第一责任人职责", "法制", "法制审核", "专个", "二十届四中全会",
           "多次", "一定成效", "法律咨询", "200人次", "人民政府", "充", "报告",
           # the checks added for trustworthy flags
           "XX镇", "202X年", "【】", "张某某", "“两重”、“两新”", "《宪法》、《民法典》", "“", "”",
           "镇长", "党委书记", "直接责任人", "第一责任人", "保持90%以上", "99.39%", "满意率",
           "五年来累计", "建成", "不低于", "净增", "分别为", "、", "此外，", "2025年12月",
           "习近平总书记法治思想", "法制办", "执法制度", "附件2 名词解释", "（其中", "）",
           # the checks of how figures are written
           "优良率98.6%", "提升1.15%", "6%-6.5%左右", "完成率640%", "二三五年", "“湾区杯”", "!",
           "（7)", "95% 以上", "保持98%以上"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=80),
       st.sampled_from(["fazhi", "gongzuo"]))
def test_no_rule_raises_on_any_report_text(pieces, genre):
    try:
        doc = parse_text("".join(pieces), "<generated>", genre)
    except ReportError:
        return
    for r in RULES.values():  # called directly: a failing rule raises here
        list(r.check(RuleContext(doc)))
    for f in run_flags(doc):
        assert 0 <= f.start < f.end <= len(doc.text)


def test_the_checks_pause_the_cycle_collector_and_leave_it_as_they_found_it(seeds):
    import gc

    seen: list[bool] = []

    @rule("proofreading.test_gc", "proofreading", "info")
    def probe(ctx):
        seen.append(gc.isenabled())
        yield from ()

    try:
        assert gc.isenabled()
        run_flags(seeds["guanba-2025"], ["proofreading.test_gc"])
        assert seen == [False] and gc.isenabled()
        gc.disable()
        run_flags(seeds["guanba-2025"], ["proofreading.test_gc"])
        assert not gc.isenabled()  # the app keeps it off at start-up: it stays off
    finally:
        gc.enable()
        del RULES["proofreading.test_gc"]
