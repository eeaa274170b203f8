"""Where the canonical MNIST files are for the tests, if anywhere."""

from __future__ import annotations

import os
from pathlib import Path

MNIST_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def mnist_dir_or_none() -> Path | None:
    """The ``DLFS_DATA`` folder if it holds all four files, else ``None``."""
    value = os.environ.get("DLFS_DATA")
    if not value:
        return None
    path = Path(value)
    if all((path / name).is_file() for name in MNIST_FILES):
        return path
    return None


def skip_reason() -> str:
    return "MNIST not found: set DLFS_DATA to a folder holding " + ", ".join(
        MNIST_FILES
    )
