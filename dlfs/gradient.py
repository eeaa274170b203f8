"""Chapter 4: numerical differentiation, gradients and gradient descent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dlfs._validate import float_array


# --8<-- [start:forward_diff]
def forward_diff(f: Callable[[float], float], x: float, h: float = 1e-50) -> float:
    """The naive derivative ``(f(x + h) - f(x)) / h``: how *not* to do it.

    With the default ``h = 1e-50`` the step is lost to rounding, since
    ``x + 1e-50 == x`` in floating point, so the answer is 0.  Even with a
    sensible ``h`` the forward difference is less accurate than the central
    difference of :func:`numerical_diff`.

    Parameters
    ----------
    f : callable
        A function of one number.
    x : float
        Where to differentiate.
    h : float, default 1e-50
        The step.

    Returns
    -------
    float

    Examples
    --------
    >>> forward_diff(lambda x: x**2, 2.0)
    0.0
    >>> round(forward_diff(lambda x: x**2, 2.0, h=1e-4), 10)
    4.0001
    """
    return (f(x + h) - f(x)) / h
    # --8<-- [end:forward_diff]


# --8<-- [start:numerical_diff]
def numerical_diff(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """The central difference ``(f(x + h) - f(x - h)) / (2 h)``.

    Parameters
    ----------
    f : callable
        A function of one number.
    x : float
        Where to differentiate.
    h : float, default 1e-4
        The step: small, but not so small that rounding eats it.

    Returns
    -------
    float

    Examples
    --------
    >>> def function_1(x):
    ...     return 0.01 * x**2 + 0.1 * x
    >>> round(numerical_diff(function_1, 5.0), 10)
    0.2
    >>> round(numerical_diff(function_1, 10.0), 10)
    0.3
    """
    return (f(x + h) - f(x - h)) / (2 * h)
    # --8<-- [end:numerical_diff]


# --8<-- [start:numerical_gradient]
def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4
) -> np.ndarray:
    """All partial derivatives of ``f`` at ``x`` by central differences.

    Each element of ``x`` is nudged by ``+h`` and ``-h`` in place, ``f`` is
    evaluated, and the element is put back, so ``f`` may read ``x`` (or an
    array that shares memory with it, like a network's weights).  ``x`` is
    restored even if ``f`` raises.

    Parameters
    ----------
    f : callable
        A function of the array ``x`` returning a number.
    x : numpy.ndarray of float, any shape
        The point; modified during the call and restored before it returns.
    h : float, default 1e-4
        The step.

    Returns
    -------
    numpy.ndarray
        The gradient, with the shape and dtype of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating-point NumPy array (an integer array could
        not hold ``x + h``).

    Examples
    --------
    >>> def function_2(x):
    ...     return x[0] ** 2 + x[1] ** 2
    >>> numerical_gradient(function_2, np.array([3.0, 4.0]))
    array([6., 8.])
    >>> numerical_gradient(function_2, np.array([0.0, 2.0]))
    array([0., 4.])
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        kind = x.dtype if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(
            f"numerical_gradient needs x as a float NumPy array, got {kind}; "
            "use np.asarray(x, dtype=float)"
        )
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        try:
            x[idx] = original + h
            f_plus = f(x)
            x[idx] = original - h
            f_minus = f(x)
        finally:
            x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
    # --8<-- [end:numerical_gradient]


# --8<-- [start:gradient_descent]
def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: Any,
    lr: float = 0.01,
    step_num: int = 100,
    *,
    return_path: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Walk downhill: repeat ``x -= lr * gradient(f, x)`` ``step_num`` times.

    Parameters
    ----------
    f : callable
        The function to minimise, of a float array.
    init_x : array_like
        The starting point (not modified).
    lr : float, default 0.01
        The learning rate: how far each step goes.
    step_num : int, default 100
        How many steps.
    return_path : bool, default False
        Also return every point visited, for plotting.

    Returns
    -------
    x : numpy.ndarray
        The last point.
    path : numpy.ndarray, shape (step_num + 1, *x.shape)
        Only with ``return_path=True``: the start, then the point after each step.

    Raises
    ------
    ValueError
        If ``lr`` is not positive or ``step_num`` is negative.

    Examples
    --------
    >>> def function_2(x):
    ...     return x[0] ** 2 + x[1] ** 2
    >>> x = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, step_num=100)
    >>> bool(np.abs(x).max() < 1e-8)
    True
    >>> x, path = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, return_path=True)
    >>> path.shape
    (101, 2)
    """
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr}")
    if step_num < 0:
        raise ValueError(f"step_num must be >= 0, got {step_num}")
    x = float_array("init_x", init_x).astype(np.float64, copy=True)
    path = [x.copy()]
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        path.append(x.copy())
    return (x, np.array(path)) if return_path else x
    # --8<-- [end:gradient_descent]
