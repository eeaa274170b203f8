"""문제 ch4.simple_net. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.simple_net FILE.py
"""

import numpy as np
from dlfs import cross_entropy_error, numerical_gradient, softmax  # 또는 직접 만든 것


class SimpleNet:
    def __init__(self, W):
        self.W = W  # 2×3 가중치

    def predict(self, x):
        raise NotImplementedError  # 여기에 코드를 작성하세요

    def loss(self, x, t):
        """softmax(predict(x))의 정답 t에 대한 교차 엔트로피 오차."""
        raise NotImplementedError  # 여기에 코드를 작성하세요

    def gradient(self, x, t):
        """self.W에 대한 손실의 수치 기울기."""
        raise NotImplementedError  # 여기에 코드를 작성하세요
