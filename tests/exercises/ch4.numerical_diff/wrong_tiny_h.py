"""with a tiny h such as 1e-50, x + h rounds back to x, so f(x + h) - f(x) is
0. Use h = 1e-4."""


def numerical_diff(f, x):
    h = 1e-50
    return (f(x + h) - f(x)) / h
