"""End to end in a real terminal: tmux runs the installed ``reviewer`` command, keys (a Chinese
note among them) are sent as a person would type them, the screen is read back, and the review
file on disk is checked after quitting — and after the terminal is closed under the app; on the
comparison screen too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from pathlib import Path

import pytest

from conftest import corpus_path, seed_path

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (.ci/run installs it)")

NOTE = "第一段的数据缺少来源"


def _reviewer() -> list[str]:
    script = Path(sys.executable).with_name("reviewer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reviewer"]


class Tmux:
    """One detached tmux session running one command, on its own server socket."""

    def __init__(self, tmp_path: Path, command: list[str], width: int = 100,
                 height: int = 30) -> None:
        self.socket = f"reviewer-test-{uuid.uuid4().hex[:8]}"
        env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "TERM": "xterm-256color"}
        line = " ".join(f"{k}={v}" for k, v in env.items()) + " " + \
            " ".join(f"'{c}'" for c in command)
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height),
                   f"{line}; sleep 30")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=20, check=False).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "t", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)
        time.sleep(0.3)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def wait_until(self, done, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done():
            time.sleep(0.2)
        assert done(), self.screen()

    def kill(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def tmux(tmp_path: Path):
    sessions: list[Tmux] = []

    def start(*args: str) -> Tmux:
        session = Tmux(tmp_path, [*_reviewer(), *args])
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.kill()


def _notes(review: Path) -> list[dict]:
    if not review.exists():
        return []
    return tomllib.loads(review.read_text(encoding="utf-8")).get("annotation", [])


def test_annotate_in_a_real_terminal_then_quit(tmux, tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    term = tmux(seed_path("hutiaoxia-2025"), "--review", str(review), "--reviewer", "终端")
    shown = term.wait_for("标记")  # the side panel follows the report's first frame
    assert "虎跳峡镇" in shown and "终端" in shown
    term.keys("J", "J", "a")
    term.wait_for("添加批注")
    term.type(NOTE)
    term.wait_for(NOTE)
    term.keys("Enter")
    term.wait_for(f"✎ 数据存疑 {NOTE}")  # the status line names the note under the cursor
    term.keys("q")
    term.wait_until(lambda: bool(_notes(review)))
    (note,) = _notes(review)
    assert note["note"] == NOTE
    quote = note["anchor"]["quote"]
    from reviewer.document import load_document

    text = load_document(seed_path("hutiaoxia-2025")).text
    assert quote and text[note["anchor"]["start"]:note["anchor"]["end"]] == quote


def test_closing_the_terminal_saves_the_review(tmux, tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    term = tmux(seed_path("guanba-2025"), "--review", str(review))
    term.wait_for("关坝镇")
    term.keys("J", "a")
    term.wait_for("添加批注")
    term.type("断线之前")
    term.keys("Enter")
    term.wait_for("✎ 数据存疑 断线之前")
    term.kill()  # the terminal goes away under the app: SIGHUP
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not _notes(review):
        time.sleep(0.1)
    assert [n["note"] for n in _notes(review)] == ["断线之前"]
    assert os.path.getsize(review) > 0


def _plans(review: Path) -> list[dict]:
    if not review.exists():
        return []
    return tomllib.loads(review.read_text(encoding="utf-8")).get("plan", [])


def test_comparison_decisions_reach_the_file_in_a_real_terminal(tmux, tmp_path: Path) -> None:
    """Last year's national report beside this year's: accept one suggested status, choose
    another, quit from the comparison screen; the file holds both."""
    current, prior = corpus_path("national-2025"), corpus_path("national-2024")
    review = tmp_path / "review.toml"
    term = tmux(current, "--prior", prior, "--review", str(review))
    term.wait_for("标记")
    term.keys("p")
    term.wait_for("建议", timeout=40)  # the comparison is ready: the first item is shown
    term.keys("a")
    term.wait_for("已记录")
    term.keys("Down", "3")
    term.wait_for("✓ 未见成效")
    term.keys("q")
    term.wait_until(lambda: len(_plans(review)) == 2)
    first, second = _plans(review)
    assert first["status"] == first["suggested"] != ""
    assert second["status"] == "no_evidence"
    assert first["heading"] != second["heading"]
    data = tomllib.loads(review.read_text(encoding="utf-8"))
    assert data["prior"]["path"].endswith("national-2024.txt")
