"""The companion notebooks run from a plain install of the wheel.

A reader downloads a notebook from the built site and runs it after
``pip install dlfs``, far from this repository. This test does the same: it
builds the wheel, installs it in a fresh venv that cannot see the repository,
and executes each ``.ipynb`` as the site offers it for download (made by the
notebooks hook's ``write_ipynb``, which tests/site/test_site.py checks the
built site used), in an empty folder with ``DLFS_DATA`` set.  It does not
wait for the site's build. The venv borrows the
third-party packages (NumPy, matplotlib, nbclient, ipykernel, ...) of the
running environment; ``dlfs`` itself comes only from the wheel (the fixture
``wheel_python``, tests/packaging/conftest.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from mnist_data import needs_mnist
from pages import ROOT

from book.hooks.notebooks import write_ipynb

# The Korean copies (chN.ko.py) have the same code cells (tests/book/test_i18n.py).
NOTEBOOKS = sorted(
    p for p in (ROOT / "docs/notebooks").glob("*.py") if not p.stem.endswith(".ko")
)

# Run by the venv's Python: execute one notebook, save it with its outputs.
RUNNER = """
import importlib.util, sys
import nbformat
from nbclient import NotebookClient
import dlfs

assert importlib.util.find_spec("book") is None, "the build package is visible"
notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, timeout=600, kernel_name="python3").execute(cwd=sys.argv[2])
nbformat.write(notebook, sys.argv[3])
print(dlfs.__file__)
"""


def test_there_is_a_notebook_per_chapter():
    assert [p.stem for p in NOTEBOOKS] == ["ch2", "ch3", "ch4", "ch5"]


def run_downloaded_notebook(
    python: Path, ipynb: Path, workdir: Path, data: Path | None
) -> tuple[list[dict], str]:
    """Execute ``ipynb`` with the plain install; its outputs and where dlfs was."""
    for name in ("cwd", "home", "cache", "jupyter", "ipython", "mpl"):
        (workdir / name).mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "DLFS_DATA", "VIRTUAL_ENV")
    }
    env |= {
        "HOME": str(workdir / "home"),
        "DLFS_CACHE": str(workdir / "cache"),
        "DLFS_OFFLINE": "1",
        "JUPYTER_RUNTIME_DIR": str(workdir / "jupyter"),
        "JUPYTER_DATA_DIR": str(workdir / "jupyter"),
        "IPYTHONDIR": str(workdir / "ipython"),
        "MPLCONFIGDIR": str(workdir / "mpl"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }
    if data is not None:
        env["DLFS_DATA"] = str(data)
    executed = workdir / "executed.ipynb"
    result = subprocess.run(
        [python, "-c", RUNNER, ipynb, workdir / "cwd", executed],
        cwd=workdir / "cwd",
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    cells = json.loads(executed.read_text())["cells"]
    outputs = [o for cell in cells for o in cell.get("outputs", [])]
    return outputs, result.stdout.strip()


def text_of(outputs: list[dict]) -> str:
    return "".join(
        "".join(o["text"]) for o in outputs if o.get("output_type") == "stream"
    )


def number_after(label: str, text: str) -> list[float]:
    """The numbers printed after ``label`` on its line."""
    [line] = [line for line in text.splitlines() if line.startswith(label)]
    return [float(n) for n in re.findall(r"\d+\.\d+", line[len(label) :])]


# What each notebook must show: its figures, and numbers a reader can trust.
def check_ch2(text: str) -> None:
    assert "14 of 16 truth tables found" in text
    assert "missing: [(0, 1, 1, 0), (1, 0, 0, 1)]" in text


def check_ch3(text: str) -> None:
    [accuracy] = number_after("accuracy:", text)
    assert accuracy > 0.9  # the shipped chapter 3 weights, from the wheel


def check_ch4(text: str) -> None:
    first, last = number_after("test accuracy:", text)
    assert last > first + 0.2  # the notebook's own numerical-gradient run learns


def check_ch5(text: str) -> None:
    [short] = number_after("test accuracy after 200 iterations:", text)
    [longer] = number_after("test accuracy after 20 epochs:", text)
    assert 0.5 < short < longer
    assert longer > 0.85


CHECKS = {"ch2": check_ch2, "ch3": check_ch3, "ch4": check_ch4, "ch5": check_ch5}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_downloaded_notebook_runs_from_the_wheel(
    path: Path,
    request: pytest.FixtureRequest,
    wheel_python: Path,
    tmp_path: Path,
):
    data = request.getfixturevalue("mnist_dir") if needs_mnist(path) else None
    ipynb = write_ipynb(path, tmp_path / "download")
    outputs, dlfs_file = run_downloaded_notebook(wheel_python, ipynb, tmp_path, data)
    assert Path(dlfs_file).is_relative_to(wheel_python.parents[1])
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors[0].get("traceback") if errors else ""
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert figures, "every notebook draws at least one figure"
    CHECKS[path.stem](text_of(outputs))
