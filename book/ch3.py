"""Figures of chapter 3: activation functions, softmax, the 2-3-2-2 network, MNIST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from book import INK, new_figure
from book.diagrams import canvas, node
from dlfs.activations import leaky_relu, relu, sigmoid, softmax, step_function
from dlfs.datasets import load_mnist
from dlfs.network import init_network, predict
from dlfs.weights import load_weights

# The leaky ReLU slope drawn in the figure: large enough to be seen.
LEAKY_ALPHA = 0.1
# A translucent grey: a light tint on the white page, a dark one on slate.
BIAS_FILL = (0.5, 0.5, 0.5, 0.25)


def activations() -> Any:
    """Step and sigmoid side by side, then ReLU and leaky ReLU."""
    fig = new_figure(figsize=(9, 3.4), layout="constrained")
    left, right = fig.subplots(1, 2)

    x = np.linspace(-6, 6, 1201)
    left.plot(x, step_function(x), "--", label="step function", color="C1")
    left.plot(x, sigmoid(x), label="sigmoid", color="C0")
    left.set_ylim(-0.1, 1.1)
    left.set_xlabel("x")
    left.set_ylabel("h(x)")
    left.set_title("Step and sigmoid: outputs between 0 and 1")
    left.legend(loc="upper left")

    x = np.linspace(-4, 4, 801)
    right.plot(x, relu(x), label="ReLU", color="C2")
    right.plot(
        x,
        leaky_relu(x, alpha=LEAKY_ALPHA),
        "--",
        label=f"leaky ReLU (alpha = {LEAKY_ALPHA})",
        color="C3",
    )
    right.set_ylim(-1, 4.2)
    right.set_xlabel("x")
    right.set_ylabel("h(x)")
    right.set_title("ReLU and leaky ReLU: unbounded above")
    right.legend(loc="upper left")
    return fig


def softmax_bars() -> Any:
    """The scores [0.3, 2.9, 4.0] and the probabilities softmax makes of them."""
    scores = np.array([0.3, 2.9, 4.0])
    probabilities = softmax(scores)
    fig = new_figure(figsize=(8, 3), layout="constrained")
    left, right = fig.subplots(1, 2)
    classes = [f"class {k}" for k in range(len(scores))]
    for ax, values, color, title in (
        (left, scores, "C7", "Scores a (the output layer's input)"),
        (right, probabilities, "C0", "softmax(a): positive, sum to 1"),
    ):
        bars = ax.bar(classes, values, color=color, width=0.6)
        ax.bar_label(bars, labels=[f"{v:.4g}" for v in values], padding=2)
        ax.set_title(title)
        ax.set_ylim(0, max(values) * 1.18)
        ax.grid(axis="x", visible=False)
    right.set_ylabel("probability")
    left.set_ylabel("score")
    return fig


def network_diagram() -> Any:
    """The book's 2-3-2-2 network, its weights into one neuron, and its signals."""
    network = init_network()
    x = np.array([1.0, 0.5])
    # The signal of every neuron for this input, computed layer by layer.
    z1 = sigmoid(x @ network["W1"] + network["b1"])
    z2 = sigmoid(z1 @ network["W2"] + network["b2"])
    y = z2 @ network["W3"] + network["b3"]
    values = [x, z1, z2, y]

    fig, ax = canvas((9, 5.2), (-0.9, 8.9), (-2.55, 3.1))
    for layer in range(len(values)):
        _draw_layer(ax, layer, values)
    _weight_labels(ax, network, [len(v) for v in values])
    ax.text(
        8.8,
        3.05,
        "red: each neuron's signal for x = (1.0, 0.5)",
        ha="right",
        va="top",
        fontsize=11,
        color="C3",
    )
    return fig


# The network diagram's layout: layers DX apart, neurons DY apart, each
# layer's bias neuron at height BIAS_Y, circles of radius R.
DX, DY, BIAS_Y, R = 2.6, 1.25, 2.5, 0.32
NEURON_NAMES = ["x", "z^{(1)}", "z^{(2)}", "y"]
LAYER_TITLES = ["layer 0 (input)", "layer 1", "layer 2", "layer 3 (output)"]
LAYER_ACTIVATIONS = ["", "sigmoid", "sigmoid", "identity"]


def _position(sizes: list[int], layer: int, i: int) -> tuple[float, float]:
    """Where neuron ``i`` of ``layer`` is: the layers are centred vertically."""
    return layer * DX, ((sizes[layer] - 1) / 2 - i) * DY


def _edge(ax: Any, start: Any, end: Any, *, strong: bool) -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": "C0" if strong else INK,
            "lw": 2 if strong else 1,
            "shrinkA": R * 72 * 0.9,
            "shrinkB": R * 72 * 0.9,
            "mutation_scale": 12,
        },
        zorder=3 if strong else 1,
    )


