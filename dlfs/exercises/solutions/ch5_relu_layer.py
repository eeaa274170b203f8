"""ReLU's derivative is 1 where its input was positive and 0 where it was not,
so forward keeps a mask of where x <= 0, and backward lets dout through
everywhere else. Both zero a copy, not the caller's array: x is the output of
the layer before, which may need it again, and dout may be used elsewhere too.
np.where builds the copy; the book writes dout[self.mask] = 0, in place.
"""

import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = np.where(self.mask, 0, dout)
        return dx
