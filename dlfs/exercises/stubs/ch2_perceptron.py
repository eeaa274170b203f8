"""Exercise ch2.perceptron. Write your code, then check it with

python -m dlfs.exercises check ch2.perceptron FILE.py
"""

import numpy as np


def perceptron(x, w, b):
    """1 when the weighted sum of the inputs x plus the bias b is above 0, else 0."""
    raise NotImplementedError  # your code here
