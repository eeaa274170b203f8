"""OR is right for (1, 0), (0, 1), (1, 1) but wrong for (0, 0): it gives 1 for
(0, 0), expected 0. It should not fire for (0, 0), so there the weighted sum
plus the bias must be 0 or below."""


def OR(x1, x2):
    w1, w2, b = 0.5, 0.5, 0.0
    return 1 if w1 * x1 + w2 * x2 + b >= 0 else 0
