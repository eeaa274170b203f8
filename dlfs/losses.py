"""Chapter 4: loss functions, the measure of how bad a network's output is.

Targets ``t`` come in two forms: one-hot rows with the same shape as ``y``,
or integer class labels with one label per row of ``y``.

Examples
--------
>>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
>>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
>>> round(sum_squared_error(y, t), 10)
0.0975
>>> round(cross_entropy_error(y, t), 9), round(cross_entropy_error([y, y], [2, 7]), 9)
(0.510825457, 1.406704775)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


# --8<-- [start:sum_squared_error]
def sum_squared_error(y: ArrayLike, t: ArrayLike) -> float:
    """Half the sum of squared differences; for a batch, the mean over rows."""
    y, t = np.asarray(y), np.asarray(t)
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / batch_size)
    # --8<-- [end:sum_squared_error]


# --8<-- [start:cross_entropy_error]
def cross_entropy_error(y: ArrayLike, t: ArrayLike, delta: float = 1e-7) -> float:
    """Mean of -log(y[label] + delta) over a batch; t one-hot or labels."""
    y, t = np.asarray(y), np.asarray(t)
    if y.ndim == 1:  # one sample: make it a batch of one
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot rows: take the label of each row
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return float(-np.sum(np.log(y[np.arange(batch_size), t] + delta)) / batch_size)
    # --8<-- [end:cross_entropy_error]
