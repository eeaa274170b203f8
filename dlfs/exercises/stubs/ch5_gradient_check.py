"""Exercise ch5.gradient_check. Write your code, then check it with

python -m dlfs.exercises check ch5.gradient_check FILE.py
"""

import numpy as np


def gradient_check(numerical, backprop):
    """For each key, the average absolute difference of the two gradients."""
    raise NotImplementedError  # your code here
