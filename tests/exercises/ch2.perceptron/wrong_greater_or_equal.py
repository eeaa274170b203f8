"""perceptron([1., 1.], [0.5, 0.5], -1) gave 1 where the weighted sum plus the
bias is exactly 0: a perceptron fires only above 0."""

import numpy as np


def perceptron(x, w, b):
    return 1 if np.sum(w * x) + b >= 0 else 0
