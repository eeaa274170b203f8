"""``python -m dlfs train``: options, errors, and short real runs on MNIST."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dlfs.cli import main
from dlfs.datasets import MNIST_FILES, load_mnist
from dlfs.nets import MultiLayerNet
from dlfs.weights import load_provenance, load_weights, sha256_of

REPO = Path(__file__).resolve().parents[1]
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
    )
]


def error_line(err: str) -> str:
    """The ``prog: error: ...`` line (the usage lines above it name every option)."""
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(("args", "option"), BAD_VALUES)
def test_bad_value_exits_2_with_a_message_naming_the_option(
    args, option, mnist_dir, tmp_path, capsys
):
    argv = ["train", *args, "--iters", "1", "--no-progress", "--data-dir"]
    argv += [str(mnist_dir), "--output", str(tmp_path / "w.npz")]
    if "--iters" in args:
        argv = ["train", *args, "--no-progress", "--data-dir", str(mnist_dir)]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert option in error_line(capsys.readouterr().err)
    assert not (tmp_path / "w.npz").exists()


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


@pytest.mark.parametrize(
    "args",
    [["--lr", "inf"], ["--lr", "nan"], ["--weight-init", "nan"]],
    ids=" ".join,
)
def test_non_finite_values_exit_2(args, mnist_dir, tmp_path, capsys):
    argv = ["train", *args, "--hidden", "5", "--iters", "1", "--no-progress"]
    argv += ["--data-dir", str(mnist_dir), "--output", str(tmp_path / "w.npz")]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert args[0] in error_line(capsys.readouterr().err)
    assert not (tmp_path / "w.npz").exists()


def test_module_help_runs_as_a_subprocess(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "dlfs", "train", "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m dlfs train")
    assert "--batch-size" in done.stdout
    assert done.stderr == ""


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
    assert record["architecture"]["sizes"] == [784, 20, 10]
    assert record["architecture"]["hidden_activation"] == "sigmoid"
    assert record["dataset"]["files"] == {
        spec.filename: spec.sha256 for spec in MNIST_FILES.values()
    }
    training = record["training"]
    assert training["seed"] == 3
    assert training["lr"] == 1.0
    assert training["batch_size"] == BATCH
    assert training["iterations"] == ITERS
    assert training["epochs"] == ITERS / EPOCH
    per_epoch = record["per_epoch"]
    assert per_epoch["iterations"] == [EPOCH, ITERS]
    for key in ("loss", "train_acc", "test_acc"):
        assert len(per_epoch[key]) == 2
    assert record["final_test_accuracy"] == per_epoch["test_acc"][-1]
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
    assert record["per_epoch"]["loss"] == pytest.approx(
        [np.mean(log["loss"][:EPOCH]), np.mean(log["loss"][EPOCH:])]
    )


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
