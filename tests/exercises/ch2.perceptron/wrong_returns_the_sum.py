"""perceptron([0., 0.], [0.5, 0.5], -0.7) returned -0.7: a perceptron answers 0
or 1."""

import numpy as np


def perceptron(x, w, b):
    return np.sum(w * x) + b
