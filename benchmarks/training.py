"""Training iterations per second: dlfs, the book's algorithm, PyTorch, the floor.

All implementations start from the same initial weights and train on the same
pre-drawn mini-batches, block by block in turn (see
:func:`benchmarks.timing.interleaved`), so they do identical work under the
same machine noise.  A fourth task, the floor, runs only the iteration's five
matrix products.  After the last block each network's test accuracy is
measured: all of them have then made the same number of updates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from benchmarks import torch_baseline
from benchmarks.book_baseline import BookTrainer
from benchmarks.gemm import run_products, total_flop, training_products
from benchmarks.timing import interleaved, median, ratio, significant, us
from dlfs.nets import TwoLayerNet
from dlfs.optim import SGD


class Trainer(Protocol):
    label: str
    dtype: str

    def step(self, batch: Any) -> float: ...

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float: ...


class DlfsTrainer:
    """dlfs's code as the book shows it: the loop body of :func:`dlfs.train.train`."""

    label = "dlfs TwoLayerNet (float32)"
    dtype = "float32"

    def __init__(
        self,
        sizes: Sequence[int],
        x_train: np.ndarray,
        t_train: np.ndarray,
        *,
        lr: float,
        seed: int,
    ) -> None:
        self.network = TwoLayerNet(*sizes, seed=seed, dtype=np.float32)
        self.optimizer = SGD(lr=lr)
        self.x_train, self.t_train = x_train, t_train

    # --8<-- [start:step]
    def step(self, batch: np.ndarray) -> float:
        loss, grads = self.network.loss_and_gradient(
            self.x_train[batch], self.t_train[batch]
        )
        self.optimizer.update(self.network.params, grads)
        return loss

    # --8<-- [end:step]

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        return self.network.accuracy(x, t)


def _task(trainer: Trainer, batches: Any, losses: list[float]) -> Callable[[int], None]:
    def task(i: int) -> None:
        losses.append(trainer.step(batches[i]))

    return task


def _trainers(
    sizes: Sequence[int],
    x_train: np.ndarray,
    t_train: np.ndarray,
    *,
    lr: float,
    seed: int,
    threads: int,
    use_torch: bool,
) -> tuple[dict[str, Trainer], str | None]:
    """The implementations, from the same initial weights, and why PyTorch is
    not among them (None when it is)."""
    initial = TwoLayerNet(*sizes, seed=seed).params  # the same numbers, in float64
    trainers: dict[str, Trainer] = {
        "ours": DlfsTrainer(sizes, x_train, t_train, lr=lr, seed=seed),
        "book": BookTrainer(initial, x_train, t_train, lr=lr),
    }
    if not use_torch:
        return trainers, "PyTorch left out (--no-torch)"
    if torch_baseline.available() is None:
        return trainers, 'PyTorch is not installed (pip install -e ".[bench]")'
    trainers["torch"] = torch_baseline.TorchTrainer(
        initial, x_train, t_train, lr=lr, threads=threads
    )
    return trainers, None


def _result(
    trainer: Any,
    times: list[float],
    losses: list[float],
    floor: float,
    x_test: np.ndarray,
    t_test: np.ndarray,
) -> dict[str, Any]:
    """One implementation's speed, its ratio to the floor, accuracy and loss."""
    per_iteration = us(median(times))
    return {
        "label": trainer.label,
        "dtype": trainer.dtype,
        "us_per_iteration": per_iteration,
        "iterations_per_s": significant(1e6 / per_iteration),
        "over_floor": ratio(per_iteration, floor),
        "test_acc": round(trainer.accuracy(x_test, t_test), 4),
        "final_loss": significant(float(np.mean(losses[-100:]))),
    }


def run(
    x_train: np.ndarray,
    t_train: np.ndarray,
    x_test: np.ndarray,
    t_test: np.ndarray,
    *,
    sizes: Sequence[int],
    batch_size: int,
    lr: float,
    iterations: int,
    block: int,
    seed: int,
    threads: int,
    pause: float,
    use_torch: bool = True,
) -> dict[str, Any]:
    """Train every implementation for ``iterations`` updates; time and score them."""
    rounds = iterations // block
    iterations = rounds * block
    rng = np.random.default_rng(seed)
    indices = rng.integers(0, len(x_train), (iterations, batch_size))
    trainers, skipped = _trainers(
        sizes, x_train, t_train, lr=lr, seed=seed, threads=threads, use_torch=use_torch
    )
    losses: dict[str, list[float]] = {name: [] for name in trainers}
    tasks: dict[str, Callable[[int], Any]] = {}
    for name, trainer in trainers.items():
        batches = trainer.batches(indices) if hasattr(trainer, "batches") else indices
        tasks[name] = _task(trainer, batches, losses[name])
    products = training_products(sizes, batch_size, np.dtype(np.float32))
    tasks["floor"] = lambda _i: run_products(products)
    times = interleaved(tasks, rounds=rounds, block=block, pause=pause)

    floor = us(median(times["floor"]))
    implementations = {
        name: _result(trainer, times[name], losses[name], floor, x_test, t_test)
        for name, trainer in trainers.items()
    }
    ours = implementations["ours"]["us_per_iteration"]
    for result in implementations.values():
        result["speedup_of_ours"] = ratio(result["us_per_iteration"], ours)
    return {
        "iterations": iterations,
        "block": block,
        "blocks": rounds,
        "pause_s": pause,
        "batch_size": batch_size,
        "lr": lr,
        "sizes": list(sizes),
        "test_images": len(x_test),
        "flop_per_iteration": total_flop(products),
        "floor_us_per_iteration": floor,
        "floor_gflops": significant(total_flop(products) / floor / 1e3, 3),
        "implementations": implementations,
        "torch_skipped": skipped,
    }
