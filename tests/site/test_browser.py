"""The built book in a real browser: Debian's Chromium, headless, via Playwright.

Every page is opened at a phone width (375 px) and a desktop width (1280 px)
from a server on 127.0.0.1, and checked the way a reader would notice a
problem: errors in the console, failed requests or requests to other hosts,
math left as raw TeX, broken images, code blocks without a working copy
button, and pages wider than the screen.  With ``DLFS_SCREENSHOTS=1``,
screenshots of every page go to ``screenshots/`` (ignored by git) for a
person to look at.

Run only these with ``pytest -m browser``.
"""

from __future__ import annotations

import io
import os
import re

import numpy as np
import pytest
from chromium import PageVisit, save_screenshot, search
from pages import ROOT

from book.hooks.figures import MIN_TEXT_PX, PLOT_TEXT_PX, svg_size

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)


def site_pages() -> list[str]:
    """Every page of the built site, as a URL path ('' is the home page)."""
    from pages import nav_pages, url_path

    return [url_path(page) for page in nav_pages()]


VISIBLE_TEXT = """() => {
    const article = document.querySelector('article') || document.body;
    const copy = article.cloneNode(true);
    copy.querySelectorAll('pre, code, script, style, math').forEach(e => e.remove());
    return copy.textContent;
}"""

# Read after LOAD_EVERY_IMAGE has loaded and decoded them all.
IMAGES = """() => [...document.querySelectorAll('article img')].map(img => ({
    src: img.getAttribute('src').slice(0, 80),
    width: img.naturalWidth,
    shown: img.getBoundingClientRect().width,
}))"""

CODE_BLOCKS = """() => [...document.querySelectorAll('article pre > code')].map(c => {
    const code = c;
    const pre = code.parentElement;
    const button = pre.querySelector('button[data-clipboard-target]');
    const target = button && button.getAttribute('data-clipboard-target');
    return {
        fragment: !!code.closest('.no-copy'),
        hasButton: !!button,
        targetOk: !!(target && document.querySelector(target) === code),
    };
})"""


# Where a search from the home page must lead: a page of the chapter, or
# a glossary term, which is a search result of its own.
SEARCHES = {
    "softmax": "/ch3/",
    "gradient": "/ch4/",
    "역전파": "/ch5/",
    "hyperparameter": "/glossary/#hyperparameter",
}


def test_search_finds_the_right_page(browser, site_url):
    """Every query of SEARCHES, asked in one page (its index is built once)."""
    found = search(browser, site_url, list(SEARCHES))
    missed = {
        query: found[query]
        for query, where in SEARCHES.items()
        if not any(where in url for url in found[query])
    }
    assert missed == {}


def test_palette_toggle_switches_and_survives_a_reload(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    try:
        page.goto(site_url, wait_until="networkidle")
        before = page.evaluate(scheme)
        background = page.evaluate(
            "() => getComputedStyle(document.body).backgroundColor"
        )
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        after = page.evaluate(scheme)
        assert {before, after} == {"default", "slate"}
        assert (
            page.evaluate("() => getComputedStyle(document.body).backgroundColor")
            != background
        )
        page.reload(wait_until="networkidle")
        assert page.evaluate(scheme) == after
    finally:
        context.close()


def notebook_ran(chapter: str) -> bool:
    """Whether the build ran this notebook: by the one rule, ``mnist_available``.

    Notebooks that load MNIST run only where the files are; elsewhere the
    book shows them unrun, with a note, and so does this test expect.
    """
    from mnist_data import needs_mnist

    from dlfs.datasets import mnist_available

    notebook = ROOT / "docs" / "notebooks" / f"{chapter}.py"
    return not needs_mnist(notebook) or mnist_available()


@pytest.mark.parametrize("chapter", ["ch2", "ch3", "ch4", "ch5"])
def test_notebook_page_shows_outputs_and_images(browser, site_url, chapter):
    """With MNIST (always in CI): outputs and images.  Without: the not-run note."""
    ran = notebook_ran(chapter)
    if not ran and os.environ.get("CI"):
        pytest.fail(f"notebook {chapter} needs MNIST, and CI must run it")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + f"notebooks/{chapter}/", wait_until="networkidle")
        outputs = page.locator(".jp-OutputArea-output").count()
        note = page.locator("article .admonition.note", has_text="Not run")
        if ran:
            assert outputs > 0
            assert note.count() == 0
            images = page.evaluate(
                """async () => {
                    const images = [...document.querySelectorAll(
                        '.jp-OutputArea-output img')];
                    for (const img of images) {  // plots are lazy: load them now
                        img.loading = 'eager';
                        try { await img.decode(); } catch (e) {}
                    }
                    return images.map(i => i.naturalWidth);
                }"""
            )
            assert images and min(images) > 0
        else:
            assert outputs == 0
            assert note.count() == 1
            assert note.is_visible()
            assert "MNIST" in note.inner_text()
        for link in page.locator("article a[download]").all():
            response = page.request.get(link.evaluate("a => a.href"))
            assert response.ok and b"dlfs" in response.body()
        assert page.locator("article a[download]").count() == 2, "download buttons"
    finally:
        context.close()


