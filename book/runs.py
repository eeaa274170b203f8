"""The training runs behind the logged figures: slow, on MNIST, run on request.

``python -m book --make-logs [NAME ...]`` runs the functions of :data:`LOGS`
and commits what each returns as ``docs/data/NAME.json``.  The figures
(``ch4_training_curves``, ``ch5_gradient_check``, ``ch5_training_curves``)
and the pages' numbers only read those logs: the site never trains while it
is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from dlfs import __version__
from dlfs.datasets import load_mnist
from dlfs.nets import TwoLayerNet
from dlfs.numerical_net import NumericalTwoLayerNet, train_numerical
from dlfs.train import train_like_chapter5


def numerical_training(
    iters_num: int = 100,
    batch_size: int = 20,
    learning_rate: float = 1.0,
    hidden_size: int = 10,
    eval_every: int = 10,
    eval_size: int = 1000,
    seed: int = 0,
) -> dict[str, Any]:
    """Train a small chapter 4 network on MNIST with ``train_numerical``; log it."""
    seconds_per_gradient: list[float] = []

    class TimedNet(NumericalTwoLayerNet):  # the same network, timing each gradient
        def numerical_gradient(self, x: Any, t: Any) -> dict[str, np.ndarray]:
            start = time.perf_counter()
            grads = super().numerical_gradient(x, t)
            seconds_per_gradient.append(time.perf_counter() - start)
            return grads

    mnist = load_mnist()
    network = TimedNet(784, hidden_size, 10, weight_init_std=0.1, seed=seed)
    wall, cpu = time.perf_counter(), time.process_time()
    loss, train_acc, test_acc = train_numerical(
        network,
        mnist,
        iters_num=iters_num,
        batch_size=batch_size,
        learning_rate=learning_rate,
        eval_every=eval_every,
        eval_size=eval_size,
        seed=seed,
    )
    return {
        "loss": loss,  # of each mini-batch, before its update
        "eval_iterations": list(range(0, iters_num + 1, eval_every)),
        "train_acc": train_acc,
        "test_acc": test_acc,
        "seconds_per_gradient": seconds_per_gradient,
        "wall_seconds": round(time.perf_counter() - wall, 1),
        "cpu_seconds": round(time.process_time() - cpu, 1),  # of this process
        "settings": {
            "network": f"NumericalTwoLayerNet(784, {hidden_size}, 10, "
            f"weight_init_std=0.1, seed={seed})",
            "iters_num": iters_num,
            "batch_size": batch_size,
            "learning_rate": learning_rate,
            "eval_every": eval_every,
            "eval_size": eval_size,
            "seed": seed,
            "parameters": sum(p.size for p in network.params.values()),
        },
    }


def gradient_check_log() -> dict[str, Any]:
    """Backprop against numerical gradients, as ch05/gradient_check.py does.

    ``TwoLayerNet(784, 50, 10, seed=0)`` in float64 on the first three MNIST
    training images; per parameter the mean and largest absolute difference.
    """
    (x_train, t_train), _ = load_mnist()
    net = TwoLayerNet(784, 50, 10, seed=0)
    x, t = x_train[:3], t_train[:3]
    start = time.perf_counter()
    numerical = net.numerical_gradient(x, t)
    numerical_seconds = time.perf_counter() - start
    backprop_times = []
    for _ in range(20):
        start = time.perf_counter()
        backprop = net.gradient(x, t)
        backprop_times.append(time.perf_counter() - start)
    params = {}
    for key in net.params:
        diff = np.abs(backprop[key] - numerical[key])
        params[key] = {
            "size": int(diff.size),
            "mean_abs_diff": float(diff.mean()),
            "max_abs_diff": float(diff.max()),
            "max_abs_grad": float(np.abs(backprop[key]).max()),
        }
    return {
        "settings": {
            "network": "TwoLayerNet(784, 50, 10, seed=0)",
            "dtype": "float64",
            "samples": "x_train[:3], t_train[:3] of MNIST (normalized, labels)",
            "h": 1e-4,
            "command": "python -m book --make-logs ch5_gradient_check",
        },
        "params": params,
        "loss_evaluations_numerical": 2 * sum(p["size"] for p in params.values()),
        "numerical_seconds": float(f"{numerical_seconds:.3g}"),
        "backprop_seconds": float(f"{min(backprop_times):.3g}"),
        "versions": {"dlfs": __version__, "numpy": np.__version__},
    }


def two_layer_net_log() -> dict[str, Any]:
    """Train the book's TwoLayerNet on MNIST as ch05/train_neuralnet.py does."""
    start = time.perf_counter()
    log = train_like_chapter5(load_mnist())[1].to_dict()
    seconds = time.perf_counter() - start
    log["loss"] = [round(loss, 6) for loss in log["loss"]]
    return {
        "settings": {
            "network": "TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32)",
            "data": "MNIST, load_mnist() (normalized, integer labels)",
            "optimizer": "SGD(lr=0.1)",
            "iters_num": 10_000,
            "batch_size": 100,
            "seed": 0,
            "loss_rounded_to": 6,
            "command": "python -m book --make-logs ch5_two_layer_net",
        },
        **log,
        "seconds": round(seconds, 1),
        "versions": {"dlfs": __version__, "numpy": np.__version__},
    }


LOGS: dict[str, Callable[[], dict[str, Any]]] = {
    "ch4_numerical_training": numerical_training,
    "ch5_gradient_check": gradient_check_log,
    "ch5_two_layer_net": two_layer_net_log,
}
