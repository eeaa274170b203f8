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

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import dlfs
from dlfs._validate import check_text
from dlfs.exercises._judge import judge
from dlfs.exercises.catalog import OLD_IDS
from dlfs.exercises.reporting import (
    TIMEOUT,
    Report,
    read_records,
    refusal,
    report,
)

LATE = 5.0  # the supervisor needs at most about 2 s to clean up
SUPERVISOR = Path(__file__).with_name("_supervisor.py")


def check(
    exercise_id: str,
    path: str | Path,
    timeout: float = TIMEOUT,
    seed: int = 0,
    *,
    lang: str = "en",
    hint: int = 1,
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
    lang : {"en", "ko"}
        The language of the report.
    hint : {1, 2}
        How much each hint says: 1, what is wrong; 2, also how to fix it.

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
        ``timeout`` not a number, ``seed`` not a whole number, ``lang`` not a
        string or ``hint`` not an int.
    ValueError
        If ``timeout`` is not above 0 and at most an hour, ``seed`` is
        negative, or ``lang`` or ``hint`` is not one of its choices.

    Examples
    --------
    >>> check("ch9.nothing", "my_file.py").status
    2
    """
    refused = refusal(exercise_id, path, timeout, seed, lang, hint)
    if refused is not None:
        return refused
    exercise_id = OLD_IDS.get(exercise_id, exercise_id)
    path = Path(path).resolve()
    output = _supervised(exercise_id, path, timeout, seed)
    *records, end = read_records(output) or [{}]
    if end.get("event") != "end":  # the supervisor itself did not finish
        records, end = [*records, end], {"status": None}
    verdicts = judge(exercise_id, records, path, seed)
    return report(exercise_id, verdicts, {**end, "seconds": timeout}, lang, hint)


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
    # One BLAS thread: the checks' arrays are small, and each thread's buffers
    # would count against the child's memory cap.
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env


def check_source(
    exercise_id: str,
    source: str,
    timeout: float = TIMEOUT,
    seed: int = 0,
    *,
    lang: str = "en",
    hint: int = 1,
) -> Report:
    """Check Python source text as if it were the learner's file; the
    arguments are :func:`check`'s.

    Examples
    --------
    >>> print(check_source("ch2.and_gate", "def AND(x1, x2):\\n    return 0\\n").text)
    ch2.and_gate: An AND gate from a perceptron
      FAIL  the four inputs (0, 0), (1, 0), (0, 1), (1, 1)
      hint: AND is right for (0, 0), (1, 0), (0, 1) but wrong for (1, 1): it
            gives 0 for (1, 1), expected 1. It should fire for (1, 1), so
            there the weighted sum plus the bias must be above 0.
      ok    random inputs near the four corners, such as (0.03, 0.98)
    1 of 2 checks failed.
    """
    check_text("source", source)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.py"
        # A lone surrogate stays in the file, where Python reports it.
        text = textwrap.dedent(source)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return check(exercise_id, path, timeout, seed, lang=lang, hint=hint)
