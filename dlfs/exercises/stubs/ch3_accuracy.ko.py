"""문제 ch3.accuracy. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.accuracy FILE.py
"""

import numpy as np


def accuracy(y, t):
    """y의 각 행에서 가장 높은 점수가 t의 정답 클래스에 있는 비율."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
