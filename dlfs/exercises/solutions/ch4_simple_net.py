"""The book's simpleNet: one 2-by-3 weight matrix, its loss and its gradient.

predict gives scores, and softmax turns them into the probabilities that the
cross-entropy error needs. The function given to numerical_gradient ignores
its argument w and computes the loss through self: that works because
numerical_gradient nudges the very array it is given, self.W, one element at
a time. Given a copy of self.W, the loss would never change: a gradient of 0.
"""

from dlfs import cross_entropy_error, numerical_gradient, softmax


class SimpleNet:
    def __init__(self, W):
        self.W = W

    def predict(self, x):
        return x @ self.W

    def loss(self, x, t):
        return cross_entropy_error(softmax(self.predict(x)), t)

    def gradient(self, x, t):
        return numerical_gradient(lambda w: self.loss(x, t), self.W)
