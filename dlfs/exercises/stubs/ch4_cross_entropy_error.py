"""Exercise ch4.cross_entropy_error. Write your code, then check it with

python -m dlfs.exercises check ch4.cross_entropy_error FILE.py
"""

import numpy as np


def cross_entropy_error(y, t):
    """Mean cross-entropy of y (1-D or a batch) for one-hot or label t."""
    raise NotImplementedError  # your code here
