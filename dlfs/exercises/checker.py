"""Checking a learner's file: run the checks in a child process, report in words.

The child (:mod:`dlfs.exercises._child`) imports the file and runs the
checks.  A supervisor (``_supervisor.py``, a process of its own) starts it in
an empty temporary folder, passes its records on, and when it ends, when the
time limit is up or when the checker is stopped, kills it and every process it
left (on Linux; elsewhere its process group).  The child sends what the
learner's code answered, not verdicts: this side replays each check on those
answers with its own code (:mod:`dlfs.exercises._judge`) and writes the
report that ``python -m dlfs exercises check`` prints.
:func:`check_in_process` runs the same checks without the child, for files
that are known to end and not to call ``exit()``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import dlfs
from dlfs._validate import check_path, check_text, check_timeout, check_whole
from dlfs.cli_kit import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from dlfs.exercises._judge import judge
from dlfs.exercises.catalog import EXERCISES, OLD_IDS

# The exit statuses of every dlfs command: a file that cannot even be imported
# is like a bad path, nothing was checked.
PASSED, FAILED, NOT_RUN = EXIT_OK, EXIT_FAILED, EXIT_USAGE
TIMEOUT = 10.0
MAX_TIMEOUT = 3600.0  # an hour: a limit, not a way to wait forever
LATE = 5.0  # the supervisor needs at most about 2 s to clean up
SUPERVISOR = Path(__file__).with_name("_supervisor.py")


@dataclass(frozen=True)
class Report:
    """What a check found: the exit status (0, 1 or 2) and the text to print."""

    status: int
    text: str


def _indent(text: str, prefix: str = "        ") -> str:
    return textwrap.indent(text, prefix)


def _wrap(text: str, first: str = "  hint: ") -> str:
    return textwrap.fill(text, 72, initial_indent=first, subsequent_indent=" " * 8)


def _report(exercise_id: str, records: list[dict], end: dict) -> Report:
    """The report of the child's ``records``, closed by the supervisor's ``end``."""
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
        lines += [f"  FAIL  {running}", _wrap(_why_stopped(end, "in this check"))]
        failed += 1
    if passed + failed < len(exercise.checks):  # the child ended early
        if running is None and passed + failed == 0:
            during = "while your file was imported"
            lines.append(textwrap.fill(_why_stopped(end, during), 72))
        not_run = len(exercise.checks) - passed - failed
        lines.append(f"{not_run} of {len(exercise.checks)} checks did not run.")
        return Report(FAILED, "\n".join(lines))
    total = passed + failed
    if total == 1:
        lines.append("The check failed." if failed else "The check passed.")
    elif failed:
        lines.append(f"{failed} of {total} checks failed.")
    else:
        lines.append(f"All {total} checks passed.")
    return Report(FAILED if failed else PASSED, "\n".join(lines))


def _why_stopped(end: dict, during: str) -> str:
    """Why the child stopped ``during`` something, from the supervisor's record."""
    status = end.get("status")
    if end.get("timed_out"):
        return (
            f"Stopped after {end['seconds']:g} s {during}: look for a "
            "loop that never ends, such as a `while` whose condition never "
            "changes (`--timeout` sets the limit)."
        )
    if isinstance(status, int) and status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return (
            f"The Python process running your code crashed ({name}) {during}: "
            "look for ctypes, or a library called with bad memory."
        )
    return (
        f"Your code ended the Python process (exit status {status}) {during}: "
        "remove the call to exit(), sys.exit() or os._exit()."
    )


def check(
    exercise_id: str, path: str | Path, timeout: float = TIMEOUT, seed: int = 0
) -> Report:
    """Check the learner's file ``path`` against exercise ``exercise_id``.

    Parameters
    ----------
    exercise_id : str
        An id that ``python -m dlfs.exercises list`` prints, e.g. ``"ch3.softmax"``.
    path : str or Path
        The learner's Python file.
    timeout : float
        Seconds the checks may take in all before they are stopped: above 0
        and at most :data:`MAX_TIMEOUT` (an hour).
    seed : int
        The seed of the checks' random inputs (besides the book's): the same
        seed gives the same inputs and the same report.

    Returns
    -------
    Report
        ``status`` 0 when every check passed, 1 when any failed (or time ran
        out), 2 when the id is unknown or the file cannot be imported; ``text``
        is the report.

    Raises
    ------
    TypeError
        If ``exercise_id`` is not a string, ``path`` not a path,
        ``timeout`` not a number or ``seed`` not a whole number.
    ValueError
        If ``timeout`` is not above 0 and at most an hour, or ``seed`` is
        negative.

    Examples
    --------
    >>> check("ch9.nothing", "my_file.py").status
    2
    """
    refused = _refusal(exercise_id, path, timeout, seed)
    if refused is not None:
        return refused
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    path = Path(path).resolve()
    output = _supervised(exercise_id, path, timeout, seed)
    *records, end = _records(output) or [{}]
    if end.get("event") != "end":  # the supervisor itself did not finish
        records, end = [*records, end], {"status": None}
    verdicts = judge(exercise_id, records, path, seed)
    return _report(exercise_id, verdicts, {**end, "seconds": timeout})


