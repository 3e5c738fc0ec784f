"""Faults while the app works: a full disk on save, and two instances on one review.

(A save killed at random moments is covered round after round in test_review_store.py, and the
terminal hung up under a running app in test_e2e.py and test_app.py.)
"""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest
from test_app import make_app, pilot_test, started, type_note

from conftest import seed_path
from reviewer.review import ReviewStore
from reviewer.review import store as store_module
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session

SEED = "hutiaoxia-2025"


@pytest.fixture(autouse=True)
def _own_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def _notes(path: Path) -> list[str]:
    return sorted(a["note"] for a in tomllib.loads(path.read_text(encoding="utf-8"))["annotation"])


async def _annotate(pilot, note: str, move: str = "J") -> None:
    await pilot.press(move, "a")
    await type_note(pilot, note)
    await pilot.press("enter")


def _disk_full(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pilot_test
async def test_a_full_disk_keeps_the_last_good_file_warns_and_saves_all_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await _annotate(pilot, "满盘之前")
        assert screen.save_now()
        good = review.read_bytes()
        await _annotate(pilot, "满盘之时")
        # the data is written, then the disk says it has no room for it
        with monkeypatch.context() as patch:
            patch.setattr(store_module.os, "fsync", _disk_full)
            assert not screen.save_now()
            await pilot.pause()
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors and "No space left on device" in errors[-1].message
            assert errors[-1].timeout >= 3600  # the warning stays until dismissed
            assert screen.session.dirty
            assert "满盘之时" in [a.note for a in screen.session.annotations]
            assert review.read_bytes() == good  # the file is the previous good version, whole
            assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            await pilot.press("q")  # quitting with unsaved work only warns, the first time
            assert app.is_running and isinstance(app.screen, MainScreen)
            assert review.read_bytes() == good
        # room again
        await _annotate(pilot, "腾出空间之后")
        assert screen.save_now() and screen.session.save_error is None
    assert _notes(review) == sorted(["满盘之前", "满盘之时", "腾出空间之后"])
    assert ReviewStore(review).load().annotations  # and it parses


@pilot_test
async def test_two_instances_on_one_review_keep_both_sides(tmp_path: Path) -> None:
    """The app and another instance (a second window on the same file) annotate and save in
    turns; reopened, the review holds every note of both."""
    review = tmp_path / "review.toml"
    other = Session.open(seed_path(SEED), review_path=str(review), reviewer="乙")
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        sentences = other.doc.sentences()
        for round_ in range(3):
            await _annotate(pilot, f"甲的第{round_}条")
            target = sentences[10 + 7 * round_]
            other.annotate(target.start, target.end, tag="问题", severity="minor",
                           note=f"乙的第{round_}条")
            if round_ % 2:
                assert screen.save_now()
                other.save()
            else:
                other.save()
                assert screen.save_now()
            assert other.save_error is None and screen.session.save_error is None
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    other.save()
    expected = sorted([f"甲的第{i}条" for i in range(3)] + [f"乙的第{i}条" for i in range(3)])
    assert _notes(review) == expected
    reopened = Session.open(seed_path(SEED), review_path=str(review), reviewer="丙")
    assert sorted(a.note for a in reopened.annotations) == expected
    assert not [p for p in tmp_path.iterdir() if ".conflict-" in p.name]  # no clash, no side file


def test_two_sessions_editing_the_same_note_keep_both_versions(tmp_path: Path) -> None:
    """Both instances change the same note: one version wins in the file, the other is kept
    whole beside it, and the message says where."""
    review = tmp_path / "review.toml"
    first = Session.open(seed_path(SEED), review_path=str(review), reviewer="甲")
    sentence = first.doc.sentences()[6]
    note = first.annotate(sentence.start, sentence.end, tag="问题", severity="minor", note="原文")
    first.save()
    second = Session.open(seed_path(SEED), review_path=str(review), reviewer="乙")
    first.edit(first.review.annotation(note.id), tag="问题", severity="minor", note="甲改")
    second.edit(second.review.annotation(note.id), tag="问题", severity="major", note="乙改")
    assert first.save() is None
    message = second.save()
    assert message and os.path.basename(str(review)).split(".")[0] in message
    side = [p for p in tmp_path.iterdir() if ".conflict-" in p.name]
    assert len(side) == 1 and str(side[0]) in message
    kept = {_notes(review)[0], _notes(side[0])[0]}
    assert kept == {"甲改", "乙改"}
