"""dx and dy are swapped: the derivative of x * y with respect to x is the
other input, so dx = dout * y and dy = dout * x."""


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        return dout * self.x, dout * self.y
