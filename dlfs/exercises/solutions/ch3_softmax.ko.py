"""모든 점수에서 같은 상수 c를 빼도 exp(-c)가 분자와 분모에서 약분되므로
소프트맥스의 값은 변하지 않습니다. c로 가장 큰 점수를 고르면 지수가 모두 0
이하가 되어, exp의 값은 모두 0과 1 사이이고 오버플로로 inf가 될 수 없습니다
(exp(1010)은 inf가 되고, inf / inf는 nan입니다). 가장 큰 점수의 exp는 정확히
1이므로 합은 1 이상이고 0이 되지 않습니다.
"""

import numpy as np


def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)  # 오버플로 대책
    return exp_a / np.sum(exp_a)
