"""문제 ch3.relu. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.relu FILE.py
"""

import numpy as np


def relu(x):
    """원소별로 x > 0이면 x, 아니면 0. x 자체는 바꾸지 않습니다."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
