"""Exercise ch4.numerical_gradient. Write your code, then check it with

python -m dlfs.exercises check ch4.numerical_gradient FILE.py
"""

import numpy as np


def numerical_gradient(f, x):
    """Central differences of f at x, one element at a time, any shape."""
    raise NotImplementedError  # your code here
