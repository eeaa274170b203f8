"""시그모이드의 미분은 y(1 - y)이고 y는 시그모이드의 출력입니다. 그래서 forward는
출력을 보관하고(self.out), backward에는 다른 것이 필요 없습니다. 역전파에서는 exp를
계산하지 않습니다. 피해야 할 실수는 미분을 출력 y 대신 입력 x로 쓰는 것입니다.
backward는 다른 모든 계층처럼 dout을 곱합니다.
"""

import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx
