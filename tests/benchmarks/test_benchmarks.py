"""The benchmark suite runs (smoke mode), and the committed results feed the page.

The full benchmark takes minutes and its numbers depend on the machine, so it
is not run here; ``python -m benchmarks --smoke`` runs every part with tiny
sizes so that the code cannot rot, and the committed
``docs/data/benchmarks.json`` is checked for everything the Performance page
and its figures read.
"""

from __future__ import annotations

import doctest
import importlib
import json
import math
import os
import re
import subprocess
import sys

import pytest
from pages import ROOT

from book import performance

MODULES = [
    "benchmarks.book_baseline",
    "benchmarks.gemm",
    "benchmarks.timing",
]
IMPLEMENTATION_FIELDS = {
    "label",
    "dtype",
    "us_per_iteration",
    "iterations_per_s",
    "over_floor",
    "speedup_of_ours",
    "test_acc",
    "final_loss",
}


@pytest.fixture(scope="module")
def smoke(mnist_dir, tmp_path_factory) -> dict:
    """Results of ``python -m benchmarks --smoke``, run as a user would."""
    out = tmp_path_factory.mktemp("bench") / "results.json"
    env = {**os.environ, "DLFS_DATA": str(mnist_dir)}
    command = [sys.executable, "-m", "benchmarks", "--smoke", "--quiet"]
    command += ["--threads", "1", "--out", str(out)]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "implementation" in result.stdout  # the tables were printed
    return json.loads(out.read_text())


def close(stated: float, numerator: float, denominator: float) -> bool:
    """A stated ratio agrees with the two stored numbers (3 significant digits)."""
    return math.isclose(stated, numerator / denominator, rel_tol=6e-3)


def check_complete(results: dict) -> None:
    """Everything the page's tables and figures read is there and sane."""
    for key in ("date", "machine", "python", "numpy", "settings", "targets"):
        assert key in results
    assert results["numpy"]["blas"]["name"]
    assert results["machine"]["cpu_count"] >= 1

    training = results["training"]
    found = training["implementations"]
    assert {"ours", "book"} <= set(found)
    assert ("torch" in found) == (training["torch_skipped"] is None)
    floor = training["floor_us_per_iteration"]
    assert floor > 0
    ours = found["ours"]["us_per_iteration"]
    for impl in found.values():
        assert set(impl) >= IMPLEMENTATION_FIELDS
        assert impl["us_per_iteration"] > 0
        assert close(impl["speedup_of_ours"], impl["us_per_iteration"], ours)
        assert close(impl["over_floor"], impl["us_per_iteration"], floor)
        assert 0 <= impl["test_acc"] <= 1
    assert training["flop_per_iteration"] == 15_980_000

    inf = results["inference"]
    for key in ("loop_ms", "batch_ms", "one_ms", "floor_batch_ms", "floor_one_ms"):
        assert inf[key] > 0
    assert close(inf["loop_over_batch"], inf["loop_ms"], inf["batch_ms"])
    assert close(inf["loop_over_one"], inf["loop_ms"], inf["one_ms"])
    assert close(inf["batch_over_floor"], inf["batch_ms"], inf["floor_batch_ms"])
    assert close(inf["one_over_floor"], inf["one_ms"], inf["floor_one_ms"])
    assert inf["predictions_agree"]
    assert inf["accuracy"] > 0.9

    grad = results["gradients"]
    assert grad["numerical_s"] > 0 and grad["backprop_ms"] > 0
    assert close(
        grad["numerical_over_backprop"], grad["numerical_s"] * 1e3, grad["backprop_ms"]
    )
    assert grad["relative_error"] < 1e-2
    assert grad["max_abs_diff_away_from_kinks"] < 1e-6
    if grad["hidden_inputs_within_h_of_kink"] == 0:
        assert grad["max_abs_diff"] < 1e-6

    gemm = results["gemm"]
    assert len(gemm["products"]) == 5
    for dtype in ("float32", "float64"):
        total = sum(p[f"{dtype}_us"] for p in gemm["products"])
        assert math.isclose(gemm[f"{dtype}_us_per_iteration"], total, rel_tol=1e-3)
        assert gemm[f"{dtype}_gflops"] > 0

    assert set(results["targets"]) == set(
        importlib.import_module("benchmarks.suite").TARGETS
    )
    for target in results["targets"].values():
        assert target["met"] in (True, False, None)
    performance.report(results)  # every table formats


def test_smoke_run_has_every_field(smoke):
    assert smoke["settings"]["mode"] == "smoke"
    check_complete(smoke)


def test_smoke_gradients_agree(smoke):
    grad = smoke["gradients"]
    assert grad["dtype"] == "float64"
    assert grad["max_abs_diff"] < 1e-6
    assert grad["loss_evaluations"] == 2 * grad["parameters"]


def test_smoke_implementations_train_alike(smoke):
    """Same initial weights, same batches: the same accuracy after 40 updates."""
    accuracies = {i["test_acc"] for i in smoke["training"]["implementations"].values()}
    assert max(accuracies) - min(accuracies) < 0.02


@pytest.mark.parametrize("page", ["performance.md", "performance.ko.md"])
def test_committed_results_feed_the_page(page):
    results = performance.load_results()
    assert results["settings"]["mode"] == "full"
    assert results["settings"]["train_iterations"] == 10_000
    assert results["inference"]["images"] == 10_000
    assert results["gradients"]["sizes"] == [784, 50, 10]
    check_complete(results)
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert "python -m benchmarks --book" in text
    for name in performance.FIGURES:
        assert f"figures/{name}.svg" in text
    shown = re.findall(r'\{\{ performance\("(\w+)"\) \}\}', text)
    assert sorted(shown) == sorted(performance.PARTS)  # every part, each once


@pytest.mark.parametrize("name", MODULES)
def test_benchmark_module_examples(name):
    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.ELLIPSIS
    )
    assert result.failed == 0


def test_book_and_smoke_do_not_mix():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--book", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "without --smoke" in result.stderr
