"""book/hooks/notebooks.py: the kernels that run the notebooks start quietly."""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT))
from book.hooks.notebooks import _encrypted_kernels

WARNING = "Kernel is running over TCP without encryption"


def run_one_cell(config) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    NotebookClient(notebook, config=config, kernel_name="python3").execute()
    assert notebook.cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_notebook_kernels_run_encrypted_and_do_not_warn(tmp_path, monkeypatch, capfd):
    from mkdocs_jupyter.nbconvert2 import get_nbconvert_app

    monkeypatch.delenv("JUPYTER_CONFIG_PATH", raising=False)
    run_one_cell(get_nbconvert_app(execute=True).config)  # as the build did
    assert WARNING in capfd.readouterr().err

    _encrypted_kernels(tmp_path / "jupyter")
    app = get_nbconvert_app(execute=True)  # as mkdocs-jupyter makes it per notebook
    assert app.config.KernelManager.transport_encryption == "auto"
    run_one_cell(app.config)
    assert WARNING not in capfd.readouterr().err
