"""sum_squared_error(y, t) gave 0.195, twice the expected 0.0975: the 0.5 in
front of the sum is missing."""

import numpy as np


def sum_squared_error(y, t):
    return np.sum((y - t) ** 2)
