"""raised KeyError: a perceptron takes any two numbers, computes
w1*x1 + w2*x2 + b and compares it with 0. A table of the four answers is not
a perceptron."""


def AND(x1, x2):
    return {(0, 0): 0, (1, 0): 0, (0, 1): 0, (1, 1): 1}[(x1, x2)]
