"""The diagram kit: drawings of circles, boxes and arrows, for every chapter.

Networks (chapters 2 and 3), the three approaches of chapter 4 and the
computational graphs of chapter 5 are drawn with these, on a :func:`canvas`
whose data units are laid out by hand.  A computational graph is described
as data, :data:`Node` and :data:`Edge`, and drawn by :func:`draw_graph`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from book import INK, new_figure

FORWARD = "#3a7bd5"  # blue: values flowing forward (and what is learned)
BACKWARD = "#e04646"  # red: derivatives flowing backward


def tint(color: str, alpha: float) -> tuple[float, float, float, float]:
    """``color`` made translucent: a light tint on white, a dark one on slate."""
    from matplotlib.colors import to_rgb

    return (*to_rgb(color), alpha)


def canvas(
    figsize: tuple[float, float],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
) -> tuple[Any, Any]:
    """A figure with one blank axes over all of it, showing ``xlim`` × ``ylim``.

    The axes keep one unit as long across as up: a circle stays round.
    """
    fig = new_figure(figsize=figsize)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def node(
    ax: Any,
    center: tuple[float, float],
    radius: float,
    label: str,
    *,
    fontsize: float,
    zorder: float = 1,
    label_zorder: float = 3,
    **look: Any,
) -> None:
    """A circle with ``label`` in it; ``look`` overrides its outline and fill."""
    from matplotlib.patches import Circle

    look = {"facecolor": "none", "edgecolor": INK, "linewidth": 1.5} | look
    ax.add_patch(Circle(center, radius, zorder=zorder, **look))
    x, y = center
    ax.text(
        x, y, label, ha="center", va="center", fontsize=fontsize, zorder=label_zorder
    )


def arrow(
    ax: Any,
    start: Sequence[float],
    end: Sequence[float],
    *,
    color: str = INK,
    lw: float = 1.3,
    size: float = 11,
    shrink: float = 0.0,
    **look: Any,
) -> None:
    """A straight arrow from ``start`` to ``end``; ``size`` scales its head."""
    from matplotlib.patches import FancyArrowPatch

    ax.add_patch(
        FancyArrowPatch(
            tuple(start),
            tuple(end),
            arrowstyle="-|>",
            mutation_scale=size,
            color=color,
            lw=lw,
            shrinkA=shrink,
            shrinkB=shrink,
            **look,
        )
    )


def link(
    ax: Any,
    start: tuple[float, float],
    end: tuple[float, float],
    label: str,
    *,
    radius: float,
    at: float = 0.3,
    **look: Any,
) -> None:
    """An arrow between two circles of ``radius``, labelled beside it at ``at``."""
    a, b = np.array(start, dtype=float), np.array(end, dtype=float)
    unit = (b - a) / np.linalg.norm(b - a)
    tail, head = a + unit * radius, b - unit * (radius + 0.05)
    look = {"color": INK, "lw": 1.3} | look
    arrow(ax, tail, head, size=16, shrink=2.0, **look)
    # Beside the arrow, not on it: no opaque box, so it reads in both schemes.
    x, y = tail + at * (head - tail) + 0.28 * np.array([-unit[1], unit[0]])
    ax.text(
        x,
        y,
        label,
        ha="center",
        va="center",
        fontsize=11,
        color=look["color"],
        zorder=4,
    )


def box(
    ax: Any, center: tuple[float, float], half_w: float, half_h: float, label: str
) -> None:
    """A labelled rectangle: a node too big for a circle."""
    from matplotlib.patches import Rectangle

    x, y = center
    corner = (x - half_w, y - half_h)
    edges = {"facecolor": "none", "edgecolor": INK, "lw": 1.5}
    ax.add_patch(Rectangle(corner, 2 * half_w, 2 * half_h, **edges))
    ax.text(x, y, label, ha="center", va="center", fontsize=11)


def tinted_box(
    ax: Any, corner: tuple[float, float], width: float, height: float, color: str
) -> None:
    """A rounded box filled with a tint of ``color`` and outlined in it."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            corner,
            width,
            height,
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=tint(color, 0.2),
            edgecolor=color,
            lw=1.5,
        )
    )


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


def draw_graph(
    ax: Any, nodes: dict[str, Node], edges: Sequence[Edge], *, fontsize: float = 10
) -> None:
    """Draw nodes, forward arrows (values above) and backward arrows (below)."""
    for x, y, kind, label in nodes.values():
        if kind == "op":
            size = fontsize + 5 if len(label) == 1 else fontsize
            node(ax, (x, y), OP_RADIUS, label, fontsize=size)
        elif kind == "in":
            ax.text(x - 0.1, y, label, ha="right", va="center", fontsize=fontsize)
        elif kind == "below":
            ax.text(x, y - 0.1, label, ha="center", va="top", fontsize=fontsize)
        else:
            ax.text(x + 0.1, y, label, ha="left", va="center", fontsize=fontsize)
    for a, b, forward, backward in edges:
        _draw_edge(ax, nodes[a], nodes[b], forward, backward, fontsize)
    ax.set_aspect("equal")
    ax.axis("off")


def _draw_edge(
    ax: Any, a: Node, b: Node, forward: str, backward: str | None, fontsize: float
) -> None:
    """The forward arrow with its value, and the backward one with its derivative."""
    pa, pb = np.array(a[:2], dtype=float), np.array(b[:2], dtype=float)
    u = (pb - pa) / np.linalg.norm(pb - pa)
    n = np.array([-u[1], u[0]])  # left of the direction: "above" a rightward arrow
    start = pa + (OP_RADIUS + 0.06) * u * (a[2] == "op")
    end = pb - (OP_RADIUS + 0.06) * u * (b[2] == "op")
    gap = 0.07 if backward is not None else 0.0
    arrow(ax, start + gap * n, end + gap * n, color=FORWARD, lw=1.6)
    mid = (start + end) / 2
    ha = "center" if abs(n[0]) < 0.3 else ("left" if n[0] > 0 else "right")
    va_up = "center" if abs(n[1]) < 0.3 else ("bottom" if n[1] > 0 else "top")
    va_down = {"bottom": "top", "top": "bottom", "center": "center"}[va_up]
    ha_down = {"left": "right", "right": "left", "center": "center"}[ha]
    above = mid + 0.17 * n
    ax.text(*above, forward, color=FORWARD, ha=ha, va=va_up, fontsize=fontsize)
    if backward is not None:
        arrow(ax, end - gap * n, start - gap * n, color=BACKWARD, lw=1.6)
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


def draw_legend(ax: Any, x: float, y: float, forward: str, backward: str) -> None:
    """What the forward (blue) and backward (red, bold) labels mean, at (x, y)."""
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


def graph_figure(
    figsize: tuple[float, float],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    nodes: dict[str, Node],
    edges: Sequence[Edge],
    *,
    fontsize: float = 10,
) -> tuple[Any, Any]:
    """A :func:`canvas` with one graph drawn on it: the figure and its axes."""
    fig, ax = canvas(figsize, xlim, ylim)
    draw_graph(ax, nodes, edges, fontsize=fontsize)
    return fig, ax


def graph_panel(
    ax: Any,
    nodes: dict[str, Node],
    edges: Sequence[Edge],
    *,
    title: str,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
) -> None:
    """One graph in a panel of a row, under a title."""
    draw_graph(ax, nodes, edges, fontsize=11)
    ax.set_title(title, fontsize=11)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
