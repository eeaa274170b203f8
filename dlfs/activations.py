"""Chapter 3: activation functions and the softmax output function.

Every function takes a scalar or an array and works element by element
(softmax: row by row), keeping float32 input in float32.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlfs._validate import float_array


# --8<-- [start:step_function]
def step_function(x: Any) -> np.ndarray:
    """Output 1 where ``x > 0`` and 0 elsewhere: the perceptron's activation.

    Parameters
    ----------
    x : array_like
        Input values.

    Returns
    -------
    numpy.ndarray of int
        Same shape as ``x``.

    Examples
    --------
    >>> step_function([-1.0, 0.0, 2.0])
    array([0, 0, 1])
    """
    return (float_array("x", x) > 0).astype(np.int64)
    # --8<-- [end:step_function]


# --8<-- [start:sigmoid]
def sigmoid(x: Any) -> np.ndarray:
    """The logistic function ``1 / (1 + exp(-x))``, computed without overflow.

    It is evaluated as ``0.5 * (1 + tanh(x / 2))``, the same function, which
    never overflows: ``sigmoid(-1000)`` is exactly 0 with no warning, where
    the textbook formula would compute ``exp(1000)``.

    Parameters
    ----------
    x : array_like
        Input values.

    Returns
    -------
    numpy.ndarray
        Values in [0, 1], same shape as ``x``.

    Examples
    --------
    >>> sigmoid([-1.0, 1.0, 2.0])
    array([0.26894142, 0.73105858, 0.88079708])
    >>> sigmoid([-1000.0, 0.0, 1000.0])
    array([0. , 0.5, 1. ])
    """
    x = float_array("x", x)
    return 0.5 * (1.0 + np.tanh(0.5 * x))
    # --8<-- [end:sigmoid]


# --8<-- [start:relu]
def relu(x: Any) -> np.ndarray:
    """Rectified linear unit: ``x`` where ``x > 0``, else 0.

    Parameters
    ----------
    x : array_like
        Input values.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    x = float_array("x", x)
    return np.maximum(x, 0)
    # --8<-- [end:relu]


# --8<-- [start:leaky_relu]
def leaky_relu(x: Any, alpha: float = 0.01) -> np.ndarray:
    """Leaky ReLU: ``x`` where ``x > 0``, else ``alpha * x``.

    Parameters
    ----------
    x : array_like
        Input values.
    alpha : float, default 0.01
        The slope for negative inputs, ``0 <= alpha < 1``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``.

    Raises
    ------
    ValueError
        If ``alpha`` is outside [0, 1).

    Examples
    --------
    >>> leaky_relu([-2.0, 3.0], alpha=0.1)
    array([-0.2,  3. ])
    """
    if not 0 <= alpha < 1:
        raise ValueError(f"alpha must be in [0, 1), got {alpha}")
    x = float_array("x", x)
    return np.where(x > 0, x, x * alpha)
    # --8<-- [end:leaky_relu]


# --8<-- [start:identity_function]
def identity_function(x: Any) -> np.ndarray:
    """Return the input unchanged: the output activation for regression.

    Parameters
    ----------
    x : array_like
        Input values.

    Returns
    -------
    numpy.ndarray
        ``x`` as a float array.

    Examples
    --------
    >>> identity_function([0.3, -1.5])
    array([ 0.3, -1.5])
    """
    return float_array("x", x)
    # --8<-- [end:identity_function]


# --8<-- [start:softmax]
def softmax(x: Any) -> np.ndarray:
    """Turn scores into probabilities: ``exp(x_k) / sum_i exp(x_i)``.

    The largest score is subtracted first, which leaves the result unchanged
    but keeps ``exp`` from overflowing.  A 2-D input is a batch: each row is
    normalised on its own.

    Parameters
    ----------
    x : array_like, shape (n,) or (batch, n)
        Scores (logits).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``; each row is positive and sums to 1.

    Raises
    ------
    ValueError
        If ``x`` is a scalar or has an empty last axis.

    Examples
    --------
    >>> softmax([0.3, 2.9, 4.0])
    array([0.01821127, 0.24519181, 0.73659691])
    >>> softmax([1010.0, 1000.0, 990.0])
    array([9.99954600e-01, 4.53978686e-05, 2.06106005e-09])
    >>> softmax([[1.0, 1.0], [0.0, 1000.0]])
    array([[0.5, 0.5],
           [0. , 1. ]])
    """
    x = float_array("x", x)
    if x.ndim == 0 or x.shape[-1] == 0:
        raise ValueError(f"softmax needs a non-empty last axis, got shape {x.shape}")
    exp = np.exp(x - x.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)
    # --8<-- [end:softmax]
