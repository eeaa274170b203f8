"""The README's promises agree with the project: Python versions, commands."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

import dlfs.cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def stated_python() -> tuple[int, int]:
    """The version in the README's "Python 3.X or newer"; exactly one is stated."""
    found = set(re.findall(r"Python (3\.\d+) or newer", README))
    assert len(found) == 1, found
    major, minor = found.pop().split(".")
    return int(major), int(minor)


def test_readme_and_requires_python_state_the_same_minimum_version():
    major, minor = stated_python()
    assert PYPROJECT["project"]["requires-python"] == f">={major}.{minor}"


def test_ruff_targets_the_minimum_python_version():
    major, minor = stated_python()
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py{major}{minor}"


def test_the_stated_minimum_is_what_the_pinned_matplotlib_needs():
    # Matplotlib 3.11 (pinned for byte-identical figures) needs Python 3.11;
    # a README that promises less sends users into a failing pip install.
    (pin,) = PYPROJECT["project"]["optional-dependencies"]["figures"]
    assert pin.startswith("matplotlib==3.11")
    assert stated_python() >= (3, 11)
    assert sys.version_info[:2] >= stated_python()


@pytest.mark.parametrize("option", ["--force", "--output"])
def test_train_options_the_readme_names_exist(option, capsys):
    assert "python -m dlfs train --output " in README
    with pytest.raises(SystemExit):
        dlfs.cli.main(["train", "--help"])
    assert option in capsys.readouterr().out


def test_readme_says_where_to_run_the_benchmarks():
    (row,) = [line for line in README.splitlines() if "python -m benchmarks --" in line]
    assert "root of the clone" in row
