"""Every exercise by its id, in the book's order: the chapters' lists."""

from __future__ import annotations

from dlfs.exercises import ch2, ch3, ch4, ch5
from dlfs.exercises._core import Exercise

EXERCISES: dict[str, Exercise] = {
    exercise.id: exercise
    for chapter in (ch2, ch3, ch4, ch5)
    for exercise in chapter.EXERCISES
}
# Old exercise ids that still work: the old id -> the exercise's id now.
OLD_IDS: dict[str, str] = {
    old: exercise.id for exercise in EXERCISES.values() for old in exercise.old_ids
}
