"""문제 ch3.forward. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.forward FILE.py
"""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward(network, x):
    """x에 대한 3층 신경망의 출력: 시그모이드, 시그모이드, 항등 함수."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
