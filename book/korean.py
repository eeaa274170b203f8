"""Korean versions of the figures whose labels are words (``NAME.ko``).

A Korean figure is the English one, drawn by the same function from the same
data, with its words replaced from the tables of :mod:`book.ko` and set in
Noto Sans CJK KR, with DejaVu Sans as the fallback for what it lacks
(matplotlib's math keeps its DejaVu fonts).  Text is drawn as paths, as for
every figure, so the SVG does not depend on the reader's fonts.

:func:`variants` names them ``NAME.ko``, so ``python -m book`` writes
``docs/figures/NAME.ko.svg`` and the freshness test compares them like the
rest.  mkdocs-static-i18n serves ``figures/NAME.ko.svg`` in place of
``figures/NAME.svg`` on Korean pages, so page sources keep the English path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from book.ko import KEEP, LABELS, translate

FONT = ["Noto Sans CJK KR", "DejaVu Sans"]


def variants(figures: dict[str, Callable[[], Any]]) -> dict[str, Callable[[], Any]]:
    """The Korean figure ``NAME.ko`` of each of ``figures`` that has labels."""
    return {
        f"{name}.ko": _korean(name, draw)
        for name, draw in figures.items()
        if name in LABELS
    }


def _korean(name: str, draw: Callable[[], Any]) -> Callable[[], Any]:
    def draw_korean() -> Any:
        return koreanize(draw(), name)

    draw_korean.__doc__ = f"{name} with Korean labels."
    return draw_korean


def _has_words(text: str) -> bool:
    """Whether a label has words a Korean reader would need translated."""
    text = re.sub(r"\$[^$]*\$", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]+", text)
    return any(word not in KEEP for word in words)


def koreanize(fig: Any, name: str) -> Any:
    """Replace the words of an English figure with Korean, in a CJK font."""
    from matplotlib.text import Text

    missing = []
    for artist in fig.findobj(Text):
        text = artist.get_text()
        korean = translate(text, name)
        if korean is not None:
            artist.set_text(korean)
            artist.set_fontfamily(FONT)
        elif _has_words(text):
            missing.append(text)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            missing += _koreanize_ticks(axis, name)
    if missing:
        raise ValueError(
            f"figure {name}.ko: no Korean for {missing}; add it to book/ko.py"
        )
    return fig


def _koreanize_ticks(axis: Any, name: str) -> list[str]:
    """Translate an axis's tick labels as they are drawn; return those without Korean.

    Tick labels are redrawn from their formatter, so the formatter is wrapped;
    they exist only from here on, so ``findobj`` never saw them.
    """
    from matplotlib.ticker import FuncFormatter

    def korean_or_same(text: str) -> str:
        korean = translate(text, name)
        return text if korean is None else korean

    labels = [t.get_text() for t in axis.get_ticklabels()]
    missing = [
        label
        for label in labels
        if translate(label, name) is None and _has_words(label)
    ]
    if any(translate(label, name) is not None for label in labels):
        english = axis.get_major_formatter()
        axis.set_major_formatter(
            FuncFormatter(lambda x, pos, f=english: korean_or_same(f(x, pos)))
        )
        axis.set_tick_params(labelfontfamily=FONT)
    return missing
