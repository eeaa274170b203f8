"""``python -m dlfs train``: options, errors, and short real runs on MNIST."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import mounts
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import ROOT as REPO

import dlfs
import dlfs.cli
import dlfs.cli_kit
from dlfs._files import NotRestoredError
from dlfs.cli import main
from dlfs.cli_kit import (
    EXIT_FAILED,
    EXIT_NO_DATA,
    EXIT_NOT_WRITTEN,
    EXIT_OK,
    EXIT_USAGE,
    whole_number,
)
from dlfs.datasets import MNIST_FILES, MnistChecksumError, load_mnist
from dlfs.nets import MultiLayerNet
from dlfs.optim import SGD
from dlfs.weights import load_provenance, load_weights, save_weights, sha256_of

EPOCH_LINE = re.compile(
    r"^epoch +(\d+) +iter +(\d+) +loss (\d+\.\d{4}) +train acc (\d\.\d{4}) +"
    r"test acc (\d\.\d{4}) +\(\d+\.\d s\)$",
    re.MULTILINE,
)
FINAL_LINE = re.compile(
    r"^final test accuracy (\d\.\d{4}) after (\d+) iterations in \d+\.\d s$",
    re.MULTILINE,
)

# 300 iterations of batch 400: an epoch is ceil(60000 / 400) = 150 iterations,
# so a run has two epochs and takes about a second.
ITERS, BATCH, EPOCH = 300, 400, 150


def run_main(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(argv)
    return status, out.getvalue()


def train_argv(mnist_dir: Path, folder: Path, seed: int) -> list[str]:
    return [
        "train",
        "--hidden",
        "20",
        "--iters",
        str(ITERS),
        "--batch-size",
        str(BATCH),
        "--lr",
        "1.0",
        "--seed",
        str(seed),
        "--no-progress",
        "--data-dir",
        str(mnist_dir),
        "--output",
        str(folder / "w.npz"),
        "--log",
        str(folder / "log.json"),
    ]


@pytest.fixture(scope="module")
def run(mnist_dir, tmp_path_factory):
    """One short training run (seed 3): its folder, exit status and output."""
    folder = tmp_path_factory.mktemp("seed3")
    status, output = run_main(train_argv(mnist_dir, folder, seed=3))
    return folder, status, output


# --------------------------------------------------------------------------
# Options and their errors
# --------------------------------------------------------------------------


def test_train_help_exits_0_and_lists_the_options(capsys):
    with pytest.raises(SystemExit) as info:
        main(["train", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for option in (
        "--hidden",
        "--activation",
        "--weight-init",
        "--epochs",
        "--iters",
        "--batch-size",
        "--lr",
        "--seed",
        "--dtype",
        "--data-dir",
        "--output",
        "--log",
        "--no-progress",
    ):
        assert option in out


def test_no_command_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "train" in capsys.readouterr().err


BAD_VALUES = [
    pytest.param(args, args[0], id=" ".join(args))
    for args in (
        ["--lr", "0"],
        ["--lr", "-0.5"],
        ["--lr", "abc"],
        ["--batch-size", "0"],
        ["--iters", "0"],
        ["--epochs", "0"],
        ["--activation", "tanh"],
        ["--weight-init", "bogus"],
        ["--hidden", "0"],
        ["--hidden", "-3"],
        ["--seed", "-1"],
        ["--seed", "1.5"],
        ["--iters", "2.5"],
        ["--lr", "inf"],
        ["--lr", "nan"],
        ["--weight-init", "nan"],
    )
]


def error_line(err: str) -> str:
    """The ``prog: error: ...`` line (the usage lines above it name every option)."""
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(("args", "option"), BAD_VALUES)
def test_bad_value_is_rejected_before_mnist_is_loaded(
    args, option, tmp_path, monkeypatch, capsys
):
    # No MNIST in the folder and downloads forbidden: a bad option must still
    # be reported as a usage error, not as missing data after a load attempt.
    monkeypatch.setenv("DLFS_OFFLINE", "1")
    empty = tmp_path / "no-mnist"
    empty.mkdir()
    with pytest.raises(SystemExit) as info:
        main(["train", *args, "--no-progress", "--data-dir", str(empty)])
    assert info.value.code == 2
    assert option in error_line(capsys.readouterr().err)


def run_module(args: list[str], cwd: Path, env: dict[str, str | None] | None = None):
    """``python -m dlfs ARGS`` in a fresh interpreter; ``None`` in ``env`` unsets."""
    merged = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "dlfs", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={key: value for key, value in merged.items() if value is not None},
        timeout=60,
    )


def test_dlfs_help_lists_its_commands_in_plain_text_as_a_subprocess(tmp_path):
    done = run_module(["--help"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    commands = done.stdout[done.stdout.index("commands:") :].splitlines()
    described = {line.split()[0]: line.split(maxsplit=1)[1:] for line in commands[2:4]}
    assert set(described) == {"train", "exercises"}
    assert all(words for words in described.values())  # a description each
    assert not re.search(r"``|:\w+:`", done.stdout)  # no reST markup


def test_exercises_is_a_command_of_dlfs_that_does_what_the_old_entry_does(capsys):
    from dlfs.exercises import EXERCISES
    from dlfs.exercises.__main__ import main as old_entry
    from dlfs.exercises.reporting import FAILED, NOT_RUN, PASSED

    assert main(["exercises", "list"]) == 0
    listed = capsys.readouterr().out
    assert old_entry(["list"]) == 0
    assert capsys.readouterr().out == listed
    assert [line.split()[0] for line in listed.splitlines()] == list(EXERCISES)

    assert main(["exercises", "show", "ch3.softmax"]) == 0
    shown = capsys.readouterr().out
    assert EXERCISES["ch3.softmax"].stub() in shown
    assert "python -m dlfs exercises check ch3.softmax FILE.py" in shown

    assert main(["exercises", "show", "ch3.sofmax"]) == NOT_RUN == 2
    assert "`python -m dlfs exercises list`" in capsys.readouterr().err
    # The starter stub is not an answer: its checks run, and fail.
    stub = str(EXERCISES["ch3.relu"].stub_path)
    assert main(["exercises", "check", "ch3.relu", stub]) == FAILED == 1
    assert "ch3.relu" in capsys.readouterr().out
    assert (PASSED, FAILED, NOT_RUN) == (EXIT_OK, EXIT_FAILED, EXIT_USAGE)


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "x"])
def test_exercises_timeout_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as info:
        main(["exercises", "check", "ch3.relu", "x.py", "--timeout", value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2, err
    assert "--timeout" in err and "positive" in err


@pytest.mark.parametrize("module", ["dlfs", "dlfs.exercises"])
def test_a_numpy_py_in_the_current_folder_is_a_usage_error_not_a_traceback(
    tmp_path, module
):
    (tmp_path / "numpy.py").write_text("raise ImportError('mine')\n")
    command = ["exercises", "list"] if module == "dlfs" else ["list"]
    done = subprocess.run(
        [sys.executable, "-m", module, *command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (EXIT_USAGE, "")
    assert done.stderr.splitlines() == [
        f"python -m dlfs: error: {tmp_path.resolve() / 'numpy.py'} hides NumPy: "
        "rename it, or run the command from another folder",
        "(the `dlfs` command does not look in the current folder)",
    ]


def test_the_cli_kit_imports_without_numpy(tmp_path):
    # python -m benchmarks parses with the kit, then sets the BLAS threads:
    # that only works while NumPy is not imported.
    code = "import dlfs.cli_kit, sys; assert 'numpy' not in sys.modules"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_the_package_gives_every_book_name_from_its_module():
    # dlfs imports them on first use; dlfs.train and dlfs.perceptron stay the
    # functions although their modules (dlfs.train, dlfs.perceptron) are loaded.
    namespace: dict[str, object] = {}
    exec("from dlfs import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(dlfs.__all__)
    for name in dlfs.__all__:
        value = getattr(dlfs, name)
        assert value is namespace[name]
        assert value is getattr(sys.modules[value.__module__], name)
        assert value.__name__ == name
    assert set(dlfs.__all__) <= set(dir(dlfs))
    assert dlfs.nets is sys.modules["dlfs.nets"]
    with pytest.raises(AttributeError, match="no attribute 'softmaxx'"):
        dlfs.softmaxx  # noqa: B018


# --------------------------------------------------------------------------
# A short real training run
# --------------------------------------------------------------------------


def test_train_prints_one_line_per_epoch_then_the_final_accuracy(run):
    _, status, output = run
    assert status == 0
    epochs = EPOCH_LINE.findall(output)
    assert [(int(e), int(i)) for e, i, *_ in epochs] == [(1, EPOCH), (2, ITERS)]
    losses = [float(loss) for _, _, loss, _, _ in epochs]
    assert losses[1] < losses[0]
    (final,) = FINAL_LINE.findall(output)
    assert final == (epochs[-1][4], str(ITERS))
    assert float(final[0]) > 0.85
    assert "wrote " in output
    assert "w.npz" in output


def test_train_writes_weights_that_load_with_their_provenance(run):
    folder, _, output = run
    assert sorted(p.name for p in folder.iterdir()) == ["log.json", "w.json", "w.npz"]
    params = load_weights(folder / "w.npz")
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (784, 20),
        "b1": (20,),
        "W2": (20, 10),
        "b2": (10,),
    }
    assert {str(v.dtype) for v in params.values()} == {"float32"}

    record = load_provenance(folder / "w.npz")
    assert record["sha256"] == sha256_of(folder / "w.npz")
    assert f"sha256 {record['sha256']}" in output
    # What the command passes on; the record's other fields and their values
    # are training_record's (tests/library/test_weights.py).
    assert record["architecture"]["sizes"] == [784, 20, 10]
    assert record["architecture"]["hidden_activation"] == "sigmoid"
    training = record["training"]
    assert training["seed"] == 3
    assert training["lr"] == 1.0
    assert training["batch_size"] == BATCH
    assert training["iterations"] == ITERS
    assert training["epochs"] == ITERS / EPOCH
    assert record["per_epoch"]["iterations"] == [EPOCH, ITERS]
    assert f"{record['final_test_accuracy']:.4f}" in output
    assert record["command"].startswith("python -m dlfs train --hidden 20")


def test_saved_weights_give_the_recorded_test_accuracy(run, mnist_dir):
    folder, _, _ = run
    _, (x_test, t_test) = load_mnist(data_dir=mnist_dir)
    net = MultiLayerNet.from_params(load_weights(folder / "w.npz"))
    record = load_provenance(folder / "w.npz")
    assert net.accuracy(x_test, t_test) == record["final_test_accuracy"]


def test_log_json_has_one_loss_per_iteration_and_the_evaluations(run):
    folder, _, _ = run
    log = json.loads((folder / "log.json").read_text())
    record = load_provenance(folder / "w.npz")
    assert len(log["loss"]) == ITERS
    assert all(np.isfinite(log["loss"]))
    assert np.mean(log["loss"][-50:]) < np.mean(log["loss"][:50])
    assert log["eval_iterations"] == [EPOCH, ITERS]
    assert log["iters_per_epoch"] == EPOCH
    assert log["test_acc"] == record["per_epoch"]["test_acc"]
    assert log["train_acc"] == record["per_epoch"]["train_acc"]


def test_same_seed_gives_the_same_weights_and_accuracy(run, mnist_dir, tmp_path):
    folder, _, _ = run
    status, _ = run_main(train_argv(mnist_dir, tmp_path, seed=3))
    assert status == 0
    first, again = (
        load_provenance(folder / "w.npz"),
        load_provenance(tmp_path / "w.npz"),
    )
    assert again["sha256"] == first["sha256"]
    assert sha256_of(tmp_path / "w.npz") == sha256_of(folder / "w.npz")
    assert again["final_test_accuracy"] == first["final_test_accuracy"]
    assert again["per_epoch"]["loss"] == first["per_epoch"]["loss"]


def test_different_seed_gives_different_weights(run, mnist_dir, tmp_path):
    folder, _, _ = run
    status, _ = run_main(train_argv(mnist_dir, tmp_path, seed=4))
    assert status == 0
    assert sha256_of(tmp_path / "w.npz") != sha256_of(folder / "w.npz")
    first = load_weights(folder / "w.npz")["W1"]
    other = load_weights(tmp_path / "w.npz")["W1"]
    assert not np.array_equal(first, other)


def test_log_and_output_in_a_new_folder_are_written(mnist_dir, tmp_path):
    # --output creates its folder; --log must too, rather than crash after
    # training has finished (and before the weights are saved).
    argv = ["train", "--hidden", "5", "--iters", "2", "--no-progress"]
    argv += ["--data-dir", str(mnist_dir)]
    argv += ["--output", str(tmp_path / "new" / "w.npz")]
    argv += ["--log", str(tmp_path / "new" / "log.json")]
    status, _ = run_main(argv)
    assert status == 0
    assert len(json.loads((tmp_path / "new" / "log.json").read_text())["loss"]) == 2
    assert load_weights(tmp_path / "new" / "w.npz")["W1"].shape == (784, 5)


# --------------------------------------------------------------------------
# Nothing is lost: outputs are checked before any work, written as a pair
# --------------------------------------------------------------------------


@pytest.fixture
def no_mnist(tmp_path, monkeypatch):
    """An empty --data-dir with downloads forbidden: loading MNIST must fail."""
    monkeypatch.setenv("DLFS_OFFLINE", "1")
    empty = tmp_path / "no-mnist"
    empty.mkdir()
    return ["--no-progress", "--data-dir", str(empty)]


@pytest.fixture
def tiny_mnist(monkeypatch):
    """Replace MNIST by 200 random 784-pixel images, so runs take milliseconds."""
    rng = np.random.default_rng(0)
    x = rng.random((200, 784), dtype=np.float32)
    t = rng.integers(0, 10, 200)
    monkeypatch.setattr(dlfs.cli, "load_mnist", lambda data_dir=None: ((x, t), (x, t)))
    return ["--hidden", "5", "--iters", "4", "--batch-size", "50", "--no-progress"]


def usage_error(argv, capsys) -> str:
    """Run ``main(argv)``, expect exit 2, return stderr (two lines)."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2, err
    assert "Traceback" not in err
    return err


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for folders)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def test_output_ending_in_json_is_refused_before_anything_is_loaded(
    tmp_path, no_mnist, capsys
):
    # It used to write the weights, then overwrite them with the record.
    err = usage_error(
        ["train", *no_mnist, "--output", str(tmp_path / "m.json")], capsys
    )
    assert "--output" in err
    assert "must end in .npz" in err
    assert "m.json" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["no-mnist"]


