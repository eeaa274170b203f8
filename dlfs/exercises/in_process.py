"""Checking a learner's file in the calling process: for a browser, which
cannot start one, and for the project's own solutions and tests.

The checks and the judging are the same as :func:`dlfs.exercises.check`'s;
only the child process, with its time limit, is missing.
"""

from __future__ import annotations

import io
from pathlib import Path

from dlfs.exercises._judge import judge
from dlfs.exercises.catalog import OLD_IDS
from dlfs.exercises.reporting import TIMEOUT, Report, read_records, refusal, report


def check_in_process(
    exercise_id: str,
    path: str | Path,
    seed: int = 0,
    *,
    lang: str = "en",
    hint: int = 1,
) -> Report:
    """Check the file as :func:`dlfs.exercises.check` does, but in this process.

    It starts no process, so it runs where none can be started (a browser's
    Python); it is quicker, and unsafe for a file that may loop forever or end
    the process: there is no time limit, and ``exit()`` ends the caller.  The
    project's own solutions and tests use it.

    Examples
    --------
    >>> from dlfs.exercises._core import STUBS
    >>> check_in_process("ch3.relu", STUBS / "ch3_relu.py").status
    1
    """
    refused = refusal(exercise_id, path, TIMEOUT, seed, lang, hint)
    if refused is not None:
        return refused
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    # Imported here: the child process runs that module as __main__, and an
    # earlier import of it by the package would make runpy warn.
    from dlfs.exercises import _child

    out, path = io.StringIO(), Path(path).resolve()
    _child.run(exercise_id, path, out, seed)
    verdicts = judge(exercise_id, read_records(out.getvalue()), path, seed)
    return report(exercise_id, verdicts, {"status": None}, lang, hint)
