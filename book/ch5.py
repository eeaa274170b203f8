"""Figures of chapter 5: computational graphs, the gradient check, training curves.

The two graphs are computed by the layers they illustrate; the gradient check
and the training curves draw committed logs (``docs/data/ch5_*.json``) made by
the functions in ``LOGS``:
``python -m book --make-logs ch5_two_layer_net ch5_gradient_check``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from book import INK, load_log, new_figure

FORWARD = "#3a7bd5"  # blue: values flowing forward
BACKWARD = "#e04646"  # red: derivatives flowing backward

# --------------------------------------------------------------------------
# Computational graphs
# --------------------------------------------------------------------------

# A node: (x, y, kind, label).  kind "op" draws a circle with the label in
# it; "in" and "out" are plain labels whose arrows start or end at (x, y),
# with the label left of an input, right of an output; "below" is an input
# whose label sits under its arrow's start.
Node = tuple[float, float, str, str]
# An edge: (from, to, forward label, backward label or None).
Edge = tuple[str, str, str, str | None]

OP_RADIUS = 0.36


def _draw_graph(
    ax: Any,
    nodes: dict[str, Node],
    edges: Sequence[Edge],
    *,
    fontsize: float = 10,
) -> None:
    """Draw nodes, forward arrows (values above) and backward arrows (below)."""
    from matplotlib.patches import Circle, FancyArrowPatch

    for x, y, kind, label in nodes.values():
        if kind == "op":
            ax.add_patch(
                Circle((x, y), OP_RADIUS, facecolor="none", edgecolor=INK, lw=1.5)
            )
            size = fontsize + 5 if len(label) == 1 else fontsize
            ax.text(x, y, label, ha="center", va="center", fontsize=size)
        elif kind == "in":
            ax.text(x - 0.1, y, label, ha="right", va="center", fontsize=fontsize)
        elif kind == "below":
            ax.text(x, y - 0.1, label, ha="center", va="top", fontsize=fontsize)
        else:
            ax.text(x + 0.1, y, label, ha="left", va="center", fontsize=fontsize)

    def arrow(start: np.ndarray, end: np.ndarray, color: str, lw: float) -> None:
        ax.add_patch(
            FancyArrowPatch(
                tuple(start),
                tuple(end),
                arrowstyle="-|>",
                mutation_scale=11,
                color=color,
                lw=lw,
                shrinkA=0,
                shrinkB=0,
            )
        )

    for a, b, forward, backward in edges:
        pa = np.array(nodes[a][:2], dtype=float)
        pb = np.array(nodes[b][:2], dtype=float)
        u = (pb - pa) / np.linalg.norm(pb - pa)
        n = np.array([-u[1], u[0]])  # left of the direction: "above" a rightward arrow
        start = pa + (OP_RADIUS + 0.06) * u * (nodes[a][2] == "op")
        end = pb - (OP_RADIUS + 0.06) * u * (nodes[b][2] == "op")
        gap = 0.07 if backward is not None else 0.0
        arrow(start + gap * n, end + gap * n, FORWARD, 1.6)
        mid = (start + end) / 2
        ha = "center" if abs(n[0]) < 0.3 else ("left" if n[0] > 0 else "right")
        va_up = "center" if abs(n[1]) < 0.3 else ("bottom" if n[1] > 0 else "top")
        va_down = {"bottom": "top", "top": "bottom", "center": "center"}[va_up]
        ha_down = {"left": "right", "right": "left", "center": "center"}[ha]
        above = mid + 0.17 * n
        ax.text(*above, forward, color=FORWARD, ha=ha, va=va_up, fontsize=fontsize)
        if backward is not None:
            arrow(end - gap * n, start - gap * n, BACKWARD, 1.6)
            below = mid - 0.2 * n
            ax.text(
                *below,
                backward,
                color=BACKWARD,
                ha=ha_down,
                va=va_down,
                fontsize=fontsize,
                fontweight="bold",
            )
    ax.set_aspect("equal")
    ax.axis("off")


def _legend(ax: Any, x: float, y: float, forward: str, backward: str) -> None:
    ax.text(x, y, forward, color=FORWARD, fontsize=10, ha="left", va="center")
    ax.text(
        x,
        y - 0.45,
        backward,
        color=BACKWARD,
        fontsize=10,
        ha="left",
        va="center",
        fontweight="bold",
    )


def _number(value: float) -> str:
    """A value as a short label: 110.00000000000001 is drawn as 110."""
    return f"{value:g}"


def shopping_graph() -> Any:
    """Apples and oranges with tax, forward values and backward derivatives."""
    from dlfs.layers import AddLayer, MulLayer

    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    both = add.forward(apple_price, orange_price)
    price = mul_tax.forward(both, tax)
    d_both, d_tax = mul_tax.backward(1)
    d_apple_price, d_orange_price = add.backward(d_both)
    d_apple, d_apple_num = mul_apple.backward(d_apple_price)
    d_orange, d_orange_num = mul_orange.backward(d_orange_price)

    nodes: dict[str, Node] = {
        "apple": (1.2, 4.3, "in", "apple price"),
        "apple_num": (1.2, 2.5, "in", "apples bought"),
        "orange": (1.2, 1.5, "in", "orange price"),
        "orange_num": (1.2, -0.3, "in", "oranges bought"),
        "mul_apple": (3.6, 3.4, "op", "×"),
        "mul_orange": (3.6, 0.6, "op", "×"),
        "add": (6.0, 2.0, "op", "+"),
        "tax": (8.4, -0.2, "below", "tax rate"),
        "mul_tax": (8.4, 2.0, "op", "×"),
        "out": (10.6, 2.0, "out", "total price"),
    }
    n = _number
    edges: list[Edge] = [
        ("apple", "mul_apple", n(apple), n(d_apple)),
        ("apple_num", "mul_apple", n(apple_num), n(d_apple_num)),
        ("orange", "mul_orange", n(orange), n(d_orange)),
        ("orange_num", "mul_orange", n(orange_num), n(d_orange_num)),
        ("mul_apple", "add", n(apple_price), n(d_apple_price)),
        ("mul_orange", "add", n(orange_price), n(d_orange_price)),
        ("add", "mul_tax", n(both), n(d_both)),
        ("tax", "mul_tax", n(tax), n(d_tax)),
        ("mul_tax", "out", n(price), "1"),
    ]
    fig = new_figure(figsize=(9, 4.6))
    ax = fig.add_axes((0, 0, 1, 1))
    _draw_graph(ax, nodes, edges)
    _legend(
        ax,
        -1.4,
        5.4,
        "forward: values (won, counts, rate)",
        "backward: ∂(total price) / ∂(this value)",
    )
    ax.set_xlim(-1.5, 12.6)
    ax.set_ylim(-1.1, 5.7)
    return fig


def chain_rule_graph() -> Any:
    """z = (x + y)² as an add node and a square node, at x = 1, y = 2."""
    from dlfs.layers import AddLayer, MulLayer

    x, y = 1.0, 2.0
    add, square = AddLayer(), MulLayer()  # the square: t on both inputs
    t = add.forward(x, y)
    z = square.forward(t, t)
    dz_dt = sum(square.backward(1.0))  # t is used twice: its derivatives add
    dz_dx, dz_dy = add.backward(dz_dt)

    n = _number
    nodes: dict[str, Node] = {
        "x": (0.8, 2.7, "in", "$x$"),
        "y": (0.8, 0.3, "in", "$y$"),
        "add": (3.6, 1.5, "op", "+"),
        "square": (7.0, 1.5, "op", "**2"),
        "z": (9.8, 1.5, "out", "$z$"),
    }
    edges: list[Edge] = [
        ("x", "add", f"$x = {n(x)}$", rf"$2t \cdot 1 = {n(dz_dx)}$"),
        ("y", "add", f"$y = {n(y)}$", rf"$2t \cdot 1 = {n(dz_dy)}$"),
        ("add", "square", f"$t = {n(t)}$", f"$2t = {n(dz_dt)}$"),
        ("square", "z", f"$z = {n(z)}$", "$1$"),
    ]
    fig = new_figure(figsize=(5.0, 2.15))  # narrow enough for a phone
    ax = fig.add_axes((0, 0, 1, 1))
    _draw_graph(ax, nodes, edges, fontsize=11)
    forward = f"forward: values at x = {n(x)}, y = {n(y)}"
    _legend(ax, -0.3, 3.9, forward, "backward: ∂z/∂(this value)")
    ax.set_xlim(-0.4, 10.4)
    ax.set_ylim(-0.4, 4.2)
    return fig


def add_mul_nodes() -> Any:
    """The book's add and multiply nodes, 10 and 5 in, upstream derivative 1.3."""
    from dlfs.layers import AddLayer, MulLayer

    x, y, upstream = 10.0, 5.0, 1.3
    fig = new_figure(figsize=(9, 2.6))
    axes = fig.subplots(1, 2)
    n = _number
    for ax, layer, symbol, title in zip(
        axes,
        (AddLayer(), MulLayer()),
        ("+", "×"),
        ("add node: z = x + y", "multiply node: z = x × y"),
        strict=True,
    ):
        z = layer.forward(x, y)
        dx, dy = layer.backward(upstream)
        # the local derivatives: 1 and 1 for the add node, y and x for multiply
        local_x, local_y = (1, 1) if symbol == "+" else (y, x)
        nodes: dict[str, Node] = {
            "x": (0.7, 2.3, "in", "$x$"),
            "y": (0.7, 0.1, "in", "$y$"),
            "node": (3.3, 1.2, "op", symbol),
            "z": (6.0, 1.2, "out", "$z$"),
        }
        edges: list[Edge] = [
            ("x", "node", n(x), f"{n(upstream)} × {n(local_x)} = {n(dx)}"),
            ("y", "node", n(y), f"{n(upstream)} × {n(local_y)} = {n(dy)}"),
            ("node", "z", n(z), n(upstream)),
        ]
        _draw_graph(ax, nodes, edges, fontsize=11)
        ax.set_title(title, fontsize=11)
        ax.set_xlim(-0.3, 6.9)
        ax.set_ylim(-0.3, 3.0)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.0, top=0.88, wspace=0.1)
    return fig


