"""applied the sigmoid to the output layer too: its activation is the
identity."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward(network, x):
    z = x
    for i in (1, 2, 3):
        z = sigmoid(z @ network[f"W{i}"] + network[f"b{i}"])
    return z
