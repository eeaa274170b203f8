"""raised TypeError: math.exp takes one number, and x is an array."""

import math


def sigmoid(x):
    return 1 / (1 + math.exp(-x))
