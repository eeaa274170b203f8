"""``python -m benchmarks``: exit statuses, targets, and errors as messages."""

from __future__ import annotations

import copy
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pages import ROOT

COMMITTED = json.loads((ROOT / "docs" / "data" / "benchmarks.json").read_text())
command = importlib.import_module("benchmarks.__main__")
suite = importlib.import_module("benchmarks.suite")


def bench(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def fake_run(monkeypatch):
    """``main`` with the committed results instead of minutes of measuring."""
    monkeypatch.setattr(command, "set_threads", lambda threads: True)

    def use(results):
        monkeypatch.setattr(suite, "run", lambda settings, progress: results)

    return use


def test_smoke_run_measures_no_target_and_exits_0(mnist_dir, tmp_path):
    out = tmp_path / "results.json"
    done = bench(
        "--smoke",
        "--quiet",
        "--threads",
        "1",
        "--out",
        str(out),
        env={"DLFS_DATA": str(mnist_dir)},
    )
    assert done.returncode == 0, done.stderr
    targets = json.loads(out.read_text())["targets"]
    assert set(targets) == set(suite.TARGETS)
    assert all(t["value"] is None and t["met"] is None for t in targets.values())
    table = done.stdout[done.stdout.index("target ") :]
    assert " NO" not in table and " yes" not in table
    assert table.count("not measured") == len(suite.TARGETS)
    assert "no target is measured or checked" in done.stdout


def test_a_missed_target_makes_the_command_exit_1_naming_it(fake_run, capsys):
    results = copy.deepcopy(COMMITTED)
    accuracy = results["targets"]["accuracy"]
    accuracy.update(value=0.278, met=False)  # what a smoke run once reported
    fake_run(results)
    assert command.main(["--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "NO" in out[out.index("target ") :]
    assert err.strip() == "python -m benchmarks: missed targets: accuracy"


def test_every_target_met_exits_0(fake_run, capsys):
    fake_run(copy.deepcopy(COMMITTED))
    assert all(t["met"] for t in COMMITTED["targets"].values())
    assert command.main(["--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_missing_mnist_is_two_lines_and_exit_3(tmp_path):
    # A fresh process: two lines also means no warning that NumPy was imported
    # before the BLAS thread count could be set.
    empty = tmp_path / "empty"
    empty.mkdir()
    done = bench(
        "--smoke", "--quiet", "--data-dir", str(empty), env={"DLFS_OFFLINE": "1"}
    )
    assert done.returncode == command.EXIT_NO_DATA == 3
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert "MNIST" in lines[0] and str(empty) in lines[0]
    assert "--data-dir" in lines[1] and "DLFS_DATA" in lines[1]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(args, words, id=" ".join(args))
        for args, words in [
            (["--out", "."], "--out . is a folder"),
            (["--out", "README.md/x.json"], "README.md is a file, not a folder"),
            (["--iters", "-3"], "--iters"),
            (["--threads", "0"], "--threads"),
            (["--data-dir", "README.md"], "README.md is a file, not a folder"),
            (["--book", "--smoke"], "run it without --smoke"),
        ]
    ],
)
def test_usage_errors_are_two_lines_and_exit_2_before_measuring(
    args, words, monkeypatch, capsys
):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(suite, "run", None)  # measuring would fail the test
    with pytest.raises(SystemExit) as info:
        command.main(args)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert words in lines[0]
    assert lines[1] == "(see python -m benchmarks --help)"
    assert out == ""


def test_book_writes_only_the_results_json_and_says_python_m_book_draws(
    fake_run, monkeypatch, tmp_path, capsys
):
    # The figures and the page are python -m book's job, not the benchmark's.
    out = tmp_path / "data" / "benchmarks.json"
    monkeypatch.setattr(suite, "default_output", lambda: out)
    fake_run(copy.deepcopy(COMMITTED))
    assert command.main(["--quiet", "--book"]) == 0
    assert json.loads(out.read_text()) == COMMITTED
    assert [p.name for p in tmp_path.rglob("*")] == ["data", "benchmarks.json"]
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed
    assert "python -m book" in printed


def test_help_lists_the_exit_statuses(capsys):
    with pytest.raises(SystemExit) as info:
        command.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    epilog = out[out.index("exit status:") :]
    for status, words in [
        ("1", "missed"),
        ("2", "bad option"),
        ("3", "MNIST"),
        ("130", "interrupted"),
    ]:
        (line,) = [x for x in epilog.splitlines() if x.split()[:1] == [status]]
        assert words in line
