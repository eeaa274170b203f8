"""Exercises for chapters 2-5, and the checker that says what went wrong.

``python -m dlfs.exercises list`` names every exercise, ``show ID`` prints
its task and starter stub, ``check ID FILE.py`` runs its checks on your file.
"""

from dlfs.exercises._core import Exercise
from dlfs.exercises.catalog import EXERCISES, OLD_IDS
from dlfs.exercises.checker import check, check_source
from dlfs.exercises.in_process import check_in_process
from dlfs.exercises.reporting import Report

__all__ = [
    "EXERCISES",
    "OLD_IDS",
    "Exercise",
    "Report",
    "check",
    "check_in_process",
    "check_source",
]
