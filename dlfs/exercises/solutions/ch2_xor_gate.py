"""No straight line puts (1, 0) and (0, 1) on one side and (0, 0) and (1, 1) on
the other, so no single perceptron computes XOR; two layers do. NAND and OR
both fire only for (1, 0) and (0, 1), so AND of their outputs is XOR. XOR has
no weights of its own: it calls the gates, as the book's XOR does.
"""


def AND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def NAND(x1, x2):
    w1, w2, b = -0.5, -0.5, 0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def OR(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.2
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def XOR(x1, x2):
    s1 = NAND(x1, x2)
    s2 = OR(x1, x2)
    y = AND(s1, s2)
    return y
