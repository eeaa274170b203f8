"""Checks at the boundaries, where configuration and outside data come in.

Every argument check of dlfs lives here: the network constructors,
``SGD(lr)``, ``LayerNet.accuracy``, :func:`dlfs.train.train`,
:func:`dlfs.numerical_net.train_numerical` and the exercise checker's
:func:`~dlfs.exercises.check` call the checks below first, so a
mistake gives a message naming the argument instead of a NumPy error deep
inside.  The teaching code on the pages stays lean: the decorators
:func:`checks` (for a class) and :func:`checked` (for a function) are written
above the section a page includes, and the listings hold no checks.

One rule for every error:

- the message is ``<argument> must be <what it must be>, got <value>``;
- ``TypeError`` if the value is not of the kind the argument takes: a bool,
  a string or ``None`` where a number belongs, a fraction (``3.5``, ``2.0``,
  ``inf``, ``nan``) where a whole number belongs, a name where names are not
  taken, a dtype that is not floating-point;
- ``ValueError`` if it is of that kind but out of range: ``0`` or ``-1`` for
  a count, ``0``, a negative number, ``inf`` or ``nan`` for a positive
  number, an unknown name, arrays whose shapes do not fit the network.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import os
import threading
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

ACTIVATION_NAMES = ("relu", "sigmoid")
INIT_NAMES = ("auto", "he", "relu", "xavier", "sigmoid")
POSITIVE = "a positive finite number"
C = TypeVar("C", bound=type)
F = TypeVar("F", bound=Callable[..., Any])


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
            method = _checked(cls.__dict__[name], check, once_per_object=True)
            setattr(cls, name, method)
        return cls

    return decorate


def checked(check: Callable[..., object]) -> Callable[[F], F]:
    """A function decorator: the function first calls ``check``, as in :func:`checks`.

    >>> @checked(lambda n: check_whole("n", n))
    ... def halve(n):
    ...     return n // 2
    >>> halve(3.5)
    Traceback (most recent call last):
    ...
    TypeError: n must be a whole number of 1 or more, got 3.5
    """
    return lambda function: _checked(function, check)


# The objects inside one of their checked methods, in this thread.
_BUSY = threading.local()


def _checked(
    method: Callable[..., Any],
    check: Callable[..., object],
    *,
    once_per_object: bool = False,
) -> Any:
    """``method`` that first calls ``check`` with its arguments by name.

    With ``once_per_object``, a method called by another checked method of
    the same object skips its check: the outer call checked what came in.
    ``NumericalTwoLayerNet.numerical_gradient`` calls ``loss`` twice per
    parameter, and a check each time made it 1.7 times slower.
    """
    signature = inspect.signature(method)

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        busy = _BUSY.__dict__.setdefault("ids", set())
        owner = id(args[0]) if once_per_object and args else None
        if owner is not None and owner in busy:
            return method(*args, **kwargs)
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        check(**bound.arguments)
        if owner is None:
            return method(*args, **kwargs)
        busy.add(owner)
        try:
            return method(*args, **kwargs)
        finally:
            busy.discard(owner)

    return checked


# The rules, one function each.


def is_whole(value: object) -> bool:
    """Whether ``value`` is an integer (Python's or NumPy's), and not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    """Whether ``value`` is a real number (Python's or NumPy's), and not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _refuse(error: type[Exception], name: str, what: str, got: str) -> NoReturn:
    """Raise ``error`` with the one message style; ``got`` shows the value."""
    raise error(f"{name} must be {what}, got {got}")


def check_whole(name: str, value: object, minimum: int = 1) -> None:
    """A count: a whole number of at least ``minimum``."""
    what = f"a whole number of {minimum} or more"
    if not is_whole(value):
        _refuse(TypeError, name, what, repr(value))
    if value < minimum:
        _refuse(ValueError, name, what, repr(value))


def check_positive(name: str, value: object, what: str = POSITIVE) -> None:
    """A real number > 0 that is not infinite or nan."""
    if not _is_number(value):
        _refuse(TypeError, name, what, repr(value))
    if not (math.isfinite(value) and value > 0):
        _refuse(ValueError, name, what, repr(value))


def check_timeout(name: str, value: object, maximum: float) -> None:
    """A time limit: a positive finite number of seconds, at most ``maximum``."""
    what = f"a positive number of seconds, at most {maximum:g}"
    check_positive(name, value, what)
    if value > maximum:
        _refuse(ValueError, name, what, repr(value))


def check_text(name: str, value: object) -> None:
    """A string."""
    if not isinstance(value, str):
        _refuse(TypeError, name, "a string", repr(value))


def check_path(name: str, value: object) -> None:
    """A file path: a string or an ``os.PathLike`` of one."""
    if not isinstance(value, str | os.PathLike) or isinstance(os.fspath(value), bytes):
        _refuse(TypeError, name, "a path (a string or a Path)", repr(value))


def check_seed(name: str, value: object, *, generator: bool = False) -> None:
    """``None``, a whole number of 0 or more, or (if allowed) a Generator."""
    what = "a whole number of 0 or more, or None"
    if generator:
        what = "a whole number of 0 or more, a numpy.random.Generator or None"
        if isinstance(value, np.random.Generator):
            return
    if value is None:
        return
    if not is_whole(value):
        _refuse(TypeError, name, what, repr(value))
    if value < 0:
        _refuse(ValueError, name, what, repr(value))


def check_choice(name: str, value: object, choices: tuple[object, ...]) -> None:
    """One of ``choices``, of the same type (a bool is not a number here)."""
    what = f"one of {', '.join(map(repr, choices))}"
    kinds = {type(c) for c in choices}
    if type(value) not in kinds:
        _refuse(TypeError, name, what, repr(value))
    if value not in choices:
        _refuse(ValueError, name, what, repr(value))


def check_float_dtype(name: str, value: DTypeLike) -> None:
    """A floating-point dtype such as ``np.float32``."""
    try:
        kind = np.dtype(value).kind
    except TypeError:
        kind = None
    if kind != "f" or value is None:
        what = "a floating-point dtype such as np.float32 or np.float64"
        _refuse(TypeError, name, what, repr(value))


def check_init_scale(value: object) -> None:
    """``weight_init_std`` of ``MultiLayerNet``: a positive number or a name."""
    what = f"{POSITIVE} or one of {list(INIT_NAMES)}"
    if isinstance(value, str):
        if value.lower() not in INIT_NAMES:
            _refuse(ValueError, "weight_init_std", what, repr(value))
    else:
        check_positive("weight_init_std", value, what)


def check_data(network: Any, x: ArrayLike, t: ArrayLike, names: str = "x t") -> None:
    """A batch that fits ``network``: inputs and as many targets, at least one.

    ``x`` must hold rows as wide as the network's input (or samples of as
    many values, such as images, which the first layer flattens); ``t``
    labels from 0 to the number of classes less one, or one-hot rows as wide
    as its output.  ``names`` are the arguments' names, for the
    message.
    """
    x_name, t_name = names.split()
    x, t = np.asarray(x), np.asarray(t)
    weights = len(network.params) // 2  # W1, b1, ..., Wn, bn
    inputs = network.params["W1"].shape[0]
    outputs = network.params[f"W{weights}"].shape[1]
    if x.ndim < 2 or np.prod(x.shape[1:]) != inputs:  # images are flattened
        what = f"an array of shape (samples, {inputs}) for this network"
        _refuse(ValueError, x_name, what, f"shape {x.shape}")
    if len(x) == 0:
        what = "a batch of at least one sample"
        _refuse(ValueError, x_name, what, f"shape {x.shape}")
    if t.ndim not in (1, 2) or (t.ndim == 2 and t.shape[1] != outputs):
        what = f"labels (samples,) or one-hot rows (samples, {outputs})"
        _refuse(ValueError, t_name, what, f"shape {t.shape}")
    if len(t) != len(x):
        what = f"one target for each of the {len(x)} samples of {x_name}"
        _refuse(ValueError, t_name, what, f"shape {t.shape}")
    if t.ndim == 1:
        _check_labels(t_name, t, outputs)


def check_finite(name: str, x: ArrayLike) -> None:
    """Training inputs without NaN or inf (a network trains on them silently,
    to chance).  Asked once per training run, not for every batch."""
    x = np.asarray(x)
    if x.dtype.kind in "fc" and not np.isfinite(x).all():
        row = int(np.argwhere(~np.isfinite(x))[0][0])
        _refuse(ValueError, name, "finite numbers", f"NaN or inf in sample {row}")


def _check_labels(name: str, t: np.ndarray, classes: int) -> None:
    """Class labels: whole numbers from 0 to ``classes - 1`` (NumPy would take
    -1 as the last class, and a float label cannot index)."""
    what = f"class labels, whole numbers from 0 to {classes - 1}"
    if t.dtype.kind not in "iu":
        _refuse(TypeError, name, what, f"an array of {t.dtype}")
    outside = t[(t < 0) | (t >= classes)]
    if outside.size:
        _refuse(ValueError, name, what, f"the label {outside[0]}")


# The checks of dlfs's classes and functions.  Each takes the arguments by
# name, as :func:`checks` and :func:`checked` pass them, and ignores the rest.


def _check_sizes(**sizes: object) -> None:
    """Layer widths: whole numbers of 1 or more."""
    for name, size in sizes.items():
        check_whole(name, size)


def check_two_layer_net(
    input_size: object,
    hidden_size: object,
    output_size: object,
    weight_init_std: object,
    activation: object,
    seed: object,
    dtype: DTypeLike,
    **_: object,
) -> None:
    """The arguments of ``TwoLayerNet``; its scale is a number, as in the book."""
    _check_sizes(
        input_size=input_size, hidden_size=hidden_size, output_size=output_size
    )
    if isinstance(weight_init_std, str):
        what = (
            f"{POSITIVE}: TwoLayerNet, like the book's, takes no names such as "
            "'he' (MultiLayerNet does)"
        )
        _refuse(TypeError, "weight_init_std", what, repr(weight_init_std))
    check_positive("weight_init_std", weight_init_std)
    check_choice("activation", activation, ACTIVATION_NAMES)
    check_seed("seed", seed, generator=True)
    check_float_dtype("dtype", dtype)


def check_multi_layer_net(
    input_size: object,
    hidden_size_list: object,
    output_size: object,
    weight_init_std: object,
    activation: object,
    seed: object,
    dtype: DTypeLike,
    **_: object,
) -> None:
    """The arguments of ``MultiLayerNet``; its scale may also be a name."""
    if isinstance(hidden_size_list, str) or not np.iterable(hidden_size_list):
        what = "a list of whole numbers of 1 or more"
        _refuse(TypeError, "hidden_size_list", what, repr(hidden_size_list))
    hidden = {f"hidden_size_list[{i}]": s for i, s in enumerate(hidden_size_list)}
    _check_sizes(input_size=input_size, **hidden, output_size=output_size)
    check_init_scale(weight_init_std)
    check_choice("activation", activation, ACTIVATION_NAMES)
    check_seed("seed", seed, generator=True)
    check_float_dtype("dtype", dtype)


def check_numerical_two_layer_net(
    input_size: object,
    hidden_size: object,
    output_size: object,
    weight_init_std: object,
    seed: object,
    **_: object,
) -> None:
    """The arguments of ``NumericalTwoLayerNet``: sizes, scale and seed."""
    _check_sizes(
        input_size=input_size, hidden_size=hidden_size, output_size=output_size
    )
    check_positive("weight_init_std", weight_init_std)
    check_seed("seed", seed, generator=True)


def check_sgd(lr: object, **_: object) -> None:
    """The learning rate of ``SGD``."""
    check_positive("lr", lr)


def check_batch(self: Any, x: ArrayLike, t: ArrayLike, **_: object) -> None:
    """The batch of ``NumericalTwoLayerNet.accuracy`` or ``loss``: inputs and
    targets that fit the network."""
    check_data(self, x, t)


def check_layer_batch(self: Any, x: ArrayLike, t: ArrayLike, **_: object) -> None:
    """The batch of ``LayerNet.accuracy`` or ``loss``: as :func:`check_batch`,
    and ``x`` an array, as the layers take (they read its shape)."""
    if not isinstance(x, np.ndarray):
        _refuse(TypeError, "x", "a NumPy array", type(x).__name__)
    check_data(self, x, t)


def check_numerical_gradient(x: object, h: object, **_: object) -> None:
    """The point and step of :func:`dlfs.gradient.numerical_gradient`: ``x`` a
    float array (it is changed in place), ``h`` a positive number.  An ``h``
    lost to rounding at a large ``x`` gives a gradient of 0: the page on
    gradients shows that, so it is not refused."""
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        got = str(x.dtype) if isinstance(x, np.ndarray) else type(x).__name__
        _refuse(TypeError, "x", "a float array", got)
    check_positive("h", h)


def check_gradient_descent(lr: object, step_num: object, **_: object) -> None:
    """The learning rate and step count of :func:`dlfs.gradient.gradient_descent`."""
    check_positive("lr", lr)
    check_whole("step_num", step_num, minimum=0)


def check_train(
    network: Any,
    x_train: ArrayLike,
    t_train: ArrayLike,
    x_test: ArrayLike,
    t_test: ArrayLike,
    iters_num: object,
    batch_size: object,
    seed: object,
    **_: object,
) -> None:
    """The arguments of :func:`dlfs.train.train`: a network trained by
    backpropagation, counts, seed, then the data."""
    if not hasattr(network, "loss_and_gradient"):
        what = (
            "a TwoLayerNet or MultiLayerNet, trained by backpropagation "
            "(NumericalTwoLayerNet trains with train_numerical)"
        )
        _refuse(TypeError, "network", what, type(network).__name__)
    check_whole("iters_num", iters_num, minimum=0)
    check_whole("batch_size", batch_size)
    check_seed("seed", seed)
    check_data(network, x_train, t_train, "x_train t_train")
    check_data(network, x_test, t_test, "x_test t_test")
    check_finite("x_train", x_train)
    check_finite("x_test", x_test)


def check_train_numerical(
    network: Any,
    data: Any,
    iters_num: object,
    batch_size: object,
    learning_rate: object,
    eval_every: object,
    eval_size: object,
    seed: object,
    **_: object,
) -> None:
    """The arguments of :func:`dlfs.numerical_net.train_numerical`."""
    check_whole("iters_num", iters_num, minimum=0)
    check_whole("batch_size", batch_size)
    check_positive("learning_rate", learning_rate)
    check_whole("eval_every", eval_every)
    check_whole("eval_size", eval_size)
    check_seed("seed", seed)
    try:
        (x_train, t_train), (x_test, t_test) = data
    except (TypeError, ValueError):
        what = "((x_train, t_train), (x_test, t_test)), as load_mnist returns it"
        _refuse(TypeError, "data", what, f"{type(data).__name__}")
    check_data(network, x_train, t_train, "x_train t_train")
    check_data(network, x_test, t_test, "x_test t_test")
    check_finite("x_train", x_train)
    check_finite("x_test", x_test)
