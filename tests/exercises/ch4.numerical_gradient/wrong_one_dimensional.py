"""Indexing failed for an x of shape (2, 3): with `for i in range(x.size)`, the
index i picks a row of a 2-D x, not an element, and runs past the last row.
That loop works for 1-D arrays only."""

import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for i in range(x.size):
        tmp_val = x[i]
        x[i] = tmp_val + h
        fxh1 = f(x)
        x[i] = tmp_val - h
        fxh2 = f(x)
        grad[i] = (fxh1 - fxh2) / (2 * h)
        x[i] = tmp_val
    return grad
