"""After a new run: redraw the Performance page's figures, refresh its examples.

The page's ``pycon`` examples print tables from ``docs/data/benchmarks.json``
and are checked by pytest, so a new results file makes them stale, as it does
the figures.  :func:`refresh_book` runs each example of the page and of its
Korean twin again and writes its new output in place of the old one; nothing
else on the pages changes.  The Korean figures (``NAME.ko``) are redrawn too.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from book import DOCS_DIR

PAGES = (DOCS_DIR / "performance.md", DOCS_DIR / "performance.ko.md")
FENCE = re.compile(r"^(`{3,})pycon\b")


def _run(source: str, namespace: dict[str, object]) -> str:
    """Run one ``>>>`` example as the interactive interpreter would; its output."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(source, "<page>", "single"), namespace)
    return buffer.getvalue()


def refresh_examples(text: str) -> str:
    """``text`` with the output of every top-level ``pycon`` example re-run.

    Examples
    --------
    >>> page = "Text.\\n\\n```pycon\\n>>> print(1 + 1)\\n3\\n"
    >>> page += ">>> x = 5\\n>>> x\\n4\\n```\\n"
    >>> refresh_examples(page).splitlines()[3:]
    ['>>> print(1 + 1)', '2', '>>> x = 5', '>>> x', '5', '```']
    """
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    namespace: dict[str, object] = {}
    fence = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if fence is None:
            match = FENCE.match(line)
            fence = match.group(1) if match else None
            out.append(line)
            continue
        if line.startswith(fence):
            fence = None
            out.append(line)
            continue
        if not line.startswith(">>> "):
            continue  # an old output line: dropped, the new one is written below
        source = [line]
        while i < len(lines) and lines[i].startswith("... "):
            source.append(lines[i])
            i += 1
        out.extend(source)
        output = _run("".join(s[4:] for s in source), namespace)
        out.extend(
            "<BLANKLINE>\n" if not o.strip() else o + "\n" for o in output.splitlines()
        )
    return "".join(out)


def refresh_book() -> list[Path]:
    """Redraw the ``performance_*`` figures and refresh the pages; the files written."""
    from book import OUTPUT_DIR, build
    from book.performance import FIGURES

    written = []
    names = sorted([*FIGURES, *(f"{name}.ko" for name in FIGURES)])
    for name, svg in build(names).items():
        path = OUTPUT_DIR / f"{name}.svg"
        path.write_bytes(svg)
        written.append(path)
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = refresh_examples(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            written.append(page)
    return written
