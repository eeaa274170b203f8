"""순전파를 한 번 하면서 역전파에 필요한 값(a1, h, y)을 남기고, 역전파는 계층을
역순으로 지나갑니다. 평균 손실의 기울기인 (y - t) / batch_size에서 시작하여, 각
Affine은 자기 입력을 전치해 dout에 곱한 값을 가중치의 기울기로 하고 dout @ W.T를
앞으로 전달합니다. ReLU는 입력이 0 이하였던 곳을 0으로 만듭니다. 이것을 잊으면
W1과 b1만 틀립니다.
"""

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)


def gradient(params, x, t):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    grads = {}

    # 순전파
    a1 = x @ W1 + b1
    h = np.maximum(0, a1)
    y = softmax(h @ W2 + b2)

    # 역전파
    dout = (y - t) / x.shape[0]
    grads["W2"] = h.T @ dout
    grads["b2"] = np.sum(dout, axis=0)
    dh = dout @ W2.T
    dh[a1 <= 0] = 0
    grads["W1"] = x.T @ dh
    grads["b1"] = np.sum(dh, axis=0)
    return grads
