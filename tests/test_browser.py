"""The built book in a real browser: Debian's Chromium, headless, via Playwright.

Every page is opened at a phone width (375 px) and a desktop width (1280 px)
from a server on 127.0.0.1, and checked the way a reader would notice a
problem: errors in the console, failed requests or requests to other hosts,
math left as raw TeX, broken images, code blocks without a working copy
button, and pages wider than the screen.  Screenshots of every page at both
widths go to ``screenshots/`` (ignored by git) for a person to look at.

Run only these with ``pytest -m browser``.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WIDTHS = (375, 1280)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built book served on 127.0.0.1 (and nowhere else)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir()
    return SCREENSHOTS


def site_pages() -> list[str]:
    """Every page of the built site, as a URL path ('' is the home page)."""
    from test_site import html_path, nav_pages

    pages = []
    for page in nav_pages():
        built = html_path(Path("/"), page).as_posix().lstrip("/")
        pages.append(built.removesuffix("index.html"))
    return pages


class PageVisit:
    """One page opened in a fresh browser context, with what happened on the wire."""

    def __init__(
        self,
        browser: object,
        base: str,
        path: str,
        width: int,
        color_scheme: str = "light",
    ) -> None:
        self.host = urlsplit(base).netloc
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.goto(base + path, wait_until="networkidle")

    def _on_console(self, message: object) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request(self, request: object) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.foreign.append(request.url)

    def _on_response(self, response: object) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def close(self) -> None:
        self.context.close()


VISIBLE_TEXT = """() => {
    const article = document.querySelector('article') || document.body;
    const copy = article.cloneNode(true);
    copy.querySelectorAll('pre, code, script, style, math').forEach(e => e.remove());
    return copy.textContent;
}"""

IMAGES = """async () => {
    const images = [...document.querySelectorAll('article img')];
    for (const img of images) {
        img.loading = 'eager';
        img.scrollIntoView();
        try { await img.decode(); } catch (e) {}
    }
    return images.map(img => ({
        src: img.getAttribute('src').slice(0, 80),
        width: img.naturalWidth,
        shown: img.getBoundingClientRect().width,
    }));
}"""

CODE_BLOCKS = """() => [...document.querySelectorAll('article pre > code')].map(c => {
    const code = c;
    const pre = code.parentElement;
    const button = pre.querySelector('button[data-clipboard-target]');
    const target = button && button.getAttribute('data-clipboard-target');
    return {
        hasButton: !!button,
        targetOk: !!(target && document.querySelector(target) === code),
    };
})"""


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("path", site_pages(), ids=lambda p: p or "home")
def test_page_in_browser(browser, site_url, screenshot_dir, path, width):
    visit = PageVisit(browser, site_url, path, width)
    page = visit.page
    try:
        name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
        page.screenshot(path=str(screenshot_dir / name), full_page=True)

        assert visit.console_errors == []
        assert visit.failed == []
        assert visit.foreign == [], "the book must not load anything from another host"

        html = page.content()
        if 'class="arithmatex"' in html:
            assert page.locator("article math").count() > 0
        text = page.evaluate(VISIBLE_TEXT)
        raw_tex = re.findall(r"\$\$|\\\(|\\\)|\\\[|\\\]|\$[^$\s][^$\n]*?\$", text)
        assert raw_tex == [], "math left as raw TeX"

        images = page.evaluate(IMAGES)
        assert [i for i in images if i["width"] == 0 or i["shown"] == 0] == []

        blocks = page.evaluate(CODE_BLOCKS)
        assert all(b["hasButton"] and b["targetOk"] for b in blocks), blocks

        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 1, f"page is {overflow}px wider than the {width}px screen"
    finally:
        visit.close()


def test_copy_button_copies_the_code(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + "ch3/activations/", wait_until="networkidle")
        listing = page.locator(
            "article div.language-python.highlight:has(span.filename) pre"
        ).first
        expected = listing.locator("code").inner_text()
        listing.hover()
        listing.locator("button[data-clipboard-target]").click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.strip() == expected.strip()
        assert "def " in copied
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "chapter"),
    [("softmax", "ch3/"), ("gradient", "ch4/"), ("역전파", "ch5/")],
)
def test_search_finds_the_right_chapter(browser, site_url, query, chapter):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="networkidle")
        search = page.locator("input.md-search__input")
        search.click()
        # Material searches on key events; characters without a key (Korean)
        # are inserted as text, so a final key press triggers the search.
        search.press_sequentially(query, delay=20)
        search.press("End")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any(chapter in (href or "") for href in hrefs), hrefs
    finally:
        context.close()


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


@pytest.mark.parametrize("chapter", ["ch2", "ch3", "ch4", "ch5"])
def test_notebook_page_shows_outputs_and_images(browser, site_url, chapter):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + f"notebooks/{chapter}/", wait_until="networkidle")
        assert page.locator(".jp-OutputArea-output").count() > 0
        images = page.evaluate(
            "() => [...document.querySelectorAll('.jp-OutputArea-output img')]"
            ".map(i => i.naturalWidth)"
        )
        assert images and min(images) > 0
        for link in page.locator("article a[download]").all():
            response = page.request.get(link.evaluate("a => a.href"))
            assert response.ok and b"dlfs" in response.body()
        assert page.locator("article a[download]").count() == 2, "download buttons"
    finally:
        context.close()


def test_next_previous_and_table_of_contents_links_resolve(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path in site_pages():
            page.goto(site_url + path, wait_until="domcontentloaded")
            for link in page.locator("a.md-footer__link").all():
                response = page.request.get(link.evaluate("a => a.href"))
                assert response.ok, (path, link.get_attribute("href"))
            anchors = page.evaluate(
                "() => [...document.querySelectorAll('.md-nav--secondary a')]"
                ".map(a => a.hash.slice(1)).filter(Boolean)"
            )
            missing = [
                a
                for a in anchors
                if not page.evaluate(
                    "id => !!document.getElementById(decodeURIComponent(id))", a
                )
            ]
            assert missing == [], (path, missing)
    finally:
        context.close()
