"""문제 ch3.softmax_batch. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.softmax_batch FILE.py
"""

import numpy as np


def softmax(a):
    """2차원 배열 a의 각 행에 대한 소프트맥스."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