# ---- A textbook that looks right on every screen, in both colour schemes ----
# The built book as a reader sees it, at 375 and 1280 px, light and dark.
#
# Each page is opened in Chromium at a phone and a desktop width with the
# operating system set to a light colour scheme, and checked for what the
# issue "a textbook that looks right on every screen" asks:
#
# * the first visit follows the OS scheme (Material's palette ``media``);
# * every figure is a numbered, captioned ``<figure>``, centred, with width and
#   height set, lazy after the first, and zoomable;
# * no figure text is drawn below 9 CSS px (from the SVG's smallest font and
#   the shown width; for notebook plots from the PNG's size);
# * no element sticks out of the screen unless it sits in its own scroller;
# * no Sphinx role (``:func:``) is left as text; Korean breaks between words;
# * notebook pages hide the prompt column below 700 px;
# * every code block has a copy button that targets it and never covers code;
# * math uses the shipped math font.
#
# None of that depends on the colour scheme, so the dark OS gets one visit
# per page, at the phone width, that checks what does: the palette it opens
# in, that nothing fails, and that every figure is dark with grey ink that
# shows (pixels of the figure, in memory).
#
# With DLFS_SCREENSHOTS=1 full-page screenshots go to ``screenshots/`` as
# ``PAGE-WIDTH-SCHEME.png``.

FIGURES = ROOT / "docs" / "figures"
# The dark scheme is checked at this width: what it changes is colour, not layout.
DARK_WIDTH = 375


def svg_text_facts(name: str) -> tuple[float, float]:
    """(width in pt, smallest font size in pt) of a committed figure."""
    size = svg_size((FIGURES / f"{name}.svg").read_text())
    return size.width_pt, size.smallest_font_pt


FIGURE_FACTS = """() => [
  ...document.querySelectorAll('article figure.dlfs-figure')
].map(f => {
    const img = f.querySelector('img');
    const r = img.getBoundingClientRect();
    const article = document.querySelector('article').getBoundingClientRect();
    const fr = f.getBoundingClientRect();
    return {
        id: f.id,
        caption: (f.querySelector('figcaption') || {}).textContent || '',
        src: img.getAttribute('src'),
        narrow: !!(f.querySelector('source')
            && matchMedia(f.querySelector('source').media).matches),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        zoom: !!f.querySelector('a.glightbox[href]'),
        shown: r.width,
        centreOffset: Math.abs(
            (fr.left + fr.right) / 2 - (article.left + article.right) / 2),
        imgCentreOffset: Math.abs((r.left + r.right) / 2 - (fr.left + fr.right) / 2),
        fitsFrame: r.width <= fr.width + 1,
    };
})"""

PLOT_FACTS = """() => [
  ...document.querySelectorAll('.jp-OutputArea-output img')
].map(i => ({
    width: Number(i.getAttribute('width')) || i.naturalWidth,
    shown: i.getBoundingClientRect().width,
}))"""

# Elements whose box leaves the screen, unless an ancestor scrolls or clips them.
STICKING_OUT = """() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    for (const e of document.querySelectorAll('.md-main *')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || (r.right <= vw + 1 && r.left >= -1)) continue;
        let a = e.parentElement, held = false;
        while (a && a !== document.body) {
            const s = getComputedStyle(a);
            if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) {
                const ar = a.getBoundingClientRect();
                if (ar.right <= vw + 1 && ar.left >= -1) { held = true; break; }
            }
            a = a.parentElement;
        }
        const hidden = e.closest('.md-sidebar, .md-nav, [hidden]') !== null
            || getComputedStyle(e).visibility === 'hidden';
        if (!held && !hidden)
            out.push(`${e.tagName}.${e.className} ${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
}"""

