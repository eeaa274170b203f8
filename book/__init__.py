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
from pathlib import Path
from typing import Any

# "ko": the Korean versions of the figures with words (NAME.ko, issue 15).
CHAPTERS = ("ch2", "ch3", "ch4", "ch5", "performance", "ko")
# The one place that knows the repository's layout.
ROOT = Path(__file__).resolve().parents[1]
DOCS_DIR = ROOT / "docs"
OUTPUT_DIR = DOCS_DIR / "figures"
LOG_DIR = DOCS_DIR / "data"

# The look of every figure; fonts are matplotlib's bundled DejaVu, drawn as paths.
STYLE = {
    "svg.hashsalt": "dlfs",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
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
    """A fresh :class:`~matplotlib.figure.Figure` (no pyplot, no global state)."""
    from matplotlib.figure import Figure

    return Figure(**kwargs)


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
    """Draw the named figures (default: all) and return their SVG bytes."""
    available = figures()
    unknown = sorted(set(names or []) - set(available))
    if unknown:
        raise ValueError(f"unknown figures {unknown}; known: {sorted(available)}")
    result = {}
    for name in names or sorted(available):
        with style():
            fig = available[name]()
        result[name] = render_svg(fig)
    return result
