"""When t holds labels, t.size is the batch size, not y.size; pick the
probability of each correct class with y[np.arange(batch_size), t]."""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size
