"""책의 기울기 확인입니다. 매개변수마다 두 기울기의 차이의 절댓값을 평균합니다.
절댓값이 중요합니다. 부호를 그대로 두고 평균하면 +0.001과 -0.001 같은 차이가
상쇄되어, 잘못된 역전파가 맞는 것처럼 보일 수 있습니다. 올바른 역전파라면 차이는
수치 미분의 오차인 1e-10 정도이고, 잘못된 역전파라면 훨씬 큽니다.
"""

import numpy as np


def gradient_check(numerical, backprop):
    diffs = {}
    for key in numerical:
        diffs[key] = np.average(np.abs(backprop[key] - numerical[key]))
    return diffs
