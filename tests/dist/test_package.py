"""The package as a whole: what importing it costs, what it exports."""

import ast
import subprocess
import sys
from pathlib import Path

import dlfs


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
DLFS_DIR = Path(dlfs.__file__).parent
BUILD_PACKAGES = {"book", "benchmarks"}


def imported_top_level_names(path: Path) -> set[str]:
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


def test_no_module_of_dlfs_imports_the_build_packages():
    modules = sorted(DLFS_DIR.rglob("*.py"))
    assert len(modules) > 10
    offenders = {
        str(path.relative_to(DLFS_DIR)): sorted(found)
        for path in modules
        if (found := imported_top_level_names(path) & BUILD_PACKAGES)
    }
    assert offenders == {}


def test_the_scan_would_see_an_import_of_book(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom book.performance import report\n")
    assert imported_top_level_names(probe) == {"os", "book"}


def test_every_dlfs_module_imports_with_the_build_packages_unimportable(tmp_path):
    code = (
        "import importlib, pkgutil, sys\n"
        "sys.modules['book'] = sys.modules['benchmarks'] = None\n"
        "import dlfs\n"
        "modules = pkgutil.walk_packages(dlfs.__path__, 'dlfs.')\n"
        "names = [m.name for m in modules if m.name != 'dlfs.__main__']\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 14  # every module but __main__, which runs the CLI


def test_no_module_of_dlfs_knows_the_repository_layout():
    for path in DLFS_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("parents[", "docs/", "/benchmarks", "book/"):
            assert marker not in text, f"{path.name} mentions {marker!r}"


def test_the_boundary_apis_keep_full_numpy_docstrings():
    for obj in (dlfs.load_mnist, dlfs.load_weights, dlfs.train):
        assert "Parameters\n    ----------" in obj.__doc__, obj.__name__
        assert ">>>" in obj.__doc__ or "Examples" in obj.__doc__, obj.__name__
