"""The review file on disk: saved atomically, merged with other writers, never lost."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from conftest import seed_path
from reviewer.document import load_document
from reviewer.review import Review, ReviewError, ReviewStore, default_review_path
from reviewer.review import store as store_module
from reviewer.review.codec import loads_bytes


@pytest.fixture
def report(tmp_path: Path) -> str:
    """A copy of a seed in a folder of its own, so the review can be written beside it."""
    path = tmp_path / "guanba-2025.txt"
    shutil.copyfile(seed_path("guanba-2025"), path)
    return str(path)


def annotate(review: Review, doc, phrase: str, note: str = ""):
    start = doc.text.index(phrase)
    return review.add_annotation(doc, start, start + len(phrase), tag="数据存疑", note=note)


def test_new_review_saved_beside_the_report_with_a_backup(report):
    doc = load_document(report)
    path = default_review_path(report)
    assert path == report + ".review.toml"
    store = ReviewStore(path)
    review, warnings = store.load_or_new(doc, "张三")
    assert warnings == [] and not os.path.exists(path)
    assert review.report.path == "guanba-2025.txt"  # relative to the review file
    first = annotate(review, doc, "2800余次", "多行\n说明")
    result = store.save(review)
    assert result.ok and not result.merged and result.conflict_path is None
    assert not os.path.exists(path + ".bak")
    annotate(review, doc, "4000余起")
    assert store.save(review).ok
    backup = loads_bytes(Path(path + ".bak").read_bytes())
    assert [a.id for a in backup.annotations] == [first.id]
    again, warnings = ReviewStore(path).load_or_new(doc)
    assert again == review and warnings == []
    leftovers = [p for p in os.listdir(os.path.dirname(path)) if p.endswith(".tmp")]
    assert leftovers == []


def test_saving_an_unchanged_review_writes_nothing(report):
    doc = load_document(report)
    store = ReviewStore(default_review_path(report))
    review, _ = store.load_or_new(doc)
    annotate(review, doc, "2800余次")
    store.save(review)
    before = os.stat(store.path)
    result = store.save(review)
    assert result.ok and os.stat(store.path).st_mtime_ns == before.st_mtime_ns
    Path(store.path).write_bytes(Path(store.path).read_bytes())  # touched, same content
    annotate(review, doc, "4000余起")
    touched = store.save(review)
    assert touched.ok and not touched.merged and touched.conflict_path is None
    assert len(ReviewStore(store.path).load().annotations) == 2


def test_two_writers_both_kept(report):
    doc = load_document(report)
    path = default_review_path(report)
    mine, theirs = ReviewStore(path), ReviewStore(path)
    review_a, _ = mine.load_or_new(doc, "甲")
    review_b, _ = theirs.load_or_new(doc, "乙")
    a = annotate(review_a, doc, "2800余次", "甲的意见")
    assert mine.save(review_a).ok
    b = annotate(review_b, doc, "4000余起", "乙的意见")
    review_b.set_score("数据翔实", 2)
    result = theirs.save(review_b)
    assert result.ok and result.merged and result.conflict_path is None
    on_disk = ReviewStore(path).load()
    assert {x.id for x in on_disk.annotations} == {a.id, b.id}
    assert {x.id for x in review_b.annotations} == {a.id, b.id}  # the session sees both
    # the first writer edits and removes nothing of the second's: merging again keeps all
    review_a.update_annotation(a.id, note="甲改过的意见")
    assert mine.save(review_a).merged
    final = ReviewStore(path).load()
    assert {x.id: x.note for x in final.annotations} == {a.id: "甲改过的意见", b.id: "乙的意见"}
    assert final.scores == {"数据翔实": 2}


def test_two_writers_confirming_different_targets_both_kept(report):
    from reviewer.review import Anchor

    doc = load_document(report)
    path = default_review_path(report)
    mine, theirs = ReviewStore(path), ReviewStore(path)
    review_a, _ = mine.load_or_new(doc, "甲")
    review_b, _ = theirs.load_or_new(doc, "乙")
    first, second = doc.text.index("80%"), doc.text.index("90%")
    review_a.set_target_assessment(Anchor.from_span(doc.text, first, first + 3),
                                   indicator="知晓率", suggested="met", verdict="met")
    assert mine.save(review_a).ok
    review_b.set_target_assessment(Anchor.from_span(doc.text, second, second + 3),
                                   indicator="化解率", suggested="met", verdict="missed")
    assert theirs.save(review_b).merged
    on_disk = ReviewStore(path).load()
    assert {(x.indicator, x.verdict) for x in on_disk.targets} == \
        {("知晓率", "met"), ("化解率", "missed")}


def test_a_removal_on_one_side_and_no_change_on_the_other_is_a_removal(report):
    doc = load_document(report)
    path = default_review_path(report)
    mine = ReviewStore(path)
    review, _ = mine.load_or_new(doc)
    a = annotate(review, doc, "2800余次")
    b = annotate(review, doc, "4000余起")
    mine.save(review)
    other = ReviewStore(path)
    theirs, _ = other.load_or_new(doc)
    theirs.remove_annotation(a.id)
    other.save(theirs)
    review.update_annotation(b.id, note="补充")
    result = mine.save(review)
    assert result.merged and result.conflict_path is None
    assert [x.id for x in ReviewStore(path).load().annotations] == [b.id]


def test_conflicting_edits_keep_both_versions(report):
    doc = load_document(report)
    path = default_review_path(report)
    mine, other = ReviewStore(path), ReviewStore(path)
    review, _ = mine.load_or_new(doc)
    a = annotate(review, doc, "2800余次", "原意见")
    mine.save(review)
    theirs, _ = other.load_or_new(doc)
    theirs.update_annotation(a.id, note="他们的意见")
    assert other.save(theirs).ok
    review.update_annotation(a.id, note="我的意见")
    result = mine.save(review)
    assert result.ok and result.merged and result.conflict_path
    assert a.id in result.message and result.conflict_path in result.message
    assert ReviewStore(path).load().annotation(a.id).note == "我的意见"
    kept = ReviewStore(result.conflict_path).load()
    assert kept.annotation(a.id).note == "他们的意见"


def test_broken_file_is_reported_left_untouched_and_never_overwritten(report):
    doc = load_document(report)
    path = default_review_path(report)
    broken = b'schema = 1\nreviewer = "unterminated\n'
    Path(path).write_bytes(broken)
    store = ReviewStore(path)
    with pytest.raises(ReviewError) as caught:
        store.load_or_new(doc)
    assert caught.value.line == 2 and caught.value.path == path
    review = Review.new(doc)
    annotate(review, doc, "2800余次")
    result = store.save(review)
    assert result.ok and result.conflict_path and path in result.message
    assert Path(path).read_bytes() == broken
    assert ReviewStore(result.conflict_path).load() == review
    annotate(review, doc, "4000余起")
    again = store.save(review)
    assert again.conflict_path == result.conflict_path  # one side file, kept up to date
    assert len(ReviewStore(again.conflict_path).load().annotations) == 2


def test_newer_schema_refused_and_not_overwritten(report):
    doc = load_document(report)
    path = default_review_path(report)
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    store.save(review)
    newer = Path(path).read_text(encoding="utf-8").replace("schema = 1", "schema = 99")
    Path(path).write_text(newer, encoding="utf-8")
    with pytest.raises(ReviewError, match="99"):
        ReviewStore(path).load_or_new(doc)
    annotate(review, doc, "2800余次")
    assert store.save(review).conflict_path
    assert Path(path).read_text(encoding="utf-8") == newer


def test_review_of_another_version_is_reanchored_with_a_warning(report):
    doc = load_document(report)
    path = default_review_path(report)
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    kept = annotate(review, doc, "2800余次")
    store.save(review)
    corrected = doc.text.replace("100%以上", "100%", 1)
    corrected = corrected[:200] + "（此处补充一段说明。）" + corrected[200:]
    Path(report).write_text(corrected, encoding="utf-8")
    new_doc = load_document(report)
    again, warnings = ReviewStore(path).load_or_new(new_doc)
    assert len(warnings) == 2 and "1" in warnings[1]
    moved = again.annotation(kept.id).anchor
    assert new_doc.text[moved.start:moved.end] == "2800余次" and moved.start > kept.anchor.start
    assert again.report.text_sha256 == new_doc.text_sha256


def test_review_of_another_report_warns_and_keeps_every_note(report, seeds):
    doc = load_document(report)
    path = default_review_path(report)
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    for phrase in ("2800余次", "4000余起", "100%以上"):
        annotate(review, doc, phrase)
    store.save(review)
    other = seeds["baogou-2025"]
    again, warnings = ReviewStore(path).load_or_new(other)
    assert doc.title in warnings[0] and len(again.annotations) == 3
    assert all(a.anchor.orphan for a in again.annotations)


def test_unwritable_folder_keeps_the_review_in_memory(report, monkeypatch):
    doc = load_document(report)
    path = default_review_path(report)
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    annotate(review, doc, "2800余次")
    folder = os.path.dirname(path)

    def refuse(*args, **kwargs):  # what the system says in a read-only folder
        raise PermissionError(13, "Permission denied", folder)

    monkeypatch.setattr(store_module.tempfile, "mkstemp", refuse)
    result = store.save(review)
    assert not result.ok and folder in result.message and not os.path.exists(path)
    assert len(review.annotations) == 1
    monkeypatch.undo()
    assert store.save(review).ok and len(ReviewStore(path).load().annotations) == 1


def test_vanished_folder_fails_clearly_then_recovers(tmp_path, seeds):
    doc = seeds["baogou-2025"]
    path = tmp_path / "gone" / "baogou.review.toml"
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    annotate(review, doc, "鲍沟镇")
    result = store.save(review)
    assert not result.ok and str(path.parent) in result.message
    path.parent.mkdir()
    assert store.save(review).ok and ReviewStore(path).load() == review


def save_forever(report: str, path: str, out: int) -> None:
    """The child: add a note and save, again and again, reporting each save once it is done."""
    doc = load_document(report)
    store = ReviewStore(path)
    review, _ = store.load_or_new(doc)
    n = len(review.annotations)
    while True:
        start = (n * 7919) % (len(doc.text) - 20)
        note = review.add_annotation(doc, start, start + 12, tag="数据存疑", note=f"第{n}条\n第二行")
        if not store.save(review).ok:
            return
        os.write(out, f"{note.id}\n".encode())
        n += 1


def killed_child(report: str, path: str, rng: random.Random) -> list[str]:
    """Start a saving child process, SIGKILL it at a random moment; the ids it saved."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read)
        try:
            save_forever(report, path, write)
        finally:
            os._exit(3)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        first = pipe.readline()  # at least one completed save
        time.sleep(rng.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        rest = pipe.read()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return (first + rest).decode().split()


def test_killed_while_saving_leaves_a_whole_review(report):
    path = default_review_path(report)
    rng = random.Random(20250401)
    before: set[str] = set()
    reported = 0
    for _round in range(60):
        saved = killed_child(report, path, rng)
        on_disk = {a.id for a in ReviewStore(path).load().annotations}  # parses, every round
        assert before <= on_disk  # nothing saved in earlier rounds is lost
        added = on_disk - before
        assert set(saved) <= added  # every save reported as done is there
        assert len(added - set(saved)) <= 1  # plus at most the one done but not yet reported
        before = on_disk
        reported += len(saved)
    assert reported >= 60
    folder = os.path.dirname(path)
    leftovers = [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith(".")]
    for name in leftovers:  # what killed saves left: swept once clearly stale
        os.utime(name, (time.time() - 3600, time.time() - 3600))
    assert sorted(store_module.sweep_leftovers(path)) == sorted(leftovers)
    assert not [n for n in os.listdir(folder) if n.startswith(".")]
    assert os.path.exists(path + ".bak")  # the real backup stays
