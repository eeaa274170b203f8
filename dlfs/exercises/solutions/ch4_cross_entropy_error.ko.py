"""원-핫 t나 정답 레이블 t에 대한, 배치 평균 교차 엔트로피 오차.

출력 하나는 샘플 하나짜리 배치로 바꾸므로, 나머지 코드는 2차원 y만 다루면
됩니다. 원-핫 t는 원소 수가 y와 같으며, argmax로 정답 레이블로 바꿉니다. 그러면
y[np.arange(batch_size), t]가 행마다 정답 클래스의 확률을 고릅니다. 로그 안의
1e-7은 log(0) = -inf를 막고, batch_size로 나누면 손실이 평균이 되어 배치
크기와 상관없이 같은 규모가 됩니다.
"""

import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)

    # 타깃이 원-핫이면 정답 클래스의 레이블로 바꿉니다
    if t.size == y.size:
        t = t.argmax(axis=1)

    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
