"""Checks at the boundaries, where configuration and outside data come in.

The teaching code on the pages stays lean; the network constructors,
``SGD(lr)`` and ``LayerNet.accuracy`` call these, so a mistake gives a
message naming the argument instead of a NumPy error deep inside.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

ACTIVATION_NAMES = ("relu", "sigmoid")
INIT_NAMES = ("auto", "he", "relu", "xavier", "sigmoid")


def is_whole(value: object) -> bool:
    """Whether ``value`` is an integer (Python's or NumPy's), and not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _positive_number(name: str, value: object) -> float:
    """``value`` as a float if it is a finite real number > 0, else raise."""
    is_real = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not is_real or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return float(value)


def check_lr(lr: object) -> float:
    """The learning rate as a float, or ``ValueError`` naming ``lr``."""
    return _positive_number("lr", lr)


def check_network_args(
    sizes: Sequence[object],
    weight_init_std: object,
    activation: object,
    dtype: DTypeLike,
) -> None:
    """Raise a clear error unless the arguments of a network constructor fit.

    Layer sizes must be positive integers, ``activation`` one of
    ``ACTIVATION_NAMES``, ``weight_init_std`` a positive number or one of
    ``INIT_NAMES`` and ``dtype`` a floating-point dtype.
    """
    if not all(is_whole(s) and s >= 1 for s in sizes):
        raise ValueError(f"layer sizes must be positive integers, got {list(sizes)}")
    if activation not in ACTIVATION_NAMES:
        raise ValueError(
            f"activation must be one of {list(ACTIVATION_NAMES)}, got {activation!r}"
        )
    if isinstance(weight_init_std, str):
        if weight_init_std.lower() not in INIT_NAMES:
            raise ValueError(
                f"weight_init_std must be a positive number or one of "
                f"{list(INIT_NAMES)}, got {weight_init_std!r}"
            )
    else:
        _positive_number("weight_init_std", weight_init_std)
    try:
        kind = np.dtype(dtype).kind
    except TypeError:
        kind = None
    if kind != "f" or dtype is None:
        raise TypeError(
            "dtype must be a floating-point dtype such as np.float32 or "
            f"np.float64, got {dtype!r}"
        )


def target_labels(x: ArrayLike, t: ArrayLike, classes: int) -> np.ndarray:
    """Targets ``t`` (labels or one-hot rows) as labels for the batch ``x``.

    Raises ``ValueError`` for an empty batch, one-hot rows that do not have
    ``classes`` columns and targets whose number differs from that of ``x``.
    """
    t = np.asarray(t)
    batch_size = len(x)
    if batch_size == 0:
        raise ValueError("accuracy needs at least one sample, got an empty batch")
    if t.ndim == 2:
        if t.shape[1] != classes:
            raise ValueError(
                f"one-hot targets t need one column per class ({classes}), "
                f"got t of shape {t.shape}"
            )
        t = t.argmax(axis=1)
    if t.shape != (batch_size,):
        raise ValueError(
            f"t must hold one target per sample ({batch_size} samples), "
            f"got t of shape {t.shape}"
        )
    return t