# Output options and sizes refused before MNIST is loaded, even with --force,
# and what the error says; {f} is the test's folder.
REFUSED_FIRST = {
    "device": (["--log", "/dev/null"], "/dev/null is not a regular file"),
    "fifo": (["--log", "{f}/fifo"], "fifo is not a regular file"),
    "same file by a link": (
        ["--output", "{f}/w.npz", "--log", "{f}/link.json"],
        "link.json is also --output's record",
    ),
    "same file through ..": (
        ["--output", "{f}/a/../w.npz", "--log", "{f}/w.json"],
        "w.json is also --output's record",
    ),
    "same file, absolute and relative": (  # the test runs in {f}
        ["--output", "{f}/w.npz", "--log", "w.json"],
        "--log w.json is also --output's record",
    ),
    # 246 bytes: its temporary file's name would be 260
    "long name": (["--output", "{f}/" + "a" * 242 + ".npz"], "longer than 241 bytes"),
    "empty output": (["--output", ""], "expected a file name, got ''"),
    "empty log": (["--log", ""], "expected a file name, got ''"),
    "log name over 255 bytes": (["--log", "a" * 300], "longer than 255 bytes"),
    "batch size": (["--batch-size", "1000000000"], "at most 60000, got"),
    "hidden size": (["--hidden", "100000000"], "at most 4096, got"),
    "iterations": (["--iters", "99999999999999999999"], "at most 1000000, got"),
    "epochs": (
        ["--epochs", "2000", "--batch-size", "1"],
        "--epochs 2000 is 120000000 iterations, over 1000000",
    ),
}


