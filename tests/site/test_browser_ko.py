"""The Korean pages in a real browser.

Every Korean page of the built book is opened in Debian's Chromium at the
phone width (375 px), the way tests/site/test_browser_layout.py opens the English
ones, and checked for what a Korean reader would notice: Hangul drawn in a
CJK font (the fonts Chromium really used, from DevTools), lines that break
between words (``word-break: keep-all``), no console errors or failed
requests, nothing wider than the screen, and a search from ``/ko/`` that
finds the Korean pages for 역전파, 기울기 and 소프트맥스.  A few representative
pages (:data:`ON_DESKTOP`) are opened at 1280 px too; fonts do not depend on
the width.  ``lang="ko"``, the language switcher's links and the Korean
figures are read from the built HTML in tests/site/test_site.py.  With
``DLFS_SCREENSHOTS=1``, screenshots go to ``screenshots/ko/``.
"""

from __future__ import annotations

import re

import pytest
from chromium import DESKTOP, PHONE, search
from ko_probe import probe
from pages import DOCS, korean_pages, url_path

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
    return [
        "ko/" + url_path(page.relative_to(DOCS).as_posix().replace(".ko.", "."))
        for page in korean_pages()
    ]


PATHS = korean_paths()
# Opened at both widths: a chapter page with figures and math, a notebook
# page with plots and printed tables, and the glossary's long terms.
ON_DESKTOP = ["ko/ch4/gradient/", "ko/notebooks/ch4/", "ko/glossary/"]


@pytest.fixture(scope="module")
def korean_report(tabs, site_url: str, screenshot_dir) -> dict:
    """The probe's report of every Korean page (tests/ko_probe.py)."""
    if not PATHS:
        pytest.skip("no Korean pages")
    shots = screenshot_dir / "ko" if screenshot_dir else None
    return probe(tabs, site_url, shots, PATHS, ON_DESKTOP)


def visits(report: dict, path: str) -> list[dict]:
    """The page's visits: at the phone width and, for a few, the desktop's."""
    widths = (PHONE, DESKTOP) if path in ON_DESKTOP else (PHONE,)
    return [report[f"{path}@{width}"] for width in widths]


def phone_visit(report: dict, path: str) -> dict:
    """The visit that also probed the fonts (they do not depend on the width)."""
    return report[f"{path}@{PHONE}"]


def test_the_representative_pages_are_korean_pages():
    assert set(ON_DESKTOP) <= set(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_korean_page_has_no_errors_and_fits_the_screen(korean_report, path):
    for visit in visits(korean_report, path):
        assert visit["errors"] == []
        assert visit["failed"] == []
        assert visit["foreign"] == [], (
            "the book must not load anything from another host"
        )
        assert visit["overflow"] <= 1, "page is wider than the screen"


@pytest.mark.parametrize("path", PATHS)
def test_korean_text_is_drawn_in_a_cjk_font(korean_report, path):
    visit = phone_visit(korean_report, path)
    assert visit["paragraph"], "no Korean paragraph on the page"
    cjk = [f for f in visit["fonts"] if CJK_FONT.search(f["familyName"])]
    assert cjk, f"Hangul drawn in {visit['fonts']}"
    assert sum(f["glyphCount"] for f in cjk) >= 4


@pytest.mark.parametrize("path", PATHS)
def test_korean_lines_break_between_words(korean_report, path):
    """Korean wraps at spaces, not inside a word: word-break: keep-all.

    Links too, whose own Material rule once cut "퍼셉트론" as "퍼" / "셉트론".
    """
    visit = phone_visit(korean_report, path)
    assert visit["paragraph"]["wordBreak"] == "keep-all"
    for visit in visits(korean_report, path):
        assert visit["cut_words"] == [], "words cut across two lines"


@pytest.fixture(scope="module")
def korean_searches(browser, searchable_site_url: str) -> dict[str, list[str]]:
    """What a search from ``/ko/`` finds for each query of SEARCHES."""
    return search(browser, searchable_site_url + "ko/", list(SEARCHES))


@pytest.mark.parametrize("query", SEARCHES)
def test_search_from_ko_finds_the_korean_pages(korean_searches, query):
    # A page's sections come as results of their own: count pages, in order.
    pages = list(dict.fromkeys(r.split("#")[0] for r in korean_searches[query]))
    assert pages, f"no results for {query}"
    assert pages[0].startswith("/ko/"), pages
    source, expected = SEARCHES[query]
    if (DOCS / source).is_file():  # the expected page, or one below it
        assert any(r.startswith(expected) for r in pages[:5]), pages
