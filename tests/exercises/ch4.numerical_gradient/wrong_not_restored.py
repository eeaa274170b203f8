"""x was [3., 4.] before the call and [2.9999, 3.9999] after: the elements
moved by h were not put back as they were."""

import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        tmp_val = x[i]
        x[i] = tmp_val + h
        fxh1 = f(x)
        x[i] = tmp_val - h
        fxh2 = f(x)
        grad[i] = (fxh1 - fxh2) / (2 * h)
    return grad
