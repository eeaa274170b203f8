"""The package as a whole: what importing it costs, what it exports."""

import subprocess
import sys

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


def test_the_boundary_apis_keep_full_numpy_docstrings():
    for obj in (dlfs.load_mnist, dlfs.load_weights, dlfs.train):
        assert "Parameters\n    ----------" in obj.__doc__, obj.__name__
        assert ">>>" in obj.__doc__ or "Examples" in obj.__doc__, obj.__name__
