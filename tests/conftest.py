"""Shared fixtures: where the canonical MNIST files are, if anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mnist_data import mnist_dir_or_none, skip_reason


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The folder with the four MNIST files; tests skip without it, unless in CI."""
    path = mnist_dir_or_none()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{skip_reason()} (CI is set, so MNIST tests must run)")
        pytest.skip(skip_reason())
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built with ``mkdocs build --strict`` into a temporary folder."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site
