"""Debian's Chromium as every browser test starts it, and what they share:
page visits that record what went wrong on the wire, a search, the pixels
of a figure, screenshots for a person."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
# The widths the book is checked at: a phone's and a desktop's.
PHONE, DESKTOP = 375, 1280
WIDTHS = (PHONE, DESKTOP)


# A reader who asked the OS for reduced motion: Material then drops its CSS
# transitions, so a page reaches its final layout at once.  What the checks
# read is that final layout; a resize that had to wait for 250-500 ms
# transitions to end (:data:`SETTLED`) and render their frames took three
# times as long.
STILL = {"reduced_motion": "reduce"}


def screen(width: int) -> dict[str, int]:
    """The viewport of a screen that wide: every check uses 900 px of height."""
    return {"width": width, "height": 900}


# Without the background-networking flags Chromium keeps trying to reach
# Google's hosts, and the closed network here refuses it, many times a start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def require_chromium() -> None:
    """Skip the test without Chromium; in CI (``CI`` set) fail instead."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def shot_name(path: str, *parts: object) -> str:
    """A screenshot's name: 'ch4/gradient/', 375 -> ch4_gradient-375.png."""
    return (
        "-".join([path.strip("/").replace("/", "_") or "home", *map(str, parts)])
        + ".png"
    )


def save_screenshot(
    page: object, folder: Path | None, name: str, full_page: bool = True
) -> None:
    """A screenshot ``folder/name`` for a person; none without a folder.

    ``folder`` is the ``screenshot_dir`` fixture: None unless
    ``DLFS_SCREENSHOTS=1`` asked for screenshots.
    """
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / name), full_page=full_page)


class Tabs:
    """Where visits open their pages: one tab per width and OS colour scheme,
    in a browser context of its own, shared by the visits.

    A visit navigates the tab to its page.  A new tab would start a renderer
    process and compile the book's scripts again: twice the CPU time of a
    visit (measured: 6 pages in new tabs 17.6 CPU s, in one tab 8.6).  The
    context keeps the styles, scripts and fonts fetched once.

    A test that changes what a context remembers (the palette toggle, saved
    in local storage) opens its own: ``PageVisit(browser, ...)``.
    """

    def __init__(self, browser: object) -> None:
        self.browser = browser
        self._contexts: dict[tuple[int, str], object] = {}
        self._tabs: dict[tuple[int, str], object] = {}

    def context(self, width: int, color_scheme: str) -> object:
        key = (width, color_scheme)
        if key not in self._contexts:
            self._contexts[key] = self.browser.new_context(
                viewport=screen(width), color_scheme=color_scheme, **STILL
            )
            # a reader's copy buttons work (tests/site/test_browser_layout.py)
            self._contexts[key].grant_permissions(["clipboard-read", "clipboard-write"])
        return self._contexts[key]

    def tab(self, width: int, color_scheme: str) -> object:
        """The shared tab for the width and scheme (a new one if it was closed);
        a visit that widened it gives it back its width (:meth:`PageVisit.resize`)."""
        key = (width, color_scheme)
        if key not in self._tabs or self._tabs[key].is_closed():
            self._tabs[key] = self.context(width, color_scheme).new_page()
        return self._tabs[key]

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()


