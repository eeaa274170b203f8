"""The verdicts, reached in the checker's own process.

The learner's process sends, for each check, the log of what the learner's
code answered (:mod:`dlfs.exercises._replay`); here each check runs again on
a replay of its log, with the checker's own code and NumPy, and gives the
records the report is made of: ``start``, ``pass``, ``fail``.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from dlfs.exercises._core import (
    Check,
    Fail,
    borrowed_imports,
    learner_frames,
    set_seed,
)
from dlfs.exercises._replay import Diverged, Replay
from dlfs.exercises._supervisor import MEMORY
from dlfs.exercises.catalog import EXERCISES
from dlfs.exercises.messages import Message

DIVERGED = Message("common.error.diverged")


def learner_traceback(error: BaseException, path: Path) -> str:
    """The traceback of ``error`` cut down to the lines in the learner's file."""
    frames = learner_frames(error, path)
    lines = ["Traceback (your code):\n"] if frames else []
    lines += frames.format()
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines).rstrip()


def explain(error: BaseException) -> Message:
    """A hint for an error the checks did not foresee."""
    if isinstance(error, NotImplementedError):
        return Message("common.error.stub")
    if isinstance(error, AttributeError) and "has no attribute 'int'" in str(error):
        return Message("common.error.np_int")
    if isinstance(error, MemoryError):
        return Message("common.error.memory", {"limit": f"{MEMORY / 2**30:g} GiB"})
    name = {"error": type(error).__name__}
    if isinstance(error, SystemExit | KeyboardInterrupt):
        return Message("common.error.exit", name)
    return Message("common.error.raised", name)


def verdict(what: str, check: Check, log: list, path: Path) -> dict:
    """The record of one check, run on a replay of ``log``."""
    try:
        check(Replay(log))  # type: ignore[arg-type]
    except Fail as failure:
        cause = failure.cause
        detail = learner_traceback(cause, path) if cause is not None else ""
        return {
            "event": "fail",
            "check": what,
            "hint": failure.message.to_json(),
            "traceback": detail,
        }
    except Diverged:
        hint = DIVERGED.to_json()
        return {"event": "fail", "check": what, "hint": hint, "traceback": ""}
    except BaseException as error:
        if not hasattr(error, "learner_stack"):
            raise  # the checker's own error, or Ctrl-C here
        detail = learner_traceback(error, path)
        return {
            "event": "fail",
            "check": what,
            "hint": explain(error).to_json(),
            "traceback": detail,
        }
    return {"event": "pass", "check": what}


def judge(exercise_id: str, records: list[dict], path: Path, seed: int) -> list[dict]:
    """The report's records from the learner's process's: its import error or
    missing names as they are; each check's log replayed to a verdict; a check
    that started but sent no log (time ran out, or the process ended) as
    ``start``, the last record."""
    early = [r for r in records if r["event"] in ("import_error", "names")]
    if early[:1] and early[0]["event"] == "import_error":
        return early[:1]
    exercise = EXERCISES[exercise_id]
    source = path.read_text(encoding="utf-8", errors="replace")
    imports = borrowed_imports(source, exercise.allowed)
    if imports:  # read here, from the file: the learner's process cannot hide them
        return [{"event": "names", "messages": [m.to_json() for m in imports]}]
    if early:
        return early[:1]
    logs = {r["check"]: r["log"] for r in records if r["event"] == "log"}
    started = {r["check"] for r in records if r["event"] == "start"}
    set_seed(seed)  # the same random inputs as in the learner's process
    verdicts = []
    for what, check in exercise.checks:
        if what not in logs:
            if what in started:
                verdicts.append({"event": "start", "check": what})
            break
        verdicts.append(verdict(what, check, list(logs[what]), path))
    return verdicts
