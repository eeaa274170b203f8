"""The exercise pages in Chromium: every starter stub copies, with the copy
button, to exactly the file that ``python -m dlfs.exercises show`` prints (on
the Korean pages, to its Korean twin ``stubs/X.ko.py``)."""

from __future__ import annotations

import pytest
from chromium import DESKTOP, screen

from dlfs.exercises import EXERCISES, check_source

pytestmark = pytest.mark.browser


def copy_every_stub(browser, site_url: str, prefix: str = "") -> dict[str, str]:
    """Click the copy button of each stub listing; what the clipboard then holds.

    ``prefix`` is "" for the English pages and "ko/" for the Korean ones.
    """
    # The page titles each stub with the file name the learner saves it under.
    titles = {i: e.stub_path.name.split("_", 1)[1] for i, e in EXERCISES.items()}
    context = browser.new_context(viewport=screen(DESKTOP))
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    copied = {}
    try:
        for exercise_id, title in titles.items():
            chapter = exercise_id.split(".")[0]
            if chapter not in page.url:
                url = f"{site_url}{prefix}{chapter}/exercises/"
                page.goto(url, wait_until="load")
            listing = page.locator(
                "article div.language-python.highlight"
                f":has(span.filename:text-is('{title}')) pre"
            )
            # a real click, without waiting for the button's fade-in
            listing.locator("button[data-clipboard-target]").click(force=True)
            copied[exercise_id] = page.evaluate("() => navigator.clipboard.readText()")
    finally:
        context.close()
    return copied


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_stub_copies_to_the_exact_starter_file(browser, site_url, language):
    copied = copy_every_stub(browser, site_url, "" if language == "en" else "ko/")
    for exercise_id, exercise in EXERCISES.items():
        path = exercise.stub_path
        if language != "en":
            path = path.with_suffix(f".{language}.py")
        stub = path.read_text(encoding="utf-8")
        assert copied[exercise_id].rstrip("\n") == stub.rstrip("\n")
    # A copied stub, saved as a file, is one the checker runs: it fails as a stub.
    report = check_source("ch3.softmax", copied["ch3.softmax"])
    assert report.status == 1
    assert "This is still the starter stub" in report.text
