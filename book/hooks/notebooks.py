"""MkDocs hook for the companion notebooks (``docs/notebooks/chN.py``).

Download buttons: mkdocs-jupyter copies the jupytext ``.py`` next to the
page, but Material 9.8 shows no button for it.  This hook writes an
``.ipynb`` copy beside it and puts a button for each under the notebook's
title, with no template override.

Offline builds: notebooks are executed at build time so their pages show
today's outputs.  Those that load MNIST can only run where the four files
are (:func:`dlfs.datasets.mnist_available`: ``DLFS_DATA`` or the per-user
cache).  Where they are not, the book still builds without downloading
anything: those notebooks are rendered without running, with a note saying
so, instead of failing the build.  The notebooks import only ``dlfs``, NumPy
and matplotlib, so they run the same from a plain ``pip install dlfs``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.notebooks")

NOT_RUN = (
    '<p class="admonition note"><strong>Not run in this build:</strong> the '
    "MNIST files were not available where the book was built, so this notebook "
    "is shown without its outputs. Download it and run it with MNIST.</p>"
)
# The Korean edition's notebook pages (``chN.ko.py``, issue 15) say the same
# in Korean and offer their own ``chN.ko.ipynb``/``chN.ko.py``.
NOT_RUN_KO = (
    '<p class="admonition note"><strong>이 빌드에서는 실행하지 않음:</strong> '
    "책을 빌드한 곳에 MNIST 파일이 없어서 이 노트북을 출력 없이 보여 줍니다. "
    "내려받아 MNIST와 함께 실행해 보십시오.</p>"
)
LABELS = {
    "en": ("Download notebook (.ipynb)", "Download as Python (.py, jupytext)"),
    "ko": ("노트북 내려받기 (.ipynb)", "파이썬으로 내려받기 (.py, jupytext)"),
}


def on_config(config: Any, **kwargs: Any) -> Any:
    """Skip running the notebooks that need MNIST when it is not available."""
    from dlfs.datasets import mnist_available

    if mnist_available():
        return config
    docs = Path(config["docs_dir"])
    needs = sorted(
        p.name
        for p in (docs / "notebooks").glob("*.py")
        if "load_mnist" in p.read_text()
    )
    plugin = config.plugins["mkdocs-jupyter"]
    plugin.config["execute_ignore"] = [*plugin.config["execute_ignore"], *needs]
    log.info("MNIST not found: notebooks %s are shown without running", needs)
    return config


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """Keep the notebooks notebooks in both editions.

    mkdocs-static-i18n rebuilds every file for each language (it decides
    where ``chN.ko.py`` goes: ``ko/notebooks/chN/``), and so drops the wrapper
    that makes mkdocs-jupyter render a ``.py`` as a notebook page.  Wrap them
    again, keeping the i18n plugin's destination.
    """
    from mkdocs_jupyter.plugin import NotebookFile

    plugin = config.plugins["mkdocs-jupyter"]
    for file in list(files):
        if isinstance(file, NotebookFile) or not plugin.should_include(file):
            continue
        notebook = NotebookFile(file, **config)
        notebook.dest_path, notebook.abs_dest_path = file.dest_path, file.abs_dest_path
        notebook.url = file.url
        files.remove(file)
        files.append(notebook)
    return files


def _is_notebook(page: Any) -> bool:
    src = page.file.src_uri
    return src.startswith("notebooks/") and src.endswith(".py")


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    if not _is_notebook(page):
        return html
    stem = Path(page.file.src_uri).stem  # "ch2", or "ch2.ko" for the Korean copy
    korean = stem.endswith(".ko")
    ipynb, py = LABELS["ko" if korean else "en"]
    buttons = (
        '<p class="dlfs-downloads">'
        f'<a class="md-button md-button--primary" href="{stem}.ipynb" download>'
        f"{ipynb}</a> "
        f'<a class="md-button" href="{stem}.py" download>'
        f"{py}</a></p>"
    )
    plugin = kwargs["config"].plugins["mkdocs-jupyter"]
    if Path(page.file.src_uri).name in plugin.config["execute_ignore"]:
        buttons += NOT_RUN_KO if korean else NOT_RUN
    heading_end = html.find("</h1>")
    if heading_end == -1:
        return buttons + html
    cut = heading_end + len("</h1>")
    return html[:cut] + buttons + html[cut:]


_SWITCHER_LINK = re.compile(r'href="[^"]*" (hreflang="(\w+)" class="md-select__link")')


def _switch_to_same_notebook(output: str, page: Any) -> str:
    """Point the language switcher of a notebook page at the same notebook.

    mkdocs-static-i18n finds a page's twin through the file objects, which for
    notebooks are mkdocs-jupyter's wrappers, and left the switcher of a Korean
    notebook page pointing at the home page.
    """
    from mkdocs.utils import get_relative_url

    english = page.url.removeprefix("ko/")

    def link(match: re.Match[str]) -> str:
        lang = match.group(2)
        target = english if lang == "en" else f"{lang}/{english}"
        return f'href="{get_relative_url(target, page.url)}" {match.group(1)}'

    return _SWITCHER_LINK.sub(link, output)


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    if _is_notebook(page):
        output = _switch_to_same_notebook(output, page)
        import jupytext

        source = Path(page.file.abs_src_path)
        target = Path(page.file.abs_dest_path).parent / f"{source.stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(jupytext.read(source), target, fmt="ipynb")
    return output
