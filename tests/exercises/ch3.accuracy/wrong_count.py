"""gave 3, the number of correct samples, not their fraction."""

import numpy as np


def accuracy(y, t):
    if t.ndim != 1:
        t = np.argmax(t, axis=1)
    return np.sum(np.argmax(y, axis=1) == t)
