"""Chapter 2: the perceptron and the logic gates it can (and cannot) make.

A perceptron fires (outputs 1) when the weighted sum of its inputs plus a bias
is positive, and stays silent (outputs 0) otherwise.  AND, NAND and OR are one
perceptron each, with the parameters the book chooses; XOR needs two layers.
A gate takes two inputs (numbers or arrays, combined element by element) or
one array of input pairs; :func:`input_pairs` stacks them into rows of pairs
and refuses anything but 0 and 1.

Examples
--------
>>> perceptron([[0, 0], [1, 0]], w=[0.5, 0.5], b=-0.2)
array([0, 1])
>>> XOR([[0, 0], [1, 0], [0, 1], [1, 1]])
array([0, 1, 1, 0])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# --8<-- [start:parameters]
AND_PARAMS = (np.array([0.5, 0.5]), -0.7)
NAND_PARAMS = (np.array([-0.5, -0.5]), 0.7)
OR_PARAMS = (np.array([0.5, 0.5]), -0.2)
# --8<-- [end:parameters]


# --8<-- [start:perceptron]
def perceptron(x: ArrayLike, w: ArrayLike, b: float) -> int | np.ndarray:
    """Fire (1) when w·x + b > 0, else stay silent (0); rows of x are inputs."""
    fired = (np.dot(x, w) + b > 0).astype(np.int64)
    return int(fired) if fired.ndim == 0 else fired
    # --8<-- [end:perceptron]


# --8<-- [start:pairs]
def input_pairs(gate: str, x1: ArrayLike, x2: ArrayLike | None) -> np.ndarray:
    """Stack gate inputs into rows of pairs, checking that they are 0 or 1."""
    if x2 is None:
        x = np.asarray(x1)
        if x.ndim == 0 or x.shape[-1] != 2:
            raise ValueError(
                f"{gate}: a single argument must be input pairs with last axis 2, "
                f"got shape {x.shape}"
            )
    else:
        x = np.stack(np.broadcast_arrays(x1, x2), axis=-1)
    if not np.isin(x, (0, 1)).all():
        raise ValueError(f"{gate}: inputs must be 0 or 1, got {x.tolist()}")
    return x
    # --8<-- [end:pairs]


# --8<-- [start:and-gate]
def AND(x1: ArrayLike, x2: ArrayLike | None = None) -> int | np.ndarray:
    """AND gate: 1 only when both inputs are 1."""
    return perceptron(input_pairs("AND", x1, x2), *AND_PARAMS)
    # --8<-- [end:and-gate]


# --8<-- [start:nand-gate]
def NAND(x1: ArrayLike, x2: ArrayLike | None = None) -> int | np.ndarray:
    """NAND gate (not AND): 0 only when both inputs are 1."""
    return perceptron(input_pairs("NAND", x1, x2), *NAND_PARAMS)
    # --8<-- [end:nand-gate]


# --8<-- [start:or-gate]
def OR(x1: ArrayLike, x2: ArrayLike | None = None) -> int | np.ndarray:
    """OR gate: 1 when at least one input is 1."""
    return perceptron(input_pairs("OR", x1, x2), *OR_PARAMS)
    # --8<-- [end:or-gate]


# --8<-- [start:xor-gate]
def XOR(x1: ArrayLike, x2: ArrayLike | None = None) -> int | np.ndarray:
    """XOR gate as a two-layer perceptron: AND(NAND(x1, x2), OR(x1, x2))."""
    x = input_pairs("XOR", x1, x2)
    s1 = NAND(x)
    s2 = OR(x)
    return AND(s1, s2)
    # --8<-- [end:xor-gate]
