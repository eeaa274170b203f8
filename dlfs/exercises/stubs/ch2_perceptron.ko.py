"""문제 ch2.perceptron. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch2.perceptron FILE.py
"""

import numpy as np


def perceptron(x, w, b):
    """입력 x의 가중합에 편향 b를 더한 값이 0보다 크면 1, 아니면 0."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
