"""Root pytest configuration: the book's pages are tests too.

Every ``>>>`` example in a ``pycon`` block of ``docs/**/*.md`` runs as a
doctest (see ``tests/doc_examples.py``); a Korean page ``X.ko.md`` only when
its examples differ from ``X.md``'s in more than comments (otherwise the
English page runs them).  Notebooks are executed by
``tests/packaging/test_notebooks.py``, not imported here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# One BLAS thread per process, set before NumPy is first imported (below).
# A run keeps every core busy with its xdist workers, Chromium and the
# Pythons they start (which inherit this); OpenBLAS's own threads on top of
# that spin waiting for a core and made NumPy-heavy tests several times slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import pytest
from sybil import Sybil

sys.path.insert(0, str(Path(__file__).parent / "tests"))

from doc_examples import PyconParser, runs_as_doctests
from mnist_data import mnist_dir_or_none, needs_mnist, skip_reason

# The starter stubs and the solutions are learners' files, not modules: the
# Korean twins X.ko.py cannot even be imported by name.
collect_ignore_glob = [
    "docs/notebooks/*",
    "book/hooks/*",
    "site/*",
    "benchmarks/*",
    "dlfs/exercises/stubs/*",
    "dlfs/exercises/solutions/*",
]

collect_examples = Sybil(
    parsers=[PyconParser()],
    patterns=["*.md"],
    path="docs",
).pytest()


def pytest_collect_file(file_path, parent):
    """A page's examples, but not a Korean twin's that are the English ones."""
    if not runs_as_doctests(Path(file_path)):
        return None
    return collect_examples(file_path, parent)


def pytest_collection_modifyitems(config, items):
    """Mark what depends on MNIST ``mnist``: the pages and tests that load it,
    and the checks of the built book, whose notebooks run only with it.
    Skip the pages that need MNIST when it is absent, unless running in CI."""
    absent = mnist_dir_or_none() is None and not os.environ.get("CI")
    skip = pytest.mark.skip(reason=f"page needs MNIST. {skip_reason()}")
    for item in items:
        path = Path(str(getattr(item, "path", "")))
        page = path.suffix == ".md" and needs_mnist(path)
        if page or {"mnist_dir", "built_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.mnist)
        if page and absent:
            item.add_marker(skip)
