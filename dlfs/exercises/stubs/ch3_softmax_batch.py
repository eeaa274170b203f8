"""Exercise ch3.softmax_batch. Write your code, then check it with

python -m dlfs.exercises check ch3.softmax_batch FILE.py
"""

import numpy as np


def softmax(a):
    """The softmax of each row of the 2-D array a."""
    raise NotImplementedError  # your code here
