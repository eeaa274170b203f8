"""Exercise ch4.gradient_descent. Write your code, then check it with

python -m dlfs.exercises check ch4.gradient_descent FILE.py
"""

import numpy as np
from dlfs import numerical_gradient  # or your own


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    """step_num steps x <- x - lr * grad f(x) from init_x; return the last x."""
    raise NotImplementedError  # your code here
