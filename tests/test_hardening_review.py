"""Bad review files: the report still opens, the problem is shown, the file is never written over,
and what the reviewer does in that session is saved somewhere safe that the app names.

Each bad file is made from a real review of a seed, saved by the program itself, then damaged
the way files get damaged: a broken TOML line, a wrong type, an unknown key, a newer schema, a
review of another report, a cut-off write, a folder that cannot be written.
"""

from __future__ import annotations

import errno
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from test_app import make_app, pilot_test, started, type_note

from conftest import seed_path
from reviewer.cli import main
from reviewer.review import ReviewStore, default_review_path
from reviewer.review import store as store_module
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session

SEED = "hutiaoxia-2025"
OTHER = "baogou-2025"


def _reviewed(tmp_path: Path, seed: str = SEED) -> tuple[Path, Path, bytes]:
    """A copy of ``seed`` beside its review holding one note (as the program writes it)."""
    report = tmp_path / f"{seed}.txt"
    report.write_bytes(Path(seed_path(seed)).read_bytes())
    session = Session.open(str(report), reviewer="甲")
    sentence = session.doc.sentences()[4]
    session.annotate(sentence.start, sentence.end, tag="数据存疑", severity="major", note="原有批注")
    assert session.save() is None
    review = Path(default_review_path(str(report)))
    return report, review, review.read_bytes()


def _replace_once(find: str, replace: str) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert find in text
        return text.replace(find, replace, 1).encode("utf-8")
    return damage


