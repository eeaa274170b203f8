"""Importing a learner's file and running one exercise's checks on it.

``python -m dlfs.exercises._child ID FILE SEED`` does it in a process of its own
(the checker's supervisor starts it) and writes one JSON object a line to its standard
output, flushed as it goes, so the parent knows which check was running if it
has to stop an endless loop.  Whatever the learner prints goes to standard
error instead.  :func:`run` is the same work in the calling process.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import numpy as np

from dlfs.exercises._core import (
    Fail,
    borrowed_names,
    learner_frames,
    missing_names,
    set_seed,
)
from dlfs.exercises.catalog import EXERCISES


def learner_traceback(error: BaseException, path: Path) -> str:
    """The traceback of ``error`` cut down to the lines in the learner's file."""
    frames = learner_frames(error, path)
    lines = ["Traceback (your code):\n"] if frames else []
    lines += frames.format()
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines).rstrip()


def load(path: Path) -> ModuleType:
    """Import the learner's file as the module ``learner``."""
    spec = importlib.util.spec_from_file_location("learner", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["learner"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@contextlib.contextmanager
def learner_session(path: Path) -> Iterator[None]:
    """What the learner's code runs in: its folder importable, its prints on
    standard error, warnings and NumPy's floating-point errors silenced (the
    checks judge the values).  Everything is as it was afterwards."""
    saved_path, saved_module = list(sys.path), sys.modules.get("learner")
    sys.path.insert(0, str(path.parent))
    try:
        with (
            warnings.catch_warnings(),
            np.errstate(all="ignore"),
            contextlib.redirect_stdout(sys.stderr),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        sys.path[:] = saved_path
        if saved_module is None:
            sys.modules.pop("learner", None)
        else:
            sys.modules["learner"] = saved_module


def explain(error: BaseException) -> str:
    """A hint for an error the checks did not foresee."""
    if isinstance(error, NotImplementedError):
        return "This is still the starter stub: replace `raise NotImplementedError`."
    if isinstance(error, AttributeError) and "has no attribute 'int'" in str(error):
        return "`np.int` was removed from NumPy: write `int` instead."
    if isinstance(error, SystemExit | KeyboardInterrupt):
        return (
            f"Your code raised {type(error).__name__}, which ends a program: "
            "a function gives its answer with `return`."
        )
    return f"Your code raised {type(error).__name__}; the traceback shows where."


def run(exercise_id: str, path: Path, out: TextIO, seed: int = 0) -> None:
    """Run every check of the exercise on the file, reporting to ``out``;
    random inputs come from ``seed``.

    ``exercise_id`` is a known id and ``path`` an absolute path.  In this
    process there is no time limit, and a file that calls ``exit()`` ends it.
    """

    def emit(**record: Any) -> None:
        out.write(json.dumps(record) + "\n")
        out.flush()

    set_seed(seed)
    with learner_session(path):
        try:
            module = load(path)
        except SystemExit:
            raise  # the file ends the process: reported as exit() during a check
        except BaseException as error:  # a learner's file may raise anything
            emit(event="import_error", traceback=learner_traceback(error, path))
            return
        exercise = EXERCISES[exercise_id]
        exercise.use_aliases(module)
        problems = borrowed_names(module, exercise.allowed)
        problems += missing_names(module, exercise.expects)
        if problems:
            emit(event="names", messages=problems)
            return
        for what, check in exercise.checks:
            emit(event="start", check=what)
            try:
                check(module)
            except Fail as failure:
                cause = failure.cause
                detail = learner_traceback(cause, path) if cause is not None else ""
                emit(event="fail", check=what, hint=failure.hint, traceback=detail)
            except BaseException as error:  # SystemExit and Ctrl-C's too
                detail = learner_traceback(error, path)
                emit(event="fail", check=what, hint=explain(error), traceback=detail)
            else:
                emit(event="pass", check=what)


def main() -> None:
    exercise_id, file, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # the learner's print() must not mix with the report
    run(exercise_id, Path(file).resolve(), out, seed)


if __name__ == "__main__":
    main()
