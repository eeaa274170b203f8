"""Each layer is the matrix product with its weights, plus its bias, then its
activation function: the sigmoid in the two hidden layers, the identity in the
output layer, which passes a3 on as it is (a sigmoid there would squash the
scores). np.dot(x, W1), which is x @ W1, takes one input (1-D) or a batch of
them (one row each) alike, so the same code serves both.
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
    return a3  # the identity function: y = a3
