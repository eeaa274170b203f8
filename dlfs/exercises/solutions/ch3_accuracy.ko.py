"""np.argmax(y, axis=1)은 각 행에서 점수가 가장 높은 클래스를 골라, 샘플마다
레이블을 하나씩 내놓습니다(axis=0이면 클래스마다 가장 좋은 샘플을 고릅니다).
원-핫 정답도 같은 방법으로 레이블이 됩니다. 각 행의 1이 그 행에서 가장 큰
값이기 때문입니다. 그러면 y == t는 맞힌 샘플에서 True이고, 그 합이 맞힌 샘플
수이며, 배치 크기로 나누면 비율이 됩니다.
"""

import numpy as np


def accuracy(y, t):
    y = np.argmax(y, axis=1)
    if t.ndim != 1:  # 원-핫 행: 레이블로 바꿈
        t = np.argmax(t, axis=1)
    return np.sum(y == t) / y.shape[0]
