"""Chapter 2: the perceptron and the logic gates it can (and cannot) make.

A perceptron fires (outputs 1) when the weighted sum of its inputs plus a bias
is positive, and stays silent (outputs 0) otherwise.  AND, NAND and OR are one
perceptron each, with the parameters the book chooses; XOR needs two layers.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlfs._validate import float_array

# --8<-- [start:parameters]
AND_PARAMS = (np.array([0.5, 0.5]), -0.7)
NAND_PARAMS = (np.array([-0.5, -0.5]), 0.7)
OR_PARAMS = (np.array([0.5, 0.5]), -0.2)
# --8<-- [end:parameters]


# --8<-- [start:perceptron]
def perceptron(x: Any, w: Any, b: float) -> Any:
    """Fire (1) when ``w·x + b > 0``, else stay silent (0).

    Parameters
    ----------
    x : array_like, shape (n,) or (m, n)
        One input vector, or ``m`` input vectors as rows.
    w : array_like, shape (n,)
        The weights, one per input.
    b : float
        The bias.

    Returns
    -------
    int or numpy.ndarray of int
        An ``int`` for one input vector, an int array of shape (m,) for rows.

    Raises
    ------
    ValueError
        If the last axis of ``x`` and the length of ``w`` differ.

    Examples
    --------
    >>> perceptron([1, 1], w=[0.5, 0.5], b=-0.7)
    1
    >>> perceptron([[0, 0], [1, 0]], w=[0.5, 0.5], b=-0.2)
    array([0, 1])
    """
    x = float_array("x", x)
    w = float_array("w", w)
    if w.ndim != 1 or x.ndim == 0 or x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"perceptron: x has shape {x.shape} but w has shape {w.shape}; "
            "the last axis of x must match the length of w"
        )
    fired = (x @ w + b > 0).astype(np.int64)
    return int(fired) if fired.ndim == 0 else fired
    # --8<-- [end:perceptron]


# --8<-- [start:pairs]
def _pairs(gate: str, x1: Any, x2: Any) -> np.ndarray:
    """Stack gate inputs into rows of pairs, checking that they are 0 or 1."""
    if x2 is None:
        x = np.asarray(x1)
        if x.ndim == 0 or x.shape[-1] != 2:
            raise ValueError(
                f"{gate}: a single argument must be input pairs with last axis 2, "
                f"got shape {x.shape}"
            )
    else:
        a, b = np.broadcast_arrays(np.asarray(x1), np.asarray(x2))
        x = np.stack([a, b], axis=-1)
    if not np.isin(x, (0, 1)).all():
        raise ValueError(f"{gate}: inputs must be 0 or 1, got {x.tolist()}")
    return x
    # --8<-- [end:pairs]


# --8<-- [start:gates]
# --8<-- [start:and-gate]
def AND(x1: Any, x2: Any = None) -> Any:
    """AND gate: 1 only when both inputs are 1.

    Parameters
    ----------
    x1, x2 : int or array_like of 0/1
        The two inputs (arrays are combined element by element).  Or pass one
        array of input pairs, shape (..., 2), as ``x1``.

    Returns
    -------
    int or numpy.ndarray of int

    Raises
    ------
    ValueError
        If an input is not 0 or 1, or the pairs do not have last axis 2.

    Examples
    --------
    >>> AND(1, 1), AND(1, 0)
    (1, 0)
    >>> AND([[0, 0], [1, 0], [0, 1], [1, 1]])
    array([0, 0, 0, 1])
    """
    return perceptron(_pairs("AND", x1, x2), *AND_PARAMS)
    # --8<-- [end:and-gate]


# --8<-- [start:nand-gate]
def NAND(x1: Any, x2: Any = None) -> Any:
    """NAND gate (not AND): 0 only when both inputs are 1.

    Parameters, returns and errors as for :func:`AND`.

    Examples
    --------
    >>> NAND([[0, 0], [1, 0], [0, 1], [1, 1]])
    array([1, 1, 1, 0])
    """
    return perceptron(_pairs("NAND", x1, x2), *NAND_PARAMS)
    # --8<-- [end:nand-gate]


# --8<-- [start:or-gate]
def OR(x1: Any, x2: Any = None) -> Any:
    """OR gate: 1 when at least one input is 1.

    Parameters, returns and errors as for :func:`AND`.

    Examples
    --------
    >>> OR([[0, 0], [1, 0], [0, 1], [1, 1]])
    array([0, 1, 1, 1])
    """
    return perceptron(_pairs("OR", x1, x2), *OR_PARAMS)
    # --8<-- [end:or-gate]


# --8<-- [start:xor-gate]
def XOR(x1: Any, x2: Any = None) -> Any:
    """XOR gate as a two-layer perceptron: ``AND(NAND(x1, x2), OR(x1, x2))``.

    Parameters, returns and errors as for :func:`AND`.

    Examples
    --------
    >>> XOR([[0, 0], [1, 0], [0, 1], [1, 1]])
    array([0, 1, 1, 0])
    >>> XOR(1, 1)
    0
    """
    x = _pairs("XOR", x1, x2)
    s1 = NAND(x)
    s2 = OR(x)
    return AND(s1, s2)
    # --8<-- [end:xor-gate]
    # --8<-- [end:gates]
