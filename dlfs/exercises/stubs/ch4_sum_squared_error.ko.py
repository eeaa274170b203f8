"""문제 ch4.sum_squared_error. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.sum_squared_error FILE.py
"""

import numpy as np


def sum_squared_error(y, t):
    """0.5 * sum((y - t)**2)."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
