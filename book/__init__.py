"""Building the book (not part of the installed package): ``python -m book``.

This folder holds what only the book's build needs; ``dlfs`` never imports it.

- this file: the repository's layout, the figures' look (:data:`STYLE`) and
  the lists of figures and training logs;
- ``figure``: :class:`~book.figure.BookFigure`, which stacks its panels
  when drawn for phones;
- ``diagrams``: the one kit for drawings of circles, boxes and arrows
  (networks, computational graphs);
- ``ch2`` ... ``ch5`` (and ``ch5_nets``) and ``performance``: the figures,
  each module a ``FIGURES`` dict that maps a figure name (``chN_what``) to a
  function returning a :class:`matplotlib.figure.Figure`;
- ``runs``: the slow training runs whose committed logs
  (``docs/data/NAME.json``) the figures draw;
- ``ko``: the Korean labels; ``korean``: the Korean figures (``NAME.ko``);
- ``hooks`` and ``macros``: the MkDocs build.

:func:`build` draws figures as deterministic SVG (fixed hash salt, text as
paths, no date or creator metadata), so the same code and data always give
the same bytes and a test can tell when a committed figure is stale.

Matplotlib is needed only to draw (``pip install -e ".[figures]"``): this
file imports neither it nor the figure modules until asked to draw, so the
MkDocs hooks and macros import ``book`` for :data:`STYLE` and the layout
cheaply.
"""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# The modules whose FIGURES make the book's (English) figures: one a chapter,
# or one a page where a chapter's figures would not fit in one module.
FIGURE_MODULES = ("ch2", "ch3", "ch4", "ch5", "ch5_nets", "performance")
# The one place that knows the repository's layout.
ROOT = Path(__file__).resolve().parents[1]
DOCS_DIR = ROOT / "docs"
OUTPUT_DIR = DOCS_DIR / "figures"
LOG_DIR = DOCS_DIR / "data"

# Text, axes and outlines in one mid grey that reads on the light page (white)
# and on the dark one (slate, #1e2129); backgrounds are transparent, so a
# figure takes the page's colour in either scheme.
INK = "#808080"
# Pages show figures no smaller than this share of their drawn size: at the
# smallest font of a figure (8 pt = 10.7 CSS px) that keeps text >= 9 CSS px.
MIN_SCALE = 0.85

# The look of every figure; fonts are matplotlib's bundled DejaVu, drawn as paths.
STYLE = {
    "svg.hashsalt": "dlfs",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": INK,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "legend.framealpha": 0.0,
    "legend.edgecolor": INK,
    "patch.edgecolor": INK,
    "hatch.color": INK,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
    "lines.linewidth": 2,
}


@contextmanager
def style() -> Iterator[None]:
    """Apply the book's matplotlib style inside the ``with`` block."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def new_figure(**kwargs: Any) -> Any:
    """A fresh :class:`~book.figure.BookFigure` (no pyplot, no global state)."""
    from book.figure import BookFigure  # matplotlib loads with the first figure

    return BookFigure(**kwargs)


def figures() -> dict[str, Callable[[], Any]]:
    """All figures of the book by name: ``chN_what``, and ``chN_what.ko`` in Korean."""
    from book.korean import variants

    english: dict[str, Callable[[], Any]] = {}
    for module in FIGURE_MODULES:
        english.update(importlib.import_module(f"book.{module}").FIGURES)
    return english | variants(english)


def logs() -> dict[str, Callable[[], dict[str, Any]]]:
    """Training runs whose logs the figures draw, by name (``chN_what``).

    Each function trains and returns a JSON-ready dict.  They run only on
    request (``python -m book --make-logs``); their output is
    committed in ``docs/data/NAME.json`` so figures never train.
    """
    from book.runs import LOGS

    return dict(LOGS)


def load_log(name: str) -> dict[str, Any]:
    """A committed training log from ``docs/data/NAME.json``."""
    return json.loads((LOG_DIR / f"{name}.json").read_text())


def render_svg(fig: Any) -> bytes:
    """The figure as deterministic SVG bytes."""
    buffer = io.BytesIO()
    with style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def build(names: list[str] | None = None) -> dict[str, bytes]:
    """Draw the named figures (default: all) and return their SVG bytes.

    A figure with a row of panels also comes as ``narrow/NAME``: the same
    drawing with its panels stacked, which pages show on phones.  (Only such
    a figure is drawn a second time.)
    """
    from book.figure import for_phones

    available = figures()
    unknown = sorted(set(names or []) - set(available))
    if unknown:
        raise ValueError(f"unknown figures {unknown}; known: {sorted(available)}")
    result = {}
    for name in names or sorted(available):
        with style():
            fig = available[name]()
        result[name] = render_svg(fig)
        if not fig.panel_row:
            continue
        with style(), for_phones():
            narrow = available[name]()
        if narrow.stacked:
            result[f"narrow/{name}"] = render_svg(narrow)
    return result
