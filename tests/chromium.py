"""Debian's Chromium as every browser test starts it."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
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
        self.browser, self.url, self.width = browser, base + path, width
        self.host = urlsplit(base).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self._open(color_scheme)

    def _open(self, color_scheme: str) -> None:
        self.context = self.browser.new_context(
            viewport={"width": self.width, "height": 900}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        # A request the page itself cancelled (net::ERR_ABORTED: a <picture>
        # switching source, a lazy image superseded) is no broken link.
        self.page.on(
            "requestfailed",
            lambda r: (
                None if "ABORTED" in (r.failure or "") else self.failed.append(r.url)
            ),
        )
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.goto(self.url, wait_until="load")
        # Material's bundle finishes after the load event. Waiting for it is
        # cheaper than waiting for an idle network (half a second at least,
        # every visit); a page that never gets there fails the copy-button
        # check, with details.
        try:
            self.page.wait_for_function(MATERIAL_READY, timeout=15_000)
        except Exception:  # playwright's TimeoutError: the checks will say what
            pass

    def reopen_with_os_scheme(self, color_scheme: str) -> None:
        """Open the page again, a first visit, with the OS set to ``color_scheme``."""
        self.context.close()
        self._open(color_scheme)

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


# Material's bundle has chosen the palette (it saves the choice) and given each
# listing its copy button.
MATERIAL_READY = """() => Object.keys(localStorage).some(k => k.endsWith('__palette'))
    && [...document.querySelectorAll('article pre > code')].every(c =>
        c.closest('.no-copy')
        || c.parentElement.querySelector('[data-clipboard-target]'))"""
