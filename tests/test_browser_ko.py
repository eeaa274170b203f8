"""The Korean pages in a real browser (issue 15), at 375 and 1280 px.

Every Korean page of the built book is opened in Debian's Chromium, the way
tests/test_browser.py opens the English ones, and checked for what a Korean
reader would notice: ``<html lang="ko">``, Hangul drawn in a CJK font (the
fonts Chromium really used, from DevTools), lines that break between words
(``word-break: keep-all``), a language switcher that goes to the same page in
English and back, no console errors or failed requests, and a search from
``/ko/`` that finds the Korean pages for 역전파, 기울기 and 소프트맥스.
Screenshots go to ``screenshots/ko/``; look at them.

Chromium is driven from tests/ko_probe.py in a child process: Playwright's
sync API cannot run twice in one process, and test_browser.py keeps its
browser open for the whole session.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCREENSHOTS = ROOT / "screenshots" / "ko"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = (375, 1280)
CJK_FONT = re.compile(r"CJK|Noto Sans KR|Nanum|Gothic|Malgun", re.I)

# Where a search from /ko/ must lead, once that Korean page exists.
SEARCHES = {
    "역전파": ("ch5/index.ko.md", "/ko/ch5/"),  # a page of chapter 5
    "기울기": ("ch4/gradient.ko.md", "/ko/ch4/gradient/"),
    "소프트맥스": ("ch3/activations.ko.md", "/ko/ch3/activations/"),
}


def korean_paths() -> list[str]:
    """URL paths of the Korean pages: docs/ch3/mnist.ko.md -> ko/ch3/mnist/."""
    paths = []
    for page in sorted([*DOCS.rglob("*.ko.md"), *DOCS.glob("notebooks/*.ko.py")]):
        stem = page.relative_to(DOCS).as_posix().rsplit(".ko.", 1)[0]
        stem = stem.removesuffix("index").rstrip("/")
        paths.append(f"ko/{stem}/" if stem else "ko/")
    return paths


PATHS = korean_paths()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def report(built_site: Path) -> Iterator[dict]:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not PATHS:
        pytest.skip("no Korean pages")
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        probe = [sys.executable, str(Path(__file__).with_name("ko_probe.py"))]
        result = subprocess.run(
            [*probe, base, str(SCREENSHOTS), *PATHS],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        yield json.loads(result.stdout)
    finally:
        server.shutdown()
        server.server_close()


def visits(report: dict, path: str) -> list[dict]:
    return [report["pages"][f"{path}@{width}"] for width in WIDTHS]


@pytest.mark.parametrize("path", PATHS)
def test_korean_page_is_lang_ko_with_no_errors(report, path):
    for visit in visits(report, path):
        assert visit["lang"] == "ko"
        assert visit["errors"] == []
        assert visit["failed"] == []
        assert visit["foreign"] == [], (
            "the book must not load anything from another host"
        )
        assert visit["overflow"] <= 1, "page is wider than the screen"


@pytest.mark.parametrize("path", PATHS)
def test_korean_text_is_drawn_in_a_cjk_font(report, path):
    for visit in visits(report, path):
        assert visit["paragraph"], "no Korean paragraph on the page"
        cjk = [f for f in visit["fonts"] if CJK_FONT.search(f["familyName"])]
        assert cjk, f"Hangul drawn in {visit['fonts']}"
        assert sum(f["glyphCount"] for f in cjk) >= 4


@pytest.mark.parametrize("path", PATHS)
def test_korean_lines_break_between_words(report, path):
    """Korean wraps at spaces, not inside a word: word-break: keep-all."""
    for visit in visits(report, path):
        assert visit["paragraph"]["wordBreak"] == "keep-all"


@pytest.mark.parametrize("path", PATHS)
def test_switcher_leads_to_the_same_page_in_english_and_back(report, path):
    english = "/" + path.removeprefix("ko/")
    for visit in visits(report, path):
        switch = visit["switch"]
        assert switch["en"] == english
        assert switch["en_lang"] == "en"
        assert switch["back"] == "/" + path
        assert switch["ko"] == "/" + path


@pytest.mark.parametrize("path", PATHS)
def test_korean_pages_show_korean_figures(report, path):
    """figures/NAME.svg on a Korean page is served from NAME.ko.svg if it exists."""
    for visit in visits(report, path):
        for src in visit["images"]:
            name = src.rsplit("/", 1)[-1]
            if (DOCS / "figures" / name.replace(".svg", ".ko.svg")).is_file():
                assert src == f"/ko/figures/{name}", src


@pytest.mark.parametrize("query", SEARCHES)
def test_search_from_ko_finds_the_korean_pages(report, query):
    results = report["search"][query]
    assert results, f"no results for {query}"
    assert results[0].startswith("/ko/"), results
    source, expected = SEARCHES[query]
    if (DOCS / source).is_file():  # the expected page, or one below it
        assert any(r.startswith(expected) for r in results[:10]), results
