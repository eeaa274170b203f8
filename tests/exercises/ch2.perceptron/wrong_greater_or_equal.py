"""where w * x summed with b is exactly 0: a perceptron fires only above 0 (>,
not >=)."""

import numpy as np


def perceptron(x, w, b):
    return 1 if np.sum(w * x) + b >= 0 else 0
