def gate(x1, x2, w1, w2, b):
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def AND(x1, x2):
    return gate(x1, x2, 0.5, 0.5, -0.7)


def NAND(x1, x2):
    return gate(x1, x2, -0.5, -0.5, 0.7)


def OR(x1, x2):
    return gate(x1, x2, 0.5, 0.5, -0.2)


def XOR(x1, x2):
    return AND(NAND(x1, x2), OR(x1, x2))
