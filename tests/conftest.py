"""Shared fixtures: the MNIST files, the built book, its server and a browser.

The expensive ones are built once per pytest-xdist worker, so the tests that
share them run on one worker (``--dist loadgroup``): every test that uses the
built book or the browser is in the group "site", every other test that uses
the wheel in the group "wheel" (:func:`pytest_collection_modifyitems`).

Screenshots for a person to look at are written only when asked for:
``DLFS_SCREENSHOTS=1 pytest -m browser`` fills ``screenshots/`` (see
:func:`screenshot_dir`).  Checks that read pixels take theirs in memory.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, require_chromium
from mnist_data import mnist_dir_or_none, skip_reason
from pages import ROOT

# A test that uses one of these runs on the worker that built the book.
SITE_FIXTURES = frozenset(
    {"built_site", "build_log", "site_url", "browser", "screenshot_dir"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    """Group the tests by the session fixture they share, for pytest-xdist."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & SITE_FIXTURES:
            item.add_marker(pytest.mark.xdist_group("site"))
        elif "wheel" in names:
            item.add_marker(pytest.mark.xdist_group("wheel"))


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
    """The book built with ``mkdocs build --strict`` into a temporary folder.

    What the build printed is kept beside it, in :func:`build_log`'s file.
    """
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    build_log_path(site).write_text(result.stdout + result.stderr, encoding="utf-8")
    return site


def build_log_path(site: Path) -> Path:
    """Where :func:`built_site` keeps what the build of ``site`` printed."""
    return site.with_name(f"{site.name}-build.log")


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything ``mkdocs build --strict`` printed while building the book."""
    return build_log_path(built_site).read_text(encoding="utf-8")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built book served on 127.0.0.1 (and nowhere else)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


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
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dlfs wheel, built offline once from a copy of what the package is made of.

    Building from a copy keeps setuptools' ``build/`` out of the checkout, so
    no file left there by an earlier build can slip into the wheel.
    """
    import shutil
    import subprocess
    import sys

    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "dlfs", source / "dlfs", ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index", "-q"]
    build += ["--no-build-isolation", "--no-cache-dir", "--wheel-dir", str(dist)]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    built = subprocess.run(
        [*build, str(source)], capture_output=True, text=True, cwd=dist, env=env
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [path] = dist.glob("dlfs-*.whl")
    return path


@pytest.fixture(scope="session")
def screenshot_dir() -> Path | None:
    """``screenshots/``, emptied once, when ``DLFS_SCREENSHOTS=1``; else None.

    Screenshots are for a person to look at, not for the checks, so the
    browser tests save them only when asked (:func:`chromium.save_screenshot`)
    and otherwise leave the folder as it is.
    """
    import shutil

    if os.environ.get("DLFS_SCREENSHOTS", "") in ("", "0"):
        return None
    folder = ROOT / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder
