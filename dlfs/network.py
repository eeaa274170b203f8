"""Chapter 3: the forward pass of a neural network, by matrix products.

A network here is a plain dict of parameters, ``W1, b1, ..., Wn, bn``, as in
the book: ``W1`` has shape (inputs, hidden), ``b1`` shape (hidden,), and so
on.  Inputs are one sample (1-D) or a batch of samples as rows (2-D).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from dlfs._validate import float_array
from dlfs.activations import identity_function, sigmoid, softmax


# --8<-- [start:init_network]
def init_network() -> dict[str, np.ndarray]:
    """The book's hand-made 2-3-2-2 network with fixed weights.

    Returns
    -------
    dict of str to numpy.ndarray
        ``W1`` (2, 3), ``b1`` (3,), ``W2`` (3, 2), ``b2`` (2,), ``W3`` (2, 2),
        ``b3`` (2,).

    Examples
    --------
    >>> network = init_network()
    >>> {name: value.shape for name, value in network.items()}
    {'W1': (2, 3), 'b1': (3,), 'W2': (3, 2), 'b2': (2,), 'W3': (2, 2), 'b3': (2,)}
    """
    return {
        "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
        "b1": np.array([0.1, 0.2, 0.3]),
        "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
        "b2": np.array([0.1, 0.2]),
        "W3": np.array([[0.1, 0.3], [0.2, 0.4]]),
        "b3": np.array([0.1, 0.2]),
    }
    # --8<-- [end:init_network]


def _layer_count(network: Mapping[str, Any], x: np.ndarray) -> int:
    """Check ``network`` is W1..Wn, b1..bn with chained shapes; return n."""
    if not isinstance(network, Mapping):
        raise TypeError(
            f"network must be a dict of W1..Wn, b1..bn, got {type(network).__name__}"
        )
    n = 0
    while f"W{n + 1}" in network:
        n += 1
    expected = {f"{p}{i}" for i in range(1, n + 1) for p in "Wb"}
    if n == 0 or set(network) != expected:
        raise ValueError(
            "network must hold exactly W1..Wn and b1..bn for some n >= 1, "
            f"got keys {sorted(network)}"
        )
    width = x.shape[-1] if x.ndim else None
    for i in range(1, n + 1):
        W, b = np.shape(network[f"W{i}"]), np.shape(network[f"b{i}"])
        if len(W) != 2 or W[0] != width or b != (W[1],):
            raise ValueError(
                f"layer {i}: input of width {width} does not fit W{i} of shape {W} "
                f"and b{i} of shape {b}; need W{i} ({width}, k) and b{i} (k,)"
            )
        width = W[1]
    return n


def _check_input(x: Any) -> np.ndarray:
    x = float_array("x", x)
    if x.ndim not in (1, 2):
        raise ValueError(
            f"x must be one sample (1-D) or a batch (2-D), got shape {x.shape}"
        )
    return x


# --8<-- [start:forward]
def forward(network: Mapping[str, np.ndarray], x: Any) -> np.ndarray:
    """The book's three-layer forward pass: sigmoid, sigmoid, identity.

    Parameters
    ----------
    network : dict
        ``W1, b1, W2, b2, W3, b3``, for example from :func:`init_network`.
    x : array_like, shape (2,) or (batch, 2)
        The input.

    Returns
    -------
    numpy.ndarray
        The output signal ``y``: shape (2,) for one sample, (batch, 2) for a batch.

    Raises
    ------
    ValueError
        If ``network`` is not three layers or its shapes do not fit ``x``.

    Examples
    --------
    >>> forward(init_network(), [1.0, 0.5])
    array([0.31682708, 0.69627909])
    """
    x = _check_input(x)
    if _layer_count(network, x) != 3:
        raise ValueError("forward expects a three-layer network (W1..W3, b1..b3)")
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]

    a1 = x @ W1 + b1
    z1 = sigmoid(a1)
    a2 = z1 @ W2 + b2
    z2 = sigmoid(a2)
    a3 = z2 @ W3 + b3
    return identity_function(a3)
    # --8<-- [end:forward]


# --8<-- [start:predict]
def predict(network: Mapping[str, np.ndarray], x: Any) -> np.ndarray:
    """Class probabilities of a network with sigmoid hidden layers.

    Every layer but the last is ``sigmoid(z @ Wi + bi)``; the last one is
    ``softmax(z @ Wn + bn)``.  This is chapter 3's MNIST classifier, for any
    number of layers.

    Parameters
    ----------
    network : dict
        ``W1..Wn`` and ``b1..bn`` with shapes that chain.
    x : array_like, shape (d,) or (batch, d)
        One sample or a batch of samples as rows.

    Returns
    -------
    numpy.ndarray
        Shape (classes,) or (batch, classes); each row sums to 1.

    Raises
    ------
    ValueError
        If the keys are not ``W1..Wn, b1..bn`` or the shapes do not chain.

    Examples
    --------
    >>> predict(init_network(), [1.0, 0.5])
    array([0.40625907, 0.59374093])
    >>> predict(init_network(), [[1.0, 0.5], [0.0, 0.0]]).sum(axis=1)
    array([1., 1.])
    """
    x = _check_input(x)
    n = _layer_count(network, x)
    z = x
    for i in range(1, n):
        z = sigmoid(z @ network[f"W{i}"] + network[f"b{i}"])
    return softmax(z @ network[f"W{n}"] + network[f"b{n}"])
    # --8<-- [end:predict]
