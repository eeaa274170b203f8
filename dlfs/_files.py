"""File helpers shared by the loaders and writers: one home for each.

``sha256_of`` hashes a file in chunks; ``atomic_write`` writes through a
temporary file in the same folder and renames it into place, so a reader
never sees a half-written file and a failure leaves the old file untouched.
``stage`` and ``commit`` do the same for several files as one unit: all are
written first, then all moved into place, or none.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import tempfile
from collections.abc import Callable, Mapping
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


def stage(
    path: str | os.PathLike[str],
    write: Callable[[IO[bytes]], object],
    into: dict[Path, Path] | None = None,
) -> Path:
    """Call ``write(f)`` on a new temporary file beside ``path``; return its path.

    The folder must exist.  The file gets the usual permissions (umask
    applied).  On any failure the temporary file is removed, and an
    ``OSError`` names ``path`` (not the temporary file).  The caller renames
    it into place with ``os.replace`` (or removes it); staging several files
    first lets a writer replace them, with :func:`commit`, only once all are
    written.  ``into``, if given, gets ``{path: temporary file}`` before this
    returns, so that a caller interrupted at that moment still knows it.
    """
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as f:
            write(f)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private
        if into is not None:
            into[path] = Path(tmp)
    except BaseException as exc:
        if tmp is not None:
            discard(tmp)
        if isinstance(exc, OSError) and exc.errno:  # name the target, not tmp
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
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


class NotRestoredError(OSError):
    """:func:`commit` failed, and some previous files could not be put back.

    ``changed`` maps each such target to the file that keeps its previous
    version, or to ``None`` when it had none (the new file stays).
    """

    def __init__(self, error: BaseException, changed: Mapping[Path, Path | None]):
        self.error, self.changed = error, dict(changed)
        kept = [
            f"{target} changed (its previous version is {backup})"
            if backup
            else f"{target} was written"
            for target, backup in self.changed.items()
        ]
        super().__init__(f"{error}, and could not be undone: {'; '.join(kept)}")


def commit(staged: Mapping[Path, Path], *, exclusive: bool = False) -> None:
    """Move staged files (``{target: temporary file}``) into place as one unit.

    The temporary files come from :func:`stage`, beside their targets.  An
    existing target is replaced, after keeping it as a hard link beside it;
    with ``exclusive`` it is never replaced: ``FileExistsError`` names it,
    even when another process created it a moment ago.  On any failure or
    Ctrl-C, the targets already moved are put back as they were before the
    exception is raised again, so that every previous file is as it was; if
    putting one back fails too, :class:`NotRestoredError` says which files
    changed and where their previous versions are.  The temporary files are
    removed in every case.
    """
    backups: dict[Path, Path] = {}
    moved: list[Path] = []
    try:
        for target in sorted(staged, key=os.path.realpath):  # one order for all
            if exclusive:
                _create(staged[target], target)
            else:
                if os.path.lexists(target):
                    backups[target] = _keep(target)
                os.replace(staged[target], target)
            moved.append(target)
    except BaseException as error:
        changed = _undo(moved, backups)
        for backup in set(backups.values()) - set(changed.values()):
            discard(backup)
        for tmp in staged.values():
            discard(tmp)
        if changed:
            raise NotRestoredError(error, changed) from error
        raise
    for path in [*backups.values(), *staged.values()]:  # links leave the names
        discard(path)


# What os.link raises where a file system has no hard links.
_NO_HARD_LINKS = (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP)


def _beside(target: Path, suffix: str) -> Path:
    """A new name beside ``target``, as long as :func:`stage`'s temporary names."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")


def _keep(target: Path) -> Path:
    """Keep ``target``'s current file under a second name; return that name."""
    while True:
        backup = _beside(target, ".old")
        try:
            os.link(target, backup)
        except FileExistsError:
            continue
        except OSError as exc:  # no hard links here: a copy does the same
            if exc.errno not in _NO_HARD_LINKS:
                raise
            with open(target, "rb") as f:
                atomic_write(backup, lambda out: out.write(f.read()))
        return backup


def _create(tmp: Path, target: Path) -> None:
    """Give ``tmp``'s file the new name ``target``; FileExistsError if taken."""
    try:
        os.link(tmp, target)  # fails if target exists, unlike a rename
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
    except OSError as exc:  # no hard links here: claim the name, then replace
        if exc.errno not in _NO_HARD_LINKS:
            raise
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(tmp, target)


def _undo(moved: list[Path], backups: Mapping[Path, Path]) -> dict[Path, Path | None]:
    """Put the ``moved`` targets back as they were; return those that could not be."""
    changed: dict[Path, Path | None] = {}
    for target in reversed(moved):
        try:
            if target in backups:
                os.replace(backups[target], target)
            else:
                os.unlink(target)
        except OSError:
            changed[target] = backups.get(target)
    return changed


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
