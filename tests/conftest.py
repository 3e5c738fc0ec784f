"""Shared test fixtures: the bundled seeds and, when present, the shared corpus."""

from __future__ import annotations

import asyncio
import functools
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The corpus of consecutive-year government work reports lives outside the repository.
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))
GWR = CORPUS / "gwr"
SEED_NAMES = ("baogou-2025", "yanxi-2024", "hutiaoxia-2025", "guanba-2025", "baixiang-2024")


@pytest.fixture(autouse=True)
def _own_config_and_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the config, themes, rescued reviews, remembered places or cached
    flags of the person running it, and none leaves the interface language switched for the
    next one."""
    from reviewer.i18n import set_language

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("REVIEWER_LANG", raising=False)
    yield
    set_language("zh")


def pilot_test(test):
    """Run an async test on its own event loop (the suite needs no async plugin)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


def seed_path(name: str) -> str:
    return str(SEEDS / f"{name}.txt")


def corpus_path(name: str) -> str:
    path = GWR / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"corpus report {name} not available: the shared corpus is not beside the "
                    f"repository ({GWR})")
    return str(path)


def require_corpus() -> Path:
    if not GWR.is_dir():
        pytest.skip(f"the shared corpus of government work reports is not beside the repository "
                    f"({GWR}); set REVIEWER_CORPUS to its folder to run this test")
    return GWR


@pytest.fixture(scope="session")
def seeds():
    from reviewer.document import load_document

    return {name: load_document(seed_path(name)) for name in SEED_NAMES}


@pytest.fixture(scope="session")
def corpus_docs():
    from reviewer.document import load_document

    folder = require_corpus()
    return {p.stem: load_document(str(p)) for p in sorted(folder.glob("*.txt"))}


def unblocked(fifo, call, seconds: float = 10.0):
    """``call()``, run in a thread: if it is still blocked on the FIFO ``fifo`` after ``seconds``,
    the FIFO is opened for writing to release it and the test fails, instead of hanging."""
    import threading

    outcome: dict = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail(f"still blocked on the FIFO {fifo} after {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def corpus_report_path(name: str) -> Path:
    """A corpus report of either folder (gwr, gwr-more) by its name; the test skips, saying why,
    when the corpus is not there."""
    for folder in ("gwr", "gwr-more"):
        path = CORPUS / folder / f"{name}.txt"
        if path.exists():
            return path
    pytest.skip(f"corpus report {name} not available: the shared corpus is not beside the "
                f"repository ({CORPUS}); set REVIEWER_CORPUS to its folder")


def corpus_report(name: str):
    from reviewer.document import load_document

    return load_document(str(corpus_report_path(name)))


def corpus_report_changed(name: str, *pairs: str):
    """The corpus report with each ``old`` of the (old, new) pairs replaced."""
    from reviewer.document import parse_text

    path = corpus_report_path(name)
    text = path.read_text(encoding="utf-8")
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, f"{old!r} should be in {name}"
        text = text.replace(old, new)
    return parse_text(text, str(path))