@pytest.mark.parametrize("case", REFUSED_FIRST)
def test_outputs_and_sizes_that_would_fail_late_are_refused_first(
    tmp_path, no_mnist, capsys, case, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link.json").symlink_to(tmp_path / "w.json")
    options, message = REFUSED_FIRST[case]
    before = tree(tmp_path)
    options = [option.replace("{f}", str(tmp_path)) for option in options]
    err = usage_error(["train", *no_mnist, "--force", *options], capsys)
    assert message in err
    assert tree(tmp_path) == before


def test_a_quoted_tilde_is_the_home_folder_not_a_folder_named_tilde(
    tmp_path, tiny_mnist, monkeypatch
):
    (tmp_path / "home").mkdir()
    (tmp_path / "here").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "here")
    argv = ["train", *tiny_mnist, "--output", "~/w.npz", "--log", "~/log.json"]
    assert run_main(argv)[0] == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == [
        "log.json",
        "w.json",
        "w.npz",
    ]
    assert list((tmp_path / "here").iterdir()) == []


@pytest.mark.parametrize("existing", ["w.npz", "w.json", "log.json"])
def test_existing_outputs_are_refused_without_force_and_kept(
    existing, tmp_path, no_mnist, capsys
):
    (tmp_path / existing).write_text("precious")
    argv = ["train", *no_mnist, "--output", str(tmp_path / "w.npz")]
    argv += ["--log", str(tmp_path / "log.json")]
    err = usage_error(argv, capsys)
    assert f"{tmp_path / existing} exists" in err
    assert "--force" in err
    assert (tmp_path / existing).read_text() == "precious"


