"""오차제곱합 E = 1/2 * sum_k (y_k - t_k)**2.

y - t는 모든 출력의 오차를 원소별로 한꺼번에 구합니다. 제곱하면 부호와
상관없이 오차가 모두 손실에 반영되고, np.sum이 그것을 모두 더합니다. 평균이
아니라 합입니다. np.mean을 쓰면 출력의 개수로 나누게 됩니다. 1/2은 책의
관례로, 덕분에 E의 미분이 간단히 y - t가 됩니다.
"""

import numpy as np


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)
