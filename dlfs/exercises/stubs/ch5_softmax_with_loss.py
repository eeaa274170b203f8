"""Exercise ch5.softmax_with_loss. Write your code, then check it with

python -m dlfs.exercises check ch5.softmax_with_loss FILE.py

The loss may be exact, from the log-softmax, or the book's -log(y + 1e-7):
the checker accepts either.
"""

import numpy as np
from dlfs import cross_entropy_error, softmax  # or your own


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # the softmax output
        self.t = None  # the one-hot targets

    def forward(self, x, t):
        raise NotImplementedError  # your code here: return the loss

    def backward(self, dout=1):
        raise NotImplementedError  # your code here: return dx
