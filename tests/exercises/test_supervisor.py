"""The checker cannot hang, leak processes or lose files, whatever the learner's
file does (dlfs/exercises/_supervisor.py runs it).

Each learner's file here notes the process ids of everything it starts in a
file of the test's own.  A test then asks whether any of *those* processes is
still alive, and kills only those, never anything else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlfs.exercises import check, check_source

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="on Linux the checker adopts and kills every process of the learner's; "
    "elsewhere it kills the process group only",
)

RELU = "import numpy as np\n\ndef relu(x):\n    return np.maximum(0, x)\n"
LOOP = "def relu(x):\n    while True:\n        pass\n"
SLEEP = "4242"  # how long the learner's processes sleep: a mark of ours


def learner(tmp_path: Path, body: str, tail: str = RELU) -> Path:
    """A learner's file whose processes note their ids in ``tmp_path/pids``."""
    pids = tmp_path / "pids"
    head = (
        "import os, subprocess, sys, threading, time\n"
        f"def note(pid=None):\n    with open({str(pids)!r}, 'a') as f:\n"
        "        f.write(f'{pid or os.getpid()}\\n')\n"
        "note()\n"
    )
    path = tmp_path / "learner.py"
    path.write_text(head + body + "\n" + tail, encoding="utf-8")
    return path


def alive(tmp_path: Path) -> list[int]:
    """The learner's processes still running (zombies are not)."""
    pids_file = tmp_path / "pids"
    if not pids_file.exists():
        return []
    running = []
    for pid in map(int, pids_file.read_text().split()):
        try:
            state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        ours = str(tmp_path).encode() in command or SLEEP.encode() in command
        if state != b"Z" and ours:
            running.append(pid)
    return running


@pytest.fixture
def leftovers(tmp_path: Path):
    """Asserts, after the test, that none of the learner's processes survived
    (waiting up to 3 s: the supervisor's clean-up takes at most 2 s), and
    kills any that did."""
    yield
    deadline = time.monotonic() + 3.0  # the supervisor's clean-up, and init's
    while alive(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = alive(tmp_path)
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], "processes of the learner's outlived the checker"


FORK = f"if os.fork() == 0:\n    note()\n    time.sleep({SLEEP})\n"
DETACHED = f"note(subprocess.Popen(['sleep', '{SLEEP}'], start_new_session=True).pid)\n"
DAEMON = (
    "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
    f"        note()\n        time.sleep({SLEEP})\n    os._exit(0)\n"
)
STUBBORN = (
    "import signal\nfor s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):\n"
    "    signal.signal(s, signal.SIG_IGN)\n"
)


@pytest.mark.parametrize(
    "body, tail",
    [
        (FORK, LOOP),
        (FORK, RELU),
        (DETACHED, RELU),
        (DETACHED, LOOP),
        (DAEMON, RELU),
        (STUBBORN, LOOP),
        (f"threading.Thread(target=time.sleep, args=({SLEEP},)).start()\n", RELU),
    ],
    ids=[
        "fork+loop",
        "fork",
        "detached",
        "detached+loop",
        "daemon",
        "stubborn",
        "thread",
    ],
)
def test_nothing_the_learner_starts_survives_and_the_limit_holds(
    tmp_path, leftovers, body, tail
):
    start = time.monotonic()
    limit = 1 if tail == LOOP else 2  # a loop spins a core until stopped
    report = check("ch3.relu", learner(tmp_path, body, tail), timeout=limit)
    assert time.monotonic() - start < limit + 2.5
    assert report.status == (0 if tail == RELU else 1), report.text


