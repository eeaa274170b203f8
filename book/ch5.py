"""Figures of chapter 5's layers (``docs/ch5/layers.md``): computational graphs.

Each graph's values and derivatives are computed by the layers it
illustrates, and drawn with the graph kit of :mod:`book.diagrams`.  The
figures of the whole network are in :mod:`book.ch5_nets`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from book import new_figure
from book.diagrams import (
    Edge,
    Node,
    box,
    draw_legend,
    graph_figure,
    graph_panel,
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
    fig, ax = graph_figure((9, 4.6), (-1.5, 12.6), (-1.1, 5.7), nodes, edges)
    forward = "forward: values (won, counts, rate)"
    draw_legend(ax, -1.4, 5.4, forward, "backward: ∂(total price) / ∂(this value)")
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
    size, xlim, ylim = (5.0, 2.15), (-0.4, 10.4), (-0.4, 4.2)  # fits a phone
    fig, ax = graph_figure(size, xlim, ylim, nodes, edges, fontsize=11)
    forward = f"forward: values at x = {n(x)}, y = {n(y)}"
    draw_legend(ax, -0.3, 3.9, forward, "backward: ∂z/∂(this value)")
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
        graph_panel(ax, nodes, edges, title=title, xlim=(-0.3, 6.9), ylim=(-0.3, 3.0))
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
    fig, ax = graph_figure(
        (9, 2.9), (-0.4, 13.6), (0.0, 3.85), nodes, edges, fontsize=11
    )
    backward = "backward: ∂L/∂(this value), given ∂L/∂y from the right"
    draw_legend(ax, -0.2, 3.55, "forward: values", backward)
    return fig


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
        limits = {"xlim": (-0.3, 6.3), "ylim": (-0.1, 1.9)}
        graph_panel(ax, nodes, edges, title=f"when {title}", **limits)
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
    # The shapes as Python prints them: (2, 3), and (3,) for the bias.
    shape = {"X": x.shape, "W": layer.W.shape, "B": layer.b.shape, "Y": y.shape}
    shape |= {"dX": dx.shape, "dW": layer.dW.shape, "dB": layer.db.shape}
    s = {name: str(value) for name, value in shape.items()}
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
        ("X", "dot", f"X {s['X']}", rf"${g} \cdot \mathbf{{W}}^T$ {s['dX']}"),
        ("W", "dot", f"W {s['W']}", rf"$\mathbf{{X}}^T \cdot {g}$ {s['dW']}"),
        ("dot", "add", rf"$\mathbf{{X}} \cdot \mathbf{{W}}$ {s['Y']}", rf"${g}$"),
        ("B", "add", f"B {s['B']}", rf"${g}$ summed over axis 0 {s['dB']}"),
        ("add", "Y", f"Y {s['Y']}", rf"${g}$ {s['Y']}"),
    ]
    fig, ax = graph_figure((9, 3.6), (-1.0, 13.0), (-1.3, 4.2), nodes, edges)
    forward = "forward: values and their shapes (batch N = 2)"
    backward = "backward: ∂L/∂(this value), the same shape as the value"
    draw_legend(ax, -0.8, 3.9, forward, backward)
    return fig


def softmax_with_loss_graph() -> Any:
    """Softmax and cross-entropy as two boxes: the backward signal is y - t."""
    from dlfs.layers import SoftmaxWithLoss

    scores = np.array([[0.3, 2.9, 4.0]])  # the book's scores
    label = 2
    layer = SoftmaxWithLoss()
    loss = layer.forward(scores, np.array([label]))
    t = np.eye(3)[label]
    nodes, edges = _softmax_with_loss_edges(
        scores[0], layer.y[0], layer.backward()[0], t
    )
    edges.append(("ce_out", "L", f"$L = {loss:.3f}$", "$1$"))
    fig, ax = graph_figure((9, 3.9), (-1.0, 12.6), (-0.9, 4.3), nodes, edges)
    box(ax, (4.0, 1.4), 0.7, 1.7, "Softmax")
    box(ax, (8.7, 1.4), 0.7, 1.7, "Cross\nEntropy\nError")
    ax.text(
        8.7,
        -0.55,
        f"$t = ({', '.join(f'{v:g}' for v in t)})$",
        ha="center",
        va="center",
        fontsize=10,
    )
    forward = "forward: the book's scores a, probabilities y, loss L"
    draw_legend(ax, -0.8, 4.05, forward, "backward: ∂L/∂(this value)")
    return fig


def _softmax_with_loss_edges(
    scores: np.ndarray, probs: np.ndarray, da: np.ndarray, t: np.ndarray
) -> tuple[dict[str, Node], list[Edge]]:
    """Three rows: each score into Softmax, each probability into the loss."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for i, row in enumerate((2.6, 1.4, 0.2), start=1):
        nodes[f"a{i}"] = (0.6, row, "in", "")
        nodes[f"sm_in{i}"] = (3.3, row, "out", "")
        nodes[f"sm_out{i}"] = (4.7, row, "in", "")
        nodes[f"ce_in{i}"] = (8.0, row, "out", "")
        y, a_grad = probs[i - 1], da[i - 1]
        edges.append(
            (
                f"a{i}",
                f"sm_in{i}",
                f"$a_{i} = {scores[i - 1]:g}$",
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
    return nodes, edges


FIGURES: dict[str, Callable[[], Any]] = {
    "ch5_shopping_graph": shopping_graph,
    "ch5_chain_rule_graph": chain_rule_graph,
    "ch5_add_mul_nodes": add_mul_nodes,
    "ch5_sigmoid_graph": sigmoid_graph,
    "ch5_relu_graph": relu_graph,
    "ch5_affine_graph": affine_graph,
    "ch5_softmax_with_loss_graph": softmax_with_loss_graph,
}
