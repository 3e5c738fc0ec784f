"""End to end in a real terminal: tmux runs the installed ``reviewer`` command, keys (a Chinese
note among them) are sent as a person would type them, the screen is read back, and the review
file on disk is checked after quitting — and after the terminal is closed under the app; on the
comparison screen too."""

from __future__ import annotations

import os
import shutil
import signal
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
    term.wait_for("✓ 无据")  # the row: the status in short
    term.keys("q")
    term.wait_until(lambda: len(_plans(review)) == 2)
    first, second = _plans(review)
    assert first["status"] == first["suggested"] != ""
    assert second["status"] == "no_evidence"
    assert first["heading"] != second["heading"]
    data = tomllib.loads(review.read_text(encoding="utf-8"))
    assert data["prior"]["path"].endswith("national-2024.txt")


def test_sigterm_within_the_autosave_second_saves_the_last_change(tmp_path: Path) -> None:
    """kill, a service manager or a shutdown send SIGTERM: the note just made is saved, though
    the autosave's second has not passed."""
    review = tmp_path / "review.toml"
    pid_file = tmp_path / "pid"
    # the shell writes its own pid, then becomes the app: the pid is the app's
    term = Tmux(tmp_path, ["sh", "-c", f'echo $$ > {pid_file}; exec "$0" "$@"', *_reviewer(),
                           seed_path("guanba-2025"), "--review", str(review)])
    try:
        term.wait_for("关坝镇")
        term.keys("J", "a")
        term.wait_for("添加批注")
        term.type("最后一改")
        term._tmux("send-keys", "-t", "t", "Enter")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "✎ 数据存疑 最后一改" not in term.screen():
            pass  # as fast as the screen can be read: well within the second
        os.kill(int(pid_file.read_text()), signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _notes(review):
            time.sleep(0.1)
        assert [n["note"] for n in _notes(review)] == ["最后一改"]
    finally:
        term.kill()


def test_the_list_of_reports_in_256_colours_then_the_next_report(tmp_path: Path) -> None:
    """Over SSH Textual draws in 256 colours: the list's statuses, open errors and the cursor row
    are told apart there too; Enter opens a report, ] the next one, q comes back to the list."""
    import re

    folder = tmp_path / "季度"
    (folder / "2025").mkdir(parents=True)
    for name in ("guanba-2025", "hutiaoxia-2025"):
        shutil.copy(seed_path(name), folder / "2025" / f"{name}.txt")
    from reviewer.document import load_document
    from reviewer.review import ReviewStore, default_review_path

    done = folder / "2025" / "guanba-2025.txt"
    store = ReviewStore(default_review_path(str(done)))
    review, _ = store.load_or_new(load_document(str(done)), "同事")
    review.verdict = "good"
    assert store.save(review).ok
    term = Tmux(tmp_path, ["env", "TEXTUAL_COLOR_SYSTEM=256",
                           f"XDG_CACHE_HOME={tmp_path / 'cache'}",
                           f"XDG_STATE_HOME={tmp_path / 'state'}", *_reviewer(), str(folder)],
                width=120, height=40)
    try:
        from reviewer.flags import run_flags

        flags = run_flags(load_document(str(folder / "2025" / "hutiaoxia-2025.txt")))
        counts = "/".join(str(sum(f.severity == s for f in flags))
                          for s in ("error", "warning", "info"))
        term.wait_for("未开始")
        coloured = term._tmux("capture-pane", "-p", "-e", "-t", "t")
        assert "\x1b[38;2;" not in coloured and "\x1b[48;2;" not in coloured  # no true colour
        lines = {name: next(line for line in coloured.splitlines() if name in line)
                 for name in ("guanba-2025.txt", "hutiaoxia-2025.txt")}

        def colours(line: str, text: str) -> list[str]:
            """The 256-colour codes in force where ``text`` starts on ``line``."""
            before = line[:line.index(text)]
            return re.findall(r"\x1b\[([0-9;]*)m", before)[-2:]

        assert colours(lines["guanba-2025.txt"], "已完成") != \
            colours(lines["hutiaoxia-2025.txt"], "未开始")
        background = [re.findall(r"48;5;(\d+)", lines[n])[:1] for n in lines]
        assert background[0] != background[1]  # the cursor row stands out
        term.keys(*"lllllll")  # to the column of open flags (a narrow terminal scrolls there)
        term.wait_for(counts)  # the checks ran in the background
        term.keys("Enter")
        term.wait_for("关坝镇人民政府")
        term.keys("]")
        term.wait_for("虎跳峡镇人民政府")
        term.keys("q")
        shown = term.wait_for("待处理")  # back on the list, at the column chosen
        assert counts in shown
    finally:
        term.kill()


def _grounds(escaped: str) -> list[list[tuple[str, str | None]]]:
    """Each line of a ``capture-pane -e`` screen, as its characters with the background colour
    code in force at each (``None``: the terminal's own); under reverse video the text colour is
    the ground. The codes carry on from one line to the next."""
    import re

    cells: list[tuple[str, str | None]] = []
    fg: str | None = None
    bg: str | None = None
    reverse = False
    for escape, text in re.findall(r"\x1b\[([0-9;:]*)m|([^\x1b]+)", escaped):
        if text:
            cells += [(char, fg if reverse else bg) for char in text]
            continue
        codes = escape.split(";") if escape else ["0"]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in ("38", "48"):
                width = 3 if codes[i + 1] == "5" else 5
                value = ";".join(codes[i:i + width])
                if code == "38":
                    fg = value
                else:
                    bg = value
                i += width
                continue
            if code == "0":
                fg = bg = None
                reverse = False
            elif code == "39":
                fg = None
            elif code == "49":
                bg = None
            elif code == "7":
                reverse = True
            elif code == "27":
                reverse = False
            i += 1
    lines: list[list[tuple[str, str | None]]] = [[]]
    for char, ground in cells:
        if char == "\n":
            lines.append([])
        else:
            lines[-1].append((char, ground))
    return lines


def test_a_note_and_the_cursor_differ_on_screen_in_256_colours(tmp_path: Path) -> None:
    """Over SSH Textual draws in 256 colours: a note's passage, the cursor's sentence and the
    page are drawn on three different backgrounds, read from the escape codes on screen."""
    from reviewer.document import load_document
    from reviewer.document.sentences import split_sentences

    review = tmp_path / "review.toml"
    term = Tmux(tmp_path, ["env", "TEXTUAL_COLOR_SYSTEM=256", *_reviewer(),
                           seed_path("hutiaoxia-2025"), "--review", str(review),
                           "--reviewer", "终端"])
    try:
        term.wait_for("标记")
        term.keys("J", "J", "a")
        term.wait_for("添加批注")
        term.type("来源待核")
        term.keys("Enter")
        term.wait_for("✎ 数据存疑 来源待核")
        term.keys("J")  # the cursor to the next sentence, off the note
        term.wait_until(lambda: "✎" not in term.screen() and bool(_notes(review)))
        (note,) = _notes(review)
        text = load_document(seed_path("hutiaoxia-2025")).text
        following, after = [s for s in split_sentences(text)
                            if s.start >= note["anchor"]["end"]][:2]
        shown = term.screen().splitlines()
        coloured = term._tmux("capture-pane", "-p", "-e", "-t", "t")
        assert "\x1b[48;2;" not in coloured  # no true colour
        screen = _grounds(coloured)

        def ground_of(passage: str) -> str | None:
            """The background under four characters of ``passage`` shown once on screen."""
            for i in range(len(passage) - 3):
                piece = passage[i:i + 4]
                rows = [n for n, line in enumerate(shown) if piece in line]
                if len(rows) == 1 and sum(line.count(piece) for line in shown) == 1:
                    cells = screen[rows[0]]
                    at = "".join(c for c, _ in cells).index(piece)
                    grounds = {g for _, g in cells[at:at + 4]}
                    assert len(grounds) == 1, (piece, grounds)
                    return grounds.pop()
            raise AssertionError(f"{passage!r} is not on screen:\n" + "\n".join(shown))

        page = ground_of(text[after.start:after.end])  # neither note nor cursor
        noted = ground_of(note["anchor"]["quote"])
        cursor = ground_of(text[following.start:following.end])
        assert None not in (page, noted, cursor)
        assert len({page, noted, cursor}) == 3, (page, noted, cursor)
    finally:
        term.kill()
