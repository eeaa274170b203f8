"""Fresh virtual environments that see no dlfs but the one a test puts there.

A venv made here has no pip and no dlfs. To stay quick and offline it borrows
the third-party packages (NumPy, matplotlib, nbclient, ...) of the running
environment through a ``.pth`` file holding a plain path line: those packages
become importable, but the running environment's own ``.pth`` files (among
them its editable install of dlfs) do not run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def new_venv(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``new_venv(*pip_args)``: the Python of a fresh venv, after ``pip install``."""

    def make(*pip_args: str) -> Path:
        venv = tmp_path_factory.mktemp("venv") / "venv"
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", venv], check=True
        )
        python = venv / "bin" / "python"
        site = subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        borrowed = sysconfig.get_paths()["purelib"]
        Path(site, "borrowed.pth").write_text(borrowed + "\n")
        if pip_args:
            install = [sys.executable, "-m", "pip", "--python", str(python), "install"]
            install += ["--no-deps", "--no-index", "--no-cache-dir", *pip_args]
            env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
            done = subprocess.run(install, capture_output=True, text=True, env=env)
            assert done.returncode == 0, done.stdout + done.stderr
        return python

    return make


@pytest.fixture(scope="session")
def wheel_python(wheel: Path, new_venv: Callable[..., Path]) -> Path:
    """The Python of a fresh venv holding the dlfs wheel and no repository."""
    return new_venv(str(wheel))
