"""The built book looks right on every screen: every page in Chromium.

Each page is opened in Chromium at a phone width, then widened to a desktop
width, with the operating system set to a light colour scheme, and checked
at both for what a textbook that looks right on every screen needs:

* the first visit follows the OS scheme (Material's palette ``media``);
* every figure is a numbered, captioned ``<figure>``, centred, with width and
  height set, lazy after the first, and zoomable;
* no figure text is drawn below 9 CSS px (from the SVG's smallest font and
  the shown width; for notebook plots from the PNG's size);
* no element sticks out of the screen unless it sits in its own scroller;
* no Sphinx role (``:func:``) is left as text; Korean breaks between words;
* notebook pages hide the prompt column below 700 px;
* every code block has a copy button that targets it and never covers code;
  on the pages whose code must run (tests/copying.py) and the notebook pages,
  each button, clicked at the desktop width, is on top and gives what it must
  (the blocks tests/site/test_copy_paste.py runs, or the notebook cell's code);
* math uses the shipped math font;
* the first figure's pixels: a page-coloured ground and grey ink that shows.

None of that depends on the colour scheme, so it is checked with a light OS;
tests/site/test_browser_dark.py checks what the dark scheme changes.  With
``DLFS_SCREENSHOTS=1`` full-page screenshots go to ``screenshots/`` as
``PAGE-WIDTH-light.png``.
"""

from __future__ import annotations

import re

import pytest
from chromium import (
    COLOR_SCHEME,
    copy_every_button,
    LOAD_EVERY_IMAGE,
    PHONE,
    WIDTHS,
    PageVisit,
    assert_figure_pixels,
    figure_images,
    save_screenshot,
    shot_name,
)
from copying import PYTHON, code_blocks, copied_pages, same_copy
from pages import DOCS, ROOT, html_path, nav_pages, url_path

from book.hooks.figures import MIN_TEXT_PX, PLOT_TEXT_PX, svg_size

pytestmark = pytest.mark.browser

# URL paths of the nav's pages ('' is the home page) and their sources.
SOURCES = {url_path(page): page for page in nav_pages()}
PATHS = list(SOURCES)
FIGURES = ROOT / "docs" / "figures"


def svg_text_facts(name: str) -> tuple[float, float]:
    """(width in pt, smallest font size in pt) of a committed figure."""
    size = svg_size((FIGURES / f"{name}.svg").read_text())
    return size.width_pt, size.smallest_font_pt


VISIBLE_TEXT = """() => {
    const article = document.querySelector('article') || document.body;
    const copy = article.cloneNode(true);
    copy.querySelectorAll('pre, code, script, style, math').forEach(e => e.remove());
    return copy.textContent;
}"""

# Read after LOAD_EVERY_IMAGE has loaded them all.
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


# Each copy button of the article, marked for copy_every_button, with its
# block's language and text (Material's annotations left out, as a copy
# leaves them out); a notebook cell's button is a <clipboard-copy>.
COPY_BUTTONS = """() => [...document.querySelectorAll(
    "article [data-clipboard-target], article clipboard-copy")].map((button, i) => {
  button.setAttribute("data-copy-test", String(i));
  if (button.tagName.toLowerCase() === "clipboard-copy") return {notebook: true};
  const code = document.querySelector(button.getAttribute("data-clipboard-target"));
  const block = code.closest("[class*='language-']");
  const match = block && block.className.match(/language-(\\w+)/);
  return {notebook: false, language: match ? match[1] : "text"};
})"""


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "home")
def test_page_looks_right(tabs, site_url, built_site, screenshot_dir, path):
    """Every layout check and the first figure's pixels at the phone width,
    then, the window widened, at the desktop width, with a light OS (they do
    not depend on the scheme).

    One load a page: the checks read the layout as it is after a resize, as
    a reader who turns a tablet sees it (media queries, ``<picture>``
    sources and Material's scripts follow the width), and a second load would
    double the time of the test."""
    visit = PageVisit(tabs, site_url, path, PHONE, color_scheme="light")
    try:
        for width in WIDTHS:  # PHONE, then DESKTOP
            visit.resize(width)
            check_page(visit, width)
            save_screenshot(visit.page, screenshot_dir, shot_name(path, width, "light"))
            figures = figure_images(visit.page)
            if figures:  # it scrolls the page
                assert_figure_pixels(figures[0], "light")
        source = SOURCES[path]
        if source in COPIED or source.startswith("notebooks/"):
            check_copy_buttons(visit.page, built_site, source)  # last: opens notes
    finally:
        visit.close()


COPIED = set(copied_pages())


def check_copy_buttons(page, built_site, source: str) -> None:
    """Every copy button, clicked as a reader does, is on top and gives what
    it must: a Python block's button what :func:`copying.same_copy` wants of
    the block as the built page holds it (:func:`copying.code_blocks`), a
    notebook cell's button the cell's code."""
    buttons = page.evaluate(COPY_BUTTONS)
    copies = copy_every_button(page, "[data-copy-test]")
    covered = [i for i, copy in enumerate(copies) if not copy["onTop"]]
    assert covered == [], f"something is drawn over copy buttons {covered}"
    python = [
        (button["language"], copy["copied"])
        for button, copy in zip(buttons, copies, strict=True)
        if not button["notebook"] and button["language"] in PYTHON
    ]
    blocks = code_blocks(html_path(built_site, source).read_text(encoding="utf-8"))
    assert [language for language, _ in python] == [b["language"] for b in blocks]
    for (language, copied), block in zip(python, blocks, strict=True):
        assert same_copy(language, copied, block["shown"]), (copied, block["shown"])
    if source.startswith("notebooks/"):
        import jupytext

        cells = jupytext.read(DOCS / source).cells
        copied = [c["copied"].strip() for b, c in zip(buttons, copies) if b["notebook"]]
        assert copied == [c.source.strip() for c in cells if c.cell_type == "code"]


def check_page(visit: PageVisit, width: int) -> None:
    """Everything a reader would notice on one page, at one width, light OS."""
    page = visit.page
    figures = page.evaluate(FIGURE_FACTS)  # before lazy images are forced
    page.evaluate(LOAD_EVERY_IMAGE)
    page.evaluate("() => document.fonts.ready")
    visit.assert_nothing_failed()

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
