"""dlfs._files: staged, atomic and all-or-none writes, and folders made for them."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlfs._files import (
    NotRestoredError,
    atomic_write,
    commit,
    make_folders,
    remove_folders,
    stage,
)


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


# --------------------------------------------------------------------------
# commit: several staged files moved into place as one unit
# --------------------------------------------------------------------------


def staged_in(folder, contents):
    """Stage ``{name: bytes}`` beside ``folder / name``; return ``{target: tmp}``."""
    return {
        folder / name: stage(folder / name, lambda f, data=data: f.write(data))
        for name, data in contents.items()
    }


def files_in(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_commit_moves_every_staged_file_in_and_leaves_no_other_file(tmp_path):
    (tmp_path / "b.json").write_bytes(b"old b")
    commit(staged_in(tmp_path, {"a.npz": b"new a", "b.json": b"new b"}))
    assert files_in(tmp_path) == {"a.npz": b"new a", "b.json": b"new b"}


def test_exclusive_commit_never_replaces_a_file_that_appeared_and_names_it(tmp_path):
    staged = staged_in(tmp_path, {"a.npz": b"mine", "b.json": b"mine"})
    (tmp_path / "b.json").write_bytes(b"another run's")  # after the check, say
    with pytest.raises(FileExistsError) as info:
        commit(staged, exclusive=True)
    assert info.value.filename == str(tmp_path / "b.json")
    assert files_in(tmp_path) == {"b.json": b"another run's"}
    commit(staged_in(tmp_path, {"a.npz": b"mine"}), exclusive=True)  # a new name
    assert files_in(tmp_path) == {"a.npz": b"mine", "b.json": b"another run's"}


@settings(max_examples=60, deadline=None)
@given(
    existing=st.lists(st.booleans(), min_size=1, max_size=4),
    fail_at=st.integers(0, 7),
    error=st.sampled_from([OSError, KeyboardInterrupt]),
)
def test_a_commit_that_fails_at_any_step_leaves_every_previous_file_as_it_was(
    existing, fail_at, error
):
    # Whichever link or rename fails (or is interrupted), the files before
    # and after are the same: the old ones, none of the new, no temporary.
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        names = [f"f{i}" for i in range(len(existing))]
        for name, exists in zip(names, existing, strict=True):
            if exists:
                (folder / name).write_bytes(b"old " + name.encode())
        before = files_in(folder)
        staged = staged_in(folder, {name: b"new" for name in names})
        steps = len(names) + sum(existing)  # a rename each, a link per old file
        calls = []

        def once(real):
            def call(*args):
                calls.append(args)
                if len(calls) == fail_at + 1:
                    raise error("injected")
                return real(*args)

            return call

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "replace", once(os.replace))
            patch.setattr(os, "link", once(os.link))
            if fail_at < steps:
                with pytest.raises(error, match="injected"):
                    commit(staged)
                assert files_in(folder) == before
            else:
                commit(staged)
                assert files_in(folder) == {name: b"new" for name in names}


def test_what_cannot_be_put_back_is_named_with_the_file_that_keeps_it(
    tmp_path, monkeypatch
):
    for name in ("a", "b"):
        (tmp_path / name).write_bytes(b"old " + name.encode())
    staged = staged_in(tmp_path, {"a": b"new a", "b": b"new b"})
    real_replace, calls = os.replace, []

    def second_fails_and_so_does_undoing(src, dst):
        calls.append(dst)
        if len(calls) >= 2:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_fails_and_so_does_undoing)
    with pytest.raises(NotRestoredError) as info:
        commit(staged)
    monkeypatch.undo()
    ((changed, backup),) = info.value.changed.items()
    assert changed == tmp_path / "a"
    assert changed.read_bytes() == b"new a"
    assert backup.read_bytes() == b"old a"
    assert backup.parent == tmp_path and backup.name.startswith(".a.")
    assert str(info.value) == (
        f"[Errno 5] Input/output error, and could not be undone: {changed} "
        f"changed (its previous version is {backup})"
    )
    assert files_in(tmp_path) == {
        backup.name: b"old a",
        "a": b"new a",
        "b": b"old b",
    }
