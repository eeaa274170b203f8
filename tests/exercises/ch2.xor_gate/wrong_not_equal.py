"""but XOR(0, 0) gives 0: a perceptron's answer changes only across one
straight line, its decision boundary, and inputs this close to a corner should
get the corner's answer."""


def XOR(x1, x2):
    return int(x1 != x2)
