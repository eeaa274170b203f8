"""Figures of chapter 2: what one perceptron can draw, and what two layers can.

Every region, line and point colour is computed with :mod:`dlfs.perceptron`:
the shaded regions are where :func:`~dlfs.perceptron.perceptron` fires on a
fine grid of real-valued inputs, and the points are the gates' outputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from book import INK, new_figure
from book.diagrams import canvas, link, node, tint
from dlfs.perceptron import (
    AND,
    AND_PARAMS,
    NAND,
    NAND_PARAMS,
    OR,
    OR_PARAMS,
    XOR,
    perceptron,
)

# The four input pairs in the book's order, and the plotting window around them.
PAIRS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]])
LIMITS = (-0.5, 1.5)

FIRE = "#ee6a10"  # output 1: orange triangles, orange shading
SILENT = "#4a82cf"  # output 0: blue circles
LINE = INK
WRONG = "#e0303a"


def _minus(value: float) -> str:
    """A number as text with a typographic minus sign."""
    return f"{value:g}".replace("-", "\u2212")


def _grid(steps: int = 101) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A fine grid over the window: its two coordinate arrays and its rows."""
    axis = np.linspace(*LIMITS, steps)
    x1, x2 = np.meshgrid(axis, axis)
    return x1, x2, np.stack([x1.ravel(), x2.ravel()], axis=-1)


def _shade(ax: Any, fires: Callable[[np.ndarray], np.ndarray]) -> None:
    """Shade the part of the window where ``fires`` outputs 1."""
    x1, x2, rows = _grid()
    y = fires(rows).reshape(x1.shape)
    ax.contourf(x1, x2, y, levels=[0.5, 1.5], colors=[FIRE], alpha=0.18)


def _boundary(ax: Any, w: np.ndarray, b: float, **kwargs: Any) -> None:
    """Draw the line ``w1 x1 + w2 x2 + b = 0`` across the window."""
    x1 = np.array(LIMITS)
    ax.plot(x1, -(w[0] * x1 + b) / w[1], **kwargs)


def _points(ax: Any, y: np.ndarray) -> None:
    """The four input pairs: orange triangles where y = 1, blue circles where 0."""
    for value, marker, colour in ((0, "o", SILENT), (1, "^", FIRE)):
        chosen = PAIRS[y == value]
        ax.scatter(
            chosen[:, 0],
            chosen[:, 1],
            s=110,
            marker=marker,
            color=colour,
            edgecolors=INK,
            linewidths=0.8,
            zorder=3,
        )


def _square(ax: Any) -> None:
    """The common look of the input-plane panels."""
    ax.set_xlim(*LIMITS)
    ax.set_ylim(*LIMITS)
    ax.set_aspect("equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


def _legend_handles(extra: list[tuple[Any, str]]) -> tuple[list[Any], list[str]]:
    """Legend entries for the point markers, the shading and ``extra`` lines."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def marker(shape: str, colour: str) -> Line2D:
        return Line2D(
            [],
            [],
            linestyle="none",
            marker=shape,
            markersize=10,
            markerfacecolor=colour,
            markeredgecolor=INK,
            markeredgewidth=0.8,
        )

    handles = [marker("^", FIRE), marker("o", SILENT), Patch(color=FIRE, alpha=0.18)]
    labels = ["output 1", "output 0", "region where the perceptron fires"]
    for handle, label in extra:
        handles.append(handle)
        labels.append(label)
    return handles, labels


def gates() -> Any:
    """AND, NAND and OR: one line each splits the four inputs correctly."""
    from matplotlib.lines import Line2D

    fig = new_figure(figsize=(10, 4.1))
    axes = fig.subplots(1, 3, sharey=True)
    panels = [
        ("AND", AND, AND_PARAMS),
        ("NAND", NAND, NAND_PARAMS),
        ("OR", OR, OR_PARAMS),
    ]
    for ax, (name, gate, (w, b)) in zip(axes, panels, strict=True):
        _shade(ax, lambda x, w=w, b=b: perceptron(x, w, b))
        _boundary(ax, w, b, color=LINE, linestyle="--", linewidth=1.5)
        _points(ax, gate(PAIRS))
        _square(ax)
        ax.set_title(
            f"{name}\nw = ({_minus(w[0])}, {_minus(w[1])}), b = {_minus(b)}",
            fontsize=11,
        )
    for ax in axes[1:]:
        ax.set_ylabel("")
    line = Line2D([], [], color=LINE, linestyle="--", linewidth=1.5)
    handles, labels = _legend_handles([(line, "$w_1 x_1 + w_2 x_2 + b = 0$")])
    fig.legend(handles, labels, loc="lower center", ncol=4, frameon=False)
    fig.subplots_adjust(bottom=0.2, wspace=0.12)
    return fig


def _two_layer(x: np.ndarray) -> np.ndarray:
    """XOR's two-layer perceptron on real-valued input rows (the gates take 0/1)."""
    s = np.stack([perceptron(x, *NAND_PARAMS), perceptron(x, *OR_PARAMS)], axis=-1)
    return perceptron(s, *AND_PARAMS)


def xor() -> Any:
    """XOR: a single line gets at most three of four right; two layers get all."""
    from matplotlib.lines import Line2D

    fig = new_figure(figsize=(8.6, 4.6))
    left, right = fig.subplots(1, 2, sharey=True)
    target = XOR(PAIRS)

    # Left: the best one line can do, here OR's line, misses (1, 1).
    w, b = OR_PARAMS
    _shade(left, lambda x: perceptron(x, w, b))
    _boundary(left, w, b, color=LINE, linestyle="--", linewidth=1.5)
    _points(left, target)
    wrong = PAIRS[perceptron(PAIRS, w, b) != target]
    left.scatter(
        wrong[:, 0],
        wrong[:, 1],
        s=520,
        facecolors="none",
        edgecolors=WRONG,
        linewidths=2,
        zorder=4,
    )
    for x1, x2 in wrong:
        left.annotate(
            "wrong side",
            (x1, x2),
            xytext=(x1 - 0.2, x2 + 0.3),
            color=WRONG,
            ha="right",
            fontsize=10,
            arrowprops={"arrowstyle": "->", "color": WRONG, "linewidth": 1.2},
        )
    _square(left)
    left.set_title("XOR with one line (OR's)\nno line gets all four right", fontsize=11)

    # Right: the two-layer perceptron fires in the band between two lines.
    _shade(right, _two_layer)
    _boundary(right, *NAND_PARAMS, color=SILENT, linestyle="--", linewidth=1.5)
    _boundary(right, *OR_PARAMS, color=FIRE, linestyle="--", linewidth=1.5)
    _points(right, target)
    _square(right)
    right.set_ylabel("")
    right.set_title(
        "XOR as AND(NAND, OR)\ntwo layers: a band between two lines", fontsize=11
    )

    handles, labels = _legend_handles(
        [
            (Line2D([], [], color=LINE, linestyle="--"), "OR's line (left)"),
            (Line2D([], [], color=SILENT, linestyle="--"), "NAND's line (right)"),
            (Line2D([], [], color=FIRE, linestyle="--"), "OR's line (right)"),
        ]
    )
    fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False)
    fig.subplots_adjust(bottom=0.24, wspace=0.1)
    return fig


