"""문제 ch4.gradient_descent. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.gradient_descent FILE.py
"""

import numpy as np
from dlfs import numerical_gradient  # 직접 만든 함수를 써도 됩니다


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    """init_x에서 x <- x - lr * grad f(x)를 step_num번 반복하고 마지막 x를 반환."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
