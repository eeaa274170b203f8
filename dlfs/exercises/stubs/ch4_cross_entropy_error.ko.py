"""문제 ch4.cross_entropy_error. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.cross_entropy_error FILE.py
"""

import numpy as np


def cross_entropy_error(y, t):
    """y(1차원 또는 배치)의 교차 엔트로피 평균. t는 원-핫 또는 정답 레이블."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
