"""소프트맥스 다음에 교차 엔트로피 오차가 오면 역전파가 가장 간단해집니다.
(y - t) / batch_size입니다. 나누는 까닭은 forward가 배치에 대한 손실의 평균을
반환하기 때문입니다. 소프트맥스는 샘플 하나인 행마다 계산하며, 큰 점수에서 exp가
오버플로를 일으키지 않도록 먼저 그 행의 최댓값을 뺍니다. 함수는 책의 것이고,
dlfs의 softmax와 cross_entropy_error를 써도 됩니다.
"""

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # 오버플로 대책
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # 소프트맥스의 출력
        self.t = None  # 원-핫 정답

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = (self.y - self.t) / batch_size
        return dx
