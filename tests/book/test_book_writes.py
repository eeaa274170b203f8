"""``python -m book`` on a full or read-only disk: a message and exit status 4.

The figures are written as one unit, all or none. Each test mounts a small
tmpfs of its own, so it runs where root can mount one (CI) and skips
elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import mounts
import pytest

import book
import book.__main__
from book.__main__ import main
from dlfs.cli_kit import EXIT_NOT_WRITTEN, EXIT_USAGE

CHEAP = ["ch4_cross_entropy", "ch2_gates"]  # need no data, quick to draw


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's errors
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def disk(tmp_path):
    """A 256 KiB tmpfs holding an old version of the first figure."""
    with mounts.tmpfs(tmp_path / "disk") as disk:
        (disk / f"{CHEAP[0]}.svg").write_bytes(b"<svg>old</svg>")
        yield disk


def test_a_full_disk_is_two_lines_exit_4_and_no_figure_changes(disk, capsys):
    mounts.fill_bytes(disk)
    before = files_in(disk)
    code, out, err = run_main(capsys, "--out", str(disk), *CHEAP)
    assert code == EXIT_NOT_WRITTEN == 4
    assert err.splitlines() == [
        f"python -m book: error: writing figure {disk / CHEAP[0]}.svg failed: "
        "No space left on device",
        "nothing was written; the previous files are as they were",
    ]
    assert out == ""
    assert files_in(disk) == before


def test_a_disk_that_turns_read_only_while_drawing_is_exit_4_and_changes_nothing(
    disk, capsys, monkeypatch
):
    before = files_in(disk)

    def build_then_read_only(names=None):
        drawn = book.build(names)
        mounts.remount_read_only(disk)
        return drawn

    monkeypatch.setattr(book.__main__, "build", build_then_read_only)
    code, out, err = run_main(capsys, "--out", str(disk), *CHEAP)
    assert code == EXIT_NOT_WRITTEN
    problem, advice = err.splitlines()
    assert re.fullmatch(
        rf"python -m book: error: writing figure {re.escape(str(disk))}/[\w/]+\.svg "
        "failed: Read-only file system",
        problem,
    )
    assert advice == "nothing was written; the previous files are as they were"
    assert (out, files_in(disk)) == ("", before)


@pytest.mark.parametrize("folder", ["--out", "--make-logs"])
def test_a_read_only_disk_is_refused_before_drawing_as_a_usage_error(
    disk, capsys, monkeypatch, folder
):
    # --make-logs writes into book.LOG_DIR: put that on the read-only disk.
    mounts.remount_read_only(disk)
    monkeypatch.setattr(book.__main__, "LOG_DIR", disk / "data")
    monkeypatch.setattr(book.__main__, "build", pytest.fail)  # never reached
    argv = ["--out", str(disk)]
    if folder == "--make-logs":
        argv = [
            "--out",
            str(disk.parent / "figures"),
            "--make-logs",
            "ch5_two_layer_net",
        ]
    code, out, err = run_main(capsys, *argv)
    assert code == EXIT_USAGE
    target = disk if folder == "--out" else disk / "data"
    assert err.splitlines() == [
        f"python -m book: error: {folder} {target}: cannot create files in {disk} "
        "(Read-only file system)",
        "(see python -m book --help)",
    ]
    assert out == ""


def test_help_documents_exit_status_4_apart_from_stale_figures(capsys):
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    rows = dict(re.findall(r"^ +(\d+) +(.+)$", out, flags=re.MULTILINE))
    assert rows["1"] == "--check found stale or missing figures"
    assert rows["4"].startswith("the figures or logs could not be written")
