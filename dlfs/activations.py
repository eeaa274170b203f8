"""Chapter 3: activation functions and the softmax output function.

Every function takes a scalar or an array and works element by element
(softmax: row by row), keeping float32 input in float32.

Examples
--------
>>> sigmoid([-1.0, 1.0, 2.0])
array([0.26894142, 0.73105858, 0.88079708])
>>> softmax([[1.0, 1.0], [0.0, 1000.0]])
array([[0.5, 0.5],
       [0. , 1. ]])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


# --8<-- [start:step_function]
def step_function(x: ArrayLike) -> np.ndarray:
    """1 where x > 0, else 0: the perceptron's activation."""
    return (np.asarray(x) > 0).astype(np.int64)
    # --8<-- [end:step_function]


# --8<-- [start:sigmoid]
def sigmoid(x: ArrayLike) -> np.ndarray:
    """The logistic function 1 / (1 + exp(-x)), without overflow."""
    x = np.asarray(x) * 1.0  # integers to floats: -x of a uint8 wraps around
    u = np.exp(-np.abs(x))  # exp of a number <= 0: never overflows, in (0, 1]
    return np.where(x >= 0, 1 / (1 + u), u / (1 + u))
    # --8<-- [end:sigmoid]


# --8<-- [start:relu]
def relu(x: ArrayLike) -> np.ndarray:
    """x where x > 0, else 0."""
    return np.maximum(0, x)
    # --8<-- [end:relu]


# --8<-- [start:leaky_relu]
def leaky_relu(x: ArrayLike, alpha: float = 0.01) -> np.ndarray:
    """x where x > 0, else alpha * x."""
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * x)
    # --8<-- [end:leaky_relu]


# --8<-- [start:identity_function]
def identity_function(x: ArrayLike) -> ArrayLike:
    """The input unchanged: the output activation for regression."""
    return x
    # --8<-- [end:identity_function]


# --8<-- [start:softmax]
def softmax(x: ArrayLike) -> np.ndarray:
    """exp(x_k) / sum_i exp(x_i), row by row, without overflow."""
    x = np.asarray(x) * 1.0  # integers to floats: x - max of a uint8 wraps around
    exp = np.exp(x - x.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)
    # --8<-- [end:softmax]
