"""numerical_diff(f, 5) gave 0.200001, expected 0.2: that is the forward
difference, which looks to one side of x only and whose error grows with h."""


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x)) / h
