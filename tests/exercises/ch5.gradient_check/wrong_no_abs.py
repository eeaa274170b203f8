"""the average of the signed differences, where positive and negative ones
cancel."""

import numpy as np


def gradient_check(numerical, backprop):
    return {key: np.average(backprop[key] - numerical[key]) for key in numerical}
