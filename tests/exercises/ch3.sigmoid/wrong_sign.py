"""sigmoid(2.0) gave 0.1192, expected 0.8808: the sign of the exponent is
wrong, so the function computes sigmoid(-x)"""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(x))