def checker_process(path: Path, timeout: str = "30") -> subprocess.Popen:
    """``python -m dlfs exercises check`` in a process group of its own (so a
    signal to it reaches nothing else), once the learner's file has started."""
    command = [sys.executable, "-m", "dlfs", "exercises", "check", "ch3.relu"]
    process = subprocess.Popen(
        [*command, str(path), "--timeout", timeout],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while not alive(path.parent) and time.monotonic() < deadline:
        time.sleep(0.05)
    return process


def test_ctrl_c_stops_a_learner_that_ignores_it(tmp_path, leftovers):
    bare_except = (
        "def relu(x):\n    while True:\n        try:\n"
        "            time.sleep(1)\n        except:\n            pass\n"
    )
    process = checker_process(learner(tmp_path, FORK, bare_except))
    time.sleep(0.5)  # inside the check
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    assert process.wait(timeout=5) == 130


def test_sigterm_to_the_checker_alone_stops_the_learner_too(tmp_path, leftovers):
    process = checker_process(learner(tmp_path, DETACHED, LOOP))
    process.terminate()  # an IDE's stop button: the checker's process only
    assert process.wait(timeout=5) == -signal.SIGTERM


def test_a_crash_is_reported_as_a_crash(tmp_path):
    source = "import ctypes\n\ndef relu(x):\n    return ctypes.string_at(0)\n"
    report = check_source("ch3.relu", source)
    assert report.status == 1
    assert "crashed (SIGSEGV) in this check" in " ".join(report.text.split())


@pytest.mark.skipif(sys.platform == "win32", reason="the memory cap is POSIX's")
def test_asking_for_more_memory_than_the_cap_is_a_memory_error_at_once():
    source = (
        "import numpy as np\n\ndef relu(x):\n"
        "    return np.maximum(0, x) + np.ones(2**29)[:0].sum()\n"  # 4 GiB
    )
    start = time.monotonic()
    report = check_source("ch3.relu", source, lang="ko")
    assert time.monotonic() - start < 5
    assert report.status == 1
    text = " ".join(report.text.split())
    assert "메모리(2 GiB)보다 많이 요청해서 MemoryError가" in text


@pytest.mark.parametrize("how", ["import sys\nsys.exit(0)", "import os\nos._exit(0)"])
def test_ending_the_process_while_imported_is_one_status_and_message(how):
    report = check_source("ch3.relu", how + "\n")
    assert report.status == 1
    text = " ".join(report.text.split())
    assert (
        "ended the Python process (exit status 0) while your file was imported" in text
    )
    assert "1 of 1 checks did not run." in text


def test_the_learners_code_runs_in_a_folder_of_its_own(tmp_path, monkeypatch):
    (tmp_path / "notes.txt").write_text("keep me")
    monkeypatch.chdir(tmp_path)
    source = "import os\nfor name in os.listdir('.'):\n    os.remove(name)\n" + RELU
    report = check_source("ch3.relu", source)
    assert report.status == 0, report.text
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_records_the_learner_forges_are_left_out(tmp_path):
    forged = (
        "import os\nfor fd in (3, 4):\n    try:\n"
        '        os.write(fd, b\'5\\n{"event": "fail"}\\n[1]\\n\')\n'
        "    except OSError:\n        pass\n"
    )
    report = check_source("ch3.relu", forged + RELU)
    assert report.status == 0, report.text


def test_a_folder_is_not_called_missing(tmp_path):
    folder = tmp_path / "answer.py"
    folder.mkdir()
    report = check("ch3.relu", folder)
    assert report.status == 2
    assert report.text == f"{folder} is a folder: give your Python file"


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), 3601, 1e300])
def test_a_time_limit_out_of_range_is_refused(timeout):
    with pytest.raises(
        ValueError, match="timeout must be a positive number of seconds, at most 3600"
    ):
        check("ch3.relu", __file__, timeout=timeout)


@pytest.mark.parametrize(
    "call",
    [
        lambda: check("ch3.relu", __file__, timeout="5"),
        lambda: check("ch3.relu", __file__, timeout=None),
        lambda: check("ch3.relu", None),
        lambda: check("ch3.relu", 3),
        lambda: check(["ch3.relu"], __file__),
        lambda: check_source("ch3.relu", b"x = 1"),
        lambda: check_source("ch3.relu", None),
    ],
)
def test_arguments_of_the_wrong_kind_are_a_type_error_naming_them(call):
    with pytest.raises(TypeError, match=r"^(timeout|path|exercise_id|source) must be"):
        call()


@pytest.mark.parametrize(
    ("argument", "value", "error"),
    [
        ("lang", "de", ValueError),
        ("lang", "KO", ValueError),
        ("lang", None, TypeError),
        ("hint", 3, ValueError),
        ("hint", 0, ValueError),
        ("hint", True, TypeError),
        ("hint", 2.0, TypeError),
    ],
)
def test_a_language_or_hint_tier_we_do_not_have_is_refused_naming_it(
    argument, value, error
):
    choices = {"lang": "'en', 'ko'", "hint": "1, 2"}[argument]
    with pytest.raises(error, match=rf"^{argument} must be one of {choices}, got"):
        check_source("ch3.relu", "", **{argument: value})


def test_a_lone_surrogate_in_source_is_the_learners_syntax_error():
    report = check_source("ch3.relu", "x = '\udc80'\n")
    assert report.status == 2
    assert "SyntaxError" in report.text


def test_too_long_a_timeout_on_the_command_line_is_a_usage_error(tmp_path):
    path = learner(tmp_path, "")
    for value in ("1e7", "2147484", "0", "nan"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "dlfs",
                "exercises",
                "check",
                "ch3.relu",
                str(path),
                "--timeout",
                value,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, value
        assert "Traceback" not in result.stderr
        assert "at most 3600" in result.stderr
