"""The same reports give the same outline, flags and comparison on every run: Python's hash seed
changes from run to run, and with it the order of every set, so a sum or a tie taken in a set's
order would make the suggested statuses of one pair differ between two openings."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import seed_path

PAIR = (seed_path("baixiang-2024"), seed_path("baogou-2025"))  # their ties differed by seed


def _run(seed: str, *args: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "reviewer", *args], env=env, check=False,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_comparison_is_the_same_whatever_the_hash_seed() -> None:
    outputs = {_run(seed, "compare", *PAIR, "--json") for seed in ("0", "1", "2", "5")}
    assert len(outputs) == 1


def test_the_outline_and_the_flags_are_the_same_whatever_the_hash_seed() -> None:
    for command in ("outline", "check"):
        outputs = {_run(seed, command, PAIR[1], "--json") for seed in ("0", "3")}
        assert len(outputs) == 1, command
