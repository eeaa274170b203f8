"""Exercise ch4.numerical_diff. Write your code, then check it with

python -m dlfs.exercises check ch4.numerical_diff FILE.py
"""


def numerical_diff(f, x):
    """The slope of f at x, by the central difference."""
    raise NotImplementedError  # your code here
