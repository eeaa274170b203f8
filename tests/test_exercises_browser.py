"""The exercise pages in Chromium: every starter stub copies, with the copy
button, to exactly the file that ``python -m dlfs.exercises show`` prints.

Chromium runs in a child process, so this test's Playwright never meets the
one that ``tests/test_browser.py`` keeps open for the whole session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlfs.exercises import EXERCISES, check_source

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"

COPY_EVERY_STUB = r"""
import functools, json, sys, threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from playwright.sync_api import sync_playwright

site, titles = sys.argv[1], json.loads(sys.argv[2])
class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/"
args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run"]
copied = {}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=sys.argv[3], args=args)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    for exercise_id, title in titles.items():
        page.goto(url + exercise_id.split(".")[0] + "/exercises/", wait_until="load")
        listing = page.locator("article div.language-python.highlight"
                               f":has(span.filename:text-is('{title}')) pre")
        listing.scroll_into_view_if_needed()
        listing.hover()
        listing.locator("button[data-clipboard-target]").click()
        copied[exercise_id] = page.evaluate("() => navigator.clipboard.readText()")
    browser.close()
server.shutdown()
print(json.dumps(copied))
"""


def test_every_stub_copies_to_the_exact_starter_file(built_site):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} not found")
        pytest.skip(f"{CHROMIUM} not found")
    # The page titles each stub with the file name the learner saves it under.
    titles = {i: e.stub_path.name.split("_", 1)[1] for i, e in EXERCISES.items()}
    command = [sys.executable, "-c", COPY_EVERY_STUB, str(built_site)]
    ran = subprocess.run(
        [*command, json.dumps(titles), CHROMIUM],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    copied = json.loads(ran.stdout)
    for exercise_id, exercise in EXERCISES.items():
        assert copied[exercise_id].rstrip("\n") == exercise.stub().rstrip("\n")
    # A copied stub, saved as a file, is one the checker runs: it fails as a stub.
    report = check_source("ch3.softmax", copied["ch3.softmax"])
    assert report.status == 1
    assert "This is still the starter stub" in report.text
