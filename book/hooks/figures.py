"""MkDocs hook: the book's figures as numbered, captioned, zoomable ``<figure>``.

A page shows a figure with a Markdown image on a line of its own, its
caption as the image title::

    ![What the image shows, for a screen reader](../figures/ch4_tangent.svg "Caption")

This hook numbers the figures of each chapter in reading order (``Figure
4.3``; pages outside a chapter count on their own, ``Figure 1``), and turns
each into::

    <figure class="dlfs-figure" id="figure-ch4_tangent">
      <div class="dlfs-figure__frame"><a class="glightbox" ...><img ...></a></div>
      <figcaption>Figure 4.3: Caption</figcaption>
    </figure>

The ``<img>`` gets the SVG's own width and height (no layout jump while it
loads), ``loading="lazy"`` after the first figure of a page, and a
``min-width`` that keeps its smallest text at ``MIN_TEXT_PX`` CSS pixels or
more.  A figure whose panels sit side by side also has a stacked drawing
(``docs/figures/narrow/``), which a ``<picture>`` shows on narrow screens;
what is still too wide scrolls sideways inside its frame instead of
shrinking its text out of reach.  Clicking it opens the
full-screen viewer of mkdocs-glightbox.

Text refers to a figure with a link to ``fig:NAME``: ``[](fig:ch4_tangent)``
becomes a link reading "Figure 4.3" to wherever the figure first appears.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

# The smallest text a page shows, in CSS px: figures get a min-width that keeps
# their smallest text this size, and so do the notebooks' plots.
MIN_TEXT_PX = 9.0
# The notebooks' plots: 10 pt text at 100 dpi is 13.9 CSS px at full size.
PLOT_TEXT_PX = 10 * 100 / 72
# Below this width a figure with panels side by side shows them stacked
# (docs/figures/narrow/NAME.svg, drawn by ``python -m book``).
NARROW_MEDIA = "(max-width: 759px)"
# A Markdown image of one of the book's figures (its alt text may wrap and hold
# [brackets], as in W2[0, 0]).
_IMAGE = re.compile(
    r"!\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<src>[^)\s]*figures/(?P<name>\w+)\.svg)"
)
_FIGURE_P = re.compile(
    r'<p>\s*(?P<img><img\b[^>]*\bsrc="(?P<src>[^"]*figures/(?P<name>\w+)\.svg)"[^>]*>)'
    r"\s*</p>"
)
_REFERENCE = re.compile(r'<a href="fig:(?P<name>\w+)">(?P<text>.*?)</a>')
_SVG_SIZE = re.compile(r'<svg\b[^>]*\bwidth="(?P<w>[\d.]+)pt" height="(?P<h>[\d.]+)pt"')
_GLYPH_SCALE = re.compile(r"scale\((?P<s>[\d.]+) -(?P=s)\)")
# matplotlib draws a glyph outline at 100 units per point of font size.
_FONT_SCALE = 100.0


@dataclass
class Figure:
    name: str
    label: str  # "4.3"
    page_url: str  # where it first appears


# Filled by on_nav for each build; `mkdocs serve` rebuilds in this process.
_FIGURES: dict[str, Figure] = {}


@dataclass(frozen=True)
class SvgSize:
    width_pt: float
    height_pt: float
    smallest_font_pt: float

    @property
    def width_px(self) -> int:
        return round(self.width_pt * 4 / 3)

    @property
    def height_px(self) -> int:
        return round(self.height_pt * 4 / 3)

    @property
    def min_width_px(self) -> int:
        """The narrowest rendering whose smallest text is still MIN_TEXT_PX."""
        # font px on screen = font pt * 4/3 * shown width / (width pt * 4/3)
        return math.ceil(MIN_TEXT_PX * self.width_pt / self.smallest_font_pt)


def svg_size(svg: str) -> SvgSize:
    """Size of a matplotlib SVG and the size of its smallest text (drawn as paths)."""
    size = _SVG_SIZE.search(svg)
    scales = [float(m.group("s")) for m in _GLYPH_SCALE.finditer(svg)]
    smallest = min(scales) * _FONT_SCALE if scales else 10.0
    return SvgSize(float(size.group("w")), float(size.group("h")), smallest)


def _chapter(src_uri: str) -> str | None:
    match = re.match(r"ch(\d+)/", src_uri)
    return match.group(1) if match else None


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Number every figure in reading order, before any page is rendered."""
    _FIGURES.clear()
    counters: dict[str, int] = {}
    for page in nav.pages:
        if not page.file.src_uri.endswith(".md"):
            continue
        chapter = _chapter(page.file.src_uri)
        key = chapter or page.file.src_uri
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        for match in _IMAGE.finditer(source):
            if match.group("name") in _FIGURES:
                continue
            counters[key] = counters.get(key, 0) + 1
            number = counters[key]
            label = f"{chapter}.{number}" if chapter else str(number)
            _FIGURES[match.group("name")] = Figure(
                match.group("name"), label, page.file.url
            )
    return nav


