import numpy as np


def gradient_check(numerical, backprop):
    return {
        key: np.average(np.abs(backprop[key] - numerical[key])) for key in numerical
    }
