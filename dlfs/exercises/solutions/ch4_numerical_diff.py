"""The numerical derivative by the central difference, as the book writes it.

h = 1e-4 is small enough for an accurate slope and large enough to survive
rounding: with h = 1e-50, x + h rounds back to x and the difference is 0.
The points x + h and x - h lie on both sides of x, so the error shrinks
with h**2, where the forward difference's shrinks only with h.
"""


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)
