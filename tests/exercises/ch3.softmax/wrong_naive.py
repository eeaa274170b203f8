"""softmax([1010, 1000, 990]) gave [nan, nan, nan]: exp(1010) overflows to inf,
and inf / inf is nan."""

import numpy as np


def softmax(a):
    exp_a = np.exp(a)
    return exp_a / np.sum(exp_a)
