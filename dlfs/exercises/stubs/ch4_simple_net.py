"""Exercise ch4.simple_net. Write your code, then check it with

python -m dlfs.exercises check ch4.simple_net FILE.py
"""

import numpy as np
from dlfs import cross_entropy_error, numerical_gradient, softmax  # or your own


class SimpleNet:
    def __init__(self, W):
        self.W = W  # 2-by-3 weights

    def predict(self, x):
        raise NotImplementedError  # your code here

    def loss(self, x, t):
        """The cross-entropy error of softmax(predict(x)) for the target t."""
        raise NotImplementedError  # your code here

    def gradient(self, x, t):
        """The numerical gradient of the loss with respect to self.W."""
        raise NotImplementedError  # your code here
