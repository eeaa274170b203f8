"""Chapter 3 exercises: activation functions and softmax."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from dlfs.exercises._core import (
    Exercise,
    Fail,
    close,
    expect_value,
    rng,
    show,
    sigmoid,
    softmax,
)
from dlfs.exercises.messages import Message
from dlfs.network import init_network

AMBIGUOUS = "truth value of an array"

STEP = Exercise(id="ch3.step_function", expects=("step_function(x)",))


@STEP.check("step_function(np.array([-1.0, 0.0, 2.0]))")
def step_on_an_array(module: ModuleType) -> None:
    x = np.array([-1.0, 0.0, 2.0])
    call = "step_function([-1.0, 0.0, 2.0])"
    try:
        got = module.step_function(x)
    except ValueError as error:
        if AMBIGUOUS not in str(error):
            raise
        raise Fail("ch3.step_function.if_on_array", error, call=call) from error
    if got is not None and close(got, [0, 1, 1]):
        raise Fail("ch3.step_function.at_zero")
    expect_value(got, [0, 0, 1], call)
    if np.asarray(got).dtype == bool:
        raise Fail("ch3.step_function.booleans", call=call, got=show(got))


SIGMOID = Exercise(id="ch3.sigmoid", expects=("sigmoid(x)",))


@SIGMOID.check("sigmoid(np.array([-1.0, 0.0, 2.0]))")
def sigmoid_on_an_array(module: ModuleType) -> None:
    x = np.array([-1.0, 0.0, 2.0])
    call = "sigmoid([-1.0, 0.0, 2.0])"
    want = sigmoid(x)
    try:
        got = module.sigmoid(x)
    except TypeError as error:
        raise Fail("ch3.sigmoid.math_exp", error, call=call) from error
    if got is not None and close(got, 1 - want):
        got_2, want_2 = show(np.asarray(got)[2]), f"{want[2]:.4f}"
        raise Fail("ch3.sigmoid.sign", got=got_2, want=want_2)
    expect_value(got, want, call)


RELU = Exercise(id="ch3.relu", expects=("relu(x)",))


@RELU.check("relu(np.array([-2.0, 0.0, 3.0]))")
def relu_on_an_array(module: ModuleType) -> None:
    x = np.array([-2.0, 0.0, 3.0])
    call = "relu([-2.0, 0.0, 3.0])"
    try:
        got = module.relu(x)
    except (ValueError, TypeError) as error:
        name = type(error).__name__
        raise Fail("ch3.relu.max", error, call=call, error=name) from error
    if not np.array_equal(x, [-2.0, 0.0, 3.0]):
        raise Fail("ch3.relu.in_place", changed=show(x))
    expect_value(got, [0.0, 0.0, 3.0], call)


def _finite(got: object) -> bool:
    """Whether an answer holds no nan or inf (None is judged elsewhere)."""
    return got is None or bool(np.all(np.isfinite(np.asarray(got, dtype=float))))


SOFTMAX = Exercise(id="ch3.softmax", expects=("softmax(a)",))


@SOFTMAX.check("softmax(np.array([0.3, 2.9, 4.0]))")
def softmax_small(module: ModuleType) -> None:
    a = np.array([0.3, 2.9, 4.0])
    got = module.softmax(a)
    if got is not None and np.all(np.isfinite(got)):
        total = float(np.sum(got))
        if not np.isclose(total, 1.0):
            raise Fail("ch3.softmax.not_normalised", total=f"{total:.4g}")
    expect_value(got, softmax(a), "softmax([0.3, 2.9, 4.0])")


@SOFTMAX.check("softmax(np.array([1010.0, 1000.0, 990.0]))")
def softmax_large(module: ModuleType) -> None:
    a = np.array([1010.0, 1000.0, 990.0])
    call = "softmax([1010, 1000, 990])"
    got = module.softmax(a)
    if got is not None and np.any(np.isnan(np.asarray(got, dtype=float))):
        raise Fail("ch3.softmax.overflow", call=call, got=show(np.asarray(got)))
    expect_value(got, softmax(a), call)


@SOFTMAX.check("ch3.softmax.check.random")
def softmax_random(module: ModuleType) -> None:
    a = rng().normal(0.0, 400.0, size=6)
    a[0] = a.max() + 800  # more than exp can span: max - min > 709
    got = module.softmax(a.copy())
    call = f"softmax({show(a)})"
    if not _finite(got):
        raise Fail("ch3.softmax.far_apart", call=call, got=show(np.asarray(got)))
    expect_value(got, softmax(a), call)


FORWARD = Exercise(id="ch3.forward", expects=("forward(network, x)",))
BOOK_NETWORK = init_network()  # the book's hand-made 2-3-2-2 network


def _forward(network: dict, x: np.ndarray, last: Any = None) -> np.ndarray:
    """The reference, or with ``last`` as the output layer's activation."""
    z = x
    for i in (1, 2):
        z = sigmoid(z @ network[f"W{i}"] + network[f"b{i}"])
    a3 = z @ network["W3"] + network["b3"]
    return a3 if last is None else last(a3)


