"""XOR gave the same answers when your AND, NAND and OR were swapped for gates
that always answer 0, so it does not use them."""


def AND(x1, x2):
    return 1 if 0.5 * x1 + 0.5 * x2 - 0.7 > 0 else 0


def NAND(x1, x2):
    return 1 if -0.5 * x1 - 0.5 * x2 + 0.7 > 0 else 0


def OR(x1, x2):
    return 1 if 0.5 * x1 + 0.5 * x2 - 0.2 > 0 else 0


def XOR(x1, x2):
    return 1 if 0.5 < x1 + x2 < 1.5 else 0
