"""NAND is right for none of the inputs but wrong for (0, 0), (1, 0), (0, 1),
(1, 1): it gives 0 for (0, 0), expected 1. It should fire for (0, 0), so
there the weighted sum plus the bias must be above 0."""


def NAND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0
