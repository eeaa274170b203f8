"""The book's gradient check: for each parameter, the average of the absolute
differences between the two gradients. The absolute value matters: averaged
with their signs, differences of +0.001 and -0.001 cancel, and a wrong
backward pass could look right. A correct one differs by about 1e-10, the
error of the numerical gradient; a wrong one by far more.
"""

import numpy as np


def gradient_check(numerical, backprop):
    diffs = {}
    for key in numerical:
        diffs[key] = np.average(np.abs(backprop[key] - numerical[key]))
    return diffs
