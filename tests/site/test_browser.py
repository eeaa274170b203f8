"""The built book in a real browser, used as a reader uses it.

Debian's Chromium, headless, via Playwright, on the book served from
127.0.0.1: the search box finds the right pages, the palette toggle switches
the colour scheme and the choice survives a reload (and wins over a dark OS),
notebook pages show their outputs (or say why not), a figure opens full
screen and closes, and a chapter's term leads to its glossary entry.  Every
page's layout is checked in tests/site/test_browser_layout.py, the dark
scheme in tests/site/test_browser_dark.py, the Korean pages in
tests/site/test_browser_ko.py.

Run only the browser tests with ``pytest -m browser``.
"""

from __future__ import annotations

import pytest
from chromium import (
    COLOR_SCHEME,
    DESKTOP,
    WIDTHS,
    PageVisit,
    save_screenshot,
    screen,
    search,
)

pytestmark = pytest.mark.browser

SEARCHES = {
    "softmax": "/ch3/",
    "gradient": "/ch4/",
    "역전파": "/ch5/",
    "hyperparameter": "/glossary/#hyperparameter",
}


def test_search_finds_the_right_page(browser, searchable_site_url):
    """Every query of SEARCHES, asked in one page (its index is built once)."""
    found = search(browser, searchable_site_url, list(SEARCHES))
    missed = {
        query: found[query]
        for query, where in SEARCHES.items()
        if not any(where in url for url in found[query])
    }
    assert missed == {}


def test_palette_toggle_switches_and_survives_a_reload(browser, site_url):
    context = browser.new_context(viewport=screen(DESKTOP))
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="networkidle")
        before = page.evaluate(COLOR_SCHEME)
        background = page.evaluate(
            "() => getComputedStyle(document.body).backgroundColor"
        )
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        after = page.evaluate(COLOR_SCHEME)
        assert {before, after} == {"default", "slate"}
        assert (
            page.evaluate("() => getComputedStyle(document.body).backgroundColor")
            != background
        )
        page.reload(wait_until="networkidle")
        assert page.evaluate(COLOR_SCHEME) == after
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_a_figure_opens_full_screen_and_closes(tabs, site_url, screenshot_dir, width):
    """The viewer's size, caption and Escape do not depend on the scheme."""
    visit = PageVisit(tabs, site_url, "ch4/gradient/", width)
    page = visit.page
    try:
        link = page.locator("article figure.dlfs-figure a.glightbox").nth(1)
        link.scroll_into_view_if_needed()
        link.click()
        slide = page.locator(".glightbox-container .gslide.current .gslide-image img")
        slide.wait_for(state="visible", timeout=10_000)
        page.wait_for_timeout(600)  # the opening animation
        save_screenshot(page, screenshot_dir, f"zoom-{width}.png", full_page=False)
        shown = link.locator("img").bounding_box()
        box = slide.bounding_box()
        # Bigger than on the page (on a phone: the screen's width).
        assert box["width"] >= min(shown["width"], 0.9 * width), (box, shown)
        assert "Figure 4." in page.locator(".glightbox-container").inner_text()
        page.keyboard.press("Escape")
        page.locator(".glightbox-container").wait_for(state="detached", timeout=10_000)
    finally:
        visit.close()


def test_toggle_wins_over_a_dark_os_after_reload(browser, site_url):
    # its own context: the toggle's choice is remembered in local storage
    visit = PageVisit(browser, site_url, "", 1280, color_scheme="dark")
    page = visit.page
    try:
        assert page.evaluate(COLOR_SCHEME) == "slate"
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        assert page.evaluate(COLOR_SCHEME) == "default"
        page.reload(wait_until="networkidle")
        assert page.evaluate(COLOR_SCHEME) == "default"
    finally:
        visit.close()


def test_a_chapter_term_links_to_its_glossary_entry(tabs, site_url):
    visit = PageVisit(tabs, site_url, "ch4/gradient/", 375)
    page = visit.page
    try:
        link = page.locator("article a.dlfs-term[href$='#gradient']").first
        link.click()
        page.wait_for_url("**/glossary/#gradient")
        heading = page.locator("h3#gradient")
        assert "기울기" in heading.inner_text()
        assert heading.bounding_box()["y"] < 300, "the entry is scrolled into view"
    finally:
        visit.close()
