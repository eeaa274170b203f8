"""Exercise ch5.mul_layer. Write your code, then check it with

python -m dlfs.exercises check ch5.mul_layer FILE.py
"""


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        raise NotImplementedError  # your code here: return x * y

    def backward(self, dout):
        raise NotImplementedError  # your code here: return dx, dy
