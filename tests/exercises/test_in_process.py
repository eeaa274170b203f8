"""The in-process runner (dlfs/exercises/in_process.py) starts no process, as a
browser's Python cannot, and reports what the child-process runner reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dlfs.exercises import EXERCISES, check, check_in_process

SOLUTIONS = Path(__file__).resolve().parent  # the learners' files, by exercise

NO_PROCESSES = """
import subprocess, os, sys
def refuse(*args, **kwargs):
    raise AssertionError("the in-process runner started a process")
subprocess.Popen = os.fork = os.posix_spawn = refuse
from dlfs.exercises import check_in_process
report = check_in_process("ch3.softmax", sys.argv[1])
print(report.status)
"""


def test_it_checks_a_file_without_starting_a_process():
    right = EXERCISES["ch3.softmax"].solution_path
    result = subprocess.run(
        [sys.executable, "-c", NO_PROCESSES, str(right)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "0", result.stderr


def test_it_writes_the_report_the_child_process_runner_writes():
    wrong = SOLUTIONS / "ch5.shopping/wrong_no_tax_on_the_way_back.py"
    assert check_in_process("ch5.shopping", wrong, seed=3) == check(
        "ch5.shopping", wrong, seed=3
    )
