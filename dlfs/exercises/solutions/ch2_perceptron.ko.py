"""w * x는 입력마다 가중치를 원소별로 곱하고, np.sum은 그 곱들을 더합니다.
입력이 몇 개든 결과는 수 하나, 곧 가중합입니다. np.sum이 없으면 답이 입력마다
수가 하나씩 있는 배열이 됩니다. 여기에 편향을 더하고 >=가 아니라 >로
비교합니다. 정확히 0이면 퍼셉트론은 활성화하지 않습니다.
"""

import numpy as np


def perceptron(x, w, b):
    return 1 if np.sum(w * x) + b > 0 else 0
