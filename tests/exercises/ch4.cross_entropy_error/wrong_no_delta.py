"""cross_entropy_error(y, t) for y = [0., 1., 0.] and t = [1., 0., 0.] gave
inf: the correct class has probability 0 here, and log(0) is -inf."""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t])) / batch_size
