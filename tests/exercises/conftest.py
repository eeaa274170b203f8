"""Learners' files for the checker's tests: data for tests/exercises/test_exercises.py.

Each folder is named by an exercise id and holds ``right*.py`` (reference
solutions, which must pass) and ``wrong_*.py`` (typical mistakes, which must
fail); a wrong file's docstring is the hint it must get. None of them is a
test module, and they are not collected.
"""

collect_ignore_glob = ["*/*.py"]
