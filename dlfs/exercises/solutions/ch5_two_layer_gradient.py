"""One forward pass keeps what the backward pass needs (a1, h, y); the
backward pass then goes through the layers in reverse. It starts from
(y - t) / batch_size, the gradient of the mean loss; each Affine takes
input.T @ dout for its weights and passes dout @ W.T back, and the ReLU
zeroes that where its input was <= 0: forget it, and only W1 and b1 go wrong.
"""

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)


def gradient(params, x, t):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    grads = {}

    # forward
    a1 = x @ W1 + b1
    h = np.maximum(0, a1)
    y = softmax(h @ W2 + b2)

    # backward
    dout = (y - t) / x.shape[0]
    grads["W2"] = h.T @ dout
    grads["b2"] = np.sum(dout, axis=0)
    dh = dout @ W2.T
    dh[a1 <= 0] = 0
    grads["W1"] = x.T @ dh
    grads["b1"] = np.sum(dh, axis=0)
    return grads