def test_force_replaces_an_existing_pair_and_log(tmp_path, tiny_mnist, capsys):
    old = save_weights(tmp_path / "w.npz", {"W1": np.zeros(2)}, {"old": True})
    (tmp_path / "log.json").write_text("old log")
    argv = ["train", *tiny_mnist, "--output", str(tmp_path / "w.npz")]
    argv += ["--log", str(tmp_path / "log.json"), "--force"]
    status, _ = run_main(argv)
    assert status == 0
    record = load_provenance(tmp_path / "w.npz")
    assert "old" not in record
    assert record["sha256"] != old["sha256"]
    assert load_weights(tmp_path / "w.npz")["W1"].shape == (784, 5)
    assert len(json.loads((tmp_path / "log.json").read_text())["loss"]) == 4


@pytest.mark.parametrize("option", ["--output", "--log"])
def test_a_folder_as_output_or_log_is_refused_before_loading(
    option, tmp_path, no_mnist, capsys
):
    folder = tmp_path / ("w.npz" if option == "--output" else "logs")
    folder.mkdir()
    err = usage_error(["train", *no_mnist, option, str(folder)], capsys)
    assert f"{option} {folder} is a folder" in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("option", ["--output", "--log"])
def test_a_path_under_a_file_is_refused_before_loading(
    option, tmp_path, no_mnist, capsys
):
    (tmp_path / "a").write_text("a file")
    target = tmp_path / "a" / "b" / "w.npz"
    err = usage_error(["train", *no_mnist, option, str(target)], capsys)
    assert f"{tmp_path / 'a'} is a file, not a folder" in err
    assert (tmp_path / "a").read_text() == "a file"


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores chmod)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    try:  # sysfs refuses new files, to root as well
        Path("/sys/dlfs-probe").write_text("")
    except OSError:
        return Path("/sys")
    pytest.skip("no folder here is unwritable to this user")


