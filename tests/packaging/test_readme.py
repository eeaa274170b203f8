"""The README's promises agree with the project: Python versions, commands."""

from __future__ import annotations

import re
import sys
import tomllib

import pytest
from pages import ROOT

import dlfs.cli

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


def layout_paths() -> list[str]:
    """The paths in the first column of the README's layout table."""
    section = README.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [
        path for row in rows for path in re.findall(r"`([^`]+)`", row.split("|")[1])
    ]


def test_the_layout_table_names_existing_paths_and_every_package_and_test_folder():
    paths = layout_paths()
    # book/chN.py stands for every chapter's module.
    missing = [p for p in paths if not list(ROOT.glob(p.replace("chN", "ch*")))]
    assert missing == []
    # Every package at the top, the pages, and every folder of tests.
    folders = {d.name for d in ROOT.iterdir() if (d / "__init__.py").is_file()}
    folders |= {"docs"} | {
        f"tests/{d.name}"
        for d in (ROOT / "tests").iterdir()
        if any(d.glob("test_*.py"))
    }
    named = [p.rstrip("/") for p in paths]
    unnamed = {
        f for f in folders if not any(f"{n}/".startswith(f"{f}/") for n in named)
    }
    assert unnamed == set()


HOME = {
    "index.md": r"Python (3\.\d+) or newer",
    "index.ko.md": r"파이썬 (3\.\d+) 이상",
}


@pytest.mark.parametrize("page", sorted(HOME))
def test_home_page_states_the_readmes_minimum_python(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    found = set(re.findall(HOME[page], text))
    assert found == {"{}.{}".format(*stated_python())}


def dependency_names(requirements: list[str]) -> set[str]:
    return {re.match(r"[\w-]+", r).group(0) for r in requirements}


def test_readme_lists_every_extra_and_only_those():
    listed = set(re.findall(r"^\| `(\w+)` \|", README, flags=re.M))
    assert listed == set(PYPROJECT["project"]["optional-dependencies"])


@pytest.mark.parametrize("page", ["README.md", "docs/index.md", "docs/index.ko.md"])
def test_pooch_is_a_dependency_and_the_data_extra_only_adds_tqdm(page):
    # pooch downloads MNIST; [data] is only the progress bar.
    project = PYPROJECT["project"]
    assert "pooch" in dependency_names(project["dependencies"])
    assert dependency_names(project["optional-dependencies"]["data"]) == {"tqdm"}
    text = (ROOT / page).read_text(encoding="utf-8")
    assert "pooch" in text and "tqdm" in text
    # Every dependency is named, and the page counts them right.
    names = dependency_names(project["dependencies"])
    assert all(name in text for name in names - {"numpy"}), names
    english = ("one", "two", "three", "four", "five")[len(names) - 1]
    korean = ("한", "두", "세", "네", "다섯")[len(names) - 1]
    assert f"{english} dependencies" in text or f"의존 패키지 {korean} 개" in text
    assert "needs only NumPy" not in text
