"""Figures of chapter 4: losses, numerical derivatives, gradients, training."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Context, Decimal
from typing import Any

import numpy as np

from book import INK, load_log, new_figure
from book.diagrams import FORWARD, arrow, canvas, tinted_box
from dlfs.gradient import (
    forward_diff,
    gradient_descent,
    numerical_diff,
    numerical_gradient,
)
from dlfs.numerical_net import NumericalTwoLayerNet


def function_1(x: float) -> float:
    """The book's example of one variable, ``0.01 x**2 + 0.1 x``."""
    return 0.01 * x**2 + 0.1 * x


def function_2(x: np.ndarray) -> float:
    """The book's example of two variables, ``x0**2 + x1**2``."""
    return float(np.sum(x**2))


# The two kinds of step in the three approaches: designed by a person, or
# learned from data (the blue of the forward values of chapter 5).
HUMAN = "#e08a2e"
LEARNED = FORWARD


def three_approaches() -> Any:
    """From image to answer three ways: what a person designs, what is learned."""
    width, height = 5.05, 3.9  # inches, and the data units: 1 unit = 1 inch
    fig, ax = canvas((width, height), (0, width), (0, height))
    # columns: the image comes in, one or two steps, the answer goes out
    image, step_a, step_b, answer = (0.3, 0.7), (0.7, 2.7), (2.95, 4.55), (4.55, 4.95)
    whole = (step_a[0], step_b[1])
    rows = {  # the height of each row: its steps (left, right, label, colour)
        3.2: [(*whole, "rules a person writes\n(the whole algorithm)", HUMAN)],
        2.25: [
            (*step_a, "features a person\ndesigns (SIFT, HOG)", HUMAN),
            (*step_b, "machine learning\n(SVM, KNN)", LEARNED),
        ],
        1.3: [(*whole, "neural network\n(deep learning)", LEARNED)],
    }
    ax.text(sum(image) / 2, 3.75, "image", ha="center", va="center")
    ax.text(sum(answer) / 2, 3.75, "answer", ha="center", va="center")
    for number, (y, steps) in enumerate(rows.items(), start=1):
        ax.text(0.1, y, str(number), ha="center", va="center", fontsize=12)
        arrow(ax, (image[0], y), (image[1], y), size=10)
        for left, right, label, color in steps:
            tinted_box(ax, (left, y - 0.3), right - left, 0.6, color)
            middle = (left + right) / 2
            ax.text(middle, y, label, ha="center", va="center", linespacing=1.4)
        for (_, right, _, _), (left, _, _, _) in itertools.pairwise(steps):
            arrow(ax, (right, y), (left, y), size=10)
        arrow(ax, (answer[0], y), (answer[1], y), size=10)
    ax.text(
        sum(whole) / 2,
        0.9,
        "end-to-end: from raw pixels to the answer,\nno step designed by hand",
        ha="center",
        va="top",
        linespacing=1.4,
    )
    for x, label, color in (
        (0.3, "designed by a person", HUMAN),
        (2.75, "learned from data", LEARNED),
    ):
        tinted_box(ax, (x, 0.08), 0.3, 0.2, color)
        ax.text(x + 0.42, 0.18, label, ha="left", va="center")
    return fig


def cross_entropy_curve() -> Any:
    """The loss of one sample, ``-log(y)``, against the probability ``y`` of
    the right class."""
    fig = new_figure(figsize=(6, 3.6))
    ax = fig.add_subplot()
    y = np.linspace(1e-3, 1.0, 500)
    ax.plot(y, -np.log(y + 1e-7), color="C0", label=r"$-\log(y + 10^{-7})$")
    for p, color in ((0.6, "C2"), (0.1, "C3")):
        loss = -np.log(p + 1e-7)
        ax.plot([p], [loss], "o", color=color)
        ax.annotate(
            f"y = {p}: loss {loss:.3f}",
            (p, loss),
            xytext=(12, 6),
            textcoords="offset points",
            color=color,
        )
    ax.set(xlim=(0, 1.02), ylim=(0, 5), ylabel="cross-entropy error")
    ax.set_xlabel("y: probability the network gives the right class")
    ax.legend(loc="upper right")
    return fig


