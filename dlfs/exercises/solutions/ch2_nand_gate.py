"""NAND is AND with its output turned over, so turn over the signs of AND's
weights and bias. With -0.5 each, one input of 1 makes the weighted sum -0.5
and two make -1.0; the bias 0.7 keeps the sum above 0 unless both inputs are 1
(0.7 - 1.0 < 0). Every gate is the same code: only the numbers change.
"""


def NAND(x1, x2):
    w1, w2, b = -0.5, -0.5, 0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0
