"""Review files: any review survives TOML unchanged; a broken file is reported, never guessed."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.i18n import set_language
from reviewer.review import (
    Anchor,
    Annotation,
    FlagDecision,
    PlanAssessment,
    ReportIdentity,
    Review,
    ReviewError,
    TargetAssessment,
)
from reviewer.review.codec import TomlWriter, dumps, loads, loads_bytes
from reviewer.review.model import SCHEMA

# --- generated reviews -------------------------------------------------------------------------

texts = st.text()  # any Unicode (no lone surrogates: those cannot be written as UTF-8)
lines = st.text(alphabet=st.sampled_from("审阅\n\r\t \"'\\#[]=法治2025年。，、"), max_size=40)
free = st.one_of(texts, lines)
offsets = st.integers(0, 2**40)
times = st.builds(
    lambda dt, minutes: dt.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 30)),
    st.integers(-23 * 60 - 59, 23 * 60 + 59),
)


@st.composite
def anchors(draw):
    start = draw(offsets)
    return Anchor(draw(free), draw(free), draw(free), start, start + draw(st.integers(0, 5000)),
                  draw(st.booleans()))


identities = st.builds(ReportIdentity, free, texts, texts, free, free,
                       st.one_of(st.none(), st.integers(-2**63, 2**63 - 1)), texts)


@st.composite
def reviews(draw):
    ids = draw(st.lists(texts, unique=True, max_size=12))
    entries = []
    for ident in ids:
        kind = draw(st.sampled_from("afpt"))
        if kind == "a":
            entries.append(Annotation(ident, draw(anchors()), tuple(draw(st.lists(free, max_size=3))),
                                      draw(free), draw(free),
                                      tuple(draw(st.lists(free, max_size=3))), draw(times),
                                      draw(times)))
        elif kind == "f":
            entries.append(FlagDecision(ident, draw(free), draw(anchors()), draw(free),
                                        draw(free), draw(times)))
        elif kind == "t":
            entries.append(TargetAssessment(ident, draw(free), draw(anchors()), draw(free),
                                            draw(free), draw(free), draw(times)))
        else:
            entries.append(PlanAssessment(ident, draw(anchors()), draw(free), draw(free),
                                          draw(free), tuple(draw(st.lists(anchors(), max_size=3))),
                                          draw(free), draw(times)))
    return Review(
        report=draw(identities), created=draw(times), updated=draw(times), reviewer=draw(free),
        verdict=draw(free), summary=draw(free), prior=draw(st.one_of(st.none(), identities)),
        scores=draw(st.dictionaries(texts, st.integers(-2**63, 2**63 - 1), max_size=4)),
        annotations=[e for e in entries if isinstance(e, Annotation)],
        flags=[e for e in entries if isinstance(e, FlagDecision)],
        plans=[e for e in entries if isinstance(e, PlanAssessment)],
        targets=[e for e in entries if isinstance(e, TargetAssessment)],
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reviews())
def test_any_review_survives_toml_unchanged(review):
    text = dumps(review)
    assert loads(text) == review
    assert loads_bytes(text.encode("utf-8")) == review


@settings(max_examples=30, deadline=None)
@given(reviews(), reviews())
def test_a_writer_reusing_rendered_entries_writes_what_a_fresh_one_does(first, second):
    writer = TomlWriter()
    writer.render(first)
    second.annotations = first.annotations[:1] + second.annotations
    assert writer.render(second) == dumps(second)


# --- the file a person reads -------------------------------------------------------------------


def sample(seeds) -> tuple[Review, str]:
    doc = seeds["guanba-2025"]
    review = Review.new(doc, "王五")
    start = doc.text.index("100%以上")
    review.add_annotation(doc, start, start + 6, tag="数据存疑", severity="major",
                          note="覆盖率不会超过100%。\n请核实。")
    review.set_score("结构完整", 3)
    review.verdict, review.summary = "revise", "顺序不合规定。\n数据需核实。"
    return review, dumps(review)


def test_file_reads_cleanly(seeds):
    review, text = sample(seeds)
    assert text.startswith(f"schema = {SCHEMA}\n")
    assert "[[annotation]]" in text and "[annotation.anchor]" in text
    assert 'note = """\n覆盖率不会超过100%。\n请核实。"""' in text
    created = review.created.isoformat(sep=" ")
    assert f"created = {created}" in text  # a TOML datetime, not a string
    assert isinstance(tomllib.loads(text)["created"], datetime)
    assert dumps(review) == text  # stable: the same review always writes the same bytes


def test_broken_toml_gives_line_and_column(seeds):
    _, text = sample(seeds)
    broken = text.replace('severity = "major"', 'severity = "major', 1)
    line = broken[:broken.index('severity = "major')].count("\n") + 1
    with pytest.raises(ReviewError) as caught:
        loads(broken, "r.review.toml")
    assert caught.value.line == line and caught.value.column is not None
    assert str(caught.value).startswith(f"r.review.toml:{line}:")


def test_every_truncation_is_a_clear_error_or_a_shorter_valid_review(seeds):
    review, text = sample(seeds)
    data = text.encode("utf-8")
    errors = 0
    for cut in range(0, len(data), 7):
        try:
            partial = loads_bytes(data[:cut], "r.review.toml")
        except ReviewError as exc:
            errors += 1
            assert exc.path == "r.review.toml" and exc.reason
        else:  # cut between entries: a valid review holding a prefix of the entries
            assert partial.annotations in ([], review.annotations)
    assert errors > len(data) // 7 * 0.8


@pytest.mark.parametrize(("find", "replace", "words"), [
    ("start = ", 'start = "', ["start", "整数", "字符串"]),
    ('tags = [\n    "数据存疑",\n]', "tags = [3]", ["tags", "字符串数组"]),
    ('tags = [\n    "数据存疑",\n]', 'tag = 3', ["tag", "字符串", "整数"]),
    ("[[annotation]]\n", "[[annotation]]\nsevrity = 1\n", ["sevrity"]),
    ("schema = 1", "schema = 2", ["2", "1"]),
    ("schema = 1", "schema = 0", ["0"]),
    ("schema = 1\n", "", ["schema"]),
    ("[report]\n", "[reprot]\n", ["reprot"]),
    ('id = "a-', 'idx = "a-', ["id"]),
    ("created = ", "created = 'x' #", ["created", "日期时间"]),
    ("section_path = [", "section_path = [1, ", ["section_path", "字符串数组"]),
])
def test_wrong_types_unknown_keys_and_schemas_are_refused(seeds, find, replace, words):
    set_language("zh")
    _, text = sample(seeds)
    if find == "start = ":
        bad = text.replace("start = ", 'start = "', 1)
        line_end = bad.index("\n", bad.index('start = "'))
        bad = bad[:line_end] + '"' + bad[line_end:]
    else:
        bad = text.replace(find, replace, 1)
    assert bad != text
    with pytest.raises(ReviewError) as caught:
        loads(bad, "r.review.toml")
    message = str(caught.value)
    for word in words:
        assert word in message


def test_duplicate_ids_and_bad_spans_are_refused(seeds):
    review, text = sample(seeds)
    entry = text[text.index("[[annotation]]"):]
    with pytest.raises(ReviewError, match="a-"):
        loads(text + "\n" + entry)
    with pytest.raises(ReviewError):
        loads(text.replace("end = ", "end = 1 #", 1).replace("start = ", "start = 9 #", 1))
    with pytest.raises(ReviewError):
        loads_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


def test_newer_schema_names_both_versions(seeds):
    _, text = sample(seeds)
    with pytest.raises(ReviewError) as caught:
        loads(text.replace("schema = 1", "schema = 7", 1), "r.review.toml")
    assert "7" in caught.value.reason and str(SCHEMA) in caught.value.reason


def test_a_note_holds_several_tags_written_as_a_list(seeds):
    doc = seeds["guanba-2025"]
    review = Review.new(doc, "王五")
    start = doc.text.index("100%以上")
    made = review.add_annotation(doc, start, start + 6, tag=("数据存疑", " 亮点", "数据存疑", ""),
                                 severity="major")
    assert made.tags == ("数据存疑", "亮点") and made.tag == "数据存疑、亮点"
    text = dumps(review)
    assert 'tags = [\n    "数据存疑",\n    "亮点",\n]' in text
    assert "\ntag = " not in text
    assert loads(text).annotations[0].tags == ("数据存疑", "亮点")


def test_a_file_with_one_tag_as_older_versions_wrote_it_still_reads(seeds):
    review, text = sample(seeds)
    old = text.replace('tags = [\n    "数据存疑",\n]', 'tag = "数据存疑"')
    assert old != text
    read = loads(old)
    assert read.annotations[0].tags == ("数据存疑",)
    assert 'tags = [\n    "数据存疑",\n]' in dumps(read)  # written back the new way
