"""The built book with a dark OS, in Chromium, at the phone width.

What the colour scheme changes is colour, not layout (that is
tests/site/test_browser_layout.py's, with a light OS, on every page).  The
palette is one setting for the whole site, and every drawing's colours are
read from its SVG file (tests/book/test_hook_figures.py), so what is left to
the browser is the page around the figures: the home page and a few pages
with figures (:data:`PATHS`) get a first visit with the OS set to dark, at
375 px, which checks that Material opens in its dark palette, nothing fails,
and the page's first figure is dark with grey ink that shows (its pixels, in
memory).  A few pages are also checked on a dark desktop, where a figure
whose panels are stacked on a phone shows them side by side.  With
``DLFS_SCREENSHOTS=1`` full-page screenshots go to ``screenshots/`` as
``PAGE-375-dark.png``.
"""

from __future__ import annotations

import pytest
from chromium import (
    COLOR_SCHEME,
    DESKTOP,
    LOAD_EVERY_IMAGE,
    PHONE,
    PageVisit,
    assert_figure_pixels,
    figure_images,
    save_screenshot,
    shot_name,
)
from pages import figures_shown, nav_pages, url_path

pytestmark = pytest.mark.browser

# The home page ('') and the pages that show figures.
# The home page and the first, the most figured and the last chapter's pages
# with figures, each a page of the book's navigation with a figure.
PATHS = ["", "ch2/perceptron/", "ch4/gradient/", "ch5/layers/"]


def test_the_dark_pages_are_the_home_page_and_pages_with_figures():
    shown = {url_path(p): bool(figures_shown(p)) for p in nav_pages()}
    assert all(path == "" or shown.get(path) for path in PATHS)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "home")
def test_page_follows_a_dark_os_with_readable_figures(
    tabs, site_url, screenshot_dir, path
):
    """A first visit with a dark OS: dark palette, nothing fails, figures show."""
    visit = PageVisit(tabs, site_url, path, PHONE, color_scheme="dark")
    try:
        page = visit.page
        page.evaluate(LOAD_EVERY_IMAGE)
        visit.assert_nothing_failed()
        assert page.evaluate(COLOR_SCHEME) == "slate"
        figures = figure_images(page)
        if figures:
            assert_figure_pixels(figures[0], "dark")
        save_screenshot(page, screenshot_dir, shot_name(path, PHONE, "dark"))
    finally:
        visit.close()


@pytest.mark.parametrize("path", ["ch4/gradient/", "ch5/layers/", "performance/"])
def test_figures_on_a_dark_desktop_are_dark_with_ink_that_shows(tabs, site_url, path):
    visit = PageVisit(tabs, site_url, path, DESKTOP, color_scheme="dark")
    try:
        first = figure_images(visit.page)[0]
        assert_figure_pixels(first, "dark")
    finally:
        visit.close()
