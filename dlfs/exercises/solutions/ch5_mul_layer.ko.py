"""x * y를 x로 미분하면 y이고, y로 미분하면 x입니다. 그래서 backward는 상류에서
온 미분 dout에 *다른 쪽* 입력을 곱합니다. backward는 입력을 달리 받을 길이 없으므로
forward가 두 입력을 보관해야 합니다. 보관하지 않으면 곱할 값이 없습니다. 두 입력을
서로 바꾸거나, dout을 빠뜨리는 것(dout이 늘 1인 것처럼)이 흔한 실수입니다.
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
        dx = dout * self.y  # x와 y를 바꾼다.
        dy = dout * self.x
        return dx, dy