class PageVisit:
    """One page opened in a tab, with what happened on the wire.

    ``source`` is :class:`Tabs` (the shared tab for the width and scheme,
    navigated to the page) or the browser (a context of the visit's own).
    """

    def __init__(
        self,
        source: object,
        base: str,
        path: str,
        width: int,
        color_scheme: str = "light",
    ) -> None:
        self.url, self.width = base + path, width
        self.host = urlsplit(base).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        if isinstance(source, Tabs):
            self.page, self._own_context = source.tab(width, color_scheme), None
            self.resize(width)
        else:
            self._own_context = source.new_context(
                viewport=screen(width), color_scheme=color_scheme, **STILL
            )
            self.page = self._own_context.new_page()
        self.context = self.page.context
        self._listeners = {
            "console": self._on_console,
            "pageerror": self._on_page_error,
            "requestfailed": self._on_request_failed,
            "request": self._on_request,
            "response": self._on_response,
        }
        self._open()

    def _open(self) -> None:
        for event, listener in self._listeners.items():
            self.page.on(event, listener)
        self.page.goto(self.url, wait_until="load")
        # Material's bundle finishes after the load event. Waiting for it is
        # cheaper than waiting for an idle network (half a second at least,
        # every visit); a page that never gets there fails the copy-button
        # check, with details.
        try:
            self.page.wait_for_function(MATERIAL_READY, timeout=15_000)
        except Exception:  # playwright's TimeoutError: the checks will say what
            pass

    def resize(self, width: int) -> None:
        """Give the tab the width, and wait for the page to lay itself out
        again and to settle (:data:`SETTLED`)."""
        if self.page.viewport_size["width"] != width:
            self.page.set_viewport_size(screen(width))
            self.page.evaluate(SETTLED)
        self.width = width

    def _on_console(self, message: object) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_page_error(self, error: object) -> None:
        self.console_errors.append(str(error))

    def _on_request_failed(self, request: object) -> None:
        # A request the page itself cancelled (net::ERR_ABORTED: a <picture>
        # switching source, a lazy image superseded) is no broken link.
        if "ABORTED" not in (request.failure or ""):
            self.failed.append(request.url)

    def _on_request(self, request: object) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.foreign.append(request.url)

    def _on_response(self, response: object) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def assert_nothing_failed(self) -> None:
        """No console error, failed request, or request to another host."""
        assert self.console_errors == []
        assert self.failed == []
        assert self.foreign == [], "the book must not load anything from another host"

    def close(self) -> None:
        """Stop listening; a shared tab stays open for the next visit."""
        if self._own_context is not None:
            self._own_context.close()
            return
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)


# Two animation frames (the page has laid itself out again), then the end of
# the transitions that started (Material's header search, for one, slides to
# its desktop place: measured in the middle, it stuck 54 px out of the screen).
# An endless animation is not waited for, nor anything for more than 2 s.
SETTLED = """async () => {
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const ending = document.getAnimations().filter(
        a => isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.race([
        Promise.allSettled(ending.map(a => a.finished)),
        new Promise(r => setTimeout(r, 2000)),
    ]);
}"""

COLOR_SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"

# Lazy images load only near the viewport: load them all, to check them.
# (Each keeps its loading attribute, which the layout checks read.)  Loaded,
# not decoded: a figure's size is known once it has loaded, and decoding
# draws the SVG, which only the pixel checks need (they decode their figure).
LOAD_EVERY_IMAGE = """async () => {
    for (const img of document.querySelectorAll('article img')) {
        const loading = img.getAttribute('loading');
        img.loading = 'eager';
        if (!img.complete) await new Promise(done => {
            img.addEventListener('load', done, {once: true});
            img.addEventListener('error', done, {once: true});
        });
        if (loading === null) img.removeAttribute('loading');
        else img.setAttribute('loading', loading);
    }
}"""


def figure_images(page: object) -> list:
    """The page's figures, for :func:`assert_figure_pixels`."""
    return page.locator("article figure.dlfs-figure img").all()


# A figure taller than the screen is shot with the sticky header over it:
# hidden while a figure is shot, and only then.
NO_HEADER = ".md-header, .md-tabs { visibility: hidden; }"


def assert_figure_pixels(img: object, scheme: str) -> None:
    """A figure's rendered pixels: page-coloured ground, grey ink that shows."""
    import io

    import numpy as np
    from PIL import Image

    img.scroll_into_view_if_needed()
    img.evaluate("img => img.decode()")
    shot = img.screenshot(style=NO_HEADER)
    rgb = np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"), float)
    lum = (rgb @ [0.2126, 0.7152, 0.0722]).ravel()  # relative luminance, 0-255
    ground = np.median(lum)  # most of a figure is its background
    name = img.get_attribute("src")
    if scheme == "dark":
        assert ground < 60, f"{name}: dark page, figure ground luminance {ground:.0f}"
        assert lum.max() <= 250, f"{name}: a white slab on a dark page"
    else:
        assert ground > 200, f"{name}: light page, figure ground luminance {ground:.0f}"
    ink = np.mean(np.abs(lum - ground) > 60)
    assert ink > 0.005, f"{name}: the figure's lines and text show"


