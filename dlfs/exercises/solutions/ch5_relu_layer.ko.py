"""ReLU의 미분은 입력이 양수였던 곳에서 1이고 그렇지 않은 곳에서 0입니다. 그래서
forward는 x <= 0인 위치를 마스크로 보관하고, backward는 나머지 위치에서만 dout을
통과시킵니다. 둘 다 호출한 쪽의 배열이 아니라 복사본을 0으로 바꿉니다. x는 앞
계층의 출력이라 앞 계층이 다시 쓸 수 있고, dout도 다른 곳에서 쓰일 수 있습니다.
np.where가 복사본을 만듭니다. 책은 dout[self.mask] = 0으로 그 자리에서 바꿉니다.
"""

import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = np.where(self.mask, 0, dout)
        return dx
