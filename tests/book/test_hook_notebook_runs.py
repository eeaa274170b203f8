"""book/hooks/notebook_runs.py: what a notebook run beside the build leaves.

That every notebook of a build is run once, beside it, and its page taken
from that run is read from the build's log (tests/site/test_build_log.py).
"""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT))
from book.hooks.notebook_runs import render

SETTINGS = {"allow_errors": False, "kernel_name": "", "theme": ""}


def test_a_notebook_that_fails_leaves_no_page_so_the_plugin_reports_it(tmp_path):
    notebook = tmp_path / "fails.py"
    notebook.write_text("# %%\nraise ValueError('a cell that fails')\n")
    out = tmp_path / "page.json"
    assert render(str(notebook), True, SETTINGS, 3, out) is False
    assert list(tmp_path.iterdir()) == [notebook]