@pytest.mark.parametrize("option", ["--output", "--log"])
def test_an_unwritable_folder_is_refused_before_loading(
    option, tmp_path, no_mnist, capsys
):
    target = _unwritable_folder(tmp_path) / "new" / "w.npz"
    err = usage_error(["train", *no_mnist, option, str(target)], capsys)
    assert f"{option} {target}: cannot create files in" in err
    assert not target.parent.exists()


@pytest.mark.parametrize("log_name", ["w.npz", "w.json"])
def test_log_that_is_a_member_of_the_pair_is_refused(
    log_name, tmp_path, no_mnist, capsys
):
    argv = ["train", *no_mnist, "--output", str(tmp_path / "w.npz")]
    err = usage_error([*argv, "--log", str(tmp_path / log_name)], capsys)
    assert f"--log {tmp_path / log_name} is also --output" in err


def test_missing_mnist_is_two_lines_naming_the_cli_options_and_exit_3(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"DLFS_DATA": None, "XDG_CACHE_HOME": None, "DLFS_CACHE": None}
    env.update(DLFS_OFFLINE="1", HOME=str(empty))
    output = tmp_path / "new" / "w.npz"
    done = run_module(["train", "--output", str(output)], tmp_path, env)
    assert done.returncode == EXIT_NO_DATA == 3
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert "MNIST not found" in lines[0]
    assert "--data-dir" in lines[1]
    assert "DLFS_DATA" in lines[1]
    assert "load_mnist" not in done.stderr
    assert "data_dir" not in done.stderr  # the loader's argument, not the option
    assert not (tmp_path / "new").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_damaged_mnist_exits_3_naming_the_folder_and_file(
    tmp_path, monkeypatch, capsys
):
    spec = MNIST_FILES["train_label"]

    def damaged(data_dir=None):
        raise MnistChecksumError(tmp_path, spec, "0" * 64, 12)

    monkeypatch.setattr(dlfs.cli, "load_mnist", damaged)
    status = main(["train", "--no-progress", "--data-dir", str(tmp_path)])
    assert status == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2, err
    assert f"MNIST files in {tmp_path} are damaged: {spec.filename}" in err
    assert "--data-dir" in err


