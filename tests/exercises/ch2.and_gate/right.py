def AND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0
