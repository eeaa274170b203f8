"""The companion notebooks run from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted(
    (Path(__file__).resolve().parent.parent / "docs/notebooks").glob("*.py")
)


def test_there_is_a_notebook_per_chapter():
    assert [p.stem for p in NOTEBOOKS] == ["ch2", "ch3", "ch4", "ch5"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path, request, monkeypatch):
    # Chapters 4 and 5 read committed logs through the build package ``book``.
    monkeypatch.setenv("PYTHONPATH", str(path.parents[2]))
    if "load_mnist" in path.read_text():
        request.getfixturevalue("mnist_dir")
    notebook = jupytext.read(path)
    NotebookClient(notebook, timeout=300, kernel_name="python3").execute(
        cwd=str(path.parent)
    )
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert outputs, "a notebook should show something"
    assert not [o for o in outputs if o.get("output_type") == "error"]
