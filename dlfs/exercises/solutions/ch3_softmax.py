"""Subtracting the same constant c from every score leaves softmax unchanged,
because exp(-c) divides out of the fraction. With c the largest score, every
exponent is 0 or below: each exp lies between 0 and 1 and cannot overflow to
inf (exp(1010) would, and inf / inf is nan). The largest score's exp is
exactly 1, so the sum is at least 1 and never 0.
"""

import numpy as np


def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)  # overflow countermeasure
    return exp_a / np.sum(exp_a)
