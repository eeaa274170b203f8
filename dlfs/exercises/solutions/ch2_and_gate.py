"""AND must fire for (1, 1) alone. With w1 = w2 = 0.5, one input of 1 makes
the weighted sum 0.5 and two make 1.0; the bias -0.7 lies between the two, so
only (1, 1) ends above 0. (The book's threshold is theta = 0.7, and b = -theta.)
Compare with >, not >=: at exactly 0 a perceptron does not fire.
"""


def AND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0