# In the text, not in listings (whose docstrings may use them).
ROLES_LEFT = """() => {
    const a = document.querySelector('article');
    if (!a) return [];
    const copy = a.cloneNode(true);
    copy.querySelectorAll('pre').forEach(e => e.remove());
    return copy.textContent.match(/:(func|class|meth|mod|attr|obj):/g) || [];
}"""

# Lazy images load only near the viewport: load them all, to check them.
LOAD_EVERY_IMAGE = """async () => {
    for (const img of document.querySelectorAll('article img')) {
        img.loading = 'eager';
        try { await img.decode(); } catch (e) {}
    }
}"""

# Every code block with a copy button: the text's scrollport ends left of it.
COPY_BUTTON_CLEARANCE = """() => [
  ...document.querySelectorAll('article pre > code')
].flatMap(code => {
    const button = code.parentElement.querySelector('.md-code__button');
    if (!button || button.getBoundingClientRect().width === 0) return [];
    const r = code.getBoundingClientRect();
    const textRight = r.left + code.clientLeft + code.clientWidth;
    const gap = button.getBoundingClientRect().left - textRight;
    return [{text: code.innerText.slice(0, 40), gap}];
})"""


def _screenshot_name(path: str, width: int, scheme: str) -> str:
    return (path.strip("/").replace("/", "_") or "home") + f"-{width}-{scheme}.png"


COLOR_SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("path", site_pages(), ids=lambda p: p or "home")
def test_page_looks_right(tabs, site_url, screenshot_dir, path, width):
    """Every layout check, with a light OS: they do not depend on the scheme."""
    visit = PageVisit(tabs, site_url, path, width, color_scheme="light")
    try:
        check_page(visit, width)
        save_screenshot(
            visit.page, screenshot_dir, _screenshot_name(path, width, "light")
        )
    finally:
        visit.close()


@pytest.mark.parametrize("path", site_pages(), ids=lambda p: p or "home")
def test_page_follows_a_dark_os_with_readable_figures(
    tabs, site_url, screenshot_dir, path
):
    """A first visit with a dark OS: dark palette, nothing fails, figures show."""
    visit = PageVisit(tabs, site_url, path, DARK_WIDTH, color_scheme="dark")
    try:
        page = visit.page
        page.evaluate(LOAD_EVERY_IMAGE)
        assert_nothing_failed(visit)
        assert page.evaluate(COLOR_SCHEME) == "slate"
        for img in figure_images(page):
            assert_figure_pixels(img, "dark")
        save_screenshot(
            page, screenshot_dir, _screenshot_name(path, DARK_WIDTH, "dark")
        )
    finally:
        visit.close()


def assert_nothing_failed(visit: PageVisit) -> None:
    """No console error, failed request, or request to another host."""
    assert visit.console_errors == []
    assert visit.failed == []
    assert visit.foreign == []


