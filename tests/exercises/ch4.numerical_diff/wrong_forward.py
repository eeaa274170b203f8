"""This is the forward difference (f(x+h) - f(x)) / h, whose error grows with
h. Use the central difference"""


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x)) / h
