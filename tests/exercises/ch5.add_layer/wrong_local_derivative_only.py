"""backward(1.5) gave (1, 1): the local derivative of x + y is 1, but backward
passes on dout times it"""


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return 1, 1
