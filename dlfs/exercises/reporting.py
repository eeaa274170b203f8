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
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dlfs._validate import (
    check_choice,
    check_path,
    check_text,
    check_timeout,
    check_whole,
)
from dlfs.cli_kit import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from dlfs.exercises.catalog import EXERCISES, OLD_IDS
from dlfs.exercises.messages import LANGUAGES, Message, has, say, say_fix

# The exit statuses of every dlfs command: a file that cannot even be imported
# is like a bad path, nothing was checked.
PASSED, FAILED, NOT_RUN = EXIT_OK, EXIT_FAILED, EXIT_USAGE
HINT_TIERS = (1, 2)  # what is wrong; and how to fix it
TIMEOUT = 10.0
MAX_TIMEOUT = 3600.0  # an hour: a limit, not a way to wait forever


@dataclass(frozen=True)
class Report:
    """What a check found: the exit status (0, 1 or 2) and the text to print."""

    status: int
    text: str


def _indent(text: str, prefix: str = "        ") -> str:
    return textwrap.indent(text, prefix)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Korean letters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, first: str = "", width: int = 72) -> str:
    """``text`` wrapped at spaces to ``width`` columns, after the label
    ``first`` (and below it, indented as far)."""
    indent = " " * _width(first)
    lines, line = [], first
    for word in text.split():
        if line.strip() and _width(line) + 1 + _width(word) > width:
            lines.append(line)
            line = indent
        line += (
            word if line == line.rstrip() == "" or line.endswith(" ") else " " + word
        )
    return "\n".join([*lines, line])


def _label(key: str, lang: str) -> str:
    """A line's label, such as "  hint: ", padded to the 8 columns of the text."""
    label = f"  {say(key, lang)}:"
    return label + " " * max(1, 8 - _width(label))


def report(
    exercise_id: str, records: list[dict], end: dict, lang: str = "en", tiers: int = 1
) -> Report:
    """The report of the verdict ``records`` (:func:`~dlfs.exercises._judge.judge`),
    closed by the supervisor's ``end`` record, in ``lang``; each hint with its
    first tier, or with ``tiers=2`` the second too."""
    exercise = EXERCISES[exercise_id]
    lines = [f"{exercise.id}: {exercise.text('title', lang)}"]
    passed = failed = 0
    running = None

    def fail(hint: Message) -> None:
        lines.append(wrap(say(hint, lang), _label("common.report.hint", lang)))
        if tiers >= 2 and (fix := say_fix(hint, lang)):
            lines.append(wrap(fix, _label("common.report.fix", lang)))

    for record in records:
        event = record["event"]
        if event == "import_error":
            lines += [say("common.report.import_error", lang)]
            lines.append(_indent(record["traceback"]))
            return Report(NOT_RUN, "\n".join(lines))
        if event == "names":
            for message in record["messages"]:
                lines.append(wrap(say(Message.from_json(message), lang), "  FAIL  "))
            lines.append(wrap(say("common.report.no_check", lang), width=79))
            return Report(FAILED, "\n".join(lines))
        if event == "start":
            running = record["check"]
        elif event == "pass":
            passed, running = passed + 1, None
            lines.append(f"  ok    {check_name(record['check'], lang)}")
        elif event == "fail":
            failed, running = failed + 1, None
            lines.append(f"  FAIL  {check_name(record['check'], lang)}")
            fail(Message.from_json(record["hint"]))
            if record["traceback"]:
                lines.append(_indent(record["traceback"]))
    if running is not None:
        lines.append(f"  FAIL  {check_name(running, lang)}")
        fail(_why_stopped(end, "common.report.in_check"))
        failed += 1
    total = len(exercise.checks)
    if passed + failed < total:  # the child ended early
        if running is None and passed + failed == 0:
            why = _why_stopped(end, "common.report.at_import")
            lines.append(wrap(say(why, lang, tiers)))
        not_run = {"not_run": total - passed - failed, "total": total}
        lines.append(say(Message("common.report.not_run", not_run), lang))
        return Report(FAILED, "\n".join(lines))
    total = passed + failed
    if total == 1:
        key = "one_failed" if failed else "one_passed"
    else:
        key = "some_failed" if failed else "all_passed"
    counts = {"failed": failed, "total": total}
    lines.append(say(Message(f"common.report.{key}", counts), lang))
    return Report(FAILED if failed else PASSED, "\n".join(lines))


def check_name(name: str, lang: str) -> str:
    """A check's name as the report prints it: from the catalogue, or as it is
    (a name that is a line of code)."""
    return say(name, lang) if has(name) else name


def _why_stopped(end: dict, during: str) -> Message:
    """Why the child stopped ``during`` something, from the supervisor's record."""
    status = end.get("status")
    values: dict = {"during": Message(during)}
    if end.get("timed_out"):
        return Message(
            "common.report.timeout", values | {"seconds": f"{end['seconds']:g}"}
        )
    if isinstance(status, int) and status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return Message("common.report.crash", values | {"signal": name})
    return Message("common.report.exit", values | {"status": status})


def refusal(
    exercise_id: str,
    path: str | Path,
    timeout: float,
    seed: int,
    lang: str = "en",
    hint: int = 1,
) -> Report | None:
    """The report for an unknown id or a file that cannot be checked, in
    ``lang``; a TypeError or ValueError for arguments of the wrong kind."""
    check_text("exercise_id", exercise_id)
    check_path("path", path)
    check_timeout("timeout", timeout, MAX_TIMEOUT)
    check_whole("seed", seed, minimum=0)
    check_choice("lang", lang, LANGUAGES)
    check_choice("hint", hint, HINT_TIERS)
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    path = Path(path)
    if exercise_id not in EXERCISES:
        values = {"id": repr(exercise_id), "known": ", ".join(EXERCISES)}
        problem = Message("common.refusal.unknown_id", values)
    elif path.is_dir():
        problem = Message("common.refusal.folder", {"path": str(path)})
    elif not path.is_file():
        problem = Message("common.refusal.no_file", {"path": str(path)})
    elif path.suffix != ".py":
        problem = Message("common.refusal.not_python", {"path": str(path)})
    else:
        return None
    return Report(NOT_RUN, say(problem, lang))


# The records the child and the supervisor write, with their fields' types.
RECORDS = {
    "import_error": {"traceback": str},
    "names": {"messages": list},
    "start": {"check": str},
    "pass": {"check": str},
    "fail": {"check": str, "hint": dict, "traceback": str},
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
