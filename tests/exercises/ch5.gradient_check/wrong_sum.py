"""the sum or the largest of the absolute differences, not their average."""

import numpy as np


def gradient_check(numerical, backprop):
    return {key: np.sum(np.abs(backprop[key] - numerical[key])) for key in numerical}
