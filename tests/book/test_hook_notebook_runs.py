"""book/hooks/notebook_runs.py: what a notebook run beside the build leaves.

That every notebook of a build is run once, beside it, and its page taken
from that run is read from the build's log (tests/site/test_build_log.py).
Here the conversion is replaced by one that fails as a run can.
"""

from __future__ import annotations

import sys

import pytest
from pages import ROOT

sys.path.insert(0, str(ROOT))
from mkdocs_jupyter import plugin
from nbclient.exceptions import CellExecutionError

from book.hooks.notebook_runs import render


def converting(monkeypatch, *outcomes: BaseException | str) -> list[str]:
    """nb2html gives the outcomes in turn (raises an error, returns a page);
    the notebooks it was asked for are listed."""
    asked, queue = [], list(outcomes)

    def nb2html(path: str, **settings: object) -> str:
        asked.append(path)
        outcome = queue.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):  # render sets them
        monkeypatch.setenv(name, "1")
    monkeypatch.setattr(plugin.convert, "nb2html", nb2html)
    monkeypatch.setattr(plugin, "_get_nb_toc_tokens", lambda path, depth: ([], "T"))
    return asked


def test_a_notebook_whose_cell_fails_leaves_no_page_so_the_plugin_reports_it(
    tmp_path, monkeypatch
):
    asked = converting(monkeypatch, CellExecutionError("boom", "ValueError", "x"))
    assert render("nb.py", True, {}, 3, tmp_path / "page.json") is False
    assert asked == ["nb.py"]  # a cell that fails is not run again
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("second", ["<p>page</p>", RuntimeError("kernel died")])
def test_a_kernel_that_fails_to_start_is_started_once_more(
    tmp_path, monkeypatch, second
):
    asked = converting(monkeypatch, RuntimeError("Address already in use"), second)
    out = tmp_path / "page.json"
    made = render("nb.py", True, {}, 3, out)
    assert asked == ["nb.py", "nb.py"]
    assert made is isinstance(second, str)
    assert [p.name for p in tmp_path.iterdir()] == (["page.json"] if made else [])
    if made:
        assert '"content": "<p>page</p>"' in out.read_text()
