"""각 층은 가중치와의 행렬 곱에 편향을 더한 다음 활성화 함수를 적용합니다.
두 은닉층은 시그모이드 함수를, 출력층은 항등 함수를 써서 a3를 그대로
내보냅니다(출력층에 시그모이드를 쓰면 점수가 0과 1 사이로 눌립니다).
np.dot(x, W1)은 x @ W1과 같고, 입력 하나(1차원)도 배치(입력마다 한 행)도
똑같이 받으므로 같은 코드가 두 경우에 모두 동작합니다.
"""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward(network, x):
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]

    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    return a3  # 항등 함수: y = a3
