"""Building the book (not part of the installed package): ``python -m book``.

This folder holds what only the book's build needs: the figures, the
training logs behind them, the MkDocs hooks (``book/hooks``) and the
benchmark report (``book.performance``).  ``dlfs`` never imports it.

Each chapter module (``ch2`` ... ``ch5``, and ``performance``) has a
``FIGURES`` dict that maps a figure name to a function returning a
:class:`matplotlib.figure.Figure`; those whose figures draw a training run
(``ch4``, ``ch5``) also have a ``LOGS`` dict of the functions that make it.
:func:`render_svg` writes deterministic SVG (fixed hash salt, text as paths,
no date or creator metadata), so the same code and data always give the same
bytes and a test can tell when a committed figure is stale.

Matplotlib is needed only here (``pip install -e ".[figures]"``).
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

# "ko": the Korean versions of the figures with words (NAME.ko, issue 15).
CHAPTERS = ("ch2", "ch3", "ch4", "ch5", "performance", "ko")
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


# Multi-panel figures are drawn a second time for phones, their panels stacked
# in one column of this width (inches), into docs/figures/narrow/.
NARROW_WIDTH = 4.2
NARROW_PANEL_HEIGHT = 3.6
_narrow: ContextVar[bool] = ContextVar("narrow", default=False)


def _book_figure_class() -> Any:
    from matplotlib.figure import Figure

    class BookFigure(Figure):
        """A Figure that, while drawing for phones, stacks a row of panels."""

        stacked = False

        def subplots(self, nrows: int = 1, ncols: int = 1, **kwargs: Any) -> Any:
            if not _narrow.get() or nrows != 1 or ncols < 2:
                return super().subplots(nrows, ncols, **kwargs)
            self.stacked = True
            grid = dict(kwargs.pop("gridspec_kw", None) or {})
            if "width_ratios" in grid:
                grid["height_ratios"] = grid.pop("width_ratios")
            width, height = self.get_size_inches()
            panel = min(height * NARROW_WIDTH * ncols / width, NARROW_PANEL_HEIGHT)
            self.set_size_inches(NARROW_WIDTH, panel * ncols)
            self.set_layout_engine("constrained")
            return super().subplots(ncols, 1, gridspec_kw=grid or None, **kwargs)

        def subplots_adjust(self, *args: Any, **kwargs: Any) -> None:
            if not self.stacked:
                super().subplots_adjust(*args, **kwargs)

        def suptitle(self, t: str, **kwargs: Any) -> Any:
            if self.stacked:  # a long title wraps to the narrow column
                import textwrap

                t = "\n".join(textwrap.wrap(t, 40))
            return super().suptitle(t, **kwargs)

        def tight_layout(self, *args: Any, **kwargs: Any) -> None:
            if not self.stacked:  # stacked panels keep the constrained layout
                super().tight_layout(*args, **kwargs)

        def legend(self, *args: Any, **kwargs: Any) -> Any:
            if self.stacked and kwargs.get("loc") == "lower center":
                kwargs["loc"] = "outside lower center"
                kwargs["ncol"] = 1
            return super().legend(*args, **kwargs)

    return BookFigure


def new_figure(**kwargs: Any) -> Any:
    """A fresh :class:`~matplotlib.figure.Figure` (no pyplot, no global state)."""
    return _book_figure_class()(**kwargs)


def render_svg(fig: Any) -> bytes:
    """The figure as deterministic SVG bytes."""
    buffer = io.BytesIO()
    with style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def figures() -> dict[str, Callable[[], Any]]:
    """All figures of the book, by name (``chN_what``)."""
    found: dict[str, Callable[[], Any]] = {}
    for chapter in CHAPTERS:
        module = importlib.import_module(f"book.{chapter}")
        found.update(module.FIGURES)
    return found


def logs() -> dict[str, Callable[[], dict[str, Any]]]:
    """Training runs whose logs the figures draw, by name (``chN_what``).

    Each function trains and returns a JSON-ready dict.  They run only on
    request (``python -m book --make-logs``); their output is
    committed in ``docs/data/NAME.json`` so figures never train.
    """
    found: dict[str, Callable[[], dict[str, Any]]] = {}
    for chapter in CHAPTERS:
        module = importlib.import_module(f"book.{chapter}")
        found.update(getattr(module, "LOGS", {}))
    return found


def load_log(name: str) -> dict[str, Any]:
    """A committed training log from ``docs/data/NAME.json``."""
    import json

    return json.loads((LOG_DIR / f"{name}.json").read_text())


def build(names: list[str] | None = None) -> dict[str, bytes]:
    """Draw the named figures (default: all) and return their SVG bytes.

    A figure with a row of panels also comes as ``narrow/NAME``: the same
    drawing with its panels stacked, which pages show on phones.
    """
    available = figures()
    unknown = sorted(set(names or []) - set(available))
    if unknown:
        raise ValueError(f"unknown figures {unknown}; known: {sorted(available)}")
    result = {}
    for name in names or sorted(available):
        with style():
            fig = available[name]()
        result[name] = render_svg(fig)
        token = _narrow.set(True)
        try:
            with style():
                narrow = available[name]()
        finally:
            _narrow.reset(token)
        if narrow.stacked:
            result[f"narrow/{name}"] = render_svg(narrow)
    return result
