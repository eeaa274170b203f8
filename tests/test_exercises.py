"""``python -m dlfs.exercises``: list, show and check, on learners' files.

The learners' files live in ``tests/exercises/ID/``: every ``right*.py`` must
pass its exercise, and every ``wrong_*.py`` must fail with the hint that its
docstring quotes.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlfs.exercises import EXERCISES, check

SOLUTIONS = Path(__file__).resolve().parent / "exercises"
ROOT = SOLUTIONS.parent.parent


def words(text: str) -> str:
    """Text with every run of white space made one space, to compare wrapped text."""
    return " ".join(text.split())


def files(pattern: str) -> list[Path]:
    return sorted(SOLUTIONS.glob(f"*/{pattern}"))


def file_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dlfs.exercises", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


# -- every exercise: a right solution passes, typical mistakes get their hint --


def test_every_exercise_has_a_right_solution_and_two_wrong_ones():
    for exercise_id in EXERCISES:
        folder = SOLUTIONS / exercise_id
        assert list(folder.glob("right*.py")), f"{exercise_id}: no right solution"
        assert len(list(folder.glob("wrong_*.py"))) >= 2, f"{exercise_id}: < 2 wrong"
    assert {p.name for p in SOLUTIONS.iterdir() if p.is_dir()} <= set(EXERCISES)


@pytest.mark.parametrize("path", files("right*.py"), ids=file_id)
def test_a_right_solution_passes_every_check(path):
    start = time.monotonic()
    report = check(path.parent.name, path)
    assert report.status == 0, report.text
    assert report.text.splitlines()[-1].startswith("All ")
    assert time.monotonic() - start < 5, "a check must take a few seconds at most"


@pytest.mark.parametrize("path", files("wrong_*.py"), ids=file_id)
def test_a_typical_mistake_fails_with_the_hint_that_names_it(path):
    expected = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert expected, f"{path.name} must quote its hint in its docstring"
    report = check(path.parent.name, path)
    assert report.status == 1, report.text
    assert "FAIL" in report.text
    assert words(expected) in words(report.text)
