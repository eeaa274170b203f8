"""문제 ch5.affine_layer. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.affine_layer FILE.py
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
        raise NotImplementedError  # 여기에 코드를 작성하세요: self.x에 보관

    def backward(self, dout):
        raise NotImplementedError  # self.dW와 self.db를 정하고 dx를 반환