def test_unreadable_mnist_exits_3_with_the_reason(tmp_path, monkeypatch, capsys):
    def unreadable(data_dir=None):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.gz"))

    monkeypatch.setattr(dlfs.cli, "load_mnist", unreadable)
    status = main(["train", "--no-progress", "--data-dir", str(tmp_path)])
    assert status == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2, err
    assert f"cannot read the MNIST files in {tmp_path}" in err
    assert "Permission denied" in err


@settings(max_examples=60, deadline=None)
@given(number=st.integers(-(10**6), 10**6))
def test_whole_numbers_are_accepted_exactly_when_whole_and_in_range(number):
    for minimum in (0, 1):
        parse = whole_number(minimum)
        if number >= minimum:
            assert parse(str(number)) == number
        else:
            with pytest.raises(argparse.ArgumentTypeError, match=repr(str(number))):
                parse(str(number))
        with pytest.raises(argparse.ArgumentTypeError):
            parse(f"{number}.5")


def test_help_documents_every_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = capsys.readouterr().out
    epilog = out[out.index("exit status:") :]
    for status, words in [
        ("1", "training diverged"),
        ("2", "bad option"),
        ("3", "MNIST"),
        ("4", "writing failed"),
        ("130", "interrupt"),
    ]:
        (line,) = [x for x in epilog.splitlines() if x.split()[:1] == [status]]
        assert words in line


def test_a_run_that_diverges_writes_nothing_and_says_at_which_iteration(
    tmp_path, tiny_mnist, capsys
):
    # It used to exit 0 with all-NaN weights and a valid record.
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    before = tree(tmp_path)
    argv = ["train", *tiny_mnist, "--lr", "1e300", "--force"]
    argv += ["--output", str(tmp_path / "w.npz"), "--log", str(tmp_path / "l.json")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's overflow
        assert main(argv) == EXIT_FAILED
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        r"python -m dlfs train: error: training diverged at iteration \d+ "
        r"\(NaN or inf loss or weights\)",
        err[-2],
    )
    assert err[-1] == "nothing was written; try a smaller --lr than 1e+300"
    assert tree(tmp_path) == before


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, RuntimeError])
def test_interrupted_or_failed_training_leaves_previous_files_and_no_folders(
    interrupt, tmp_path, tiny_mnist, monkeypatch, capsys
):
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    (tmp_path / "log.json").write_text("previous log")
    before = tree(tmp_path)
    real_train = dlfs.cli.train

    def train_then_stop(*args, optimizer, **kwargs):
        updates = []

        def stop_at_2(params, grads):
            SGD.update(optimizer, params, grads)
            updates.append(1)
            if len(updates) == 2:
                raise interrupt("stopped mid-training")

        optimizer.update = stop_at_2
        return real_train(*args, optimizer=optimizer, **kwargs)

    monkeypatch.setattr(dlfs.cli, "train", train_then_stop)
    argv = ["train", *tiny_mnist, "--force", "--output", str(tmp_path / "w.npz")]
    argv += ["--log", str(tmp_path / "new" / "deeper" / "log.json")]
    if interrupt is KeyboardInterrupt:
        assert main(argv) == 130
        assert "nothing was written" in capsys.readouterr().err
    else:  # a bug: a traceback, but still nothing lost
        with pytest.raises(RuntimeError):
            main(argv)
    assert tree(tmp_path) == before
    assert load_provenance(tmp_path / "w.npz")["run"] == "previous"


