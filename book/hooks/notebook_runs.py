"""MkDocs hook: the companion notebooks of both editions run at once.

mkdocs-jupyter runs a notebook when it renders its page, one after another:
eight notebooks (four per edition), each in a kernel of its own, most of a
minute of a build.  This hook starts them all as the build starts, in
processes beside it, and hands the plugin their pages through its cache, in
a folder that lives as long as this process.  The plugin computes the same
cache key, finds the page and does not run the notebook again; a page still
running when it is needed is waited for.  A notebook that fails in its
process leaves no page, so the plugin runs it itself and reports the error
as it always did.

It changes when a notebook runs, not what it shows: the same conversion with
the plugin's own settings.  It must come after ``notebooks.py`` among the
hooks, which decides what runs (``execute_ignore``).
"""

from __future__ import annotations

import atexit
import functools
import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePath
from typing import Any

# Run or running, by the cache file each one writes; the latest by notebook.
_RUNS: dict[Path, Future] = {}
_LATEST: dict[str, Future] = {}
# What nb2html takes from the plugin's settings, besides ``execute``.
_SETTINGS = (
    "kernel_name",
    "theme",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
)


@functools.cache
def _pool() -> ProcessPoolExecutor:
    """Processes forked from the build: they have its hooks' settings (the
    kernels' style and encryption live in the environment).  The kernels do
    the work, so as many as there are cores."""
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 2, mp_context=context)
    atexit.register(pool.shutdown, cancel_futures=True)
    return pool


@functools.cache
def _cache_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="dlfs-notebook-pages-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _executes(path: Path, plugin_config: Any) -> bool:
    """Whether the plugin runs the notebook (its ``execute_ignore`` rule)."""
    ignored = plugin_config["execute_ignore"] or []
    return plugin_config["execute"] and not any(
        PurePath(path).match(pattern) for pattern in ignored
    )


def render(path: str, execute: bool, settings: dict, toc_depth: int, out: Path) -> bool:
    """The page mkdocs-jupyter would make of the notebook, as its cache entry.

    Kernels started at once in two processes can pick the same free port
    (jupyter_client cannot reserve one across processes): a kernel that
    failed to start is started again.  A notebook that fails is left to the
    plugin.  One BLAS thread a kernel: they run side by side.
    """
    from mkdocs_jupyter import plugin
    from nbclient.exceptions import CellExecutionError

    os.environ.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    for attempt in (1, 2):
        try:
            content = plugin.convert.nb2html(path, execute=execute, **settings)
            toc_tokens, title = plugin._get_nb_toc_tokens(path, toc_depth)
            break
        except CellExecutionError:
            return False
        except Exception:  # the kernel did not start, or died
            if attempt == 2:
                return False
    entry = {"content": content, "toc_tokens": toc_tokens, "title": title}
    part = out.with_suffix(".part")
    part.write_text(json.dumps(entry), encoding="utf-8")
    part.replace(out)
    return True


def on_config(config: Any, **kwargs: Any) -> Any:
    """Start every notebook that runs and is not started yet, the English
    ones first: their edition is built first."""
    from mkdocs_jupyter import plugin as module

    # MkDocs loads a hook from its file, under a name no other process can
    # import: the processes are handed the function by its module's name
    # (``book`` is importable during a build, see notebooks.py).
    from book.hooks.notebook_runs import render

    plugin = config.plugins["mkdocs-jupyter"]
    if not plugin.config["execute"] or "cache" not in plugin.config:
        return config
    plugin.config["cache"] = True
    plugin.config["cache_dir"] = str(_cache_dir())
    notebooks = sorted(
        (Path(config["docs_dir"]) / "notebooks").glob("*.py"),
        key=lambda path: (".ko." in path.name, path.name),
    )
    settings = {key: plugin.config[key] for key in _SETTINGS}
    for path in notebooks:
        execute = _executes(path, plugin.config)
        key = module._compute_cache_key(str(path), plugin.config, execute)
        out = module._get_cache_path(plugin.config["cache_dir"], key)
        if execute and out not in _RUNS:
            _RUNS[out] = _LATEST[str(path)] = _pool().submit(
                render, str(path), True, settings, plugin.config["toc_depth"], out
            )
    return config


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """At the end of an edition's build the plugin deletes the cache entries
    that build did not use, the other edition's pages among them: it is told
    that all of them are in use.  (Its record, reset as each build starts; the
    folder is this process's own, removed at exit.)"""
    used = getattr(config.plugins["mkdocs-jupyter"], "_used_cache_paths", None)
    if used is not None:
        used.update(_RUNS)


def on_pre_page(page: Any, config: Any, **kwargs: Any) -> Any:
    """A notebook page renders once its run has ended: the plugin's render
    (this hook's ``on_pre_page`` comes after the plugin's) then finds it."""
    run = _LATEST.get(page.file.abs_src_path)
    if run is None:
        return page
    render = page.render

    def render_when_run(*args: Any, **kwargs: Any) -> Any:
        run.exception()  # waits; a failed run leaves the plugin to run it
        return render(*args, **kwargs)

    page.render = render_when_run
    return page