def sigmoid_graph() -> Any:
    """The sigmoid as four nodes, with the backward signal after each one."""
    nodes: dict[str, Node] = {
        "x": (0.6, 2.0, "in", "$x$"),
        "neg": (2.8, 2.0, "op", "×"),
        "minus_one": (2.8, 0.5, "below", "$-1$"),
        "exp": (5.4, 2.0, "op", "exp"),
        "plus": (8.0, 2.0, "op", "+"),
        "one": (8.0, 0.5, "below", "$1$"),
        "div": (10.6, 2.0, "op", "/"),
        "y": (12.8, 2.0, "out", "$y$"),
    }
    g = r"\dfrac{\partial L}{\partial y}"
    edges: list[Edge] = [
        ("x", "neg", "$x$", rf"${g}\,y^2 e^{{-x}}$"),
        ("minus_one", "neg", "", None),
        ("neg", "exp", "$-x$", rf"$-{g}\,y^2 e^{{-x}}$"),
        ("exp", "plus", "$e^{-x}$", rf"$-{g}\,y^2$"),
        ("one", "plus", "", None),
        ("plus", "div", "$1 + e^{-x}$", rf"$-{g}\,y^2$"),
        ("div", "y", "$y$", rf"${g}$"),
    ]
    fig = new_figure(figsize=(9, 2.9))
    ax = fig.add_axes((0, 0, 1, 1))
    _draw_graph(ax, nodes, edges, fontsize=11)
    _legend(
        ax,
        -0.2,
        3.55,
        "forward: values",
        "backward: ∂L/∂(this value), given ∂L/∂y from the right",
    )
    ax.set_xlim(-0.4, 13.6)
    ax.set_ylim(0.0, 3.85)
    return fig


