"""Chapter 3: the forward pass of a neural network, by matrix products.

A network here is a plain dict of parameters, ``W1, b1, ..., Wn, bn``, as in
the book: ``W1`` has shape (inputs, hidden), ``b1`` shape (hidden,), and so
on.  Inputs are one sample (1-D) or a batch of samples as rows (2-D).

Examples
--------
>>> forward(init_network(), [1.0, 0.5])
array([0.31682708, 0.69627909])
>>> predict(init_network(), [[1.0, 0.5], [0.0, 0.0]]).sum(axis=1)
array([1., 1.])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from dlfs.activations import identity_function, sigmoid, softmax


# --8<-- [start:init_network]
def init_network() -> dict[str, np.ndarray]:
    """The book's hand-made 2-3-2-2 network with fixed weights."""
    return {
        "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
        "b1": np.array([0.1, 0.2, 0.3]),
        "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
        "b2": np.array([0.1, 0.2]),
        "W3": np.array([[0.1, 0.3], [0.2, 0.4]]),
        "b3": np.array([0.1, 0.2]),
    }
    # --8<-- [end:init_network]


# --8<-- [start:forward]
def forward(network: dict[str, np.ndarray], x: ArrayLike) -> np.ndarray:
    """The book's three-layer forward pass: sigmoid, sigmoid, identity."""
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]

    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    return identity_function(a3)
    # --8<-- [end:forward]


# --8<-- [start:predict]
def predict(network: dict[str, np.ndarray], x: ArrayLike) -> np.ndarray:
    """Class probabilities: sigmoid hidden layers W1..W(n-1), softmax output Wn."""
    n = len(network) // 2
    z = np.asarray(x)
    for i in range(1, n):
        z = sigmoid(np.dot(z, network[f"W{i}"]) + network[f"b{i}"])
    return softmax(np.dot(z, network[f"W{n}"]) + network[f"b{n}"])
    # --8<-- [end:predict]
