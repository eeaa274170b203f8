"""w * x multiplies each input by its weight, element by element, and np.sum
adds the products up: one number, the weighted sum, however many inputs there
are. Without np.sum the answer would be an array, one number per input. Add
the bias and compare with >, not >=: at exactly 0 a perceptron does not fire.
"""

import numpy as np


def perceptron(x, w, b):
    return 1 if np.sum(w * x) + b > 0 else 0
