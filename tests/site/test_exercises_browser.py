"""The exercise pages in Chromium: every starter stub and every solution
copies, with the copy button, to exactly the file that ``python -m
dlfs.exercises show`` (``--solution``) prints (on the Korean pages, to its
Korean twin ``X.ko.py``)."""

from __future__ import annotations

import pytest
from chromium import DESKTOP, screen

from dlfs.exercises import EXERCISES, check_source

pytestmark = pytest.mark.browser


def copy_every_listing(browser, site_url: str, prefix: str = "") -> dict:
    """Click the copy button of each stub listing, and of each solution (after
    opening its box); what the clipboard then holds, by (id, "stub" or
    "solution").

    ``prefix`` is "" for the English pages and "ko/" for the Korean ones.
    """
    # The page titles each listing with the file name the learner saves it under.
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
            listing = (
                f"div.language-python.highlight:has(span.filename:text-is('{title}'))"
            )
            stub = page.locator(f"article {listing}:not(details *) pre")
            solution = page.locator(f"article details {listing} pre")
            box = page.locator("article details", has=page.locator(listing))
            box.locator("summary").click()
            for kind, pre in (("stub", stub), ("solution", solution)):
                page.evaluate("() => navigator.clipboard.writeText('')")
                pre.hover()  # the copy button fades in, then a real click
                pre.locator("button[data-clipboard-target]").click()
                copied[exercise_id, kind] = page.wait_for_function(
                    "async () => (await navigator.clipboard.readText()) || null"
                ).json_value()
    finally:
        context.close()
    return copied


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_stub_and_solution_copies_to_its_exact_file(browser, site_url, language):
    copied = copy_every_listing(browser, site_url, "" if language == "en" else "ko/")
    for exercise_id, exercise in EXERCISES.items():
        files = {
            "stub": exercise.stub(language),
            "solution": exercise.solution(language),
        }
        for kind, text in files.items():
            assert copied[exercise_id, kind].rstrip("\n") == text.rstrip("\n")
    # Copied and saved as files, a stub fails as a stub and a solution passes.
    report = check_source("ch3.softmax", copied["ch3.softmax", "stub"])
    assert report.status == 1
    assert "This is still the starter stub" in report.text
    assert check_source("ch3.softmax", copied["ch3.softmax", "solution"]).status == 0