RADIUS = 0.55  # of the circles of a network diagram


def _node(ax: Any, xy: tuple[float, float], label: str, **look: Any) -> None:
    """A neuron: a circle of :data:`RADIUS` with a large label."""
    node(ax, xy, RADIUS, label, fontsize=15, zorder=2, **look)


def _arrow(ax: Any, start: Any, end: Any, label: str, **kwargs: Any) -> None:
    """A weighted connection between two neurons, its weight beside it."""
    link(ax, start, end, label, radius=RADIUS, **kwargs)


def perceptron_diagram() -> Any:
    """One perceptron: two inputs, two weights, a bias and one output."""
    fig, ax = canvas((5.6, 3.8), (0, 7.0), (0, 4.8))
    one, x1, x2, y = (1.0, 4.15), (1.0, 2.5), (1.0, 0.85), (5.6, 2.5)
    _node(ax, x1, "$x_1$")
    _node(ax, x2, "$x_2$")
    _node(ax, one, "$1$", linestyle="--")
    _node(ax, y, "$y$")
    _arrow(ax, x1, y, "$w_1$", at=0.4)
    _arrow(ax, x2, y, "$w_2$", at=0.4)
    _arrow(ax, one, y, "$b$", at=0.4, linestyle="--")
    ax.text(
        y[0],
        y[1] - 1.0,
        "fires (1) when\n$w_1 x_1 + w_2 x_2 + b > 0$",
        ha="center",
        va="top",
        fontsize=10,
    )
    return fig


def xor_network() -> Any:
    """XOR's two-layer perceptron: NAND and OR feed an AND."""
    fig, ax = canvas((8.4, 4.6), (0, 11.0), (0, 6.0))
    x1, x2 = (1.0, 4.4), (1.0, 1.6)
    s1, s2 = (5.5, 4.4), (5.5, 1.6)
    y = (10.0, 3.0)
    _node(ax, x1, "$x_1$")
    _node(ax, x2, "$x_2$")
    _node(ax, s1, "$s_1$", facecolor=tint(SILENT, 0.25))
    _node(ax, s2, "$s_2$", facecolor=tint(FIRE, 0.25))
    _node(ax, y, "$y$", facecolor=tint(INK, 0.25))
    for target, (w, b), name in ((s1, NAND_PARAMS, "NAND"), (s2, OR_PARAMS, "OR")):
        _arrow(ax, x1, target, _minus(w[0]), at=0.22)
        _arrow(ax, x2, target, _minus(w[1]), at=0.22)
        above = target[1] > 3
        ax.text(
            target[0],
            target[1] + (1.0 if above else -1.0),
            f"{name}, b = {_minus(b)}",
            ha="center",
            va="center",
            fontsize=11,
        )
    w, b = AND_PARAMS
    _arrow(ax, s1, y, _minus(w[0]), at=0.4)
    _arrow(ax, s2, y, _minus(w[1]), at=0.4)
    ax.text(y[0], y[1] + 1.0, f"AND, b = {_minus(b)}", ha="center", fontsize=11)
    layers = ((1.0, "layer 0\ninputs"), (5.5, "layer 1"), (10.0, "layer 2\noutput"))
    for x, text in layers:
        ax.text(x, 0.1, text, ha="center", va="bottom", fontsize=10)
    return fig


FIGURES: dict[str, Callable[[], Any]] = {
    "ch2_perceptron": perceptron_diagram,
    "ch2_gates": gates,
    "ch2_xor": xor,
    "ch2_xor_network": xor_network,
}
