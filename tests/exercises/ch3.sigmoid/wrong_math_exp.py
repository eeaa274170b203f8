"""math.exp takes one number; for arrays use np.exp"""

import math


def sigmoid(x):
    return 1 / (1 + math.exp(-x))
