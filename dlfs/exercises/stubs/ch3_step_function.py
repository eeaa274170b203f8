"""Exercise ch3.step_function. Write your code, then check it with

python -m dlfs.exercises check ch3.step_function FILE.py
"""

import numpy as np


def step_function(x):
    """An array of x's shape: 1 where x > 0, else 0."""
    raise NotImplementedError  # your code here
