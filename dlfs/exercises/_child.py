"""Importing a learner's file and running one exercise's checks on it.

``python -m dlfs.exercises._child ID FILE SEED`` does it in a process of its
own (the checker's supervisor starts it) and writes one JSON object a line to
its standard output, flushed as it goes, so the parent knows which check was
running if it has to stop an endless loop.  For each check it sends the log
of what the learner's code answered (:mod:`dlfs.exercises._replay`), not a
verdict: the checker's own process judges (:mod:`dlfs.exercises._judge`).
Whatever the learner prints goes to standard error instead.  :func:`run` is
the same work in the calling process.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import numpy as np

from dlfs.exercises._core import borrowed_names, missing_names, set_seed
from dlfs.exercises._judge import learner_traceback
from dlfs.exercises._replay import recording
from dlfs.exercises.catalog import EXERCISES


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


def run(exercise_id: str, path: Path, out: TextIO, seed: int = 0) -> None:
    """Run every check of the exercise on the file, reporting to ``out``;
    random inputs come from ``seed``.

    ``exercise_id`` is a known id and ``path`` an absolute path.  In this
    process there is no time limit, and a file that calls ``exit()`` ends it.
    """

    def emit(**record: Any) -> None:
        try:
            line = json.dumps(record)
        except (TypeError, ValueError):  # an answer JSON cannot hold
            line = json.dumps({**record, "log": [None]})
        out.write(line + "\n")
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
            emit(event="names", messages=[p.to_json() for p in problems])
            return
        for what, check in exercise.checks:
            emit(event="start", check=what)
            log: list = []
            try:  # what the check concludes here does not count: see _judge
                check(recording(module, log, str(path)))  # type: ignore[arg-type]
            except BaseException:  # SystemExit and Ctrl-C's too
                pass
            emit(event="log", check=what, log=log)


def main() -> None:
    exercise_id, file, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # the learner's print() must not mix with the report
    run(exercise_id, Path(file).resolve(), out, seed)


if __name__ == "__main__":
    main()
