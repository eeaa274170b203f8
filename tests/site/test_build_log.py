"""The book builds quietly: no warning a reader of the log could do nothing about.

The build once printed, for each notebook, a kernel's warning that it ran
over unencrypted TCP (book/hooks/notebooks.py now gives kernels CurveZMQ
keys), and, for each link to a numbered equation, that the anchor did not
exist, although it did (book/hooks/mathml.py now tells MkDocs about the
anchors it adds).  Material for MkDocs' end-of-life banner is printed while
the theme loads, before any hook can act; the suite sets NO_MKDOCS_2_WARNING,
the variable the banner itself names.
"""

from __future__ import annotations

import re

NOT_WANTED = [
    "Kernel is running over TCP",
    "no such anchor",
    "does not contain an anchor",
    "WARNING",
    "Material for MkDocs reaches end of life",
]


def test_the_build_prints_no_warning_and_no_false_broken_link(build_log):
    found = [
        line
        for line in build_log.splitlines()
        if any(text in line for text in NOT_WANTED)
    ]
    assert found == []


def test_the_log_shows_the_notebooks_ran(build_log):
    # the kernels are quiet because they ran encrypted, not because none ran
    assert re.search(r"Converting notebook \(execute=True\): .*ch2\.py", build_log)


def test_each_notebook_runs_once_beside_the_build_and_its_page_is_taken(build_log):
    """book/hooks/notebook_runs.py runs every notebook as the build starts,
    in processes beside it; the plugin takes each page from that run and
    runs none of them a second time."""
    ran = re.findall(r"Converting notebook \(execute=True\): (\S+)", build_log)
    taken = re.findall(r"Cache hit: (\S+)", build_log)
    assert ran and sorted(ran) == sorted(taken)
