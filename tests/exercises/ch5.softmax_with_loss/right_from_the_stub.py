"""The starter file completed: it keeps the stub's import from dlfs."""

from dlfs import cross_entropy_error, softmax  # or your own from chapters 3 and 4


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
        return (self.y - self.t) / self.t.shape[0]
