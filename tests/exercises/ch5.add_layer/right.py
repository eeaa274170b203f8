class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1
