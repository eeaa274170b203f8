"""행마다 따로 소프트맥스를 구합니다. 최댓값과 합을 axis=1 방향으로, 즉 행마다
하나씩 구합니다. keepdims=True로 이 값들을 형상이 (N, 1)인 열로 남겨 두면
각 행 전체로 다시 브로드캐스트됩니다. 배치 전체에서 최댓값 하나를 빼면 그보다
한참 작은 행이 언더플로하여 0 / 0이 됩니다. 배열 전체의 합으로 나누어도 안
됩니다. 그러면 각 행이 아니라 배치 전체의 합이 1이 됩니다.
"""

import numpy as np


def softmax(a):
    c = np.max(a, axis=1, keepdims=True)
    exp_a = np.exp(a - c)  # 각 행에서 그 행의 최댓값을 뺌
    return exp_a / np.sum(exp_a, axis=1, keepdims=True)
