"""Exercise ch3.softmax. Check: python -m dlfs.exercises check ch3.softmax FILE.py"""

import numpy as np


def softmax(a):
    """The softmax of the 1-D array a; it must survive a = [1010, 1000, 990]."""
    raise NotImplementedError  # your code here
