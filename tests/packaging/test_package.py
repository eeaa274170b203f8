"""The package as a whole: what importing it costs, what it exports, what it ships."""

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pages import ROOT

import dlfs
from dlfs.weights import CH3_WEIGHTS


def test_importing_dlfs_loads_only_numpy_and_the_standard_library():
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import dlfs\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "allowed = set(sys.stdlib_module_names) | {'numpy', 'dlfs'}\n"
        "print(' '.join(sorted(new - allowed)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_every_exported_name_exists_and_is_documented():
    for name in dlfs.__all__:
        obj = getattr(dlfs, name)
        assert obj.__doc__, f"dlfs.{name} has no docstring"


def test_every_public_callable_has_an_example_in_its_own_or_its_modules_docstring():
    """Listings on the pages keep one-line docstrings; their module shows examples."""
    missing = [
        name
        for name in dlfs.__all__
        if callable(obj := getattr(dlfs, name))
        and ">>>" not in (obj.__doc__ or "")
        and ">>>" not in (sys.modules[obj.__module__].__doc__ or "")
    ]
    assert missing == []


# The installed package is the learner's library; the book's build (book/,
# benchmarks/) lives beside it and may import dlfs, never the other way round.
DLFS_DIR = ROOT / "dlfs"
BUILD_PACKAGES = {"book", "benchmarks"}


def imported_top_level_names(path: Path) -> set[str]:
    """Every package ``path`` imports, at any depth, or names to import_module."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.split(".")[0] in BUILD_PACKAGES:  # import_module("book")
                names.add(node.value.split(".")[0])
    return names


def test_no_module_of_dlfs_imports_the_build_packages_even_inside_a_function():
    """Read, not imported: an import inside a function counts as well."""
    found = {
        str(path.relative_to(DLFS_DIR)): imported_top_level_names(path)
        for path in sorted(DLFS_DIR.rglob("*.py"))
    }
    # The scan sees both kinds of import statement: `import numpy as np` and
    # `from dlfs.x import y` occur throughout the package.
    assert {"numpy", "dlfs"} <= set().union(*found.values())
    offenders = {name: sorted(seen & BUILD_PACKAGES) for name, seen in found.items()}
    assert {name: seen for name, seen in offenders.items() if seen} == {}


def test_no_module_of_dlfs_knows_the_repository_layout():
    for path in DLFS_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("parents[", "docs/", "/benchmarks", "book/"):
            assert marker not in text, f"{path.name} mentions {marker!r}"


def test_the_boundary_apis_keep_full_numpy_docstrings():
    for obj in (dlfs.load_mnist, dlfs.load_weights, dlfs.train):
        assert "Parameters\n    ----------" in obj.__doc__, obj.__name__
        assert ">>>" in obj.__doc__ or "Examples" in obj.__doc__, obj.__name__


# --------------------------------------------------------------------------
# What the wheel holds, and the shipped weights in every way of installing
# --------------------------------------------------------------------------


@pytest.mark.xdist_group("wheel")
def test_the_wheel_holds_the_library_its_weights_and_version_but_not_the_build(
    wheel: Path,
):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [metadata] = [n for n in names if n.endswith("dist-info/METADATA")]
        metadata = archive.read(metadata).decode()
    tops = {name.split("/")[0] for name in names if "dist-info" not in name}
    assert tops == {"dlfs"}
    assert "dlfs/datasets.py" in names
    assert f"dlfs/pretrained/{CH3_WEIGHTS}.npz" in names
    assert f"dlfs/pretrained/{CH3_WEIGHTS}.json" in names
    assert re.search(r"^Requires-Dist: pooch", metadata, re.M)
    # The version is written once, in dlfs/__init__.py; pyproject reads it.
    assert re.findall(r"^Version: (.+)$", metadata, re.M) == [dlfs.__version__]


# Run by the Python under test, in an empty folder: where dlfs and its weights
# came from, the SHA-256 of the file load_weights read, and the arrays.
LOAD = """
import hashlib, json
import dlfs
from dlfs.weights import weights_path
params = dlfs.load_weights()
arrays = hashlib.sha256()
for name in sorted(params):
    arrays.update(name.encode() + params[name].tobytes())
print(json.dumps({
    "dlfs": dlfs.__file__,
    "weights": str(weights_path()),
    "sha256": hashlib.sha256(weights_path().read_bytes()).hexdigest(),
    "arrays": arrays.hexdigest(),
}))
"""


def package_copy(folder: Path) -> Path:
    """What the package is made of, copied, so an install writes nothing here."""
    folder.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(DLFS_DIR, folder / "dlfs", ignore=ignore)
    return folder


@pytest.mark.parametrize(
    "way",
    [
        "clone",
        "editable",
        pytest.param("wheel", marks=pytest.mark.xdist_group("wheel")),
    ],
)
def test_load_weights_works_the_same_from_a_clone_an_editable_install_and_the_wheel(
    way: str,
    new_venv: Callable[..., Path],
    request: pytest.FixtureRequest,
    tmp_path: Path,
):
    """Each way in a fresh venv that sees no other dlfs (see its conftest.py)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    if way == "clone":  # no install at all: the clone on the path
        python, home = new_venv(), DLFS_DIR
        env["PYTHONPATH"] = str(ROOT)
    elif way == "editable":  # pip install -e, of a copy of the clone
        source = package_copy(tmp_path / "source")
        python = new_venv("--no-build-isolation", "--editable", str(source))
        home = source / "dlfs"
    else:
        python = request.getfixturevalue("wheel_python")
        home = python.parents[1]  # the venv
    ran = subprocess.run(
        [python, "-c", LOAD],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    seen = json.loads(ran.stdout)
    package = Path(seen["dlfs"]).parent
    assert package.is_relative_to(home)
    assert Path(seen["weights"]) == package / "pretrained" / f"{CH3_WEIGHTS}.npz"
    record = json.loads((DLFS_DIR / "pretrained" / f"{CH3_WEIGHTS}.json").read_text())
    assert seen["sha256"] == record["sha256"]
    here = dlfs.load_weights()
    arrays = hashlib.sha256()
    for name in sorted(here):
        arrays.update(name.encode() + here[name].tobytes())
    assert seen["arrays"] == arrays.hexdigest()
