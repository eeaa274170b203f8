"""The checker's report: what a check's records say, in words.

Both runners, the one that starts a child process (:mod:`dlfs.exercises.checker`)
and the one that runs in the calling process (:mod:`dlfs.exercises.in_process`,
for a browser, which cannot start one), refuse bad requests and write their
reports here, the same way.
"""

from __future__ import annotations

import json
import signal
import textwrap
from dataclasses import dataclass
from pathlib import Path

from dlfs._validate import check_path, check_text, check_timeout, check_whole
from dlfs.cli_kit import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from dlfs.exercises.catalog import EXERCISES, OLD_IDS

# The exit statuses of every dlfs command: a file that cannot even be imported
# is like a bad path, nothing was checked.
PASSED, FAILED, NOT_RUN = EXIT_OK, EXIT_FAILED, EXIT_USAGE
TIMEOUT = 10.0
MAX_TIMEOUT = 3600.0  # an hour: a limit, not a way to wait forever


@dataclass(frozen=True)
class Report:
    """What a check found: the exit status (0, 1 or 2) and the text to print."""

    status: int
    text: str


def _indent(text: str, prefix: str = "        ") -> str:
    return textwrap.indent(text, prefix)


def _wrap(text: str, first: str = "  hint: ") -> str:
    return textwrap.fill(text, 72, initial_indent=first, subsequent_indent=" " * 8)


def report(exercise_id: str, records: list[dict], end: dict) -> Report:
    """The report of the verdict ``records`` (:func:`~dlfs.exercises._judge.judge`),
    closed by the supervisor's ``end`` record."""
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


def refusal(
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


def read_records(output: str) -> list[dict]:
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