def search(browser: object, url: str, queries: list[str]) -> dict[str, list[str]]:
    """What the search box of the page at ``url`` finds for each query: the
    results' URL paths with their fragments, in order.

    One page asks every query, so the search index is built once.  Material
    searches on ``keyup``.  Playwright types a letter that is not on its
    keyboard (Hangul) as inserted text, with no key event, so each query is
    followed by a key that changes nothing (End): without it a Korean query
    was never searched as typed.  The index is built in a worker after the
    page loads; a query sent before it listens is lost, so one that finds
    nothing within 5 s is sent again.
    """
    import json

    page = browser.new_page(viewport=screen(DESKTOP))
    page.set_default_timeout(5_000)
    page.set_default_navigation_timeout(30_000)
    count = "() => document.querySelectorAll('.md-search-result__item').length"
    shown = f"() => ({count})() > 0 && document.querySelector('input.md-search__input')"
    found: dict[str, list[str]] = {}
    try:
        page.goto(url, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        for query in queries:
            box.press("Control+a")
            box.press("Backspace")
            page.wait_for_function(f"() => !({count})()", timeout=10_000)
            page.keyboard.type(query)
            box.press("End")
            for _ in range(12):
                try:
                    page.wait_for_function(f"{shown}.value === {json.dumps(query)}")
                    break
                except Exception:  # Playwright's TimeoutError: send it again
                    box.press("Backspace")
                    page.keyboard.type(query[-1])
                    box.press("End")
            page.wait_for_timeout(300)  # Material renders results in batches
            found[query] = page.evaluate(
                "() => [...document.querySelectorAll('.md-search-result__item a')]"
                ".map(a => new URL(a.href)).map(u => u.pathname + u.hash)"
            )
    finally:
        page.context.close()
    return found


# Material's bundle has chosen the palette (it saves the choice) and given each
# listing its copy button.
MATERIAL_READY = """() => Object.keys(localStorage).some(k => k.endsWith('__palette'))
    && [...document.querySelectorAll('article pre > code')].every(c =>
        c.closest('.no-copy')
        || c.parentElement.querySelector('[data-clipboard-target]'))"""


# Clicks each copy button that ``selector`` finds, in page order, as a reader
# would: a closed note is opened and a content tab selected first, the button
# is scrolled to the middle of the screen (clear of the sticky header) and
# clicked.  For each: what the clipboard then holds, and whether the button is
# what a mouse at its centre would hit (nothing drawn over it).  One call a
# page: a mouse click and a clipboard read a button from Python cost five
# round trips and three times the time.
COPY_EVERY_BUTTON = """async (selector) => {
  const nothing = "<nothing copied>";
  const results = [];
  for (const button of document.querySelectorAll(selector)) {
    for (let e = button; e; e = e.parentElement) {
      if (e.tagName === "DETAILS") e.open = true;
      if (e.classList && e.classList.contains("tabbed-block")) {
        const blocks = [...e.parentElement.children];
        const inputs = [...e.closest(".tabbed-set").querySelectorAll(":scope > input")];
        inputs[blocks.indexOf(e)].checked = true;
      }
    }
    await navigator.clipboard.writeText(nothing);
    button.scrollIntoView({block: "center", behavior: "instant"});
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(
      box.left + box.width / 2, box.top + box.height / 2);
    button.click();
    let copied = await navigator.clipboard.readText();
    for (let i = 0; i < 100 && copied === nothing; i++) {
      await new Promise(done => setTimeout(done, 20));
      copied = await navigator.clipboard.readText();
    }
    results.push({copied, onTop: !!hit && (hit === button || button.contains(hit))});
  }
  return results;
}"""


def copy_every_button(page: object, selector: str) -> list[dict]:
    """Click every copy button ``selector`` finds (:data:`COPY_EVERY_BUTTON`);
    the clipboard after each, as ``{"copied": text, "onTop": bool}``.

    ``page`` must be allowed to use the clipboard (``clipboard-read`` and
    ``clipboard-write`` granted to its context).
    """
    return page.evaluate(COPY_EVERY_BUTTON, selector)
