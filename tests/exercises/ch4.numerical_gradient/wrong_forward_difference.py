"""numerical_gradient(f, x) for x = [3., 4.] gave [6.0001, 8.0001], expected
[6., 8.]: that is the forward difference, which looks to one side of x only and
whose error grows with h."""

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
