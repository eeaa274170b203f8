"""File helpers shared by the loaders and writers: one home for each.

``sha256_of`` hashes a file in chunks; ``atomic_write`` writes through a
temporary file in the same folder and renames it into place, so a reader
never sees a half-written file and a failure leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def sha256_of(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file, read in chunks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "empty"
    >>> _ = path.write_bytes(b"")
    >>> sha256_of(path)[:16]
    'e3b0c44298fc1c14'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def atomic_write(
    path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]
) -> None:
    """Call ``write(f)`` on a temporary file beside ``path``, then rename it.

    The folder must exist.  The file gets the usual permissions (umask
    applied); on any failure the temporary file is removed and ``path`` is
    left as it was.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def ceil_div(a: int, b: int) -> int:
    """``ceil(a / b)`` for positive integers, without floats.

    >>> ceil_div(60000, 100), ceil_div(200, 30)
    (600, 7)
    """
    return -(-a // b)
