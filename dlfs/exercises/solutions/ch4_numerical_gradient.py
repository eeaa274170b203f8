"""The numerical gradient of f at x: a central difference in each element.

np.nditer with multi_index visits every element of an x of any shape (one
index i would pick a whole row of a 2-D x). Each element is moved by +h and
by -h while the others stay still, and then put back: f reads x itself, so
an element left moved would spoil the next differences and the caller's x.
"""

import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)

    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val  # put the value back
        it.iternext()

    return grad
