"""Exercise ch3.accuracy. Write your code, then check it with

python -m dlfs.exercises check ch3.accuracy FILE.py
"""

import numpy as np


def accuracy(y, t):
    """The fraction of the rows of y whose highest score is at the class t gives."""
    raise NotImplementedError  # your code here
