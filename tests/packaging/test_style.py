"""Lint and formatting are part of the test suite, so CI cannot skip them."""

import subprocess
import sys
from fnmatch import fnmatch

import pytest
from pages import ROOT


@pytest.mark.parametrize(
    "command", [["check"], ["format", "--check"]], ids=["lint", "format"]
)
def test_ruff_is_clean(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, str(ROOT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_test_folder_is_one_pytest_skips(pytestconfig):
    """pytest does not look inside folders matching ``norecursedirs`` (by
    default ``dist``, ``build``, ``venv``, ...), so tests kept in one would
    silently never run."""
    skipped = [
        folder.relative_to(ROOT).as_posix()
        for folder in (ROOT / "tests").rglob("*")
        if folder.is_dir()
        and any(fnmatch(folder.name, p) for p in pytestconfig.getini("norecursedirs"))
        and any(folder.glob("test_*.py"))
    ]
    assert skipped == []
