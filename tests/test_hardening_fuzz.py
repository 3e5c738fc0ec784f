"""Fuzzing: the loader, the outline, the checks, anchoring and the review file never crash.

Each target runs a few thousand generated examples in CI (``CI`` set) and a couple of hundred
locally. Generated input starts from the seeds wherever that makes it more report-like: damaged
bytes of a real file, lines of real reports shuffled with headings and debris, passages of a real
report edited around an anchor.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_review_toml import reviews

from conftest import SEED_NAMES, seed_path
from reviewer.commands.common import document_dict
from reviewer.commands.outline import render
from reviewer.document import KINDS, SPAN_KINDS, Document, ReportError, parse_bytes, parse_text
from reviewer.flags.engine import RULES, RuleContext
from reviewer.review import Anchor, ReviewError
from reviewer.review.anchor import CONTEXT, place
from reviewer.review.codec import dumps, loads, loads_bytes

settings.register_profile("ci", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("local", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# applied to each target here, not loaded as the default: other modules' examples keep theirs
fuzz = settings.get_profile("ci" if os.environ.get("CI") else "local")

TEXTS = {name: Path(seed_path(name)).read_text(encoding="utf-8") for name in SEED_NAMES}
LINES = sorted({line for text in TEXTS.values() for line in text.split("\n") if line.strip()})
DOCS = {name: parse_text(text, name) for name, text in TEXTS.items()}

seed_names = st.sampled_from(SEED_NAMES)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le",
                             "utf-16-be"])
noise = st.binary(max_size=12)


def located(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where ``place`` finds the anchor's passage in ``text`` now, or ``None``."""
    found = place(anchor, text)
    return (found.start, found.end) if found else None



def check_document(doc: Document) -> None:
    """What every part of the program relies on: spans inside the one text, in order, nested."""
    n = len(doc.text)
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= n
    for h in doc.headings:
        assert 0 <= h.start <= h.title_start <= h.end <= n
    for field in doc.metadata.values():
        assert field.start == field.end == -1 or 0 <= field.start <= field.end <= n
    for issue in doc.numbering_issues:
        assert 0 <= issue.start <= issue.end <= n

    def nested(sections, lo: int, hi: int) -> None:
        last = lo
        for s in sections:
            assert last <= s.start < s.end <= hi
            assert doc.section_at(s.start)[-1] is s or s.children  # found where it starts
            assert s.kind == s.kinds[0] and set(s.kinds) <= set(KINDS)
            assert 0.0 <= s.confidence <= 1.0 and s.period in ("year", "five_year", "mixed", "")
            nested(s.children, s.start, s.end)
            last = s.end

    nested(doc.sections, 0, n)
    # typed passages and period runs: inside the text, in order, never overlapping
    for passages in (doc.spans, doc.periods):
        last = 0
        for p in passages:
            assert last <= p.start < p.end <= n
            last = p.end
    assert all(sp.kind in SPAN_KINDS for sp in doc.spans)
    for a, b in doc.review_spans():
        assert 0 <= a < b <= n


# --- loader: bytes ----------------------------------------------------------------------------

@st.composite
def damaged_reports(draw) -> bytes:
    """A seed in some encoding, cut, with bytes of noise put in or written over."""
    data = TEXTS[draw(seed_names)].encode(draw(encodings))
    cut = draw(st.integers(0, len(data)))
    data = data[:cut] if draw(st.booleans()) else data
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        patch = draw(noise)
        over = len(patch) if draw(st.booleans()) else 0
        data = data[:at] + patch + data[at + over:]
    return data


@fuzz
@given(st.one_of(st.binary(max_size=2000), damaged_reports()))
def test_loader_reads_or_refuses_any_bytes(data: bytes) -> None:
    try:
        doc = parse_bytes(data, "fuzz.txt")
    except ReportError as exc:
        assert exc.path == "fuzz.txt" and exc.reason
        return
    check_document(doc)


# --- outline: report-like text ----------------------------------------------------------------

headings = st.sampled_from([
    "一、主要成效", "（一）加强组织领导", "(二)完善制度", "1. 强化考核。", "一是压实责任。",
    "二、存在的不足和原因", "三、2026年工作安排", "四、下一步工作打算", "（三）", "十一、", "1.",
    "二、党政主要负责人履行推进法治建设第一责任人职责情况", "附件：", "关于2024年法治政府建设情况的报告",
    "各位代表：", "一、2024年和“十四五”时期工作回顾", "二、“十五五”时期主要目标任务和2026年工作安排",
    "2024年工作回顾", "第一部分 2025年工作安排", "名词解释", "图解", "五年来，我们累计完成投资。",
    "同时，我们也清醒看到，还存在不少问题。", "在此，我代表区政府，向全区人民表示感谢！",
    "各位代表！让我们团结奋斗！", "1.“两重”：是指重大战略。", "——2025年1月15日在某市人民代表大会上",
])
debris = st.sampled_from(["语音播报", "(此页无正文)", "您当前的位置:首页>政府信息公开", "打印",
                          "第 3 页 共 9 页", "- 2 -", "2025年3月3日印发", "来源：某某县人民政府"])