def _supervised(exercise_id: str, path: Path, timeout: float, seed: int) -> str:
    """What the supervisor printed: the child's records, then its own."""
    folder = tempfile.mkdtemp(prefix="dlfs-check-")
    child = [sys.executable, "-P", "-m", "dlfs.exercises._child"]
    child += [exercise_id, str(path), str(seed)]
    command = [sys.executable, "-I", "-S", str(SUPERVISOR), str(timeout), folder]
    supervisor = subprocess.Popen(
        [*command, "--", *child], stdout=subprocess.PIPE, env=_child_env()
    )
    try:
        output, _ = supervisor.communicate(timeout=timeout + LATE)
    except subprocess.TimeoutExpired:  # it should have ended: stop it
        supervisor.kill()
        output, _ = supervisor.communicate(timeout=LATE)
    except BaseException:  # Ctrl-C or an error here: it kills the child, then ends
        supervisor.terminate()
        supervisor.wait(timeout=LATE)
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return output.decode("utf-8", "replace")


def _child_env() -> dict[str, str]:
    """The environment of the child: it imports this dlfs, from any folder
    (the child runs in an empty one, where a relative PYTHONPATH means nothing)."""
    env = dict(os.environ)
    here = Path(dlfs.__path__[0]).resolve().parent  # the folder holding dlfs
    paths = [
        str(Path(p).resolve()) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p
    ]
    if not here.name.endswith(("site-packages", "dist-packages")):
        paths.insert(0, str(here))
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def check_in_process(exercise_id: str, path: str | Path, seed: int = 0) -> Report:
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
    refused = _refusal(exercise_id, path, TIMEOUT, seed)
    if refused is not None:
        return refused
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    # Imported here: the child process runs that module as __main__, and an
    # earlier import of it by the package would make runpy warn.
    from dlfs.exercises import _child

    out, path = io.StringIO(), Path(path).resolve()
    _child.run(exercise_id, path, out, seed)
    verdicts = judge(exercise_id, _records(out.getvalue()), path, seed)
    return _report(exercise_id, verdicts, {"status": None})


def _refusal(
    exercise_id: str, path: str | Path, timeout: float, seed: int
) -> Report | None:
    """The report for an unknown id or a file that cannot be checked; a
    TypeError or ValueError for arguments of the wrong kind."""
    check_text("exercise_id", exercise_id)
    check_path("path", path)
    check_timeout("timeout", timeout, MAX_TIMEOUT)
    check_whole("seed", seed, minimum=0)
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    if exercise_id not in EXERCISES:
        known = ", ".join(EXERCISES)
        return Report(NOT_RUN, f"Unknown exercise id {exercise_id!r}. Known: {known}.")
    path = Path(path)
    if path.is_dir():
        return Report(NOT_RUN, f"{path} is a folder: give your Python file")
    if not path.is_file():
        return Report(NOT_RUN, f"No such file: {path}")
    if path.suffix != ".py":
        return Report(
            NOT_RUN, f"{path} is not a Python file: give a file ending in .py"
        )
    return None


# The records the child and the supervisor write, with their fields' types.
RECORDS = {
    "import_error": {"traceback": str},
    "names": {"messages": list},
    "start": {"check": str},
    "pass": {"check": str},
    "fail": {"check": str, "hint": str, "traceback": str},
    "log": {"check": str, "log": list},
    "end": {"status": (int, type(None)), "timed_out": bool, "stopped": bool},
}


def _records(output: str) -> list[dict]:
    """The well-formed records in ``output``; anything else (a line cut short
    by stopping the child, or text the learner's code wrote there) is left out."""
    records = []
    for line in output.splitlines():
        try:
            record = json.loads(line)
            fields = RECORDS[record["event"]]
        except (json.JSONDecodeError, TypeError, KeyError):
            continue
        if all(isinstance(record.get(k), kind) for k, kind in fields.items()):
            records.append(record)
    return records


def check_source(
    exercise_id: str, source: str, timeout: float = TIMEOUT, seed: int = 0
) -> Report:
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
      ok    random inputs near the four corners, such as (0.03, 0.98)
    1 of 2 checks failed.
    """
    check_text("source", source)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.py"
        # A lone surrogate stays in the file, where Python reports it.
        text = textwrap.dedent(source)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return check(exercise_id, path, timeout, seed)
