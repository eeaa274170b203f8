"""문제 ch5.gradient_check. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.gradient_check FILE.py
"""

import numpy as np


def gradient_check(numerical, backprop):
    """키마다 두 기울기의 차이의 절댓값의 평균."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
