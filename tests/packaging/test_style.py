"""Lint and formatting are part of the test suite, so CI cannot skip them."""

import subprocess
import sys

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