def _check_forward(
    module: ModuleType, network: dict, x: np.ndarray, call: str | Message
) -> None:
    got = module.forward({k: v.copy() for k, v in network.items()}, x.copy())
    if got is not None and close(got, _forward(network, x, sigmoid)):
        raise Fail("ch3.forward.sigmoid_output", call=call)
    no_bias = {k: v * 0 if k.startswith("b") else v for k, v in network.items()}
    if got is not None and close(got, _forward(no_bias, x)):
        raise Fail("ch3.forward.no_bias", call=call, got=show(np.asarray(got)))
    expect_value(got, _forward(network, x), call)


@FORWARD.check("ch3.forward.check.book")
def forward_book(module: ModuleType) -> None:
    _check_forward(module, BOOK_NETWORK, np.array([1.0, 0.5]), "forward(network, x)")


@FORWARD.check("ch3.forward.check.random")
def forward_random(module: ModuleType) -> None:
    generator = rng(5)
    sizes = [3, 5, 4, 2]
    network = {}
    for i in (1, 2, 3):
        network[f"W{i}"] = generator.normal(size=(sizes[i - 1], sizes[i]))
        network[f"b{i}"] = generator.normal(size=sizes[i])
    x = generator.normal(size=(4, 3))
    _check_forward(module, network, x, Message("ch3.forward.batch_call"))


SOFTMAX_BATCH = Exercise(id="ch3.softmax_batch", expects=("softmax(a)",))


@SOFTMAX_BATCH.check("ch3.softmax_batch.check.small")
def softmax_batch_small(module: ModuleType) -> None:
    a = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    got = module.softmax(a.copy())
    if got is not None and np.shape(got) == a.shape:
        totals = np.sum(np.asarray(got, dtype=float), axis=1)
        if np.isclose(np.sum(totals), 1.0):
            raise Fail("ch3.softmax_batch.whole_sum", totals=show(totals))
    expect_value(got, softmax(a), "softmax([[0.3, 2.9, 4.0], [1, 1, 1]])")


@SOFTMAX_BATCH.check("ch3.softmax_batch.check.far")
def softmax_batch_far(module: ModuleType) -> None:
    a = rng(6).normal(0.0, 5.0, size=(4, 3)) + np.array([[1000], [-1000], [0], [500]])
    got = module.softmax(a.copy())
    call = Message("ch3.softmax_batch.far_call", {"first": show(a[:, 0])})
    if not _finite(got):
        shown = show(np.asarray(got))
        raise Fail("ch3.softmax_batch.far_rows", call=call, got=shown)
    expect_value(got, softmax(a), call)


ACCURACY = Exercise(id="ch3.accuracy", expects=("accuracy(y, t)",))


def _accuracy(y: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(np.argmax(y, axis=1) == labels))


def _accuracy_batch() -> tuple[np.ndarray, np.ndarray]:
    """Random scores for 5 samples of 4 classes, two of the labels wrong."""
    y = rng(7).normal(size=(5, 4))
    labels = np.argmax(y, axis=1)
    labels[[1, 3]] = (labels[[1, 3]] + 1) % 4
    return y, labels


def _check_accuracy(module: ModuleType, t: np.ndarray, hint: str) -> None:
    """``hint`` is the catalogue's key for a ValueError: a comparison of
    arrays whose shapes do not match."""
    y, labels = _accuracy_batch()
    want = _accuracy(y, labels)
    call = Message("ch3.accuracy.call", {"t": show(t)})
    try:
        got = module.accuracy(y.copy(), t.copy())
    except ValueError as error:
        raise Fail(hint, error) from error
    if got is not None and close(got, want * len(y)):
        raise Fail("ch3.accuracy.count", call=call, got=show(got))
    expect_value(got, want, call)


@ACCURACY.check("ch3.accuracy.check.labels")
def accuracy_labels(module: ModuleType) -> None:
    _check_accuracy(module, _accuracy_batch()[1], "ch3.accuracy.axis")


@ACCURACY.check("ch3.accuracy.check.one_hot")
def accuracy_one_hot(module: ModuleType) -> None:
    _check_accuracy(module, np.eye(4)[_accuracy_batch()[1]], "ch3.accuracy.one_hot")


EXERCISES = (STEP, SIGMOID, RELU, SOFTMAX, FORWARD, SOFTMAX_BATCH, ACCURACY)
