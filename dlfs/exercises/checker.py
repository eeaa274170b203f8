"""Checking a learner's file: run the checks in a child process, report in words.

The child (:mod:`dlfs.exercises._child`) imports the file and runs the
checks; this side starts it, stops it when the time limit is up, and turns
its records into the report that ``python -m dlfs.exercises check`` prints.
:func:`check_in_process` runs the same checks without the child, for files
that are known to end and not to call ``exit()``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from dlfs.cli_kit import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from dlfs.exercises.catalog import EXERCISES, OLD_IDS

# The exit statuses of every dlfs command: a file that cannot even be imported
# is like a bad path, nothing was checked.
PASSED, FAILED, NOT_RUN = EXIT_OK, EXIT_FAILED, EXIT_USAGE
TIMEOUT = 10.0


@dataclass(frozen=True)
class Report:
    """What a check found: the exit status (0, 1 or 2) and the text to print."""

    status: int
    text: str


def _indent(text: str, prefix: str = "        ") -> str:
    return textwrap.indent(text, prefix)


def _wrap(text: str, first: str = "  hint: ") -> str:
    return textwrap.fill(text, 72, initial_indent=first, subsequent_indent=" " * 8)


def _report(exercise_id: str, records: list[dict], timed_out: float | None) -> Report:
    exercise = EXERCISES[exercise_id]
    lines = [f"{exercise.id}: {exercise.title}"]
    passed = failed = 0
    running = None
    for record in records:
        event = record["event"]
        if event == "import_error":
            lines += ["Your file could not be imported:", _indent(record["traceback"])]
            return Report(NOT_RUN, "\n".join(lines))
        if event == "names":
            lines += [_wrap(message, "  FAIL  ") for message in record["messages"]]
            lines.append("No check was run: your file must define these names first.")
            return Report(FAILED, "\n".join(lines))
        if event == "start":
            running = record["check"]
        elif event == "pass":
            passed, running = passed + 1, None
            lines.append(f"  ok    {record['check']}")
        elif event == "fail":
            failed, running = failed + 1, None
            lines += [f"  FAIL  {record['check']}", _wrap(record["hint"])]
            if record["traceback"]:
                lines.append(_indent(record["traceback"]))
    if running is not None:
        failed += 1
        if timed_out is not None:
            why = (
                f"stopped after {timed_out:g} s without an answer. Look for a loop "
                "that never ends, such as a `while` whose condition never changes "
                "(`--timeout` sets the limit)."
            )
        else:
            why = "your code ended the Python process (did it call exit()?)."
        lines += [f"  FAIL  {running}", _wrap(f"The check {why}")]
    elif passed + failed < len(exercise.checks):  # the child ended between checks
        if timed_out is not None:
            lines.append(
                f"Importing your file took longer than {timed_out:g} s: stopped."
            )
            lines.append(
                "Look for a loop at the top level of your file that never ends."
            )
        else:
            lines.append(
                "The checks could not run: your file ended the Python process."
            )
        return Report(FAILED, "\n".join(lines))
    total = passed + failed
    if total == 1:
        lines.append("The check failed." if failed else "The check passed.")
    elif failed:
        lines.append(f"{failed} of {total} checks failed.")
    else:
        lines.append(f"All {total} checks passed.")
    return Report(FAILED if failed else PASSED, "\n".join(lines))


def check(exercise_id: str, path: str | Path, timeout: float = TIMEOUT) -> Report:
    """Check the learner's file ``path`` against exercise ``exercise_id``.

    Parameters
    ----------
    exercise_id : str
        An id that ``python -m dlfs.exercises list`` prints, e.g. ``"ch3.softmax"``.
    path : str or Path
        The learner's Python file.
    timeout : float
        Seconds the checks may take in all before they are stopped.

    Returns
    -------
    Report
        ``status`` 0 when every check passed, 1 when any failed (or time ran
        out), 2 when the id is unknown or the file cannot be imported; ``text``
        is the report.

    Examples
    --------
    >>> check("ch9.nothing", "my_file.py").status
    2
    """
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    refused = _refusal(exercise_id, Path(path))
    if refused is not None:
        return refused
    command = [sys.executable, "-m", "dlfs.exercises._child", exercise_id, str(path)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    timed_out = None
    try:
        output, _ = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        output, _ = child.communicate()
        timed_out = timeout
    return _report(exercise_id, _records(output), timed_out)


def check_in_process(exercise_id: str, path: str | Path) -> Report:
    """Check the file as :func:`check` does, but in this process.

    It is quicker (no Python to start), and unsafe for a file that may loop
    forever or end the process: there is no time limit, and ``exit()`` ends
    the caller.  The project's own solutions and tests use it.

    Examples
    --------
    >>> from dlfs.exercises._core import STUBS
    >>> check_in_process("ch3.relu", STUBS / "ch3_relu.py").status
    1
    """
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    refused = _refusal(exercise_id, Path(path))
    if refused is not None:
        return refused
    # Imported here: the child process runs that module as __main__, and an
    # earlier import of it by the package would make runpy warn.
    from dlfs.exercises import _child

    out = io.StringIO()
    _child.run(exercise_id, Path(path).resolve(), out)
    return _report(exercise_id, _records(out.getvalue()), None)


def _refusal(exercise_id: str, path: Path) -> Report | None:
    """The report for an unknown id or a file that cannot be checked."""
    if exercise_id not in EXERCISES:
        known = ", ".join(EXERCISES)
        return Report(NOT_RUN, f"Unknown exercise id {exercise_id!r}. Known: {known}.")
    if not path.is_file():
        return Report(NOT_RUN, f"No such file: {path}")
    if path.suffix != ".py":
        return Report(
            NOT_RUN, f"{path} is not a Python file: give a file ending in .py"
        )
    return None


def _records(output: str) -> list[dict]:
    """The child's records; a line cut short by stopping the child is left out."""
    records = []
    for line in output.splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return records


def check_source(exercise_id: str, source: str, timeout: float = TIMEOUT) -> Report:
    """Check Python source text as if it were the learner's file.

    Examples
    --------
    >>> print(check_source("ch2.and_gate", "def AND(x1, x2):\\n    return 0\\n").text)
    ch2.and_gate: An AND gate from a perceptron
      FAIL  the four inputs (0, 0), (1, 0), (0, 1), (1, 1)
      hint: AND is right for (0, 0), (1, 0), (0, 1) but wrong for (1, 1): it
            gives 0 for (1, 1), expected 1. It should fire for (1, 1), so
            there the weighted sum w1*x1 + w2*x2 + b must be above 0: raise
            the weights or the bias.
    The check failed.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return check(exercise_id, path, timeout)
