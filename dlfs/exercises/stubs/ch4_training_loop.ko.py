"""문제 ch4.training_loop. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.training_loop FILE.py
"""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    """params를 그 자리에서 갱신하는 미니배치 SGD. 반복마다의 손실을 돌려줍니다."""
    rng = np.random.default_rng(0)
    losses = []
    raise NotImplementedError  # 여기에 코드를 작성하세요
