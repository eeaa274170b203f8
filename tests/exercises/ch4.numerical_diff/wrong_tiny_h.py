"""numerical_diff(f, 5) gave 0: with a tiny h such as 1e-50, adding h to x
rounds back to x, so the two values of f are equal and their difference is 0."""


def numerical_diff(f, x):
    h = 1e-50
    return (f(x + h) - f(x)) / h
