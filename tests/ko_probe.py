"""Open the Korean pages in Chromium and report what a reader would see.

``probe`` visits each path at the phone width (375 px), and a few
representative ones at the desktop width (1280 px) too, and returns, per page
and width, console errors, failed requests, whether the page is wider than
the screen, the words drawn across two lines, and, at the phone width, the
fonts Chromium really used for a Korean paragraph (DevTools'
``CSS.getPlatformFontsForNode``), the paragraph's ``word-break`` and the
language switcher's round trip; then the results of a few searches from
``/ko/``.  tests/site/test_browser_ko.py checks the report.  What the built
HTML already says (``lang="ko"``, which figure files a page shows) is
checked without a browser, in tests/site/test_site.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from chromium import PageVisit, save_screenshot

PHONE, DESKTOP = 375, 1280
SEARCHES = ("역전파", "기울기", "소프트맥스")

MARK_KOREAN_PARAGRAPH = """() => {
    const ps = [...document.querySelectorAll('article p, article li')];
    const own = e => [...e.childNodes].filter(n => n.nodeType === 3)
        .map(n => n.textContent).join('');
    const p = ps.find(e => /[\\uac00-\\ud7a3]{4}/.test(own(e)));
    if (!p) return null;
    p.setAttribute('data-ko-probe', '');
    const style = getComputedStyle(p);
    return {fontFamily: style.fontFamily, wordBreak: style.wordBreak,
            text: p.textContent.slice(0, 60)};
}"""


# Words of the article's text (not code or math) drawn across two lines: a
# Korean word should never be cut ("퍼" / "셉트론"), whatever element holds it.
WORDS_CUT_ACROSS_LINES = """() => {
    const cut = [];
    const walk = document.createTreeWalker(
        document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.parentElement.closest('pre, code, math, script, style, svg')) continue;
        for (const m of n.textContent.matchAll(/[\\uac00-\\ud7a3A-Za-z0-9]{2,}/g)) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            if (rects.length > 1 && rects.at(-1).top - rects[0].top > 2) cut.push(m[0]);
        }
    }
    return cut;
}"""


def platform_fonts(page: object) -> list[dict]:
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("CSS.enable")
    root = client.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = client.send(
        "DOM.querySelector", {"nodeId": root, "selector": "[data-ko-probe]"}
    )
    fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    client.detach()
    return fonts["fonts"]


def visit(
    browser: object, base: str, path: str, width: int, shots: Path | None
) -> dict:
    """One page at one width; at the phone width, also its fonts and switcher.

    Fonts and the switcher's links do not depend on the width, so one visit
    of each page (the phone's) checks them.
    """
    opened = PageVisit(browser, base, path, width)  # records errors and requests
    page = opened.page
    page.evaluate("() => document.fonts.ready")
    name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
    save_screenshot(page, shots, name)
    result = {
        "paragraph": page.evaluate(MARK_KOREAN_PARAGRAPH),
        "overflow": page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        ),
        "cut_words": page.evaluate(WORDS_CUT_ACROSS_LINES),
    }
    if width != PHONE:
        return _closed(opened, result)
    result["fonts"] = platform_fonts(page) if result["paragraph"] else []
    result["switch"] = switcher(page)
    return _closed(opened, result)


def switcher(page: object) -> dict:
    """The switcher's links: to the English page and back, as a reader clicks."""
    switch = {}
    for lang in ("en", "ko"):
        link = page.locator(f'a.md-select__link[hreflang="{lang}"]').first
        if link.count() == 0:
            switch[lang] = None
            continue
        href = urljoin(page.url, link.get_attribute("href"))
        switch[lang] = urlsplit(href).path
        if lang == "en":
            page.goto(href, wait_until="load")
            switch["en_lang"] = page.evaluate("() => document.documentElement.lang")
            back = page.locator('a.md-select__link[hreflang="ko"]').first
            switch["back"] = urlsplit(
                urljoin(page.url, back.get_attribute("href"))
            ).path
    return switch


def _closed(visit: PageVisit, result: dict) -> dict:
    """The result with what went wrong on the wire; the visit is closed."""
    result.update(errors=visit.console_errors, failed=visit.failed)
    result["foreign"] = visit.foreign
    visit.close()
    return result


def search(browser: object, base: str, query: str) -> list[str]:
    """Results of a query typed into the search box of /ko/ (URL paths)."""
    import time

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "ko/", wait_until="networkidle")
    count = "() => document.querySelectorAll('.md-search-result__item').length"
    # The index is built in a worker after the page loads, which can take a
    # while on a busy machine, and a query typed before the search listens is
    # lost: focus the box as a reader does, type, and poll for the answer,
    # retyping the last letter now and then (Material ignores an unchanged
    # value, so filling the same text again would not ask again).
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_timeout(500)
    page.keyboard.type(query)
    for attempt in range(1, 120):
        if page.evaluate(count):
            break
        if attempt % 10 == 0:
            page.keyboard.press("Backspace")
            page.keyboard.type(query[-1])
        time.sleep(0.5)
    page.wait_for_timeout(300)
    found = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item a')]"
        ".map(a => new URL(a.href).pathname)"
    )
    page.context.close()
    return found


def probe(
    browser: object,
    base: str,
    shots: Path | None,
    paths: list[str],
    on_desktop: list[str],
) -> dict:
    """Every page of ``paths`` at the phone width; those of ``on_desktop`` also
    at the desktop width.  Keys of ``report["pages"]``: ``"PATH@WIDTH"``."""
    report: dict = {"pages": {}, "search": {}}
    for path in paths:
        widths = (PHONE, DESKTOP) if path in on_desktop else (PHONE,)
        for width in widths:
            report["pages"][f"{path}@{width}"] = visit(
                browser, base, path, width, shots
            )
    for query in SEARCHES:
        report["search"][query] = search(browser, base, query)
    return report