def _box(ax: Any, x: float, y: float, half_w: float, half_h: float, label: str) -> None:
    """A node drawn as a labelled box, for layers too big for a circle."""
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle(
            (x - half_w, y - half_h),
            2 * half_w,
            2 * half_h,
            facecolor="none",
            edgecolor=INK,
            lw=1.5,
        )
    )
    ax.text(x, y, label, ha="center", va="center", fontsize=11)


def relu_graph() -> Any:
    """ReLU as one node: the upstream derivative passes where x > 0, else 0."""
    from dlfs.layers import Relu

    fig = new_figure(figsize=(9, 2.2))
    axes = fig.subplots(1, 2)
    g = r"\dfrac{\partial L}{\partial y}"
    for ax, x, title in zip(axes, (2.0, -1.0), ("x > 0", "x ≤ 0"), strict=True):
        layer = Relu()
        y = float(layer.forward(np.array([x]))[0])
        passed = float(layer.backward(np.array([1.0]))[0])  # 1 where x > 0, else 0
        nodes: dict[str, Node] = {
            "x": (0.6, 1.0, "in", "$x$"),
            "relu": (3.0, 1.0, "op", "relu"),
            "y": (5.4, 1.0, "out", "$y$"),
        }
        edges: list[Edge] = [
            ("x", "relu", f"$x = {x:g}$", f"${g}$" if passed else "$0$"),
            ("relu", "y", f"$y = {y:g}$", f"${g}$"),
        ]
        _draw_graph(ax, nodes, edges, fontsize=11)
        ax.set_title(f"when {title}", fontsize=11)
        ax.set_xlim(-0.3, 6.3)
        ax.set_ylim(-0.1, 1.9)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.0, top=0.86, wspace=0.1)
    return fig


