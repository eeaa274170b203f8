"""문제 ch3.sigmoid. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch3.sigmoid FILE.py
"""

import numpy as np


def sigmoid(x):
    """원소별로 1 / (1 + exp(-x))."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
