"""This is the forward difference (f(x+h) - f(x)) / h, whose error grows with
h. Use the central difference (f(x+h) - f(x-h)) / (2*h)."""

import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        tmp_val = x[i]
        fx = f(x)
        x[i] = tmp_val + h
        grad[i] = (f(x) - fx) / h
        x[i] = tmp_val
    return grad