def affine_graph() -> Any:
    """The batch Affine layer: X·W + B, with the shapes a real layer produces."""
    from dlfs.layers import Affine

    n, d, k = 2, 2, 3  # the book's example: a batch of 2, 2 inputs, 3 outputs
    layer = Affine(np.ones((d, k)), np.zeros(k))
    x = np.ones((n, d))
    y = layer.forward(x)
    dx = layer.backward(np.ones_like(y))
    shape = {
        "X": x.shape,
        "W": layer.W.shape,
        "B": layer.b.shape,
        "Y": y.shape,
        "dX": dx.shape,
        "dW": layer.dW.shape,
        "dB": layer.db.shape,
    }

    def s(name: str) -> str:
        return (
            "("
            + ", ".join(str(v) for v in shape[name])
            + ("," * (len(shape[name]) == 1))
            + ")"
        )

    g = r"\partial L / \partial \mathbf{Y}"
    nodes: dict[str, Node] = {
        "X": (0.8, 2.6, "in", r"$\mathbf{X}$"),
        "W": (0.8, 0.4, "in", r"$\mathbf{W}$"),
        "dot": (4.0, 1.5, "op", "dot"),
        "B": (7.2, -0.4, "below", r"$\mathbf{B}$"),
        "add": (7.2, 1.5, "op", "+"),
        "Y": (10.6, 1.5, "out", r"$\mathbf{Y}$"),
    }
    edges: list[Edge] = [
        ("X", "dot", f"X {s('X')}", rf"${g} \cdot \mathbf{{W}}^T$ {s('dX')}"),
        ("W", "dot", f"W {s('W')}", rf"$\mathbf{{X}}^T \cdot {g}$ {s('dW')}"),
        ("dot", "add", rf"$\mathbf{{X}} \cdot \mathbf{{W}}$ {s('Y')}", rf"${g}$"),
        ("B", "add", f"B {s('B')}", rf"${g}$ summed over axis 0 {s('dB')}"),
        ("add", "Y", f"Y {s('Y')}", rf"${g}$ {s('Y')}"),
    ]
    fig = new_figure(figsize=(9, 3.6))
    ax = fig.add_axes((0, 0, 1, 1))
    _draw_graph(ax, nodes, edges, fontsize=10)
    _legend(
        ax,
        -0.8,
        3.9,
        "forward: values and their shapes (batch N = 2)",
        "backward: ∂L/∂(this value), the same shape as the value",
    )
    ax.set_xlim(-1.0, 13.0)
    ax.set_ylim(-1.3, 4.2)
    return fig


def softmax_with_loss_graph() -> Any:
    """Softmax and cross-entropy as two boxes: the backward signal is y - t."""
    from dlfs.layers import SoftmaxWithLoss

    scores = np.array([[0.3, 2.9, 4.0]])  # the book's scores
    label = 2
    layer = SoftmaxWithLoss()
    loss = layer.forward(scores, np.array([label]))
    probs = layer.y[0]
    da = layer.backward()[0]
    t = np.eye(3)[label]
    rows = (2.6, 1.4, 0.2)
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for i, row in enumerate(rows, start=1):
        nodes[f"a{i}"] = (0.6, row, "in", "")
        nodes[f"sm_in{i}"] = (3.3, row, "out", "")
        nodes[f"sm_out{i}"] = (4.7, row, "in", "")
        nodes[f"ce_in{i}"] = (8.0, row, "out", "")
        y, a_grad = probs[i - 1], da[i - 1]
        edges.append(
            (
                f"a{i}",
                f"sm_in{i}",
                f"$a_{i} = {scores[0, i - 1]:g}$",
                f"$y_{i} - t_{i} = {a_grad:.3f}$",
            )
        )
        edges.append(
            (
                f"sm_out{i}",
                f"ce_in{i}",
                f"$y_{i} = {y:.3f}$",
                rf"$-t_{i} / y_{i} = {-t[i - 1] / y + 0.0:.3g}$",
            )
        )
    nodes["ce_out"] = (9.4, 1.4, "in", "")
    nodes["L"] = (11.2, 1.4, "out", "")
    edges.append(("ce_out", "L", f"$L = {loss:.3f}$", "$1$"))
    fig = new_figure(figsize=(9, 3.9))
    ax = fig.add_axes((0, 0, 1, 1))
    _draw_graph(ax, nodes, edges, fontsize=10)
    _box(ax, 4.0, 1.4, 0.7, 1.7, "Softmax")
    _box(ax, 8.7, 1.4, 0.7, 1.7, "Cross\nEntropy\nError")
    ax.text(
        8.7,
        -0.55,
        f"$t = ({', '.join(f'{v:g}' for v in t)})$",
        ha="center",
        va="center",
        fontsize=10,
    )
    _legend(
        ax,
        -0.8,
        4.05,
        "forward: the book's scores a, probabilities y, loss L",
        "backward: ∂L/∂(this value)",
    )
    ax.set_xlim(-1.0, 12.6)
    ax.set_ylim(-0.9, 4.3)
    return fig


