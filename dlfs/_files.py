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


def stage(path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]) -> Path:
    """Call ``write(f)`` on a new temporary file beside ``path``; return its path.

    The folder must exist.  The file gets the usual permissions (umask
    applied).  On any failure the temporary file is removed.  The caller
    renames it into place with ``os.replace`` (or removes it); staging
    several files first lets a writer replace them only once all are written.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private
    except BaseException:
        discard(tmp)
        raise
    return Path(tmp)


def discard(path: str | os.PathLike[str]) -> None:
    """Remove a file if it is there (a temporary file after a failure)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def atomic_write(
    path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]
) -> None:
    """Call ``write(f)`` on a temporary file beside ``path``, then rename it.

    The folder must exist.  The file gets the usual permissions (umask
    applied); on any failure the temporary file is removed and ``path`` is
    left as it was.
    """
    tmp = stage(path, write)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def make_folders(folder: str | os.PathLike[str]) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> [p.relative_to(root).as_posix() for p in make_folders(root / "a" / "b")]
    ['a', 'a/b']
    >>> make_folders(root / "a")
    []
    """
    missing = missing_folders(folder)
    Path(folder).mkdir(parents=True, exist_ok=True)
    return missing


def missing_folders(folder: str | os.PathLike[str]) -> list[Path]:
    """``folder`` and its parents that do not exist yet, outermost first."""
    folder = Path(folder)
    return [p for p in (folder, *folder.parents) if not p.exists()][::-1]


def remove_folders(folders: list[Path]) -> None:
    """Remove folders made by :func:`make_folders` again, innermost first, if empty."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()
