"""The cross-entropy error, averaged over a batch, for one-hot or label t.

A single output becomes a batch of one, so the rest handles 2-D y only. A
one-hot t has as many elements as y and becomes labels with argmax; then
y[np.arange(batch_size), t] picks in each row the probability of the correct
class. The 1e-7 inside the log keeps log(0) = -inf out, and dividing by
batch_size makes the loss a mean, on the same scale for any batch size.
"""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)

    # one-hot targets: turn them into the labels of the correct classes
    if t.size == y.size:
        t = t.argmax(axis=1)

    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
