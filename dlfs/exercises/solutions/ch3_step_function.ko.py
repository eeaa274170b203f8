"""비교 연산 x > 0은 배열 전체에 한 번에 적용되어, 원소마다 True/False가 하나씩
담긴 배열을 돌려줍니다. `if`라면 True나 False 하나가 필요했을 것입니다.
np.array(..., dtype=int)가 True를 1로, False를 0으로 바꾸므로 결과에는 숫자가
담깁니다. 비교는 >=가 아니라 >입니다. 0에서 계단 함수는 아직 0입니다.
"""

import numpy as np


def step_function(x):
    return np.array(x > 0, dtype=int)
