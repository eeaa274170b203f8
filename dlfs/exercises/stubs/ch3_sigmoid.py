"""Exercise ch3.sigmoid. Write your code, then check it with

python -m dlfs.exercises check ch3.sigmoid FILE.py
"""

import numpy as np


def sigmoid(x):
    """1 / (1 + exp(-x)), element by element."""
    raise NotImplementedError  # your code here
