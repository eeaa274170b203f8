"""Exercises for chapters 2-5, and the checker that says what went wrong.

``python -m dlfs.exercises list`` names every exercise, ``show ID`` prints
its task and starter stub, ``check ID FILE.py`` runs its checks on your file.
"""

from dlfs.exercises._core import Exercise
from dlfs.exercises.catalog import EXERCISES, OLD_IDS
from dlfs.exercises.checker import Report, check, check_source

__all__ = ["EXERCISES", "OLD_IDS", "Exercise", "Report", "check", "check_source"]