# name → how a good review file is damaged, and a word the message must give
DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "malformed-toml": (_replace_once("[[annotation]]", "[[annotation]"), "TOML"),
    "wrong-type": (_replace_once('tags = [\n    "数据存疑",\n]', "tags = 3"), "tags"),
    "unknown-key": (_replace_once("[[annotation]]\n", "[[annotation]]\nsevrity = 1\n"), "sevrity"),
    "newer-schema": (_replace_once("schema = 1", "schema = 99"), "99"),
    "truncated": (lambda data: data[:len(data) * 2 // 3], ""),
    "not-utf8": (lambda data: data.decode("utf-8").encode("gb18030"), "UTF-8"),
}


@pytest.fixture(autouse=True)
def _own_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def _notes_in(path: Path) -> list[str]:
    return [a["note"] for a in tomllib.loads(path.read_text(encoding="utf-8")).get("annotation", [])]


def _named_toml_files(message: str) -> list[Path]:
    """The review files a message names (where the session's work went)."""
    return [Path(m) for m in re.findall(r"(/\S+?\.toml)", message)]


async def _annotate_in_app(pilot, note: str) -> None:
    await pilot.press("J", "a")
    await type_note(pilot, note)
    await pilot.press("enter")


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_each_damaged_review_is_refused_by_the_store(damage, tmp_path) -> None:
    """Sanity of the damage itself: every damaged file really fails to load."""
    _, review, good = _reviewed(tmp_path)
    spoil, word = DAMAGE[damage]
    review.write_bytes(spoil(good))
    with pytest.raises(Exception) as caught:
        ReviewStore(review).load()
    assert word in str(caught.value) and str(review) in str(caught.value)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pilot_test
async def test_app_opens_the_report_and_never_writes_over_a_damaged_review(
        damage, tmp_path: Path) -> None:
    report, review, good = _reviewed(tmp_path)
    spoil, word = DAMAGE[damage]
    review.write_bytes(spoil(good))
    before = review.read_bytes()
    app = make_app(tmp_path, review=review)  # the seed itself: the same text as the copy
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        assert screen.reader.text == screen.session.doc.text  # the report is open
        shown = [n.message for n in app._notifications]
        assert any(str(review) in m and word in m for m in shown), shown
        await _annotate_in_app(pilot, "本次批注")
        screen.save_now()
        await pilot.pause()
        told = [n.message for n in app._notifications]
    assert review.read_bytes() == before
    homes = [p for m in told for p in _named_toml_files(m) if p != review and p.exists()]
    assert homes, f"no notification names where the note went: {told}"
    assert any("本次批注" in _notes_in(p) for p in homes)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_export_of_a_damaged_review_is_refused_clearly(damage, tmp_path, capsys) -> None:
    _, review, good = _reviewed(tmp_path)
    spoil, word = DAMAGE[damage]
    review.write_bytes(spoil(good))
    out = tmp_path / "out.md"
    assert main(["export", str(review), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: ") and str(review) in err and word in err
    assert "Traceback" not in err and not out.exists()


@pilot_test
async def test_review_of_another_report_opens_warns_and_is_not_written_over(tmp_path) -> None:
    """The review beside this report was written for another one (a copied or renamed file):
    its notes are kept, the file is left as it was, and this session's work goes beside it."""
    other_report, other_review, _ = _reviewed(tmp_path, OTHER)
    report = tmp_path / f"{SEED}.txt"
    report.write_bytes(Path(seed_path(SEED)).read_bytes())
    review = Path(default_review_path(str(report)))
    review.write_bytes(other_review.read_bytes())
    before = review.read_bytes()
    app = make_app(tmp_path, review=review)  # the seed itself: the same text as the copy
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        shown = [n.message for n in app._notifications]
        assert any("另一份报告" in m for m in shown), shown
        await _annotate_in_app(pilot, "本次批注")
        screen.save_now()
        await pilot.pause()
        told = [n.message for n in app._notifications]
    assert review.read_bytes() == before
    homes = [p for m in told for p in _named_toml_files(m) if p != review and p.exists()]
    assert any(set(_notes_in(p)) == {"原有批注", "本次批注"} for p in homes), told


@pilot_test
async def test_read_only_folder_keeps_the_review_and_saves_a_copy_elsewhere(
        tmp_path, monkeypatch) -> None:
    """Root writes anywhere, so the folder's refusal is simulated where the store writes."""
    report, review, good = _reviewed(tmp_path)
    folder = str(review.parent)
    real_mkstemp = store_module.tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):
        if dir == folder:
            raise PermissionError(errno.EACCES, "Permission denied", folder)
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(store_module.tempfile, "mkstemp", read_only)
    app = make_app(tmp_path, review=review)  # the seed itself: the same text as the copy
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await _annotate_in_app(pilot, "只读文件夹")
        assert not screen.save_now()
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and errors[-1].timeout >= 3600  # stays until dismissed
        assert isinstance(app.screen, MainScreen) and screen.session.dirty
    assert review.read_bytes() == good
    copies = [p for n in errors for p in _named_toml_files(n.message) if p != review]
    assert copies and all(p.exists() for p in copies), [n.message for n in errors]
    assert "只读文件夹" in _notes_in(copies[-1]) and "原有批注" in _notes_in(copies[-1])
    assert Path(copies[-1]).is_relative_to(tmp_path / "state")


@pytest.mark.parametrize("where", ["folder", "missing-folder"])
def test_a_review_path_that_can_never_be_written_is_refused_before_the_app(
        where, tmp_path, capsys, monkeypatch) -> None:
    """Every save would fail: the command line says so instead of starting an app that could
    only keep the work in memory."""
    from reviewer.tui.app import ReviewerApp

    started_apps: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: started_apps.append(self))
    review = tmp_path if where == "folder" else tmp_path / "gone" / "r.review.toml"
    assert main([seed_path(SEED), "--review", str(review)]) == 2
    err = capsys.readouterr().err
    assert str(review) in err and "Traceback" not in err and not started_apps
    assert main([seed_path(SEED), "--review", str(tmp_path / "r.review.toml")]) == 0
    assert started_apps


def test_export_into_a_folder_that_refuses_writes_says_so(tmp_path, capsys,
                                                          monkeypatch) -> None:
    _, review, _ = _reviewed(tmp_path)
    out_folder = tmp_path / "out"
    out_folder.mkdir()

    def read_only(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", dir)

    monkeypatch.setattr(store_module.tempfile, "mkstemp", read_only)
    assert main(["export", str(review), "-o", str(out_folder / "r.md")]) == 2
    err = capsys.readouterr().err
    assert str(out_folder) in err and "Permission denied" in err and "Traceback" not in err
    assert list(out_folder.iterdir()) == []


def test_export_of_a_review_beside_another_report_follows_its_own_report(tmp_path,
                                                                         capsys) -> None:
    """A review copied beside the wrong report still names its own: export reads that one and
    gives every note, untouched by the report it sits beside."""
    _, other_review, _ = _reviewed(tmp_path, OTHER)
    report = tmp_path / f"{SEED}.txt"
    report.write_bytes(Path(seed_path(SEED)).read_bytes())
    misplaced = Path(default_review_path(str(report)))
    misplaced.write_bytes(other_review.read_bytes())
    assert main(["export", str(misplaced), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "原有批注" in out and not err
    assert misplaced.read_bytes() == other_review.read_bytes()
