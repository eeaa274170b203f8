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


def test_every_public_callable_has_a_numpy_style_docstring_with_an_example():
    missing = [
        name
        for name in dlfs.__all__
        if callable(getattr(dlfs, name))
        and ">>>" not in (getattr(dlfs, name).__doc__ or "")
    ]
    assert missing == []