def _figure_word(page: Any) -> str:
    """ "Figure" in the page's language: the Korean edition lives under ko/."""
    return "그림" if page.file.url.startswith("ko/") else "Figure"


def _drawing(folder: Path, name: str, page: Any) -> Path:
    """The SVG a page shows: a Korean page shows ``NAME.ko.svg`` where there is one."""
    korean = folder / f"{name}.ko.svg"
    if page.file.url.startswith("ko/") and korean.is_file():
        return korean
    return folder / f"{name}.svg"


def _figure_html(match: re.Match[str], page: Any, config: Any, first: bool) -> str:
    name, src = match.group("name"), match.group("src")
    figure = _FIGURES.get(name)
    if figure is None:  # an image on a page outside the nav
        return match.group(0)
    img = match.group("img")
    attributes = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', img))
    caption = attributes.get("title", "")
    alt = attributes.get("alt", "")
    folder = Path(config["docs_dir"]) / "figures"
    size = svg_size(_drawing(folder, name, page).read_text())
    number = f"{_figure_word(page)} {figure.label}"
    lazy = "" if first else ' loading="lazy"'
    described = html.escape(f"{number}: {html.unescape(caption)}", quote=True)
    style = f"--dlfs-min-width: {size.min_width_px}px"
    source = ""
    narrow_svg = _drawing(folder / "narrow", name, page)
    if narrow_svg.is_file():
        narrow = svg_size(narrow_svg.read_text())
        narrow_src = src.replace("figures/", "figures/narrow/", 1)
        style += f"; --dlfs-narrow-min-width: {narrow.min_width_px}px"
        source = (
            f'<source media="{NARROW_MEDIA}" srcset="{narrow_src}" '
            f'width="{narrow.width_px}" height="{narrow.height_px}">'
        )
    return (
        f'<figure class="dlfs-figure" id="figure-{name}">'
        f'<div class="dlfs-figure__frame">'
        f'<a class="glightbox" href="{src}" data-type="image" data-width="auto" '
        f'data-height="auto" data-description="{described}" '
        f'data-desc-position="bottom"><picture>{source}'
        f'<img src="{src}" alt="{alt}" width="{size.width_px}" '
        f'height="{size.height_px}"{lazy} decoding="async" '
        f'style="{style}"></picture></a></div>'
        f'<figcaption><span class="dlfs-figure__number">{number}:</span> '
        f"{caption}</figcaption></figure>"
    )


def _reference(match: re.Match[str], page: Any, shown: set[str]) -> str:
    name = match.group("name")
    figure = _FIGURES.get(name)
    if figure is None:
        raise ValueError(f"{page.file.src_uri}: no figure named {name!r}")
    # The figure on this page if it is shown here, else where it first appears.
    here = "" if name in shown else figure.page_url
    href = (get_relative_url(here, page.file.url) if here else "") + f"#figure-{name}"
    text = match.group("text") or f"{_figure_word(page)} {figure.label}"
    return f'<a class="dlfs-figure-ref" href="{href}">{text}</a>'


def on_page_content(html_text: str, page: Any, config: Any, **kwargs: Any) -> str:
    seen = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return _figure_html(match, page, config, first=seen == 1)

    html_text = _FIGURE_P.sub(replace, html_text)
    shown = set(re.findall(r'<figure class="dlfs-figure" id="figure-(\w+)"', html_text))
    return _REFERENCE.sub(lambda m: _reference(m, page, shown), html_text)
