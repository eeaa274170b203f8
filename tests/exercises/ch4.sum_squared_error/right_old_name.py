"""The old name, mean_squared_error, which the book's repository once used."""

import numpy as np


def mean_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)
