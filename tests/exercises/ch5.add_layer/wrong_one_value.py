"""backward(1.5) returned 1.5: a node with two inputs returns two derivatives,
one for each input."""


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout
