"""dlfs._files: staged and atomic writes, and folders made only for a write."""

from __future__ import annotations

import os
import stat

import pytest

from dlfs._files import atomic_write, make_folders, remove_folders, stage


def test_stage_writes_a_hidden_temp_file_beside_the_target_with_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        tmp = stage(tmp_path / "w.npz", lambda f: f.write(b"data"))
    finally:
        os.umask(old)
    assert tmp.parent == tmp_path
    assert tmp.name.startswith(".w.npz.")
    assert tmp.read_bytes() == b"data"
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o644
    assert not (tmp_path / "w.npz").exists()  # renaming is the caller's step


@pytest.mark.parametrize("error", [OSError, KeyboardInterrupt])
def test_a_failed_stage_or_atomic_write_leaves_no_temp_and_the_old_file(
    tmp_path, error
):
    target = tmp_path / "w.json"
    target.write_bytes(b"old")

    def half_then_fail(f):
        f.write(b"half")
        raise error("stop")

    for write in (stage, atomic_write):
        with pytest.raises(error):
            write(target, half_then_fail)
    assert [p.name for p in tmp_path.iterdir()] == ["w.json"]
    assert target.read_bytes() == b"old"


def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "w.json"
    target.write_bytes(b"old")
    atomic_write(target, lambda f: f.write(b"new"))
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["w.json"]


def test_remove_folders_removes_only_the_made_folders_that_stayed_empty(tmp_path):
    made = make_folders(tmp_path / "a" / "b" / "c")
    assert made == [tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"]
    (tmp_path / "a" / "keep.txt").write_text("someone else's file")
    remove_folders(made)
    assert not (tmp_path / "a" / "b").exists()
    assert (tmp_path / "a" / "keep.txt").exists()
    remove_folders(make_folders(tmp_path))  # nothing made, nothing removed
    assert tmp_path.is_dir()
