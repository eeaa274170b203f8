"""The derivative of x * y with respect to x is y, and with respect to y it is
x: backward multiplies the upstream derivative dout by the *other* input. So
forward must keep both inputs, which backward receives no other way; without
them it has nothing to multiply by. Swapping the two, or leaving dout out (as
if it were always 1), is the usual slip.
"""


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.y  # swap x and y
        dy = dout * self.x
        return dx, dy
