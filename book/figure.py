"""The book's Figure, drawn wide and, with its panels stacked, for phones.

Multi-panel figures are drawn a second time for phones, their panels stacked
in one column (``docs/figures/narrow/``).  A figure function does not know
which drawing it makes: inside :func:`for_phones`, :class:`BookFigure` stacks
a row of panels.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from matplotlib.figure import Figure

# The narrow drawing: one column of this width (inches), panels at most this high.
NARROW_WIDTH = 4.2
NARROW_PANEL_HEIGHT = 3.6
_narrow: ContextVar[bool] = ContextVar("narrow", default=False)


class BookFigure(Figure):
    """A Figure that, while drawing for phones, stacks a row of panels."""

    stacked = False
    panel_row = False  # a row of panels: drawn for phones too, stacked

    def subplots(self, nrows: int = 1, ncols: int = 1, **kwargs: Any) -> Any:
        self.panel_row = self.panel_row or (nrows == 1 and ncols >= 2)
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


@contextmanager
def for_phones() -> Iterator[None]:
    """Inside the ``with`` block, figures are drawn for phones."""
    token = _narrow.set(True)
    try:
        yield
    finally:
        _narrow.reset(token)
