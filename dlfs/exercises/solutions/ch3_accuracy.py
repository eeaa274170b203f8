"""np.argmax(y, axis=1) picks the class with the highest score in each row:
one label per sample (axis=0 would pick the best sample of each class).
One-hot targets become labels the same way, as each row's 1 is its largest
entry. y == t is then True where a sample is right: the sum counts those,
and dividing by the batch size gives the fraction.
"""

import numpy as np


def accuracy(y, t):
    y = np.argmax(y, axis=1)
    if t.ndim != 1:  # one-hot rows: turn them into labels
        t = np.argmax(t, axis=1)
    return np.sum(y == t) / y.shape[0]
