"""Figures of chapter 5's network (``docs/ch5/nets.md``), drawn from its logs.

The gradient check and the training curves draw committed logs
(``docs/data/ch5_*.json``) made by :mod:`book.runs`:
``python -m book --make-logs ch5_two_layer_net ch5_gradient_check``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from book import load_log, new_figure
from book.diagrams import BACKWARD, FORWARD


def gradient_check() -> Any:
    """Mean and largest |backprop - numerical| per parameter, log scale."""
    data = load_log("ch5_gradient_check")
    keys = list(data["params"])
    mean = [data["params"][k]["mean_abs_diff"] for k in keys]
    largest = [data["params"][k]["max_abs_diff"] for k in keys]
    grad = [data["params"][k]["max_abs_grad"] for k in keys]
    positions = np.arange(len(keys))
    fig = new_figure(figsize=(6.4, 3.8))
    ax = fig.add_subplot()
    ax.bar(positions - 0.2, mean, width=0.4, color="#7aa6e0", label="mean |difference|")
    ax.bar(positions + 0.2, largest, width=0.4, color=FORWARD, label="max |difference|")
    ax.scatter(
        positions,
        grad,
        marker="D",
        color=BACKWARD,
        zorder=3,
        label="max |gradient| (for scale)",
    )
    ax.set_yscale("log")
    ax.set_ylim(1e-14, 1)
    ax.set_xticks(
        positions,
        [f"{k}\n({data['params'][k]['size']:,} values)" for k in keys],
    )
    ax.set_ylabel("absolute value")
    ax.set_title(
        "Backprop vs numerical gradient: TwoLayerNet 784-50-10, 3 MNIST images",
        fontsize=10,
    )
    ax.legend(loc="center left", fontsize=9, bbox_to_anchor=(0.02, 0.57))
    ax.grid(axis="x", visible=False)
    return fig


def _moving_average(values: np.ndarray, window: int) -> np.ndarray:
    return np.convolve(values, np.ones(window) / window, mode="valid")


def training_curves() -> Any:
    """Loss per iteration and train/test accuracy per epoch of the committed run."""
    data = load_log("ch5_two_layer_net")
    fig = new_figure(figsize=(9.5, 3.6))
    ax_loss, ax_acc = fig.subplots(1, 2)
    _loss_panel(ax_loss, np.array(data["loss"]))
    _accuracy_panel(ax_acc, data)
    fig.suptitle(
        "TwoLayerNet 784-50-10 on MNIST: batch 100, SGD lr 0.1, 10,000 iterations",
        fontsize=10,
    )
    fig.tight_layout()
    return fig


def _loss_panel(ax: Any, loss: np.ndarray) -> None:
    """Every iteration's loss as a band, and its moving average."""
    iterations = np.arange(1, len(loss) + 1)
    window = 100
    # The band runs from the lowest to the highest loss of each block of 10
    # (the same picture as 10,000 points, in a fraction of the file size).
    block = 10
    usable = len(loss) // block * block
    blocks = loss[:usable].reshape(-1, block)
    ax.fill_between(
        iterations[:usable:block] + (block - 1) / 2,
        blocks.min(axis=1),
        blocks.max(axis=1),
        color="#9bbbe6",
        lw=0,
        label="mini-batch loss",
    )
    ax.plot(  # a smooth curve: every 10th point is plenty
        iterations[window - 1 :: block],
        _moving_average(loss, window)[::block],
        color=FORWARD,
        lw=2,
        label=f"mean of last {window}",
    )
    ax.set(xlabel="iteration", ylabel="loss (cross-entropy)")
    ax.set(ylim=(0, 2.5), xlim=(0, len(loss)))
    ax.legend(loc="upper right", fontsize=9)


def _accuracy_panel(ax: Any, data: dict[str, Any]) -> None:
    """Train and test accuracy per epoch, the final test accuracy pointed out."""
    epochs = np.array(data["eval_iterations"]) / data["iters_per_epoch"]
    ax.plot(epochs, data["train_acc"], "o-", ms=4, color=FORWARD, label="train")
    ax.plot(epochs, data["test_acc"], "s--", ms=4, color=BACKWARD, label="test", lw=1.5)
    final = data["test_acc"][-1]
    ax.annotate(
        f"test {final:.4f}",
        xy=(epochs[-1], final),
        xytext=(-8, -26),
        textcoords="offset points",
        ha="right",
        color=BACKWARD,
        arrowprops={"arrowstyle": "-", "color": BACKWARD, "lw": 0.8},
    )
    ax.set(xlabel="epoch", ylabel="accuracy")
    ax.set(ylim=(0.88, 1.0), xlim=(0, np.ceil(epochs[-1])))
    ax.legend(loc="lower right", fontsize=9)


FIGURES: dict[str, Callable[[], Any]] = {
    "ch5_gradient_check": gradient_check,
    "ch5_training_curves": training_curves,
}
