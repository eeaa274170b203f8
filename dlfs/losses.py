"""Chapter 4: loss functions, the measure of how bad a network's output is.

Targets ``t`` come in two forms: one-hot rows with the same shape as ``y``,
or integer class labels with one label per row of ``y``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlfs._validate import float_array


def _check_same_shape(y: np.ndarray, t: np.ndarray, func: str) -> None:
    if y.shape != t.shape:
        raise ValueError(
            f"{func}: y has shape {y.shape} but t has shape {t.shape}; "
            "they must be equal"
        )


def batch_targets(y: Any, t: Any, func: str) -> tuple[np.ndarray, np.ndarray, bool]:
    """Check ``y`` against targets ``t`` and view both as a batch.

    Returns ``(y, t, one_hot)`` with ``y`` 2-D; ``t`` is 2-D one-hot rows when
    ``one_hot`` is true, else integer labels of shape (batch,) in range.
    Errors name ``func`` and both shapes.
    """
    y = float_array("y", y)
    t = np.asarray(t)
    if y.ndim not in (1, 2):
        raise ValueError(f"{func}: y must be 1-D or 2-D, got shape {y.shape}")
    if y.ndim == 1:  # one sample: make it a batch of one
        one_hot = t.shape == y.shape
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if one_hot else t.reshape(-1)
    batch_size, classes = y.shape
    if t.shape == y.shape:
        return y, t, True
    if t.shape != (batch_size,):
        raise ValueError(
            f"{func}: y has shape {y.shape}; t must be one-hot with "
            f"that shape or labels of shape ({batch_size},), got shape {t.shape}"
        )
    if t.dtype.kind not in "iu":
        raise TypeError(f"{func}: label targets t must be integers, got {t.dtype}")
    if t.size and (t.min() < 0 or t.max() >= classes):
        raise ValueError(f"{func}: labels t must be in [0, {classes}), got {t}")
    return y, t, False


# --8<-- [start:sum_squared_error]
def sum_squared_error(y: Any, t: Any) -> float:
    """Half the sum of squared differences, ``0.5 * sum((y - t)**2)``.

    For a batch (2-D ``y``) it is the mean over the rows.

    Parameters
    ----------
    y : array_like, shape (n,) or (batch, n)
        The network's output.
    t : array_like, same shape as ``y``
        The one-hot target.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` and ``t`` differ in shape.

    Examples
    --------
    >>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    >>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    >>> round(sum_squared_error(y, t), 10)
    0.0975
    """
    y, t = float_array("y", y), float_array("t", t)
    _check_same_shape(y, t, "sum_squared_error")
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / batch_size)
    # --8<-- [end:sum_squared_error]


# --8<-- [start:cross_entropy_error]
def cross_entropy_error(y: Any, t: Any, delta: float = 1e-7) -> float:
    """Cross-entropy ``-sum(t * log(y + delta))``, averaged over a batch.

    The tiny ``delta`` keeps ``log(0)`` (minus infinity) from ever happening.

    Parameters
    ----------
    y : array_like, shape (n,) or (batch, n)
        Probabilities, for example the output of ``softmax``.
    t : array_like
        One-hot targets with the shape of ``y``, or integer labels: one
        label for a 1-D ``y``, shape (batch,) for a 2-D ``y``.
    delta : float, default 1e-7
        Added to ``y`` inside the logarithm.

    Returns
    -------
    float
        The mean loss per sample.

    Raises
    ------
    ValueError
        If the shapes of ``y`` and ``t`` do not fit, or a label is out of range.
    TypeError
        If label targets are not integers.

    Examples
    --------
    >>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    >>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    >>> round(cross_entropy_error(y, t), 9)
    0.510825457
    >>> round(cross_entropy_error([y, y], [2, 7]), 9)
    1.406704775
    """
    y, t, one_hot = batch_targets(y, t, "cross_entropy_error")
    batch_size = y.shape[0]
    if one_hot:
        return float(-np.sum(t * np.log(y + delta)) / batch_size)
    return float(-np.sum(np.log(y[np.arange(batch_size), t] + delta)) / batch_size)
    # --8<-- [end:cross_entropy_error]