def loss_vs_accuracy(seed: int = 2, key: str = "W2", index: tuple = (0, 0)) -> Any:
    """Sweep one weight of a small network: the loss is smooth, the accuracy
    is a staircase."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((40, 2))
    t = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
    net = NumericalTwoLayerNet(2, 4, 2, weight_init_std=1.0, seed=seed)
    weight = net.params[key]  # the network reads this very array
    start = weight[index]
    values = start + np.linspace(-4, 4, 801)
    losses, accuracies = [], []
    for value in values:
        weight[index] = value
        losses.append(net.loss(x, t))
        accuracies.append(net.accuracy(x, t))
    weight[index] = start

    fig = new_figure(figsize=(8, 3.2))
    ax_loss, ax_acc = fig.subplots(1, 2)
    ax_loss.plot(values, losses, color="C0")
    ax_loss.set_title("loss: smooth, sloped almost everywhere")
    ax_loss.set_ylabel("cross-entropy error")
    ax_acc.plot(values, accuracies, color="C1", drawstyle="steps-mid")
    ax_acc.set(title="accuracy: flat steps, slope 0", ylabel="accuracy")
    name = f"{key}[{index[0]}, {index[1]}]"
    for ax in (ax_loss, ax_acc):
        ax.set_xlabel(f"value of one weight, {name}")
    fig.tight_layout()
    return fig


# Enough decimal digits that rounding to float64 gives the correctly rounded
# result (but for astronomically rare ties).
_DECIMAL = Context(prec=40)


def _exp(x: float) -> float:
    """e**x correctly rounded, by decimal arithmetic: the same on every CPU.

    The last bit of ``np.exp`` (and of libm's ``exp``) depends on the CPU's
    instructions, and at a tiny h the error of a difference quotient is made
    of such last bits, so the figure would change from computer to computer.
    """
    return float(_DECIMAL.exp(Decimal(x)))


def forward_vs_central() -> Any:
    """Error of forward and central differences of exp at 1, against the step h."""
    # h = 10**(k/4) from 1e-15 to 1, also by decimal arithmetic (np.logspace
    # uses np.power, whose last bit may depend on the CPU as well).
    steps = [float(_DECIMAL.power(10, Decimal(k) / 4)) for k in range(-60, 1)]
    exact = _exp(1.0)
    forward = [abs(forward_diff(_exp, 1.0, h=h) - exact) for h in steps]
    central = [abs(numerical_diff(_exp, 1.0, h=h) - exact) for h in steps]
    fig = new_figure(figsize=(6.4, 4))
    ax = fig.add_subplot()
    tiny = 1e-17  # an error of exactly 0 cannot be drawn on a log axis
    ax.loglog(steps, np.maximum(forward, tiny), "o-", ms=3, label="forward difference")
    ax.loglog(steps, np.maximum(central, tiny), "s-", ms=3, label="central difference")
    ax.axvline(1e-4, color="gray", linestyle=":", linewidth=1)
    ax.annotate(
        "h = 1e-4\n(numerical_diff)",
        (1e-4, 3e-13),
        xytext=(6, 0),
        textcoords="offset points",
        color="gray",
    )
    ax.annotate("rounding error\ngrows like 1/h", (1e-13, 3e-1), color=INK)
    ax.annotate(
        "truncation error\nforward ~ h, central ~ h²",
        (1e-3, 3e-1),
        color=INK,
        ha="right",
    )
    ax.set(ylim=(1e-13, 10), xlabel="step h")
    ax.set_ylabel("error of the derivative of exp at x = 1")
    ax.legend(loc="lower left")
    return fig


def tangent() -> Any:
    """``function_1`` with tangents whose slopes come from ``numerical_diff``."""
    x = np.linspace(0, 20, 201)
    fig = new_figure(figsize=(8.4, 3.4))
    ax_f, ax_d = fig.subplots(1, 2)
    ax_f.plot(x, function_1(x), color="C0", label="f(x) = 0.01x² + 0.1x")
    for x0, color in ((5.0, "C1"), (10.0, "C2")):
        slope = numerical_diff(function_1, x0)
        ax_f.plot(
            x,
            function_1(x0) + slope * (x - x0),
            "--",
            color=color,
            linewidth=1.5,
            label=f"tangent at x = {x0:g}, slope {slope:.4f}",
        )
        ax_f.plot([x0], [function_1(x0)], "o", color=color)
    ax_f.set(ylim=(-1, 6), xlabel="x", ylabel="f(x)")
    ax_f.legend(loc="upper left", fontsize=9)
    ax_f.set_title("the function and two tangents")

    ax_d.plot(x, 0.02 * x + 0.1, color="C0", label="exact: 0.02x + 0.1")
    points = np.arange(0, 21, 2.5)
    ax_d.plot(
        points,
        [numerical_diff(function_1, p) for p in points],
        "o",
        color="C3",
        label="numerical_diff",
    )
    ax_d.set(xlabel="x", ylabel="f'(x)", title="the derivative")
    ax_d.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


def gradient_field() -> Any:
    """Arrows of minus the gradient of ``function_2``: all point to the minimum."""
    grid = np.arange(-2, 2.25, 0.25)
    x0, x1 = np.meshgrid(grid, grid)
    points = np.stack([x0.ravel(), x1.ravel()], axis=1)
    grads = np.array([numerical_gradient(function_2, p.copy()) for p in points])
    fig = new_figure(figsize=(5.2, 5))
    ax = fig.add_subplot()
    _bowl(ax, 2.3, levels=[0.5, 1, 2, 3, 4, 6])
    ax.quiver(
        points[:, 0], points[:, 1], -grads[:, 0], -grads[:, 1], color="C0", angles="xy"
    )
    _minimum(ax, 2.3, "−∇f for f(x0, x1) = x0² + x1²")
    return fig


def _bowl(ax: Any, limit: float, levels: list[float]) -> None:
    """Contour lines of ``function_2`` on the square ``[-limit, limit]²``."""
    fine = np.linspace(-limit, limit, 200)
    f0, f1 = np.meshgrid(fine, fine)
    ax.contour(f0, f1, f0**2 + f1**2, levels=levels, colors=INK, alpha=0.45)


def _minimum(ax: Any, limit: float, title: str) -> None:
    """The minimum (0, 0) as a star, on the square plane of ``x0`` and ``x1``."""
    ax.plot([0], [0], "*", color="C3", ms=12)
    ax.set(aspect="equal", xlim=(-limit, limit), ylim=(-limit, limit))
    ax.set(xlabel="x0", ylabel="x1", title=title)


START = [-3.0, 4.0]  # where gradient descent starts in the book


def descent_paths() -> Any:
    """Gradient descent on ``function_2`` from (-3, 4) with several learning rates."""
    fig = new_figure(figsize=(10, 4.4))
    ax_path, ax_dist = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.15]})
    _paths(ax_path)
    rates = ((10.0, "C3"), (0.95, "C2"), (0.1, "C0"), (0.01, "C1"), (1e-10, "C4"))
    for lr, color in rates:
        _, path = gradient_descent(
            function_2, START, lr=lr, step_num=100, return_path=True
        )
        distance = np.linalg.norm(path, axis=1)
        ax_dist.semilogy(distance, color=color, label=f"lr = {lr:g}")
    ax_dist.annotate(
        "x ± h rounds to x:\nthe numerical gradient is 0",
        (40, 2.6e13),
        xytext=(40, 1e8),
        arrowprops={"arrowstyle": "->", "color": INK},
        color=INK,
    )
    ax_dist.set(ylim=(1e-12, 1e16), xlabel="step")
    ax_dist.set_ylabel("distance from the minimum (0, 0)")
    ax_dist.set_title("100 steps: too big diverges, too small stalls")
    ax_dist.legend(loc="lower left", fontsize=10)
    fig.tight_layout()
    return fig


def _paths(ax: Any) -> None:
    """The first 20 steps with three learning rates, on the contour lines."""
    _bowl(ax, 4.5, levels=[1, 4, 9, 16, 25])
    shown = ((0.01, "C1", "s"), (0.1, "C0", "o"), (0.95, "C2", "^"))
    for lr, color, marker in shown:
        _, path = gradient_descent(
            function_2, START, lr=lr, step_num=20, return_path=True
        )
        ax.plot(
            path[:, 0],
            path[:, 1],
            marker=marker,
            ms=4,
            color=color,
            linewidth=1 if lr < 0.5 else 0,
            label=f"lr = {lr}",
        )
        if lr > 0.5:  # jumps across the valley: draw the first few as arcs
            for a, b in itertools.pairwise(path[:6]):
                ax.annotate(
                    "",
                    b,
                    xytext=a,
                    arrowprops={
                        "arrowstyle": "->",
                        "color": color,
                        "connectionstyle": "arc3,rad=0.35",
                        "shrinkA": 3,
                        "shrinkB": 3,
                    },
                )
    _minimum(ax, 4.5, "the first 20 steps from (−3, 4)")
    ax.legend(loc="lower left", fontsize=10)


def training_curves() -> Any:
    """The committed log of training a small network by numerical gradients."""
    log = load_log("ch4_numerical_training")
    fig = new_figure(figsize=(10, 3.8))
    ax_loss, ax_acc = fig.subplots(1, 2)
    iterations = np.arange(1, len(log["loss"]) + 1)
    ax_loss.plot(iterations, log["loss"], color="C0", linewidth=1)
    ax_loss.set(xlabel="iteration", ylabel="mini-batch loss", ylim=(0, None))
    ax_loss.set_title(f"loss of each mini-batch of {log['settings']['batch_size']}")
    size = log["settings"]["eval_size"]
    ax_acc.plot(log["eval_iterations"], log["train_acc"], "o-", label="train")
    ax_acc.plot(log["eval_iterations"], log["test_acc"], "s--", label="test")
    ax_acc.set(ylim=(0, 1), xlabel="iteration", ylabel="accuracy")
    ax_acc.set_title(f"accuracy on {size:,} training and {size:,} test images")
    ax_acc.legend(loc="lower right")
    fig.tight_layout()
    return fig


FIGURES: dict[str, Callable[[], Any]] = {
    "ch4_three_approaches": three_approaches,
    "ch4_cross_entropy": cross_entropy_curve,
    "ch4_loss_vs_accuracy": loss_vs_accuracy,
    "ch4_forward_vs_central": forward_vs_central,
    "ch4_tangent": tangent,
    "ch4_gradient_field": gradient_field,
    "ch4_descent_paths": descent_paths,
    "ch4_training_curves": training_curves,
}
