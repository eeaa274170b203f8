"""The sigmoid's derivative is y(1 - y) with y its output, so forward keeps
its output (self.out) and backward needs nothing else: no exp in the backward
pass. The slip to avoid is to write the derivative with the input x instead
of the output y. backward multiplies by dout, as every layer does.
"""

import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx
