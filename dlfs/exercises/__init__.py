"""Exercises for chapters 2-5, and the checker that says what went wrong.

``python -m dlfs.exercises list`` names every exercise, ``show ID`` prints
its task and starter stub, ``check ID FILE.py`` runs its checks on your file.
"""

from dlfs.exercises import ch2, ch3, ch4, ch5  # noqa: F401  (they fill EXERCISES)
from dlfs.exercises._core import EXERCISES, Exercise
from dlfs.exercises.checker import Report, check, check_source

__all__ = ["EXERCISES", "Exercise", "Report", "check", "check_source"]
