"""문제 ch4.numerical_gradient. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.numerical_gradient FILE.py
"""

import numpy as np


def numerical_gradient(f, x):
    """x에서 f의 중심 차분을 원소 하나씩 구합니다. x의 형상은 무엇이든 됩니다."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