def _draw_layer(ax: Any, layer: int, values: list[np.ndarray]) -> None:
    """A layer's neurons, their signals, the arrows into them and its bias."""
    sizes = [len(v) for v in values]
    targets = [_position(sizes, layer, i) for i in range(sizes[layer])]
    if layer > 0:
        sources = [_position(sizes, layer - 1, j) for j in range(sizes[layer - 1])]
        bias = ((layer - 1) * DX, BIAS_Y)
        for i, end in enumerate(targets):
            strong = layer == 1 and i == 0
            for start in sources:
                _edge(ax, start, end, strong=strong)
            _edge(ax, bias, end, strong=strong)
    if layer < 3:
        _neuron(ax, (layer * DX, BIAS_Y), "1", facecolor=BIAS_FILL)
    for i, center in enumerate(targets):
        _neuron(ax, center, f"${NEURON_NAMES[layer]}_{i + 1}$")
        ax.text(
            center[0],
            center[1] - R - 0.08,
            f"{values[layer][i]:.4f}",
            ha="center",
            va="top",
            fontsize=11,
            color="C3",
            zorder=5,
        )
    activation = LAYER_ACTIVATIONS[layer]
    label = LAYER_TITLES[layer] + (f"\n{activation}" if activation else "")
    ax.text(layer * DX, -2.05, label, ha="center", va="top", fontsize=12)


def _neuron(ax: Any, center: tuple[float, float], label: str, **look: Any) -> None:
    node(ax, center, R, label, fontsize=14, zorder=4, label_zorder=5, **look)


def _weight_labels(ax: Any, network: dict[str, np.ndarray], sizes: list[int]) -> None:
    """The weights into the first neuron of layer 1, in the book's notation."""
    w1, b1 = network["W1"], network["b1"]
    target = np.array(_position(sizes, 1, 0))
    labels = [  # edge start, how far along the edge, label
        (_position(sizes, 0, 0), 0.5, f"$w^{{(1)}}_{{11}} = {w1[0, 0]:g}$"),
        (_position(sizes, 0, 1), 0.33, f"$w^{{(1)}}_{{12}} = {w1[1, 0]:g}$"),
        ((0.0, BIAS_Y), 0.45, f"$b^{{(1)}}_{{1}} = {b1[0]:g}$"),
    ]
    for start, along, text in labels:
        # Just above the edge, turned to run along it.
        dx, dy = target - start
        normal = np.array([-dy, dx]) / np.hypot(dx, dy)
        ax.text(
            *((1 - along) * np.array(start) + along * target + 0.2 * normal),
            text,
            ha="center",
            va="center",
            rotation=np.degrees(np.arctan2(dy, dx)),
            rotation_mode="anchor",
            fontsize=12,
            color="C0",
            zorder=6,
        )


def _ink_map() -> Any:
    """Ink on a transparent page: pixel value 1 is solid grey, 0 is see-through."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("ink", [(0.5, 0.5, 0.5, 0), INK])


def _digit_grid(images, titles, *, rows: int, cols: int, width: float = 1.25) -> Any:
    fig = new_figure(figsize=(width * cols, (width + 0.3) * rows), layout="constrained")
    axes = fig.subplots(rows, cols)
    for k, ax in enumerate(axes.flat):
        ax.imshow(
            images[k].reshape(28, 28),
            cmap=_ink_map(),
            vmin=0,
            vmax=1,
            interpolation="nearest",
        )
        ax.set_title(titles[k], fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(INK)
    return fig


def mnist_digits() -> Any:
    """The first 25 training images with their labels."""
    (x_train, t_train), _ = load_mnist()
    titles = [f"label {int(t)}" for t in t_train[:25]]
    return _digit_grid(x_train[:25], titles, rows=5, cols=5, width=1.1)


def misclassified() -> Any:
    """The first 12 test images that the shipped weights get wrong."""
    _, (x_test, t_test) = load_mnist()
    y = predict(load_weights(), x_test)
    wrong = np.flatnonzero(np.argmax(y, axis=1) != t_test)[:12]
    titles = [
        f"#{i}: predicted {int(np.argmax(y[i]))}\n"
        f"true {int(t_test[i])}, p = {float(np.max(y[i])):.2f}"
        for i in wrong
    ]
    fig = _digit_grid(x_test[wrong], titles, rows=2, cols=6, width=1.45)
    fig.suptitle("The first 12 test images the network gets wrong")
    return fig


FIGURES: dict[str, Callable[[], Any]] = {
    "ch3_activations": activations,
    "ch3_softmax": softmax_bars,
    "ch3_network": network_diagram,
    "ch3_mnist_digits": mnist_digits,
    "ch3_misclassified": misclassified,
}
