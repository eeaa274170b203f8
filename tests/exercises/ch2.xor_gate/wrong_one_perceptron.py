"""XOR is right for (0, 0), (1, 0), (0, 1) but wrong for (1, 1): it gives 1
for (1, 1), expected 0. No single perceptron can do this; combine gates:
XOR(x1, x2) = AND(NAND(x1, x2), OR(x1, x2))."""


def XOR(x1, x2):
    return 1 if 0.5 * x1 + 0.5 * x2 - 0.2 > 0 else 0
