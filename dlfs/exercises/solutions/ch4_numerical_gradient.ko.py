"""x에서 f의 수치 기울기: 원소마다 구한 중심 차분.

multi_index를 준 np.nditer는 x의 형상이 무엇이든 모든 원소를 방문합니다
(인덱스 하나 i는 2차원 x에서 행 전체를 고릅니다). 다른 원소는 그대로 둔 채
원소 하나를 +h와 -h만큼 차례로 옮긴 다음 원래 값으로 되돌립니다. f는 x 자체를
읽으므로, 옮긴 채로 둔 원소는 다음 차분과 호출한 쪽의 x를 망가뜨립니다.
"""

import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)

    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val  # 값 복원
        it.iternext()

    return grad
