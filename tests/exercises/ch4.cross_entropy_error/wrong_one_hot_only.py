"""cross_entropy_error(y, t) for y = [[0.1, 0.2, 0.7], [0.6, 0.3, 0.1]] and t =
[2, 0] raised ValueError: here t holds labels, one class index per sample, not
one-hot rows of y's shape."""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size
