"""MkDocs hook for the companion notebooks (``docs/notebooks/chN.py``).

Download buttons: mkdocs-jupyter copies the jupytext ``.py`` next to the
page, but Material 9.8 shows no button for it.  This hook writes an
``.ipynb`` copy beside it and puts a button for each under the notebook's
title, with no template override.

Offline builds: notebooks are executed at build time so their pages show
today's outputs (all at once, beside the build: ``notebook_runs.py``).  Those
that load MNIST (:func:`book.hooks.mnist.needs_mnist`) can only run where the
four files are (:func:`dlfs.datasets.mnist_available`: ``DLFS_DATA`` or the
per-user cache).  Where they are not, the book still builds without
downloading anything: those notebooks are rendered without running, with a
note saying so, instead of failing the build.  The notebooks import only
``dlfs``, NumPy and matplotlib, so they run the same from a plain
``pip install dlfs``.

Kernels: they run the notebooks in the book's plot style, and quietly: they
talk to the build over CurveZMQ-encrypted sockets, so none of them warns that
it "is running over TCP without encryption".

Light pages: nbconvert's big inline CSS moves to one shared file, plots to PNG
files beside the page, and scripts that do nothing are dropped.

What the Korean edition needs of notebook pages is in ``book/hooks/i18n.py``.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

# MkDocs loads a hook by its path, so ``book`` is importable only with the
# repository root on sys.path: ``python -m mkdocs`` puts it there, the
# ``mkdocs`` script does not.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from book import STYLE  # noqa: E402
from book.hooks.figures import MIN_TEXT_PX, PLOT_TEXT_PX  # noqa: E402
from book.hooks.mnist import needs_mnist  # noqa: E402
from book.korean import FONT as KOREAN_FONTS  # noqa: E402

log = logging.getLogger("mkdocs.hooks.notebooks")

# What the hook writes on a notebook page, in the page's language: the Korean
# edition's pages (``chN.ko.py``) offer their own ``chN.ko.ipynb``/``.ko.py``.
TEXT = {
    "en": {
        "ipynb": "Download notebook (.ipynb)",
        "py": "Download as Python (.py, jupytext)",
        "not run": '<p class="admonition note"><strong>Not run in this build:'
        "</strong> the MNIST files were not available where the book was built, "
        "so this notebook is shown without its outputs. Download it and run it "
        "with MNIST.</p>",
    },
    "ko": {
        "ipynb": "노트북 내려받기 (.ipynb)",
        "py": "파이썬으로 내려받기 (.py, jupytext)",
        "not run": '<p class="admonition note"><strong>이 빌드에서는 실행하지 않음:'
        "</strong> 이 판을 빌드한 곳에 MNIST 파일이 없어서 이 노트북을 출력 없이 "
        "보여 줍니다. 내려받아 MNIST와 함께 실행해 보세요.</p>",
    },
}


def on_config(config: Any, **kwargs: Any) -> Any:
    """Skip running the notebooks that need MNIST when it is not available."""
    from dlfs.datasets import mnist_available

    _plot_style()
    if mnist_available():
        return config
    notebooks = (Path(config["docs_dir"]) / "notebooks").glob("*.py")
    needs = sorted(p.name for p in notebooks if needs_mnist(p))
    plugin = config.plugins["mkdocs-jupyter"]
    ignore = plugin.config["execute_ignore"]  # on_config runs once per language
    plugin.config["execute_ignore"] = [*ignore, *(n for n in needs if n not in ignore)]
    log.info("MNIST not found: notebooks %s are shown without running", needs)
    return config


@functools.cache  # once per process: per language and `mkdocs serve` rebuild
def _plot_style() -> None:
    """Notebook plots in the book's figure style, as PNG at twice the resolution.

    The kernels inherit this process's environment: ``MATPLOTLIBRC`` gives
    them the book's style (transparent, grey ink: readable in both colour
    schemes) and ``IPYTHONDIR`` an inline backend set to "retina".  The
    notebooks themselves stay plain, so a reader's own copy runs anywhere.
    The same folder holds the Jupyter setting for :func:`_encrypted_kernels`.
    """
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="dlfs-notebook-style-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    # The Korean figures' font: matplotlib falls back to it, glyph by glyph,
    # for what the book's font lacks.
    korean = KOREAN_FONTS[0]
    lines = []
    for key, value in STYLE.items():
        text = str(value)
        if key == "font.family" and _has_font(korean):
            text += f", {korean}"  # Hangul in the Korean notebooks' plots
        lines.append(f"{key}: {text[1:] if text.startswith('#') else text}")
    (folder / "matplotlibrc").write_text("\n".join(lines) + "\n")
    profile = folder / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.py").write_text(
        "c.InlineBackend.figure_formats = {'retina'}\n"
    )
    os.environ["MATPLOTLIBRC"] = str(folder / "matplotlibrc")
    os.environ["IPYTHONDIR"] = str(folder / "ipython")
    _encrypted_kernels(folder / "jupyter")


def _has_font(family: str) -> bool:
    from matplotlib import font_manager

    try:
        font_manager.findfont(family, fallback_to_default=False)
    except ValueError:
        return False
    return True


def _encrypted_kernels(folder: Path) -> None:
    """Have jupyter_client give each kernel CurveZMQ keys.

    A kernel whose sockets are plain TCP logs a warning when it starts, once
    per notebook and language.  With ``transport_encryption = "auto"`` the
    kernel manager provisions CurveZMQ keys for kernels whose kernelspec
    supports them (ipykernel's does), and the kernel starts silently.
    mkdocs-jupyter's nbconvert reads the setting from a config file in
    ``JUPYTER_CONFIG_PATH``, searched before the reader's own Jupyter config.
    Without CurveZMQ in pyzmq, or with a jupyter_client too old for the
    setting, kernels run as before and the warning stays.
    """
    import zmq
    from jupyter_client.manager import KernelManager

    if not zmq.has("curve") or not KernelManager.class_traits().get(
        "transport_encryption"
    ):
        return
    folder.mkdir()
    settings = {"KernelManager": {"transport_encryption": "auto"}}
    (folder / "jupyter_nbconvert_config.json").write_text(json.dumps(settings))
    search = [str(folder), os.environ.get("JUPYTER_CONFIG_PATH", "")]
    os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, search))


def _is_notebook(page: Any) -> bool:
    src = page.file.src_uri
    return src.startswith("notebooks/") and src.endswith(".py")


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    if not _is_notebook(page):
        return html
    stem = Path(page.file.src_uri).stem  # "ch2", or "ch2.ko" for the Korean copy
    text = TEXT["ko" if stem.endswith(".ko") else "en"]
    buttons = (
        '<p class="dlfs-downloads">'
        f'<a class="md-button md-button--primary" href="{stem}.ipynb" download>'
        f"{text['ipynb']}</a> "
        f'<a class="md-button" href="{stem}.py" download>'
        f"{text['py']}</a></p>"
    )
    plugin = kwargs["config"].plugins["mkdocs-jupyter"]
    if Path(page.file.src_uri).name in plugin.config["execute_ignore"]:
        buttons += text["not run"]
    heading_end = html.find("</h1>")
    if heading_end == -1:
        return buttons + html
    cut = heading_end + len("</h1>")
    return html[:cut] + buttons + html[cut:]


# nbconvert's page template inlines ~580 KB of JupyterLab CSS in every page;
# blocks this large move to one shared, cacheable file.
_INLINE_CSS = re.compile(r'<style type="text/css">(?P<css>.*?)</style>', re.DOTALL)
SHARED_CSS_MIN = 4096
# Scripts that do nothing in the book: MathJax with an empty src (math is
# MathML), its config, and a mermaid loader that imports from a CDN.
_DEAD_SCRIPTS = (
    re.compile(r'<script src="">\s*</script>'),
    re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.DOTALL),
    re.compile(
        r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.DOTALL
    ),
    re.compile(r"<style>\s*\.jp-Mermaid(?:(?!</style>).)*</style>", re.DOTALL),
    re.compile(
        r"<!-- (Load mathjax|MathJax configuration|End of \w+ configuration) -->"
    ),
)


_DATA_IMAGE = re.compile(
    r'<img (?P<before>[^>]*?)src="data:image/png;base64,(?P<data>[^"]+)"'
    r"(?P<after>[^>]*)>"
)


def _image_file(match: re.Match[str], folder: Path) -> str:
    """A plot as its own PNG file beside the page (cached, zoomable, lazy)."""
    import base64
    import math

    data = base64.b64decode(match.group("data"))
    name = f"plot-{hashlib.sha256(data).hexdigest()[:12]}.png"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    attributes = match.group("before") + match.group("after")
    width = re.search(r'\bwidth="(\d+)"', attributes)
    style = ""
    if width:
        least = math.ceil(int(width.group(1)) * MIN_TEXT_PX / PLOT_TEXT_PX)
        style = f' style="min-width: min({least}px, {width.group(1)}px)"'
    img = f'<img {match.group("before")}src="{name}"{match.group("after")}'
    img = img.rstrip("/ ") + f' loading="lazy"{style}>'
    return (
        f'<a class="glightbox dlfs-plot" href="{name}" data-type="image" '
        f'data-width="auto" data-height="auto">{img}</a>'
    )


def slim_notebook_page(output: str, page_url: str, site_dir: Path) -> str:
    """Move big inline CSS to shared files, plots to PNG files beside the
    page, and drop scripts that do nothing."""

    def shared(match: re.Match[str]) -> str:
        css = match.group("css")
        if len(css) < SHARED_CSS_MIN:
            return match.group(0)
        digest = hashlib.sha256(css.encode()).hexdigest()[:12]
        name = f"assets/stylesheets/jupyter.{digest}.css"
        target = site_dir / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
        href = get_relative_url(name, page_url)
        return f'<link rel="stylesheet" href="{href}">'

    output = _INLINE_CSS.sub(shared, output)
    folder = site_dir / page_url
    output = _DATA_IMAGE.sub(lambda m: _image_file(m, folder), output)
    for dead in _DEAD_SCRIPTS:
        output = dead.sub("", output)
    return output


def write_ipynb(source: Path, folder: Path) -> Path:
    """The ``.ipynb`` a notebook page offers for download, written into
    ``folder``: its jupytext source converted, without outputs."""
    import jupytext

    target = folder / f"{source.stem}.ipynb"
    folder.mkdir(parents=True, exist_ok=True)
    jupytext.write(jupytext.read(source), target, fmt="ipynb")
    return target


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    if _is_notebook(page):
        folder = Path(page.file.abs_dest_path).parent
        write_ipynb(Path(page.file.abs_src_path), folder)
        output = slim_notebook_page(output, page.url, Path(config["site_dir"]))
    return output
