"""MkDocs hook: download buttons on the companion notebook pages.

mkdocs-jupyter renders ``docs/notebooks/chN.py`` (jupytext percent format)
and copies the ``.py`` next to the page, but Material 9.8 shows no button
for it.  This hook writes an ``.ipynb`` copy beside it and puts a button for
each under the notebook's title, with no template override.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _is_notebook(page: Any) -> bool:
    src = page.file.src_uri
    return src.startswith("notebooks/") and src.endswith(".py")


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    if not _is_notebook(page):
        return html
    stem = Path(page.file.src_uri).stem
    buttons = (
        '<p class="dlfs-downloads">'
        f'<a class="md-button md-button--primary" href="{stem}.ipynb" download>'
        "Download notebook (.ipynb)</a> "
        f'<a class="md-button" href="{stem}.py" download>'
        "Download as Python (.py, jupytext)</a></p>"
    )
    heading_end = html.find("</h1>")
    if heading_end == -1:
        return buttons + html
    cut = heading_end + len("</h1>")
    return html[:cut] + buttons + html[cut:]


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    if _is_notebook(page):
        import jupytext

        source = Path(page.file.abs_src_path)
        target = Path(page.file.abs_dest_path).parent / f"{source.stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(jupytext.read(source), target, fmt="ipynb")
    return output
