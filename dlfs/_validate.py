"""Checks at the boundaries, where configuration and outside data come in.

The teaching code on the pages stays lean: the classes the pages show hold no
checks.  Instead the decorator :func:`checks`, written above a class and
outside the section a page includes, makes the network constructors,
``SGD(lr)`` and ``LayerNet.accuracy`` call the checks here first, so a mistake
gives a message naming the argument instead of a NumPy error deep inside.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

ACTIVATION_NAMES = ("relu", "sigmoid")
INIT_NAMES = ("auto", "he", "relu", "xavier", "sigmoid")
C = TypeVar("C", bound=type)


def checks(**checks_by_method: Callable[..., object]) -> Callable[[C], C]:
    """A class decorator: each named method first calls its check.

    The check gets the method's arguments by name (``self`` included, defaults
    filled in) and raises if they do not fit; then the method runs unchanged.

    Examples
    --------
    >>> def positive(self, n):
    ...     if n <= 0:
    ...         raise ValueError(f"n must be positive, got {n}")
    >>> @checks(__init__=positive)
    ... class Box:
    ...     def __init__(self, n):
    ...         self.n = n
    >>> Box(3).n
    3
    >>> Box(0)
    Traceback (most recent call last):
    ...
    ValueError: n must be positive, got 0
    """

    def decorate(cls: C) -> C:
        for name, check in checks_by_method.items():
            setattr(cls, name, _checked(cls.__dict__[name], check))
        return cls

    return decorate


def _checked(method: Callable[..., Any], check: Callable[..., object]) -> Any:
    """``method`` that first calls ``check`` with its arguments by name."""
    signature = inspect.signature(method)

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        check(**bound.arguments)
        return method(*args, **kwargs)

    return checked


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


# The checks that :func:`checks` runs before the methods of dlfs's classes.
# Each takes the method's arguments by name and ignores those it does not need.


def check_two_layer_net(
    input_size: object,
    hidden_size: object,
    output_size: object,
    weight_init_std: object,
    activation: object,
    dtype: DTypeLike,
    **_: object,
) -> None:
    """The arguments of ``TwoLayerNet``: sizes, a numeric scale, activation, dtype."""
    if isinstance(weight_init_std, str):
        raise ValueError(
            f"weight_init_std must be a positive number: TwoLayerNet, like the "
            f"book's, takes no names such as 'he' (MultiLayerNet does), got "
            f"{weight_init_std!r}"
        )
    sizes = [input_size, hidden_size, output_size]
    check_network_args(sizes, weight_init_std, activation, dtype)


def check_multi_layer_net(
    input_size: object,
    hidden_size_list: Sequence[object],
    output_size: object,
    weight_init_std: object,
    activation: object,
    dtype: DTypeLike,
    **_: object,
) -> None:
    """The arguments of ``MultiLayerNet``; its scale may also be a name."""
    sizes = [input_size, *hidden_size_list, output_size]
    check_network_args(sizes, weight_init_std, activation, dtype)


def check_accuracy_args(self: Any, x: ArrayLike, t: ArrayLike, **_: object) -> None:
    """The batch of ``LayerNet.accuracy``: targets that fit ``x`` and the outputs."""
    target_labels(x, t, classes=len(self.affines[-1].b))


def check_sgd(lr: object, **_: object) -> None:
    """The learning rate of ``SGD``."""
    check_lr(lr)
