"""Shared fixtures: where the canonical MNIST files are, if anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

MNIST_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def _mnist_dir() -> Path | None:
    value = os.environ.get("DLFS_DATA")
    if not value:
        return None
    path = Path(value)
    if all((path / name).is_file() for name in MNIST_FILES):
        return path
    return None


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The folder with the four MNIST files; tests skip without it, unless in CI."""
    path = _mnist_dir()
    if path is None:
        reason = "MNIST not found: set DLFS_DATA to a folder holding " + ", ".join(
            MNIST_FILES
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so MNIST tests must run)")
        pytest.skip(reason)
    return path
