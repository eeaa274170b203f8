"""NumPy applies arithmetic element by element, and a number meets an array by
broadcasting, so the formula as it stands works for a whole array: np.exp(-x)
is an array, 1 + ... adds 1 to each element, and 1 / ... divides 1 by each.
math.exp would not do: it takes one number only. Mind the sign: exp(-x), so
that large inputs give values near 1.
"""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
