"""The exact loss, from the log-softmax, with no 1e-7: the form the chapter teaches."""

import numpy as np


class SoftmaxWithLoss:
    def __init__(self):
        self.y = None
        self.t = None

    def forward(self, x, t):
        shifted = x - np.max(x, axis=1, keepdims=True)
        log_y = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        self.y, self.t = np.exp(log_y), t
        return -np.sum(t * log_y) / x.shape[0]

    def backward(self, dout=1):
        return dout * (self.y - self.t) / self.t.shape[0]
