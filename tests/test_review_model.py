"""The review model on real reports: annotations, flag decisions, scores, plan assessments."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reviewer.review import Anchor, ReportIdentity, Review, load_vocabulary


@dataclass(frozen=True)
class FakeFlag:
    """Stands in for reviewer.flags.Flag: the review only reads rule, start and end."""

    rule: str
    start: int
    end: int


def test_new_review_names_the_report(seeds):
    doc = seeds["baixiang-2024"]
    review = Review.new(doc, "李四")
    assert review.report.sha256 == doc.raw_sha256 and review.report.text_sha256 == doc.text_sha256
    assert review.report.government == doc.government and review.report.year == doc.year
    assert review.reviewer == "李四" and review.created.tzinfo is not None
    assert review.annotations == [] and review.flags == [] and review.scores == {}


def test_annotation_records_quote_and_the_headings_above_it(seeds):
    doc = seeds["guanba-2025"]
    review = Review.new(doc)
    start = doc.text.index("2800余次")
    note = review.add_annotation(doc, start, start + 6, tag="数据存疑", severity="major",
                                 note="2800余次检查\n查处4000余起？")
    chain = doc.section_at(start)
    assert chain, "the passage lies inside a section"
    assert note.section_path == tuple(s.heading.numbering + s.heading.title for s in chain)
    assert note.anchor.quote == "2800余次" and note.id.startswith("a-") and len(note.id) == 10


def test_update_remove_and_restore_for_undo(seeds):
    doc = seeds["baogou-2025"]
    review = Review.new(doc)
    first = review.add_annotation(doc, 10, 20, tag="表述不规范")
    second = review.add_annotation(doc, 30, 40, tag="亮点", severity="info")
    assert first.severity == load_vocabulary().default_severity
    same = review.update_annotation(first.id)
    assert same is first  # nothing changed, nothing rewritten
    edited = review.update_annotation(first.id, note="改为\r\n两行", severity="critical")
    assert edited.note == "改为\n两行" and edited.severity == "critical"
    assert edited.tag == "表述不规范" and edited.created == first.created
    removed = review.remove_annotation(edited.id)
    assert [a.id for a in review.annotations] == [second.id]
    review.restore_annotation(removed)
    assert [a.id for a in review.annotations] == [first.id, second.id]
    with pytest.raises(KeyError):
        review.remove_annotation("a-00000000")
    with pytest.raises(ValueError):
        review.update_annotation(first.id, severity="catastrophic")
    with pytest.raises(ValueError):
        review.add_annotation(doc, 50, 50, tag="亮点")


def test_flag_decisions_are_stored_only_when_made(seeds):
    doc = seeds["yanxi-2024"]
    review = Review.new(doc)
    start = doc.text.index("法制")
    flag = FakeFlag("terms.fazhi", start, start + 2)
    other = FakeFlag("terms.fazhi", start + 100, start + 102)
    assert review.flag_decision_for(flag) is None
    decided = review.decide_flag(doc, flag, "confirmed", "应为法治")
    assert decided.anchor.quote == "法制" and review.flag_decision_for(flag) == decided
    assert review.flag_decision_for(other) is None
    again = review.decide_flag(doc, flag, "dismissed")
    assert again.id == decided.id and len(review.flags) == 1
    with pytest.raises(ValueError):
        review.decide_flag(doc, flag, "maybe")
    assert review.clear_flag_decision(flag) == again
    assert review.flags == [] and review.clear_flag_decision(flag) is None


def test_scores_follow_the_rubric(seeds):
    review = Review.new(seeds["baogou-2025"])
    vocab = load_vocabulary()
    names = [c.name for c in vocab.criteria]
    assert "结构完整" in names and "上年计划落实" in names
    review.set_score("结构完整", vocab.score_max)
    assert review.scores == {"结构完整": vocab.score_max}
    for bad in (vocab.score_max + 1, vocab.score_min - 1, True, "5", 2.5):
        with pytest.raises(ValueError):
            review.set_score("数据翔实", bad)
    review.set_score("结构完整", None)
    assert review.scores == {}
    review.summary = "一\r\n二"
    assert review.summary == "一\n二"


def test_plan_assessments_point_into_both_reports(seeds):
    prior, current = seeds["baixiang-2024"], seeds["baogou-2025"]
    review = Review.new(current)
    review.prior = ReportIdentity.of(prior)
    plan = prior.sections_of_kind("plan")[0]
    item = Anchor.from_span(prior.text, plan.heading.end, min(plan.end, plan.heading.end + 30))
    where = current.text.index("普法")
    made = review.set_plan_assessment(item, heading=plan.title, suggested="no_evidence",
                                      evidence=[Anchor.from_span(current.text, where, where + 2)])
    assert review.prior.text_sha256 == prior.text_sha256
    assert review.plan_assessment_for(item) == made and made.status == ""
    final = review.set_plan_assessment(item, heading=plan.title, suggested="no_evidence",
                                       status="partial", evidence=made.evidence, note="有依据")
    assert final.id == made.id and review.plans == [final]
    assert review.remove_plan_assessment(final.id) == final and review.plans == []


def test_target_assessments_confirm_or_override_the_suggestion(seeds):
    from reviewer.document import parse_text

    prior, current = seeds["baixiang-2024"], seeds["baogou-2025"]
    review = Review.new(current)
    start = prior.text.index("100%")
    target = Anchor.from_span(prior.text, start, start + 4)
    made = review.set_target_assessment(target, indicator="覆盖率", suggested="met",
                                        verdict="met")
    assert made.id.startswith("t-") and review.target_assessment_for(target) == made
    again = review.set_target_assessment(target, indicator="覆盖率", suggested="met",
                                         verdict="met")
    assert again is made  # nothing changed: the same entry, its time kept
    final = review.set_target_assessment(target, indicator="覆盖率", suggested="met",
                                         verdict="missed", note="口径不同\r\n需核实")
    assert final.id == made.id and review.targets == [final] and final.note == "口径不同\n需核实"
    review.restore_target_assessment(made)
    assert review.targets == [made]
    assert review.remove_target_assessment(made.id) == made and review.targets == []
    # a corrected prior report: the target is found again where it moved
    review.restore_target_assessment(final)
    review.prior = ReportIdentity.of(prior)
    moved = parse_text("（更正版）\n" + prior.text, path=prior.path)
    review.reanchor(current, moved)
    (placed,) = review.targets
    assert moved.text[placed.anchor.start:placed.anchor.end] == "100%"
    assert placed.anchor.start == start + len("（更正版）\n")


def test_reanchor_on_another_version_keeps_everything(seeds):
    from reviewer.document import parse_text

    doc = seeds["hutiaoxia-2025"]
    review = Review.new(doc)
    start = doc.text.index("专个")
    typo = review.add_annotation(doc, start, start + 2, tag="表述不规范")
    at = doc.text.index("12余次")
    (sentence,) = [s for s in doc.sentences() if s.start <= at < s.end]
    gone = review.add_annotation(doc, sentence.start, sentence.end, tag="数据存疑")
    flag = FakeFlag("numbers.yu", doc.text.index("12余次"), doc.text.index("12余次") + 4)
    review.decide_flag(doc, flag, "confirmed")
    fixed_text = (doc.text[:sentence.start] + doc.text[sentence.end:]).replace("专个", "专项")
    fixed_text = "（更正版）\n" + fixed_text
    fixed = parse_text(fixed_text, doc.path)
    report = review.reanchor(fixed)
    assert review.report.text_sha256 == fixed.text_sha256
    assert len(review.annotations) == 2 and len(review.flags) == 1
    moved = review.annotation(typo.id)
    assert not moved.anchor.orphan and fixed.text[moved.anchor.start:moved.anchor.end] == "专项"
    assert review.annotation(gone.id).anchor.orphan and gone.id in report.orphans
    assert review.annotation(gone.id).anchor.quote == gone.anchor.quote
    assert review.orphans == [review.annotation(gone.id)]


def test_a_team_vocabulary_file_is_read_and_a_broken_one_refused(tmp_path):
    from reviewer.review import ReviewError

    bundled = load_vocabulary()
    assert bundled.default_severity in bundled.severities and bundled.criteria
    own = tmp_path / "vocabulary.toml"
    own.write_text('''tags = ["口径不一"]
severities = ["low", "high"]
default_severity = "high"
verdicts = ["ok"]
decisions = ["confirmed", "dismissed"]
plan_statuses = ["done"]
target_verdicts = ["reached"]
[rubric]
min = 0
max = 10
[[rubric.criterion]]
name = "可读性"
''', encoding="utf-8")
    vocab = load_vocabulary(str(own))
    assert vocab.tags == ("口径不一",) and vocab.score_max == 10
    assert [c.name for c in vocab.criteria] == ["可读性"]
    own.write_text(own.read_text(encoding="utf-8").replace('"high"\nverdicts', '"none"\nverdicts'),
                   encoding="utf-8")
    load_vocabulary.cache_clear()
    with pytest.raises(ReviewError, match="none"):
        load_vocabulary(str(own))
    with pytest.raises(ReviewError, match="tags"):
        own.write_text("tags = []\n", encoding="utf-8")
        load_vocabulary.cache_clear()
        load_vocabulary(str(own))
    load_vocabulary.cache_clear()


def test_every_bundled_criterion_says_what_each_score_means():
    vocab = load_vocabulary()
    scale = range(vocab.score_min, vocab.score_max + 1)
    for criterion in vocab.criteria:
        meanings = [criterion.meaning(score, vocab.score_min) for score in scale]
        assert all(meanings) and len(set(meanings)) == len(meanings), criterion.name
    first = vocab.criteria[0]
    assert first.meaning(vocab.score_max + 1, vocab.score_min) == ""


def test_a_criterion_whose_levels_do_not_fit_the_scale_is_refused(tmp_path):
    from reviewer.review import ReviewError

    own = tmp_path / "vocabulary.toml"
    own.write_text('''tags = ["口径不一"]
severities = ["low"]
verdicts = ["ok"]
decisions = ["confirmed", "dismissed"]
plan_statuses = ["done"]
target_verdicts = ["reached"]
[rubric]
min = 1
max = 3
[[rubric.criterion]]
name = "可读性"
levels = ["差", "好"]
''', encoding="utf-8")
    with pytest.raises(ReviewError, match="可读性.*2 levels.*needs 3"):
        load_vocabulary(str(own))
    own.write_text(own.read_text(encoding="utf-8").replace('["差", "好"]', '["差", "中", "好"]'),
                   encoding="utf-8")
    load_vocabulary.cache_clear()
    assert load_vocabulary(str(own)).criteria[0].meaning(2, 1) == "中"
    load_vocabulary.cache_clear()


def test_plan_status_scale_is_the_one_the_comparison_suggests_from():
    from reviewer.compare import STATUSES

    assert load_vocabulary().plan_statuses == STATUSES


def test_target_verdicts_are_the_ones_the_comparison_suggests_from():
    from reviewer.compare import VERDICTS

    assert load_vocabulary().target_verdicts == VERDICTS
