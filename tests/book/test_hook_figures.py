"""book/hooks/figures.py: sizes read from the SVGs, and the <figure> it writes."""

from __future__ import annotations

import re
import sys

import pytest
from pages import ROOT

sys.path.insert(0, str(ROOT))

from book.hooks.figures import MIN_TEXT_PX, svg_size

SVGS = sorted((ROOT / "docs" / "figures").glob("*.svg"))
EVERY_SVG = sorted((ROOT / "docs" / "figures").glob("**/*.svg"))  # and narrow/

# The page grounds a figure is drawn on (relative luminance, 0-255): white,
# and Material's slate as Chromium draws it, as tests/chromium.py's
# assert_figure_pixels measures them.
LIGHT_GROUND, DARK_GROUND = 255, 33
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.stem)
def test_every_figure_has_text_no_smaller_than_9_pt(svg):
    size = svg_size(svg.read_text())
    assert size.smallest_font_pt >= 9
    assert 0 < size.min_width_px <= size.width_px


@pytest.mark.parametrize("svg", EVERY_SVG, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_figure_reads_on_both_grounds(svg):
    """The colours of every drawing, in both editions and stacked for phones:
    a transparent ground (nothing near white: a slab on the dark page), no
    black ink, and ink (the book's grey) that differs from both page grounds
    by more than 60.  The browser checks the pixels of one figure a page in
    each scheme, and the CSS around them."""
    shades = [luminance(c) for c in set(HEX_COLOUR.findall(svg.read_text()))]
    assert shades and max(shades) <= 250, "a white slab on the dark page"
    assert min(shades) > 0, "black ink, invisible on the dark page"
    ink = [y for y in shades if y - DARK_GROUND > 60 and LIGHT_GROUND - y > 60]
    assert ink, "no ink that shows on both grounds"


def test_min_width_keeps_the_smallest_text_at_9_css_px():
    svg = (
        '<svg width="720pt" height="300pt" viewBox="0 0 720 300">'
        '<g transform="translate(1 2) scale(0.08 -0.08)"></g>'
        '<g transform="translate(1 2) scale(0.1 -0.1)"></g></svg>'
    )
    size = svg_size(svg)
    assert size.smallest_font_pt == pytest.approx(8)
    assert (size.width_px, size.height_px) == (960, 400)
    shown = size.min_width_px
    # font px on screen = font pt * shown width / width pt
    assert size.smallest_font_pt * shown / size.width_pt >= MIN_TEXT_PX
    assert size.smallest_font_pt * (shown - 1) / size.width_pt < MIN_TEXT_PX


NARROW = sorted((ROOT / "docs" / "figures" / "narrow").glob("*.svg"))


def test_figures_with_panels_side_by_side_have_a_stacked_drawing():
    names = {p.stem for p in NARROW}
    assert {"ch2_gates", "ch4_descent_paths", "ch4_training_curves"} <= names
    assert all((ROOT / "docs" / "figures" / f"{n}.svg").is_file() for n in names)


@pytest.mark.parametrize("svg", NARROW, ids=lambda p: p.stem)
def test_a_stacked_drawing_fits_a_phone_column_with_readable_text(svg):
    size = svg_size(svg.read_text())
    wide = svg_size((svg.parent.parent / svg.name).read_text())
    assert size.min_width_px <= 343  # the text column of a 375 px screen
    # stacked: the panels sit one above the other, so the drawing is at most
    # half as wide, for its height, as the side-by-side one
    assert size.width_px / size.height_px <= 0.5 * wide.width_px / wide.height_px
