"""forward changed its input x into [[1. , 0. , 0. ], [0. , 3. , 0.5]]: set the
zeros in a copy"""


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        x[self.mask] = 0
        return x

    def backward(self, dout):
        dout[self.mask] = 0
        return dout