def check_page(visit: PageVisit, width: int) -> None:
    """Everything a reader would notice on one page, at one width, light OS."""
    page = visit.page
    figures = page.evaluate(FIGURE_FACTS)  # before lazy images are forced
    page.evaluate(LOAD_EVERY_IMAGE)
    page.evaluate("() => document.fonts.ready")
    assert_nothing_failed(visit)

    if page.locator(".arithmatex").count():
        assert page.locator("article math").count() > 0
    text = page.evaluate(VISIBLE_TEXT)
    raw_tex = re.findall(r"\$\$|\\\(|\\\)|\\\[|\\\]|\$[^$\s][^$\n]*?\$", text)
    assert raw_tex == [], "math left as raw TeX"
    images = page.evaluate(IMAGES)
    assert [i for i in images if i["width"] == 0 or i["shown"] == 0] == []
    blocks = page.evaluate(CODE_BLOCKS)
    listings = [b for b in blocks if not b["fragment"]]
    assert all(b["hasButton"] and b["targetOk"] for b in listings), blocks
    # a fragment (one method shown alone) has no copy button
    assert not any(b["hasButton"] for b in blocks if b["fragment"]), blocks

    # The first visit follows the OS colour scheme.
    assert page.evaluate(COLOR_SCHEME) == "default"

    for index, figure in enumerate(figures):
        name = figure["id"].removeprefix("figure-")
        assert re.match(r"Figure (\d+\.)?\d+: \S", figure["caption"]), figure
        assert figure["src"].endswith(f"figures/{name}.svg")
        assert int(figure["width"]) > 0 and int(figure["height"]) > 0
        assert figure["loading"] == (None if index == 0 else "lazy"), figure
        assert figure["zoom"], "a figure opens full-screen"
        assert figure["centreOffset"] <= 2, figure
        # Centred in its frame, unless wider than it (then it scrolls).
        assert figure["imgCentreOffset"] <= 2 or not figure["fitsFrame"], figure
        shown_file = f"narrow/{name}" if figure["narrow"] else name
        width_pt, font_pt = svg_text_facts(shown_file)
        text_px = font_pt * figure["shown"] / width_pt
        assert text_px >= MIN_TEXT_PX, f"{shown_file}: text {text_px:.1f} px"
        # Panels side by side are stacked on a phone.
        assert figure["narrow"] == (
            width < 760 and (FIGURES / "narrow" / f"{name}.svg").is_file()
        )

    for plot in page.evaluate(PLOT_FACTS):
        text_px = PLOT_TEXT_PX * plot["shown"] / plot["width"]
        assert text_px >= MIN_TEXT_PX, f"notebook plot text {text_px:.1f} px"

    # Notebook pages give the "In [n]:" column up on phones.
    prompts = page.evaluate(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".map(e => getComputedStyle(e).display)"
    )
    if prompts:
        hidden = {d == "none" for d in prompts}
        assert hidden == {width < 700}, (width, set(prompts))
    # Printed output keeps its lines (tables, arrays): it scrolls, never wraps.
    wrapping = page.evaluate(
        "() => [...document.querySelectorAll('.jp-RenderedText pre')]"
        ".map(p => getComputedStyle(p))"
        ".map(style => style.whiteSpace + ' ' + style.wordBreak)"
    )
    assert set(wrapping) <= {"pre normal"}, set(wrapping)

    assert page.evaluate(STICKING_OUT) == []
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 1

    assert page.evaluate(ROLES_LEFT) == [], "Sphinx roles left as text"

    breaks = page.evaluate(
        "() => { const p = document.querySelector('article p');"
        " return p ? getComputedStyle(p).wordBreak : 'keep-all'; }"
    )
    assert breaks == "keep-all"

    for block in page.evaluate(COPY_BUTTON_CLEARANCE):
        assert block["gap"] >= -0.5, block

    if page.locator("article math").count():
        assert page.evaluate(
            "() => document.fonts.check('16px \"dlfs Math\"')"
            " && [...document.fonts].some(f => f.family.includes('dlfs Math')"
            " && f.status === 'loaded')"
        ), "the shipped math font is used"


def _luminances(png: bytes) -> np.ndarray:
    """Relative luminance (0-255) of every pixel of a screenshot."""
    from PIL import Image

    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
    return (rgb @ [0.2126, 0.7152, 0.0722]).ravel()


def figure_images(page: object) -> list:
    """The page's figures, for pixel checks: the sticky header is hidden first,
    since a figure taller than the screen is shot with the header over it."""
    page.add_style_tag(content=".md-header, .md-tabs { visibility: hidden; }")
    return page.locator("article figure.dlfs-figure img").all()


def assert_figure_pixels(img: object, scheme: str) -> None:
    """A figure's rendered pixels: page-coloured ground, grey ink that shows."""
    img.scroll_into_view_if_needed()
    img.evaluate("img => img.decode()")
    lum = _luminances(img.screenshot())
    ground = np.median(lum)  # most of a figure is its background
    name = img.get_attribute("src")
    if scheme == "dark":
        assert ground < 60, f"{name}: dark page, figure ground luminance {ground:.0f}"
        assert lum.max() <= 250, f"{name}: a white slab on a dark page"
    else:
        assert ground > 200, f"{name}: light page, figure ground luminance {ground:.0f}"
    ink = np.mean(np.abs(lum - ground) > 60)
    assert ink > 0.005, f"{name}: the figure's lines and text show"


# The dark scheme at the phone width is checked on every page, above.
@pytest.mark.parametrize(
    ("scheme", "width"),
    [("light", 375), ("light", 1280), ("dark", 1280)],
    ids=["light-375px", "light-1280px", "dark-1280px"],
)
@pytest.mark.parametrize("path", ["ch4/gradient/", "ch5/layers/", "performance/"])
def test_figure_pixels_follow_the_scheme(tabs, site_url, path, scheme, width):
    """The first figure of a page: page-coloured ground, grey ink that shows."""
    visit = PageVisit(tabs, site_url, path, width, color_scheme=scheme)
    try:
        assert_figure_pixels(figure_images(visit.page)[0], scheme)
    finally:
        visit.close()


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
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    try:
        assert page.evaluate(scheme) == "slate"
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        assert page.evaluate(scheme) == "default"
        page.reload(wait_until="networkidle")
        assert page.evaluate(scheme) == "default"
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
