"""Exercise ch5.affine_layer. Write your code, then check it with

python -m dlfs.exercises check ch5.affine_layer FILE.py
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
        raise NotImplementedError  # your code here: keep self.x

    def backward(self, dout):
        raise NotImplementedError  # set self.dW and self.db; return dx
