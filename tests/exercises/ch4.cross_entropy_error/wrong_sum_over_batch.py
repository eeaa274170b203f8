"""cross_entropy_error(y, t) for y = [[0.1, 0.2, 0.7], [0.6, 0.3, 0.1]] and t =
[[0., 0., 1.], [1., 0., 0.]] gave 0.8675, the sum over the batch; expected the
mean 0.4338."""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    return -np.sum(np.log(y[np.arange(y.shape[0]), t] + 1e-7))
