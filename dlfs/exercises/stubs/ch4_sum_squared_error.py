"""Exercise ch4.sum_squared_error. Write your code, then check it with

python -m dlfs.exercises check ch4.sum_squared_error FILE.py
"""

import numpy as np


def sum_squared_error(y, t):
    """0.5 * sum((y - t)**2)."""
    raise NotImplementedError  # your code here