# --------------------------------------------------------------------------
# Logs: the gradient check and the training run
# --------------------------------------------------------------------------


def gradient_check_log() -> dict[str, Any]:
    """Backprop against numerical gradients, as ch05/gradient_check.py does.

    ``TwoLayerNet(784, 50, 10, seed=0)`` in float64 on the first three MNIST
    training images; per parameter the mean and largest absolute difference.
    """
    from dlfs import __version__
    from dlfs.datasets import load_mnist
    from dlfs.nets import TwoLayerNet

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
    from dlfs import __version__
    from dlfs.datasets import load_mnist
    from dlfs.train import train_like_chapter5

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


# --------------------------------------------------------------------------
# Figures drawn from the logs
# --------------------------------------------------------------------------


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
    loss = np.array(data["loss"])
    iterations = np.arange(1, len(loss) + 1)
    window = 100
    fig = new_figure(figsize=(9.5, 3.6))
    ax_loss, ax_acc = fig.subplots(1, 2)
    # Every iteration's loss as a band: lowest to highest of each block of 10
    # (the same picture as 10,000 points, in a fraction of the file size).
    block = 10
    usable = len(loss) // block * block
    blocks = loss[:usable].reshape(-1, block)
    ax_loss.fill_between(
        iterations[:usable:block] + (block - 1) / 2,
        blocks.min(axis=1),
        blocks.max(axis=1),
        color="#9bbbe6",
        lw=0,
        label="mini-batch loss",
    )
    ax_loss.plot(  # a smooth curve: every 10th point is plenty
        iterations[window - 1 :: block],
        _moving_average(loss, window)[::block],
        color=FORWARD,
        lw=2,
        label=f"mean of last {window}",
    )
    ax_loss.set_xlabel("iteration")
    ax_loss.set_ylabel("loss (cross-entropy)")
    ax_loss.set_ylim(0, 2.5)
    ax_loss.set_xlim(0, len(loss))
    ax_loss.legend(loc="upper right", fontsize=9)

    epochs = np.array(data["eval_iterations"]) / data["iters_per_epoch"]
    ax_acc.plot(epochs, data["train_acc"], "o-", ms=4, color=FORWARD, label="train")
    ax_acc.plot(
        epochs, data["test_acc"], "s--", ms=4, color=BACKWARD, label="test", lw=1.5
    )
    final = data["test_acc"][-1]
    ax_acc.annotate(
        f"test {final:.4f}",
        xy=(epochs[-1], final),
        xytext=(-8, -26),
        textcoords="offset points",
        ha="right",
        color=BACKWARD,
        arrowprops={"arrowstyle": "-", "color": BACKWARD, "lw": 0.8},
    )
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy")
    ax_acc.set_ylim(0.88, 1.0)
    ax_acc.set_xlim(0, np.ceil(epochs[-1]))
    ax_acc.legend(loc="lower right", fontsize=9)
    fig.suptitle(
        "TwoLayerNet 784-50-10 on MNIST: batch 100, SGD lr 0.1, 10,000 iterations",
        fontsize=10,
    )
    fig.tight_layout()
    return fig


FIGURES: dict[str, Callable[[], Any]] = {
    "ch5_shopping_graph": shopping_graph,
    "ch5_chain_rule_graph": chain_rule_graph,
    "ch5_add_mul_nodes": add_mul_nodes,
    "ch5_sigmoid_graph": sigmoid_graph,
    "ch5_relu_graph": relu_graph,
    "ch5_affine_graph": affine_graph,
    "ch5_softmax_with_loss_graph": softmax_with_loss_graph,
    "ch5_gradient_check": gradient_check,
    "ch5_training_curves": training_curves,
}

# Training runs whose committed logs (docs/data/NAME.json) figures draw.
LOGS: dict[str, Callable[[], dict[str, Any]]] = {
    "ch5_gradient_check": gradient_check_log,
    "ch5_two_layer_net": two_layer_net_log,
}
