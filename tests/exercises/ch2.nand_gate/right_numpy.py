import numpy as np


def NAND(x1, x2):
    x, w, b = np.array([x1, x2]), np.array([-0.5, -0.5]), 0.7
    return int(np.sum(w * x) + b > 0)
