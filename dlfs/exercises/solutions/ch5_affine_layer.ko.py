"""각 기울기는 미분 대상과 형상이 같고, 형상을 보면 전치 행렬을 어디에 둘지 정해집니다.
dx = dout W^T는 (N, K)(K, D) = (N, D)로 x의 형상이고, dW = x^T dout은
(D, N)(N, K) = (D, K)로 W의 형상입니다. 편향은 배치의 모든 행에 더해졌으므로, 그
기울기는 dout을 행에 걸쳐 더한 것(axis=0)이고 dout이 아니라 b의 형상을 가집니다.
"""

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