odd_chars = st.text(st.sampled_from("\x00\x1b\x07\ufeff\u3000\t\r 　[]/()（）、。，；：%0123456789"),
                    max_size=8)
report_lines = st.lists(st.one_of(st.sampled_from(LINES), headings, debris, odd_chars,
                                  st.text(max_size=30)), max_size=40)


@fuzz
@given(report_lines)
def test_outline_of_report_like_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        doc = parse_text(text, "fuzz.txt")
    except ReportError as exc:
        assert exc.reason
        return
    check_document(doc)
    assert doc.text.count("\n") + 1 == len(doc.paragraphs) or not doc.text
    outline = render(doc)
    assert doc.path in outline
    json.dumps(document_dict(doc), ensure_ascii=False)


# --- checks: every rule on generated reports --------------------------------------------------

@fuzz
@given(report_lines, st.sampled_from(["fazhi", "gongzuo"]))
def test_every_rule_runs_on_report_like_text(lines: list[str], genre: str) -> None:
    """Each rule is called directly: the runner's guard would log a failing rule and go on,
    which is right for a user and would hide the failure here."""
    try:
        doc = parse_text("\n".join(lines), "fuzz.txt", genre)
    except ReportError:
        return
    ctx = RuleContext(doc)
    for r in RULES.values():
        for hit in r.check(ctx):
            assert hit.message, r.id
            assert 0 <= hit.start <= hit.end <= len(doc.text), (r.id, hit)


# --- anchoring: a passage found again after the report is edited ------------------------------

@st.composite
def anchored_edits(draw):
    """A seed, a passage of it, and an edit somewhere in the text."""
    text = TEXTS[draw(seed_names)]
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 80)))
    at = draw(st.integers(0, len(text)))
    removed = draw(st.integers(0, 40))
    inserted = draw(st.text(max_size=20))
    return text, start, end, at, removed, inserted


@fuzz
@given(anchored_edits())
def test_anchors_are_placed_inside_any_edited_text(case) -> None:
    text, start, end, at, removed, inserted = case
    anchor = Anchor.from_span(text, start, end)
    assert located(anchor, text) == (start, end)
    edited = text[:at] + inserted + text[at + removed:]
    found = located(anchor, edited)
    if found is not None:
        assert 0 <= found[0] <= found[1] <= len(edited)
    moved, how = anchor.placed_in(edited)
    assert how in ("same", "exact", "fuzzy", "orphan")
    assert moved.orphan == (how == "orphan")
    if not moved.orphan:
        assert edited[moved.start:moved.end] == moved.quote


@fuzz
@given(anchored_edits(), st.text(st.characters(whitelist_categories=["Lu", "Ll"]), min_size=1,
                                 max_size=20))
def test_an_edit_away_from_the_passage_only_shifts_it(case, letters: str) -> None:
    """Latin letters put in a Chinese report, outside the passage and its context, move the
    passage by their length and change nothing else."""
    text, start, end, at, _, _ = case
    if start - CONTEXT - len(letters) <= at <= end + CONTEXT:
        at = 0 if start > CONTEXT else len(text)
        if start <= CONTEXT and end + CONTEXT >= len(text):
            return  # no place outside the context: nothing to shift
    edited = text[:at] + letters + text[at:]
    shift = len(letters) if at <= start else 0
    assert located(Anchor.from_span(text, start, end), edited) == (start + shift, end + shift)


# --- the review file: any review round-trips; damaged files are refused clearly -----------------

@fuzz
@given(reviews())
def test_any_review_round_trips_through_toml(review) -> None:
    text = dumps(review)
    assert loads(text) == review
    assert dumps(loads(text)) == text


@fuzz
@given(reviews(), st.data())
def test_damaged_review_files_load_or_are_refused_clearly(review, data) -> None:
    raw = bytearray(dumps(review).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        if not raw:
            break
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["cut", "flip", "drop", "insert"]))
        if action == "cut":
            del raw[at:]
        elif action == "flip":
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "drop":
            del raw[at]
        else:
            raw[at:at] = data.draw(st.sampled_from([b"[", b"]", b'"', b"=", b"\n", b"#", b"\\",
                                                   b"[[annotation]]\n", b"schema = 9\n"]))
    try:
        loaded = loads_bytes(bytes(raw), "fuzz.review.toml")
    except ReviewError as exc:
        assert exc.path == "fuzz.review.toml" and exc.reason
        return
    assert loads(dumps(loaded)) == loaded  # whatever loads writes back the same