def test_failed_write_keeps_the_previous_pair_exits_4_and_removes_new_folders(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    before = tree(tmp_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", disk_full)
    for output in (tmp_path / "w.npz", tmp_path / "new" / "w.npz"):
        argv = ["train", *tiny_mnist, "--force", "--output", str(output)]
        assert main(argv) == EXIT_NOT_WRITTEN == 4
        assert capsys.readouterr().err.splitlines() == [
            f"python -m dlfs train: error: writing --output {output} failed: "
            "No space left on device",
            "nothing was written; the previous files are as they were",
        ]
        assert tree(tmp_path) == before


def test_usage_errors_print_two_lines_and_no_traceback_as_a_subprocess(tmp_path):
    (tmp_path / "a").write_text("")
    for args in (["--seed", "-1"], ["--output", "a/b.npz"], ["--log", "."]):
        done = run_module(["train", *args], tmp_path, {"DLFS_OFFLINE": "1"})
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.splitlines()) == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert args[0] in done.stderr


def test_interrupt_while_writing_the_log_writes_nothing(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    # The weights are staged when Ctrl-C arrives (the log is staged by the kit);
    # they used to be in place.
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    (tmp_path / "log.json").write_text("previous log")
    before = tree(tmp_path)

    def interrupted(path, write, into):
        raise KeyboardInterrupt

    monkeypatch.setattr(dlfs.cli_kit, "stage", interrupted)
    argv = ["train", *tiny_mnist, "--force", "--output", str(tmp_path / "w.npz")]
    assert main([*argv, "--log", str(tmp_path / "log.json")]) == 130
    assert capsys.readouterr().err == "\ninterrupted: nothing was written\n"
    assert tree(tmp_path) == before


def test_sigterm_while_writing_leaves_the_previous_files_and_no_temporary_file(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    # A stop button or a CI timeout: it used to leave a hidden .tmp file.
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    (tmp_path / "log.json").write_text("previous log")
    before, handler = tree(tmp_path), signal.getsignal(signal.SIGTERM)
    real_stage = dlfs.cli_kit.stage

    def stage_then_sigterm(path, write, into):
        staged = real_stage(path, write, into)
        os.kill(os.getpid(), signal.SIGTERM)
        return staged

    monkeypatch.setattr(dlfs.cli_kit, "stage", stage_then_sigterm)
    argv = ["train", *tiny_mnist, "--force", "--output", str(tmp_path / "w.npz")]
    with pytest.raises(SystemExit) as info:
        main([*argv, "--log", str(tmp_path / "log.json")])
    assert info.value.code == 128 + signal.SIGTERM == 143
    assert capsys.readouterr().err == "\nterminated: nothing was written\n"
    assert tree(tmp_path) == before
    assert signal.getsignal(signal.SIGTERM) is handler


# --------------------------------------------------------------------------
# The weights, their record and the log are one unit, on a real full disk
# --------------------------------------------------------------------------


def test_a_log_on_a_full_disk_leaves_the_previous_pair_and_log_as_they_were(
    tmp_path, tiny_mnist, capsys
):
    # The review's case: the weights were already replaced when the log
    # failed, and the message said "previous files were left as they were".
    save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
    with mounts.tmpfs(tmp_path / "full", "size=64k") as full:
        (full / "log.json").write_text("previous log")
        mounts.fill_bytes(full)
        before = tree(tmp_path)
        argv = ["train", *tiny_mnist, "--force", "--output", str(tmp_path / "w.npz")]
        status, out = run_main([*argv, "--log", str(full / "log.json")])
        assert status == EXIT_NOT_WRITTEN
        assert capsys.readouterr().err.splitlines() == [
            f"python -m dlfs train: error: writing --log {full / 'log.json'} "
            "failed: No space left on device",
            "nothing was written; the previous files are as they were",
        ]
        assert "wrote" not in out
        assert tree(tmp_path) == before  # no temporary file either


def test_a_failure_midway_through_replacing_puts_every_previous_file_back(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    # A tmpfs with no inode left for the hard link that keeps w.json's old
    # version: the new a.json is already in place (they are moved in the
    # order of their names) when keeping w.json fails; a.json must go again.
    with mounts.tmpfs(tmp_path / "disk", "size=1m,nr_inodes=16") as disk:
        save_weights(disk / "w.npz", {"W1": np.ones(2)}, {"run": "previous"})
        mounts.fill_inodes(disk, left=3)  # for the three staged files
        before = tree(disk)
        moved = []
        real_replace = os.replace
        monkeypatch.setattr(
            os, "replace", lambda a, b: (real_replace(a, b), moved.append(Path(b)))
        )
        argv = ["train", *tiny_mnist, "--force", "--output", str(disk / "w.npz")]
        assert main([*argv, "--log", str(disk / "a.json")]) == EXIT_NOT_WRITTEN
        assert moved == [disk / "a.json"]  # it was in place; now it is gone again
        assert capsys.readouterr().err.splitlines() == [
            f"python -m dlfs train: error: writing --output's record "
            f"{disk / 'w.json'} failed: No space left on device",
            "nothing was written; the previous files are as they were",
        ]
        assert tree(disk) == before


def test_what_could_not_be_put_back_is_named_with_where_its_old_version_is(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    old = tmp_path / ".w.npz.0123abcd.old"

    def fails_and_cannot_undo(staged, exclusive):
        raise NotRestoredError(
            OSError(5, "Input/output error"), {tmp_path / "w.npz": old}
        )

    monkeypatch.setattr(dlfs.cli_kit, "commit", fails_and_cannot_undo)
    argv = ["train", *tiny_mnist, "--force", "--output", str(tmp_path / "w.npz")]
    assert main(argv) == EXIT_NOT_WRITTEN
    assert capsys.readouterr().err.splitlines() == [
        "python -m dlfs train: error: writing the results failed: [Errno 5] "
        f"Input/output error, and could not be undone: {tmp_path / 'w.npz'} "
        f"changed (its previous version is {old})",
        "only the files named above changed; the others are as they were",
    ]


def test_of_two_runs_for_the_same_new_output_the_second_refuses_and_keeps_the_first(
    tmp_path, tiny_mnist, monkeypatch, capsys
):
    # Both found no w.npz before training; the other run wrote it first.
    real_train = dlfs.cli.train

    def train_while_another_run_writes(*args, **kwargs):
        log = real_train(*args, **kwargs)
        save_weights(tmp_path / "w.npz", {"W1": np.ones(2)}, {"run": "the other"})
        return log

    monkeypatch.setattr(dlfs.cli, "train", train_while_another_run_writes)
    argv = ["train", *tiny_mnist, "--output", str(tmp_path / "w.npz")]
    status, out = run_main([*argv, "--log", str(tmp_path / "log.json")])
    assert status == EXIT_NOT_WRITTEN
    assert capsys.readouterr().err.splitlines() == [
        f"python -m dlfs train: error: --output's record {tmp_path / 'w.json'} "
        "was created by another run meanwhile",
        "nothing was written: pass --force to replace it, or choose another name",
    ]
    assert "wrote" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json", "w.npz"]
    assert load_provenance(tmp_path / "w.npz")["run"] == "the other"
    np.testing.assert_array_equal(load_weights(tmp_path / "w.npz")["W1"], np.ones(2))
