"""문제 ch5.relu_layer. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.relu_layer FILE.py
"""

import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        raise NotImplementedError  # 여기에 코드를 작성하세요: self.mask = (x <= 0)

    def backward(self, dout):
        raise NotImplementedError  # 여기에 코드를 작성하세요: dx를 반환
