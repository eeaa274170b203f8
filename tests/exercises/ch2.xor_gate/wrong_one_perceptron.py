"""XOR is right for (0, 0), (1, 0), (0, 1) but wrong for (1, 1): it gives 1
for (1, 1), expected 0. No single perceptron can give XOR's answers: no
straight line has its 1s on one side and its 0s on the other, so XOR takes
two layers of gates."""


def XOR(x1, x2):
    return 1 if 0.5 * x1 + 0.5 * x2 - 0.2 > 0 else 0
