"""Chapter 4: numerical differentiation, gradients and gradient descent.

Examples
--------
>>> def function_2(x):
...     return x[0] ** 2 + x[1] ** 2
>>> numerical_gradient(function_2, np.array([3.0, 4.0]))
array([6., 8.])
>>> x, path = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, return_path=True)
>>> bool(np.abs(x).max() < 1e-8), path.shape
(True, (101, 2))
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from dlfs._validate import check_gradient_descent, check_numerical_gradient, checked


# --8<-- [start:forward_diff]
def forward_diff(f: Callable[[float], float], x: float, h: float = 1e-50) -> float:
    """The naive derivative (f(x + h) - f(x)) / h: how *not* to do it."""
    return (f(x + h) - f(x)) / h
    # --8<-- [end:forward_diff]


# --8<-- [start:numerical_diff]
def numerical_diff(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """The central difference (f(x + h) - f(x - h)) / 2h."""
    return (f(x + h) - f(x - h)) / (2 * h)
    # --8<-- [end:numerical_diff]


@checked(check_numerical_gradient)  # x a float array, h > 0: or a clear error
# --8<-- [start:numerical_gradient]
def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4
) -> np.ndarray:
    """All partial derivatives of f at x, by central differences."""
    if x.dtype.kind != "f":  # an integer array cannot hold x + h
        raise TypeError(f"x must be a float array, got {x.dtype}")
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        try:
            x[idx] = tmp_val + h
            fxh1 = f(x)
            x[idx] = tmp_val - h
            fxh2 = f(x)
        finally:
            x[idx] = tmp_val  # put the element back, even if f raised
        grad[idx] = (fxh1 - fxh2) / (2 * h)
    return grad
    # --8<-- [end:numerical_gradient]


@checked(check_gradient_descent)  # lr > 0, step_num >= 0: or a clear error
# --8<-- [start:gradient_descent]
def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: ArrayLike,
    lr: float = 0.01,
    step_num: int = 100,
    *,
    return_path: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Repeat x -= lr * gradient step_num times; optionally return the path."""
    x = np.array(init_x, dtype=float)  # a copy: init_x is left alone
    path = [x.copy()]
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        path.append(x.copy())
    return (x, np.array(path)) if return_path else x
    # --8<-- [end:gradient_descent]
