"""x + y를 각 입력으로 미분하면 1이므로, 덧셈 노드는 상류에서 온 미분 dout을 두
입력에 그대로 전달합니다. forward에서 필요한 것이 없으니 아무것도 보관하지
않습니다. `* 1`은 국소적 미분을 그대로 적은 것입니다. backward는 언제나 1이 아니라
dout에 1을 곱한 값을, 그리고 입력마다 하나씩 두 값을 반환합니다.
"""


class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        out = x + y
        return out

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy
