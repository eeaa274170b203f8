"""문제 ch3.softmax. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.softmax FILE.py
"""

import numpy as np


def softmax(a):
    """1차원 배열 a의 소프트맥스. a = [1010, 1000, 990]에서도 맞아야 합니다."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
