"""The exercise pages: every starter stub and every solution copies, with the
copy button, to exactly the file that ``python -m dlfs.exercises show``
(``--solution``) prints (on the Korean pages, to its Korean twin
``X.ko.py``).

On the English pages, which tests/site/test_browser_layout.py visits, clicks
every copy button of and finds each gives the block it belongs to, the built
page is read: each listing is its file.  The Korean pages are visited here,
in Chromium, and their buttons clicked."""

from __future__ import annotations

import pytest
from chromium import DESKTOP, MATERIAL_READY, copy_every_button
from copying import code_blocks, listing_text

from dlfs.exercises import EXERCISES, check_source


# Marks the copy button of every listing titled with a file name, in page
# order; the titles, and whether each is a solution (in its closed box).
MARK_LISTINGS = """() => [...document.querySelectorAll(
    "article div.language-python.highlight")].flatMap(listing => {
  const title = listing.querySelector("span.filename");
  const button = listing.querySelector("pre button[data-clipboard-target]");
  if (!title || !button) return [];
  button.setAttribute("data-listing-copy", "");
  return [{title: title.textContent.trim(), solution: !!listing.closest("details")}];
})"""


def listing_ids() -> dict[tuple[str, str], str]:
    """Exercise ids by (chapter, the file name a page titles its listing with)."""
    return {
        (i.split(".")[0], e.stub_path.name.split("_", 1)[1]): i
        for i, e in EXERCISES.items()
    }


def copy_every_korean_listing(tabs, site_url: str) -> dict:
    """Click the copy button of each stub listing and of each solution (in
    its box, which the click opens first) on the Korean exercise pages; what
    the clipboard then holds, by (id, "stub" or "solution")."""
    # The page titles each listing with the file name the learner saves it under.
    ids = listing_ids()
    page = tabs.tab(DESKTOP, "light")  # its context may use the clipboard
    copied = {}
    for chapter in sorted({chapter for chapter, _ in ids}):
        page.goto(f"{site_url}ko/{chapter}/exercises/", wait_until="load")
        page.wait_for_function(MATERIAL_READY, timeout=15_000)
        listings = page.evaluate(MARK_LISTINGS)
        copies = copy_every_button(page, "[data-listing-copy]")
        for listing, copy in zip(listings, copies, strict=True):
            assert copy["onTop"], f"something is drawn over {listing}'s copy button"
            if (chapter, listing["title"]) in ids:
                kind = "solution" if listing["solution"] else "stub"
                copied[ids[chapter, listing["title"]], kind] = copy["copied"]
    return copied


def test_the_english_pages_show_every_stub_and_solution_as_its_file(built_site):
    ids, shown = listing_ids(), {}
    for chapter in sorted({chapter for chapter, _ in ids}):
        page = built_site / chapter / "exercises" / "index.html"
        for block in code_blocks(page.read_text(encoding="utf-8")):
            if (chapter, block["title"]) in ids:
                kind = "solution" if block["solution"] else "stub"
                shown[ids[chapter, block["title"]], kind] = block["shown"]
    for exercise_id, exercise in EXERCISES.items():
        stub, solution = exercise.stub("en"), exercise.solution("en")
        assert listing_text(shown[exercise_id, "stub"]) == listing_text(stub)
        assert listing_text(shown[exercise_id, "solution"]) == listing_text(solution)


@pytest.mark.browser
def test_every_korean_stub_and_solution_copies_to_its_exact_file(tabs, site_url):
    copied = copy_every_korean_listing(tabs, site_url)
    for exercise_id, exercise in EXERCISES.items():
        files = {"stub": exercise.stub("ko"), "solution": exercise.solution("ko")}
        for kind, text in files.items():
            assert copied[exercise_id, kind].rstrip("\n") == text.rstrip("\n")
    # Copied and saved as files, a stub fails as a stub and a solution passes.
    report = check_source("ch3.softmax", copied["ch3.softmax", "stub"])
    assert report.status == 1
    assert "This is still the starter stub" in report.text
    assert check_source("ch3.softmax", copied["ch3.softmax", "solution"]).status == 0
