"""A reader who copies the code of a page into Python gets a working session.

For every chapter page and the home page, a real browser (Chromium, with
clipboard permissions) clicks the copy button of every code block in page
order, once it has checked that nothing is drawn over the button, and reads
the clipboard.  Then a fresh ``python`` process, outside the
repository and with ``DLFS_DATA`` set, runs the copied blocks in that order,
each block as one cell in one namespace (as Jupyter or IPython would).
Nothing may raise, except a block that shows a traceback on purpose, which
must raise the error it shows.

On a notebook page each cell's copy button must give that cell's code: then
pasting them in order runs the notebook, which tests/packaging/test_notebooks.py
runs (the ``.ipynb`` the page offers, from a plain install of the wheel).

What this models: the copy button of a ``pycon`` block gives only its input
lines, without prompts and output; a listing (a whole function or class)
copies exactly as shown; a fragment (one method shown alone) has no copy button.
Blank lines inside a class are fine for a cell, as they are in Jupyter.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from chromium import DESKTOP, MATERIAL_READY, STILL, copy_every_button, screen
from pages import DOCS, ROOT, chapter_pages, url_path

pytestmark = pytest.mark.browser


# Pages as source paths without suffix: each chapter's opening page first.
CHAPTER_PAGES = [
    p.relative_to(DOCS).with_suffix("").as_posix() for p in chapter_pages()
]
# The English pages only: a Korean page's code blocks hold the same code as the
# English page's, differing only in comments and Korean text (tests/book/test_i18n.py
# checks that), so they copy and run the same.
PAGES = ["index", *CHAPTER_PAGES]
NOTEBOOKS = [
    p for p in sorted((DOCS / "notebooks").glob("*.py")) if ".ko." not in p.name
]

PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
ANNOTATION = re.compile(r"[ \t]+#\s*\(\d+\)!")  # Material's code annotation marker
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


def listing_text(text: str) -> str:
    """A listing's lines as a copy must give them: no annotation markers."""
    lines = [ANNOTATION.sub("", line).rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n")


def pycon_input(shown: str) -> str:
    """What the copy button of a pycon block must give: the input lines only."""
    lines, in_traceback = [], False
    for line in shown.splitlines():
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True  # its "..." lines are output, not prompts
        elif line.startswith(">>>"):
            in_traceback = False
        if PROMPT.match(line) and not in_traceback:
            lines.append(ANNOTATION.sub("", PROMPT.sub("", line)).rstrip())
    return "\n".join(lines)


def shown_error(shown: str) -> str | None:
    """The exception a pycon block shows on purpose, or None."""
    lines = shown.splitlines()
    if not any(line.startswith("Traceback (most recent call last)") for line in lines):
        return None
    errors = [m.group(1) for line in lines if (m := ERROR_LINE.match(line))]
    return errors[-1].rsplit(".", 1)[-1] if errors else None


COLLECT = """
() => [...document.querySelectorAll(
    "article [data-clipboard-target], article clipboard-copy")].map((button, i) => {
  button.setAttribute("data-paste-test", String(i));
  const isNotebook = button.tagName.toLowerCase() === "clipboard-copy";
  let language = "python", shown = "";
  if (!isNotebook) {
    const code = document.querySelector(button.getAttribute("data-clipboard-target"));
    const block = code.closest("[class*='language-']");
    const match = block && block.className.match(/language-(\\w+)/);
    language = match ? match[1] : "text";
    // The text without Material's annotations (a marker, and the note itself
    // once Material has moved it in), which the copy leaves out too.
    const text = code.cloneNode(true);
    text.querySelectorAll(".md-annotation").forEach(a => a.remove());
    shown = text.textContent;
  }
  return {index: i, language, shown, notebook: isNotebook};
})
"""


def copy_every_block(page, base: str, page_path: str) -> list[dict]:
    """Open a page in the tab, click every copy button in order; return the
    blocks with their copy, and whether each button was on top (nothing
    drawn over it takes the click)."""
    page.goto(base + page_path, wait_until="load")
    # Material gives each listing its copy button after the load.
    page.wait_for_function(MATERIAL_READY, timeout=15_000)
    blocks = page.evaluate(COLLECT)
    copies = copy_every_button(page, "[data-paste-test]")
    blocks = [block | copy for block, copy in zip(blocks, copies, strict=True)]
    covered = [b["index"] for b in blocks if not b["onTop"]]
    assert covered == [], f"{page_path}: something is drawn over copy buttons {covered}"
    return blocks


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
def reader(browser):
    """A tab that may use the clipboard, which visits every page in turn
    (a new tab a page would cost a renderer process each)."""
    context = browser.new_context(viewport=screen(DESKTOP), **STILL)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reader")
    assert ROOT not in path.parents
    return path


@pytest.mark.parametrize("page", PAGES)
def test_pasting_the_copied_blocks_of_a_page_into_python_runs(
    reader,
    site_url,
    mnist_dir,
    workdir,
    page,
):
    blocks = copy_every_block(reader, site_url, url_path(f"{page}.md"))
    python = [b for b in blocks if b["language"] in ("python", "pycon", "py")]
    if not page.endswith("index"):  # opening pages may hold no code
        assert python, f"{page}: no block to copy"
    for block in python:
        if block["language"] != "pycon":
            # a listing copies as shown
            assert listing_text(block["copied"]) == listing_text(block["shown"]), page
        if block["language"] == "pycon":
            # the copy is the input lines only: no prompts, no output
            assert block["copied"].strip() == pycon_input(block["shown"]).strip()
            if shown_error(block["shown"]):
                after = block["shown"].split("Traceback (most recent call last)")[-1]
                assert ">>> " not in after, (
                    f"{page}: a block that shows an error must end with it, since "
                    f"a cell stops at the error:\n{block['shown']}"
                )
    results = run_cells([b["copied"] for b in python], workdir, mnist_dir)
    for block, result in zip(python, results, strict=True):
        expected = shown_error(block["shown"]) if block["language"] == "pycon" else None
        if expected:
            assert not result["ok"], f"{page}: expected {expected}:\n{block['copied']}"
            assert result["type"] == expected, result["message"]
        else:
            assert result["ok"], f"{page}:\n{block['copied']}\n{result.get('message')}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_page_copies_each_cell_as_its_code(reader, site_url, notebook):
    import jupytext

    blocks = copy_every_block(reader, site_url, f"notebooks/{notebook.stem}/")
    copied = [b["copied"].strip() for b in blocks if b["notebook"]]
    cells = jupytext.read(notebook).cells
    assert copied == [c.source.strip() for c in cells if c.cell_type == "code"]


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
