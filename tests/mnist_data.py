"""Test helpers: where MNIST is for the tests, and writing IDX files.

"MNIST is present" has one rule, :func:`dlfs.datasets.mnist_available`: the
same lookup as ``load_mnist`` (``DLFS_DATA``, else the per-user cache). It
only looks, so a machine without MNIST is never written to or downloaded on.
"A page or notebook needs MNIST" is the build's rule,
:func:`book.hooks.mnist.needs_mnist`, re-exported here.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np

from book.hooks.mnist import needs_mnist  # noqa: F401 (the build's rule, re-exported)
from dlfs._files import atomic_write
from dlfs.datasets import MNIST_FILES, mnist_available, mnist_dir

IDX_CODES = {"uint8": 0x08, "int8": 0x09, "int16": 0x0B, "int32": 0x0C}
IDX_CODES |= {"float32": 0x0D, "float64": 0x0E}


def mnist_dir_or_none() -> Path | None:
    """The folder ``load_mnist()`` reads if it holds all four files, else None."""
    return mnist_dir() if mnist_available() else None


def skip_reason() -> str:
    names = ", ".join(spec.filename for spec in MNIST_FILES.values())
    return f"MNIST not found: set DLFS_DATA to a folder holding {names}"


def write_idx(path: Path, array: np.ndarray) -> None:
    """Write ``array`` as an IDX file, gzip-compressed if the name ends in .gz."""
    array = np.asarray(array)
    code = IDX_CODES[array.dtype.name]
    header = struct.pack(f">BBBB{array.ndim}I", 0, 0, code, array.ndim, *array.shape)
    payload = header + array.astype(array.dtype.newbyteorder(">")).tobytes()
    if path.name.endswith(".gz"):
        payload = gzip.compress(payload, mtime=0)
    atomic_write(path, lambda f: f.write(payload))
