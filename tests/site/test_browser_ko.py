"""The Korean pages in a real browser (issue 15), at 375 and 1280 px.

Every Korean page of the built book is opened in Debian's Chromium, the way
tests/site/test_browser.py opens the English ones, and checked for what a Korean
reader would notice: ``<html lang="ko">``, Hangul drawn in a CJK font (the
fonts Chromium really used, from DevTools), lines that break between words
(``word-break: keep-all``), a language switcher that goes to the same page in
English and back, no console errors or failed requests, and a search from
``/ko/`` that finds the Korean pages for 역전파, 기울기 and 소프트맥스.
Screenshots go to ``screenshots/ko/``; look at them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ko_probe import WIDTHS, probe

from pages import ROOT, DOCS
pytestmark = pytest.mark.browser

CJK_FONT = re.compile(r"CJK|Noto Sans KR|Nanum|Gothic|Malgun", re.I)

# Where a search from /ko/ must lead, once that Korean page exists.
SEARCHES = {
    "역전파": ("ch5/index.ko.md", "/ko/ch5/"),  # a page of chapter 5
    "기울기": ("ch4/gradient.ko.md", "/ko/ch4/gradient/"),
    "소프트맥스": ("ch3/activations.ko.md", "/ko/ch3/activations/"),
}


def korean_paths() -> list[str]:
    """URL paths of the Korean pages: docs/ch3/mnist.ko.md -> ko/ch3/mnist/."""
    from pages import korean_pages
    from pages import url_path

    return [
        "ko/" + url_path(page.relative_to(DOCS).as_posix().replace(".ko.", "."))
        for page in korean_pages()
    ]


PATHS = korean_paths()


@pytest.fixture(scope="module")
def report(browser, site_url: str, screenshot_dir: Path) -> dict:
    if not PATHS:
        pytest.skip("no Korean pages")
    return probe(browser, site_url, screenshot_dir / "ko", PATHS)


def visits(report: dict, path: str) -> list[dict]:
    return [report["pages"][f"{path}@{width}"] for width in WIDTHS]


def phone_visit(report: dict, path: str) -> dict:
    """The visit that also probed fonts and the switcher (they ignore width)."""
    return report["pages"][f"{path}@{WIDTHS[0]}"]


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
    visit = phone_visit(report, path)
    assert visit["paragraph"], "no Korean paragraph on the page"
    cjk = [f for f in visit["fonts"] if CJK_FONT.search(f["familyName"])]
    assert cjk, f"Hangul drawn in {visit['fonts']}"
    assert sum(f["glyphCount"] for f in cjk) >= 4


@pytest.mark.parametrize("path", PATHS)
def test_korean_lines_break_between_words(report, path):
    """Korean wraps at spaces, not inside a word: word-break: keep-all.

    Links too, whose own Material rule once cut "퍼셉트론" as "퍼" / "셉트론".
    """
    visit = phone_visit(report, path)
    assert visit["paragraph"]["wordBreak"] == "keep-all"
    for visit in visits(report, path):
        assert visit["cut_words"] == [], "words cut across two lines"


@pytest.mark.parametrize("path", PATHS)
def test_switcher_leads_to_the_same_page_in_english_and_back(report, path):
    english = "/" + path.removeprefix("ko/")
    visit = phone_visit(report, path)
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
    # A page's sections come as results of their own: count pages, in order.
    pages = list(dict.fromkeys(report["search"][query]))
    assert pages, f"no results for {query}"
    assert pages[0].startswith("/ko/"), pages
    source, expected = SEARCHES[query]
    if (DOCS / source).is_file():  # the expected page, or one below it
        assert any(r.startswith(expected) for r in pages[:5]), pages
