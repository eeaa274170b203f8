"""문제 ch3.step_function. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.step_function FILE.py
"""

import numpy as np


def step_function(x):
    """x와 형상이 같은 배열: x > 0인 곳은 1, 나머지는 0."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
