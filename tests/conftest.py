"""Shared fixtures: the MNIST files, the built book, its server and a browser.

The suite runs on every core with pytest-xdist (``-n auto``, see
``pyproject.toml``).  What is expensive to make is made once per run,
whichever worker asks first, and shared with the others
(:func:`once_per_run`): the built book, whose build starts as the run starts
(it takes a minute that other tests can use), and the wheel.  So the site's
tests and the browser's can run on every worker; with ``--dist loadscope``
the tests of a module, which share its fixtures, run on one.  (No
``xdist_group``: with pytest 9, xdist 3.8's groups are silently ignored.)

Screenshots for a person to look at are written only when asked for:
``DLFS_SCREENSHOTS=1 pytest -m browser`` fills ``screenshots/`` (see
:func:`screenshot_dir`).  Checks that read pixels take theirs in memory.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, Tabs, require_chromium
from mnist_data import mnist_dir_or_none, skip_reason
from pages import ROOT

# What this worker is making for the run, in threads of its own.
_MAKING: list[threading.Thread] = []


def _run_root(factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder, shared by its xdist workers."""
    root = factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


def start_once_per_run(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> None:
    """Start ``make(folder)`` in a thread, unless a worker already started it.

    The first to ask claims the work by creating a directory (atomic); the
    thread leaves a ``.done`` or ``.failed`` file beside ``folder``.
    """
    root = _run_root(factory)
    try:
        (root / f"{name}.claimed").mkdir()
    except FileExistsError:
        return

    def run() -> None:
        try:
            make(root / name)
        except BaseException as error:
            message = f"{type(error).__name__}: {error}"
            (root / f"{name}.failed").write_text(message, encoding="utf-8")
        else:
            (root / f"{name}.done").touch()

    thread = threading.Thread(target=run, name=f"making {name}")
    thread.start()
    _MAKING.append(thread)


def once_per_run(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """``make(folder)``, made once per test run by the first xdist worker that
    asks and shared with the others (the same in a serial run)."""
    start_once_per_run(factory, name, make)
    root = _run_root(factory)
    done, failed = root / f"{name}.done", root / f"{name}.failed"
    waited = 0.0
    while not (done.exists() or failed.exists()):
        if waited > 1800:
            pytest.fail(f"{name}: not made after 30 minutes")
        time.sleep(0.2)
        waited += 0.2
    if failed.exists():
        pytest.fail(f"{name} could not be made:\n{failed.read_text(encoding='utf-8')}")
    return root / name


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A worker leaves only once what it started making is made."""
    for thread in _MAKING:
        thread.join()


def _needs_the_site(item: pytest.Item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The test files that wait for the built book run last, so that the
    build overlaps every other test instead of keeping a worker waiting.
    (A file is what ``--dist loadscope`` hands a worker.)"""
    waiting = {item.nodeid.split("::")[0] for item in items if _needs_the_site(item)}
    items.sort(key=lambda item: item.nodeid.split("::")[0] in waiting)


@pytest.fixture(scope="session", autouse=True)
def _start_building_the_book(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Start the book's build as the run starts, if a test will need it: it
    takes a minute, which other tests can use."""
    if any(_needs_the_site(item) for item in request.session.items):
        start_once_per_run(tmp_path_factory, "site", build_site)


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The folder with the four MNIST files; tests skip without it, unless in CI."""
    path = mnist_dir_or_none()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{skip_reason()} (CI is set, so MNIST tests must run)")
        pytest.skip(skip_reason())
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built with ``mkdocs build --strict`` into a temporary folder,
    once per run (:func:`once_per_run`), started as the run starts.

    What the build printed is kept beside it, in :func:`build_log`'s file.
    """
    return once_per_run(tmp_path_factory, "site", build_site)


def build_site(site: Path) -> None:
    """``mkdocs build --strict`` into ``site``; its output to ``build_log_path``."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    build_log_path(site).write_text(result.stdout + result.stderr, encoding="utf-8")


def build_log_path(site: Path) -> Path:
    """Where :func:`built_site` keeps what the build of ``site`` printed."""
    return site.with_name(f"{site.name}-build.log")


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything ``mkdocs build --strict`` printed while building the book."""
    return build_log_path(built_site).read_text(encoding="utf-8")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built book quietly; with ``search_index`` set, that body
    instead of the book's ``search/search_index.json``."""

    search_index: bytes | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # The book does not change during a session: pages opened in one
        # browser context reuse its styles, scripts and fonts without asking.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def do_GET(self) -> None:
        if self.search_index is None or not self.path.endswith(SEARCH_INDEX):
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.search_index)))
        self.end_headers()
        self.wfile.write(self.search_index)


SEARCH_INDEX = "/search/search_index.json"


@contextlib.contextmanager
def serving(folder: Path, search_index: bytes | None = None) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 (and nowhere else); yields its URL."""
    handler = type("Handler", (QuietHandler,), {"search_index": search_index})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def searchable_site_url(built_site: Path) -> Iterator[str]:
    """The built book, exactly as built, served on 127.0.0.1: for searches."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built book served on 127.0.0.1, with an empty search index.

    Material's search worker builds its index from the whole book's
    ``search_index.json`` (both editions, 1 MB) at every page load, whether
    or not the reader searches: 0.85 CPU s of the 1.7 a visit costs Chromium
    here.  A visit that does not search gets the same index with no pages;
    the tests that search use :func:`searchable_site_url`.
    """
    config = json.loads((built_site / SEARCH_INDEX.lstrip("/")).read_bytes())["config"]
    empty = json.dumps({"config": config, "docs": []}).encode()
    with serving(built_site, search_index=empty) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, via Playwright: one for the whole session."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tabs(browser: object) -> Iterator[Tabs]:
    """One tab per width and OS colour scheme, which the visits navigate."""
    shared = Tabs(browser)
    yield shared
    shared.close()


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dlfs wheel, built offline once per run (:func:`once_per_run`) from
    a copy of what the package is made of.

    Building from a copy keeps setuptools' ``build/`` out of the checkout, so
    no file left there by an earlier build can slip into the wheel.
    """
    dist = once_per_run(tmp_path_factory, "dist", build_wheel)
    [path] = dist.glob("dlfs-*.whl")
    return path


def build_wheel(dist: Path) -> None:
    """``pip wheel`` into ``dist``, from a copy of the package beside it."""
    import shutil
    import subprocess
    import sys

    source = dist.with_name(f"{dist.name}-source")
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "dlfs", source / "dlfs", ignore=ignore)
    dist.mkdir()
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index", "-q"]
    build += ["--no-build-isolation", "--no-cache-dir", "--wheel-dir", str(dist)]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    built = subprocess.run(
        [*build, str(source)], capture_output=True, text=True, cwd=dist, env=env
    )
    assert built.returncode == 0, built.stdout + built.stderr


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """``screenshots/``, emptied once per run, when ``DLFS_SCREENSHOTS=1``;
    else None.

    Screenshots are for a person to look at, not for the checks, so the
    browser tests save them only when asked (:func:`chromium.save_screenshot`)
    and otherwise leave the folder as it is.
    """
    import shutil

    if os.environ.get("DLFS_SCREENSHOTS", "") in ("", "0"):
        return None
    folder = ROOT / "screenshots"

    def empty(_: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()

    once_per_run(tmp_path_factory, "screenshots-emptied", empty)
    return folder
