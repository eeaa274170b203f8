"""A reader who copies the code of a page into Python gets a working session.

For every chapter page and the home page, a fresh ``python`` process, outside
the repository and with ``DLFS_DATA`` set, runs the page's Python blocks as
their copy buttons give them (tests/copying.py: a ``pycon`` block's input
lines, a listing as shown), in page order, each block as one cell in one
namespace (as Jupyter or IPython would).  Nothing may raise, except a block
that shows a traceback on purpose, which must raise the error it shows.
That each button of these pages, clicked in Chromium, gives exactly that,
and that nothing is drawn over it, is checked by
tests/site/test_browser_layout.py, in the same visit as the page's layout: a
second visit of each page only to click its buttons doubled the time.
On a notebook page each cell's copy button gives that cell's code (the same
browser test): pasting them in order runs the notebook, which
tests/packaging/test_notebooks.py runs (the ``.ipynb`` the page offers, from a
plain install of the wheel).  Blank lines inside a class are fine for a cell,
as they are in Jupyter.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from copying import code_blocks, copied_pages, expected_copy, pycon_input
from pages import ROOT, html_path


ERROR_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit))\b")

# Runs the cells it reads from stdin, one namespace, and prints what happened.
RUNNER = r"""
import contextlib, io, json, sys, traceback
cells = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
results = []
for i, cell in enumerate(cells):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(cell, f"<copied block {i}>", "exec"), namespace)
        results.append({"ok": True})
    except BaseException as exc:
        results.append({"ok": False, "type": type(exc).__name__,
                        "message": "".join(traceback.format_exception(exc))[-2000:]})
print("RESULTS " + json.dumps(results))
"""


def shown_error(shown: str) -> str | None:
    """The exception a pycon block shows on purpose, or None."""
    lines = shown.splitlines()
    if not any(line.startswith("Traceback (most recent call last)") for line in lines):
        return None
    errors = [m.group(1) for line in lines if (m := ERROR_LINE.match(line))]
    return errors[-1].rsplit(".", 1)[-1] if errors else None


def run_cells(cells: list[str], workdir: Path, mnist_dir: Path) -> list[dict]:
    """Run the cells in one fresh Python process outside the repository."""
    env = {
        **os.environ,
        "DLFS_DATA": str(mnist_dir),
        "DLFS_CACHE": str(workdir / "cache"),
        "DLFS_OFFLINE": "1",
        "MPLBACKEND": "Agg",
    }
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(cells),
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=900,
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("RESULTS ")]
    assert lines, f"the session died:\n{result.stderr[-3000:]}"
    return json.loads(lines[-1].removeprefix("RESULTS "))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reader")
    assert ROOT not in path.parents
    return path


@pytest.mark.parametrize("page", copied_pages())
def test_pasting_the_copied_blocks_of_a_page_into_python_runs(
    built_site, mnist_dir, workdir, page
):
    html = html_path(built_site, page).read_text(encoding="utf-8")
    python = code_blocks(html)
    if not page.endswith("index.md"):  # opening pages may hold no code
        assert python, f"{page}: no block to copy"
    for block in python:
        if block["language"] == "pycon" and shown_error(block["shown"]):
            after = block["shown"].split("Traceback (most recent call last)")[-1]
            assert ">>> " not in after, (
                f"{page}: a block that shows an error must end with it, since "
                f"a cell stops at the error:\n{block['shown']}"
            )
    cells = [expected_copy(b["language"], b["shown"]) for b in python]
    results = run_cells(cells, workdir, mnist_dir)
    for block, cell, result in zip(python, cells, results, strict=True):
        expected = shown_error(block["shown"]) if block["language"] == "pycon" else None
        if expected:
            assert not result["ok"], f"{page}: expected {expected}:\n{cell}"
            assert result["type"] == expected, result["message"]
        else:
            assert result["ok"], f"{page}:\n{cell}\n{result.get('message')}"


def test_pycon_input_keeps_only_the_input_lines():
    shown = (
        ">>> def f(x):\n...     return x\n>>> f(2)\n2\n>>> g()\n"
        "Traceback (most recent call last):\n...\nValueError: no\n"
    )
    assert pycon_input(shown) == "def f(x):\n    return x\nf(2)\ng()"


def test_shown_error_reads_the_last_exception_line_of_a_traceback():
    shown = (
        ">>> f()\nTraceback (most recent call last):\n"
        "  ...\nnumpy.exceptions.AxisError: x\n"
    )
    assert shown_error(shown) == "AxisError"
    assert shown_error(">>> 1\n1\n") is None


def test_code_blocks_reads_what_a_built_block_shows_and_skips_fragments():
    html = (
        '<div class="language-pycon highlight"><pre><span></span><code>'
        '<a id="l1"></a><span class="gp">&gt;&gt;&gt; </span>1 &lt; 2\nTrue</code>'
        '</pre></div><div class="no-copy"><div class="language-python highlight">'
        "<pre><code>def f(self):</code></pre></div></div>"
        '<div class="language-text highlight"><pre><code>x</code></pre></div>'
    )
    assert code_blocks(html) == [
        {"language": "pycon", "shown": ">>> 1 < 2\nTrue", "title": None, "solution": False}
    ]
    titled = (
        '<details><div class="language-python highlight"><span class="filename">'
        "a.py</span><pre><code>x = 1</code></pre></div></details>"
    )
    assert code_blocks(titled) == [
        {"language": "python", "shown": "x = 1", "title": "a.py", "solution": True}
    ]
