"""Test helper: a tiny file system of its own, to fill up or make read-only.

Mounting needs root (CI runs as root, as Docker does by default); elsewhere
the test that asks for one skips and says why.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tmpfs(folder: Path, options: str = "size=256k") -> Iterator[Path]:
    """Mount a new tmpfs with ``options`` on ``folder`` (made if missing), and
    unmount it again afterwards; skip the test where that is not possible."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def remount_read_only(folder: Path) -> None:
    """Make the tmpfs mounted on ``folder`` read-only, even to root."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill_bytes(folder: Path) -> None:
    """Fill the file system of ``folder`` to its last byte (a file ``filler``)."""
    with open(folder / "filler", "wb", buffering=0) as f:
        with contextlib.suppress(OSError):
            while True:
                f.write(b"\0" * 4096)


def fill_inodes(folder: Path, left: int = 0) -> None:
    """Use up the inodes of ``folder``'s file system (mounted with a small
    ``nr_inodes``) but ``left``, with empty files ``filler0``, ``filler1``..."""
    made = []
    with contextlib.suppress(OSError):
        for i in itertools.count():
            (folder / f"filler{i}").touch()
            made.append(folder / f"filler{i}")
    for path in made[len(made) - left :] if left else []:
        path.unlink()
