"""Open the Korean pages in Chromium and report what a reader would see.

``probe`` visits each path at the phone width (375 px), and a few
representative ones at the desktop width (1280 px) too, and returns, per page
and width, console errors, failed requests, whether the page is wider than
the screen, the words drawn across two lines, and, at the phone width, the
fonts Chromium really used for a Korean paragraph (DevTools'
``CSS.getPlatformFontsForNode``) and the paragraph's ``word-break``.
tests/site/test_browser_ko.py checks the report, and searches from ``/ko/``.
What the built HTML already says (``lang="ko"``, the language switcher's
links, which figure files a page shows) is checked without a browser, in
tests/site/test_site.py.
"""

from __future__ import annotations

from pathlib import Path

from chromium import (
    DESKTOP,
    PHONE,
    PageVisit,
    Tabs,
    save_screenshot,
    shot_name,
)

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
    root = client.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = client.send(
        "DOM.querySelector", {"nodeId": root, "selector": "[data-ko-probe]"}
    )
    fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    client.detach()
    return fonts["fonts"]


def visit(tabs: Tabs, base: str, path: str, width: int, shots: Path | None) -> dict:
    """One page at one width; at the phone width, also the fonts it used
    (they do not depend on the width, so one visit of each page checks them)."""
    opened = PageVisit(tabs, base, path, width)  # records errors and requests
    page = opened.page
    page.evaluate("() => document.fonts.ready")
    save_screenshot(page, shots, shot_name(path, width))
    result = {
        "paragraph": page.evaluate(MARK_KOREAN_PARAGRAPH),
        "overflow": page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        ),
        "cut_words": page.evaluate(WORDS_CUT_ACROSS_LINES),
    }
    if width == PHONE:
        result["fonts"] = platform_fonts(page) if result["paragraph"] else []
    return _closed(opened, result)


def _closed(visit: PageVisit, result: dict) -> dict:
    """The result with what went wrong on the wire; the visit is closed."""
    result.update(errors=visit.console_errors, failed=visit.failed)
    result["foreign"] = visit.foreign
    visit.close()
    return result


def probe(
    tabs: Tabs,
    base: str,
    shots: Path | None,
    paths: list[str],
    on_desktop: list[str],
) -> dict[str, dict]:
    """Every page of ``paths`` at the phone width; those of ``on_desktop`` also
    at the desktop width, by ``"PATH@WIDTH"``."""
    report = {}
    for path in paths:
        widths = (PHONE, DESKTOP) if path in on_desktop else (PHONE,)
        for width in widths:
            report[f"{path}@{width}"] = visit(tabs, base, path, width, shots)
    return report
