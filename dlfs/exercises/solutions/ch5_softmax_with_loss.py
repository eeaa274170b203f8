"""Softmax followed by the cross-entropy error has the simplest backward pass
of all: (y - t) / batch_size. The division is there because forward returns
the mean loss over the batch. The softmax works on each row, one sample, and
subtracts the row's maximum first, so that large scores cannot overflow exp.
The functions are the book's; dlfs's softmax and cross_entropy_error work too.
"""

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # overflow countermeasure
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # the softmax output
        self.t = None  # the one-hot targets

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = (self.y - self.t) / batch_size
        return dx
