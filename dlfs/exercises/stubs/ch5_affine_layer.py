"""Exercise ch5.affine_layer. Check: python -m dlfs.exercises check ch5.affine_layer FILE.py"""

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        raise NotImplementedError  # your code here: keep self.x

    def backward(self, dout):
        raise NotImplementedError  # your code here: set self.dW, self.db; return dx
