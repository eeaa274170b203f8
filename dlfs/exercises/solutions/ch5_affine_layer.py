"""Each gradient has the shape of what it is the gradient of, and the shapes
decide where the transposes go: dx = dout W^T is (N, K)(K, D) = (N, D), the
shape of x, and dW = x^T dout is (D, N)(N, K) = (D, K), the shape of W. The
bias was added to every row of the batch, so its gradient sums dout over the
rows (axis=0) and has the shape of b, not of dout.
"""

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
