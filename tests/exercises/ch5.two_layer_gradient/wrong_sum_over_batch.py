"""Every gradient is 3 times too large for a batch of 3: the loss is the mean
over the batch."""

import numpy as np


def softmax(x):
    x = x - np.max(x, axis=1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)


def gradient(params, x, t):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    a1 = x @ W1 + b1
    h = np.maximum(0, a1)
    y = softmax(h @ W2 + b2)

    dout = y - t
    grads = {"W2": h.T @ dout, "b2": np.sum(dout, axis=0)}
    dh = dout @ W2.T
    dh[a1 <= 0] = 0
    grads["W1"] = x.T @ dh
    grads["b1"] = np.sum(dh, axis=0)
    return grads
