"""OR must fire as soon as one input is 1. Keep AND's weights, 0.5 each, and
raise the bias to -0.2: one input of 1 already lifts the sum to 0.3, above 0,
while at (0, 0) the sum is the bias alone, -0.2. The bias is all that tells
OR from AND here: it sets how easily the perceptron fires.
"""


def OR(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.2
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0
