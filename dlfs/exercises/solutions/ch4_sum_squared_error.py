"""The sum of squared errors, E = 1/2 * sum_k (y_k - t_k)**2.

y - t is the error of every output at once, element by element; squaring
makes each error count whatever its sign, and np.sum adds them all up. It is
a sum, not a mean: np.mean would divide by the number of outputs. The 1/2
is the book's convention; it makes the derivative of E simply y - t.
"""

import numpy as np


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)
