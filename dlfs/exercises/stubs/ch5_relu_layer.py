"""Exercise ch5.relu_layer. Write your code, then check it with

python -m dlfs.exercises check ch5.relu_layer FILE.py
"""

import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        raise NotImplementedError  # your code here: keep self.mask = (x <= 0)

    def backward(self, dout):
        raise NotImplementedError  # your code here: return dx
