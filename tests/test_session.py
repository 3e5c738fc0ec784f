"""The session without the interface: deciding every flag of one rule at once, as one undo."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import seed_path
from reviewer.tui.session import FlagsDecided, Session


@pytest.fixture
def session(tmp_path: Path) -> Session:
    opened = Session.open(seed_path("hutiaoxia-2025"), review_path=str(tmp_path / "r.toml"),
                          reviewer="测试员")
    opened.set_flags(opened.compute_flags())
    return opened


def rule_with_most_flags(session: Session) -> list:
    rule, count = Counter(f.rule for f in session.flags).most_common(1)[0]
    assert count >= 2, "the seed report has a rule with several flags"
    return [f for f in session.flags if f.rule == rule]


def test_deciding_every_flag_of_a_rule_is_one_change_and_one_undo(session: Session) -> None:
    flags = rule_with_most_flags(session)
    heard: list = []
    session.listen(lambda change, undone: heard.append((change, undone)))
    assert session.decide_all(flags, "dismissed", "模板用语") == len(flags)
    assert [session.decision(f) for f in flags] == ["dismissed"] * len(flags)
    assert all(session.review.flag_decision_for(f).note == "模板用语" for f in flags)
    assert len(heard) == 1 and isinstance(heard[0][0], FlagsDecided)
    assert session.dirty
    change = session.undo()
    assert isinstance(change, FlagsDecided) and change.count == len(flags)
    assert [session.decision(f) for f in flags] == [None] * len(flags)
    assert session.review.flags == []
    assert session.undo() is None  # the whole batch was one step


def test_a_flag_already_decided_so_keeps_its_own_note_and_the_rest_undo_to_theirs(
        session: Session) -> None:
    first, second, *rest = rule_with_most_flags(session)
    session.decide(first, "confirmed", "确有问题")
    session.decide(second, "dismissed", "误报")
    assert session.to_decide([first, second, *rest], "confirmed") == [second, *rest]
    assert session.decide_all([first, second, *rest], "confirmed") == 1 + len(rest)
    assert session.review.flag_decision_for(first).note == "确有问题"  # untouched
    assert session.decision(second) == "confirmed"
    session.undo()  # the batch: second back to dismissed with its note, the rest undecided
    assert session.decision(first) == "confirmed"
    assert session.decision(second) == "dismissed"
    assert session.review.flag_decision_for(second).note == "误报"
    assert all(session.decision(f) is None for f in rest)
    session.undo()
    session.undo()
    assert session.review.flags == []


def test_nothing_left_to_decide_is_no_change(session: Session) -> None:
    flags = rule_with_most_flags(session)
    session.decide_all(flags, "confirmed")
    session.save()
    assert not session.dirty
    assert session.to_decide(flags, "confirmed") == []
    assert session.decide_all(flags, "confirmed") == 0
    assert not session.dirty
    assert session.decide_all([], "dismissed") == 0


def test_the_batch_is_saved_and_read_back(session: Session, tmp_path: Path) -> None:
    flags = rule_with_most_flags(session)
    session.decide_all(flags, "dismissed")
    session.save()
    again = Session.open(seed_path("hutiaoxia-2025"), review_path=str(tmp_path / "r.toml"))
    assert [again.decision(f) for f in flags] == ["dismissed"] * len(flags)


def test_the_session_needs_no_textual() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import sys, reviewer.tui.session\n"
         "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"],
        capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
