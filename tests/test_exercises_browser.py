"""The exercise pages in Chromium: every starter stub copies, with the copy
button, to exactly the file that ``python -m dlfs.exercises show`` prints."""

from __future__ import annotations

import pytest
from test_browser import browser, site_url  # noqa: F401  (fixtures)

from dlfs.exercises import EXERCISES, check_source

pytestmark = pytest.mark.browser


def test_every_stub_copies_to_the_exact_starter_file(browser, site_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    copied = ""
    try:
        for chapter in ["ch2", "ch3", "ch4", "ch5"]:
            page.goto(site_url + f"{chapter}/exercises/", wait_until="networkidle")
            ids = [i for i in EXERCISES if i.startswith(chapter + ".")]
            for exercise_id in ids:
                stub = EXERCISES[exercise_id]
                title = stub.stub_path.name.split("_", 1)[1]
                listing = page.locator(
                    "article div.language-python.highlight"
                    f":has(span.filename:text-is('{title}')) pre"
                )
                listing.scroll_into_view_if_needed()
                listing.hover()
                listing.locator("button[data-clipboard-target]").click()
                copied = page.evaluate("() => navigator.clipboard.readText()")
                assert copied.rstrip("\n") == stub.stub().rstrip("\n"), exercise_id
    finally:
        context.close()
    # The last copy, saved as a file, is one the checker runs: it fails as a stub.
    report = check_source(exercise_id, copied)
    assert report.status == 1
    assert "This is still the starter stub" in report.text
