"""a perceptron answers 0 or 1, 1 when the weighted sum plus bias is above 0."""

import numpy as np


def perceptron(x, w, b):
    return np.sum(w * x) + b
