"""문제 ch5.softmax_with_loss. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.softmax_with_loss FILE.py

손실은 로그 소프트맥스로 구한 정확한 값이어도 되고, 책처럼 -log(y + 1e-7)이어도
됩니다. 채점기는 둘 다 받아 줍니다.
"""

import numpy as np
from dlfs import cross_entropy_error, softmax  # 직접 만든 함수를 써도 됩니다


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # 소프트맥스의 출력
        self.t = None  # 원-핫 정답

    def forward(self, x, t):
        raise NotImplementedError  # 여기에 코드를 작성하세요: 손실을 반환

    def backward(self, dout=1):
        raise NotImplementedError  # 여기에 코드를 작성하세요: dx를 반환
