"""Exercise ch5.sigmoid_layer. Write your code, then check it with

python -m dlfs.exercises check ch5.sigmoid_layer FILE.py
"""

import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        raise NotImplementedError  # your code here: keep self.out

    def backward(self, dout):
        raise NotImplementedError  # your code here: return dx
