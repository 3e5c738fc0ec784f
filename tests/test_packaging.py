"""A built wheel carries the bundled themes and sample reports, and an installed copy finds them.

The wheel is built from a copy of the checkout with the setuptools of the running interpreter
(no build isolation, so nothing is downloaded); where that cannot build a wheel, the tests skip
and say why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

THEMES = sorted(p.name for p in (ROOT / "themes").glob("*.toml"))
SEEDS = sorted([p.name for p in (ROOT / "seeds").glob("*.txt")] + ["README.md"])

# Run in the copy: build a wheel into argv[1], or exit 3 naming what the build would need.
BUILD = """
import contextlib, importlib.util, re, sys
out = sys.argv[1]  # read first: setuptools rewrites sys.argv
try:
    from setuptools import build_meta
except ImportError:
    print("setuptools is not installed"); sys.exit(3)
with contextlib.redirect_stdout(sys.stderr):  # setuptools talks; stdout is for the answer
    needs = build_meta.get_requires_for_build_wheel()
missing = [r for r in needs
           if importlib.util.find_spec(re.split(r"[^A-Za-z0-9_.-]", r)[0].replace("-", "_")) is None]
if missing:
    print("building a wheel needs " + ", ".join(missing)); sys.exit(3)
with contextlib.redirect_stdout(sys.stderr):
    name = build_meta.build_wheel(out)
print(name)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("packaging")
    source, out = work / "source", work / "dist"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "*.egg-info", "__pycache__", "benchmarks", "tests"))
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=source,
                          capture_output=True, text=True, timeout=300)
    if done.returncode == 3:
        pytest.skip(f"cannot build a wheel offline here: {done.stdout.strip()} (the test extra, "
                    f".[test], brings a setuptools that can)")
    assert done.returncode == 0, done.stdout + done.stderr
    return out / done.stdout.strip()


def test_checkout_has_what_the_wheel_must_carry() -> None:
    # guards the test below against passing on empty lists
    assert len(THEMES) >= 3 and "reviewer-dark.toml" in THEMES
    assert len([s for s in SEEDS if s.endswith(".txt")]) == 5


def test_wheel_carries_the_themes_and_the_seeds(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
        expected = [f"reviewer/bundled/themes/{n}" for n in THEMES] + \
                   [f"reviewer/bundled/seeds/{n}" for n in SEEDS]
        missing = [n for n in expected if n not in names]
        assert not missing, f"the wheel lacks {missing}"
        for name in expected:  # byte for byte, as in the checkout
            folder, file = name.split("/")[-2:]
            assert whl.read(name) == (ROOT / folder / file).read_bytes(), name
    # the checkout's own folders are not shipped a second time at the top of the wheel
    assert not any(n.startswith(("themes/", "seeds/")) for n in names)


def test_an_installed_copy_finds_its_bundled_folders(wheel: Path, tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(site)
    elsewhere.mkdir()
    code = ("import json\n"
            "from reviewer.commands.app import bundled_seeds\n"
            "from reviewer.tui.themes import bundled_themes_dir\n"
            "print(json.dumps({'themes': str(bundled_themes_dir()), 'seeds': str(bundled_seeds())}))")
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = {k: Path(v) for k, v in json.loads(done.stdout).items()}
    assert found["themes"] == site / "reviewer" / "bundled" / "themes"
    assert found["seeds"] == site / "reviewer" / "bundled" / "seeds"
    assert sorted(p.name for p in found["themes"].glob("*.toml")) == THEMES
    assert sorted(p.name for p in found["seeds"].iterdir()) == SEEDS
