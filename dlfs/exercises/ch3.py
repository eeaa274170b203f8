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
from dlfs.network import init_network

AMBIGUOUS = "truth value of an array"

STEP = Exercise(
    id="ch3.step_function",
    title="The step function, for whole arrays",
    task=(
        "Write step_function(x): for a NumPy array x, an array of the same shape "
        "holding 1 where x > 0 and 0 elsewhere (also at 0), as numbers."
    ),
    expects=("step_function(x)",),
)


@STEP.check("step_function(np.array([-1.0, 0.0, 2.0]))")
def step_on_an_array(module: ModuleType) -> None:
    x = np.array([-1.0, 0.0, 2.0])
    try:
        got = module.step_function(x)
    except ValueError as error:
        if AMBIGUOUS not in str(error):
            raise
        raise Fail(
            "`if x > 0:` works for one number only; for an array, `x > 0` is an "
            "array of True/False. Return `np.array(x > 0, dtype=int)`.",
            error,
        ) from error
    if got is not None and close(got, [0, 1, 1]):
        raise Fail(
            "step_function(0.0) gave 1, expected 0: the step fires only when "
            "x > 0, not x >= 0."
        )
    expect_value(got, [0, 0, 1], "step_function([-1.0, 0.0, 2.0])")
    if np.asarray(got).dtype == bool:
        raise Fail(
            "The result holds True/False: convert it to numbers with "
            "`.astype(int)` (or `np.array(x > 0, dtype=int)`)."
        )


SIGMOID = Exercise(
    id="ch3.sigmoid",
    title="The sigmoid function",
    task="Write sigmoid(x) = 1 / (1 + exp(-x)), element by element for arrays.",
    expects=("sigmoid(x)",),
)


@SIGMOID.check("sigmoid(np.array([-1.0, 0.0, 2.0]))")
def sigmoid_on_an_array(module: ModuleType) -> None:
    x = np.array([-1.0, 0.0, 2.0])
    want = sigmoid(x)
    try:
        got = module.sigmoid(x)
    except TypeError as error:
        raise Fail(
            "math.exp takes one number; for arrays use np.exp, which works "
            "element by element.",
            error,
        ) from error
    if got is not None and close(got, 1 - want):
        raise Fail(
            f"sigmoid(2.0) gave {show(np.asarray(got)[2])}, expected {want[2]:.4f}: "
            "the sign of the exponent is wrong. It is exp(-x), not exp(x)."
        )
    expect_value(got, want, "sigmoid([-1.0, 0.0, 2.0])")


RELU = Exercise(
    id="ch3.relu",
    title="The ReLU function",
    task=(
        "Write relu(x): x where x > 0 and 0 elsewhere, element by element, "
        "without changing the array you are given."
    ),
    expects=("relu(x)",),
)


@RELU.check("relu(np.array([-2.0, 0.0, 3.0]))")
def relu_on_an_array(module: ModuleType) -> None:
    x = np.array([-2.0, 0.0, 3.0])
    try:
        got = module.relu(x)
    except (ValueError, TypeError) as error:
        raise Fail(
            "max() and np.max() give the largest element of one array; the "
            "element-wise maximum of 0 and x is np.maximum(0, x).",
            error,
        ) from error
    if not np.array_equal(x, [-2.0, 0.0, 3.0]):
        raise Fail(
            f"relu changed the array it was given into {show(x)}: work on a copy "
            "(x.copy()) or use np.maximum(0, x), which makes a new array."
        )
    expect_value(got, [0.0, 0.0, 3.0], "relu([-2.0, 0.0, 3.0])")


def _finite(got: object) -> bool:
    """Whether an answer holds no nan or inf (None is judged elsewhere)."""
    return got is None or bool(np.all(np.isfinite(np.asarray(got, dtype=float))))


SOFTMAX = Exercise(
    id="ch3.softmax",
    title="A softmax that survives large inputs",
    task=(
        "Write softmax(a) for a 1-D array a: exp(a_k) / sum(exp(a_i)). It must "
        "give the right answer for a = [1010, 1000, 990] too, where exp overflows."
    ),
    expects=("softmax(a)",),
)


@SOFTMAX.check("softmax(np.array([0.3, 2.9, 4.0]))")
def softmax_small(module: ModuleType) -> None:
    a = np.array([0.3, 2.9, 4.0])
    got = module.softmax(a)
    if got is not None and np.all(np.isfinite(got)):
        total = float(np.sum(got))
        if not np.isclose(total, 1.0):
            raise Fail(
                f"The outputs add up to {total:.4g}, not 1: divide the "
                "exponentials by their sum."
            )
    expect_value(got, softmax(a), "softmax([0.3, 2.9, 4.0])")


@SOFTMAX.check("softmax(np.array([1010.0, 1000.0, 990.0]))")
def softmax_large(module: ModuleType) -> None:
    a = np.array([1010.0, 1000.0, 990.0])
    got = module.softmax(a)
    if got is not None and np.any(np.isnan(np.asarray(got, dtype=float))):
        raise Fail(
            f"softmax([1010, 1000, 990]) gave {show(np.asarray(got))}: exp(1010) "
            "overflows to inf, and inf / inf is nan. Subtract the maximum first: "
            "exp(a - max(a)) gives the same softmax and cannot overflow."
        )
    expect_value(got, softmax(a), "softmax([1010, 1000, 990])")


@SOFTMAX.check("softmax of random scores, far apart")
def softmax_random(module: ModuleType) -> None:
    a = rng().normal(0.0, 400.0, size=6)
    a[0] = a.max() + 800  # more than exp can span: max - min > 709
    got = module.softmax(a.copy())
    call = f"softmax({show(a)})"
    if not _finite(got):
        raise Fail(
            f"{call} gave {show(np.asarray(got))}: exp overflows once a score "
            "is more than 709 above the number subtracted from it. Subtract the "
            "maximum: every exp(a - max(a)) is then at most 1."
        )
    expect_value(got, softmax(a), call)


FORWARD = Exercise(
    id="ch3.forward",
    title="The forward pass of a 3-layer network",
    task=(
        "Write forward(network, x): network is a dict with W1, b1, W2, b2, W3, b3. "
        "Compute a1 = x @ W1 + b1, z1 = sigmoid(a1), and so on for the second "
        "layer; the output layer's activation is the identity: return "
        "z2 @ W3 + b3. x is one input (1-D) or a batch (one row per input)."
    ),
    expects=("forward(network, x)",),
)
BOOK_NETWORK = init_network()  # the book's hand-made 2-3-2-2 network


def _forward(network: dict, x: np.ndarray, last: Any = None) -> np.ndarray:
    """The reference, or with ``last`` as the output layer's activation."""
    z = x
    for i in (1, 2):
        z = sigmoid(z @ network[f"W{i}"] + network[f"b{i}"])
    a3 = z @ network["W3"] + network["b3"]
    return a3 if last is None else last(a3)


def _check_forward(module: ModuleType, network: dict, x: np.ndarray, call: str) -> None:
    got = module.forward({k: v.copy() for k, v in network.items()}, x.copy())
    if got is not None and close(got, _forward(network, x, sigmoid)):
        raise Fail(
            f"{call} applied the sigmoid to the output layer too: its activation "
            "is the identity, so return a3 = z2 @ W3 + b3 as it is."
        )
    no_bias = {k: v * 0 if k.startswith("b") else v for k, v in network.items()}
    if got is not None and close(got, _forward(no_bias, x)):
        raise Fail(f"{call} left out the biases: each layer is z @ W + b.")
    expect_value(got, _forward(network, x), call)


@FORWARD.check("the book's network, x = [1.0, 0.5]")
def forward_book(module: ModuleType) -> None:
    _check_forward(module, BOOK_NETWORK, np.array([1.0, 0.5]), "forward(network, x)")


@FORWARD.check("a random network and a batch of 4")
def forward_random(module: ModuleType) -> None:
    generator = rng(5)
    sizes = [3, 5, 4, 2]
    network = {}
    for i in (1, 2, 3):
        network[f"W{i}"] = generator.normal(size=(sizes[i - 1], sizes[i]))
        network[f"b{i}"] = generator.normal(size=sizes[i])
    x = generator.normal(size=(4, 3))
    _check_forward(module, network, x, "forward(network, x) for a batch of 4")


SOFTMAX_BATCH = Exercise(
    id="ch3.softmax_batch",
    title="Softmax for a batch, row by row",
    task=(
        "Write softmax(a) for a 2-D array a with one row of scores per sample: "
        "the softmax of each row, so that every row of the result adds up to 1. "
        "Rows far apart, such as [1000, 1010] and [-1000, -990], must both work."
    ),
    expects=("softmax(a)",),
)


@SOFTMAX_BATCH.check("two rows of small scores")
def softmax_batch_small(module: ModuleType) -> None:
    a = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    got = module.softmax(a.copy())
    if got is not None and np.shape(got) == a.shape:
        totals = np.sum(np.asarray(got, dtype=float), axis=1)
        if np.isclose(np.sum(totals), 1.0):
            raise Fail(
                f"The rows add up to {show(totals)}: the whole array adds up to 1 "
                "instead of each row. Sum each row: np.sum(e, axis=1, "
                "keepdims=True)."
            )
    expect_value(got, softmax(a), "softmax([[0.3, 2.9, 4.0], [1, 1, 1]])")


@SOFTMAX_BATCH.check("random rows, far apart from each other")
def softmax_batch_far(module: ModuleType) -> None:
    a = rng(6).normal(0.0, 5.0, size=(4, 3)) + np.array([[1000], [-1000], [0], [500]])
    got = module.softmax(a.copy())
    call = f"softmax of rows around 1000, -1000, 0 and 500 ({show(a[:, 0])}, ...)"
    if not _finite(got):
        raise Fail(
            f"{call} gave {show(np.asarray(got))}: subtract each row's own "
            "maximum, np.max(a, axis=1, keepdims=True), not one number for the "
            "whole batch: a row far below it underflows to 0 / 0."
        )
    expect_value(got, softmax(a), call)


ACCURACY = Exercise(
    id="ch3.accuracy",
    title="The accuracy of a batch",
    task=(
        "Write accuracy(y, t): y holds one row of scores per sample, t the "
        "correct labels (one integer per sample) or one-hot rows. Return the "
        "fraction of samples whose highest score is at the correct class."
    ),
    expects=("accuracy(y, t)",),
)


def _accuracy(y: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(np.argmax(y, axis=1) == labels))


def _accuracy_batch() -> tuple[np.ndarray, np.ndarray]:
    """Random scores for 5 samples of 4 classes, two of the labels wrong."""
    y = rng(7).normal(size=(5, 4))
    labels = np.argmax(y, axis=1)
    labels[[1, 3]] = (labels[[1, 3]] + 1) % 4
    return y, labels


def _check_accuracy(module: ModuleType, t: np.ndarray, hint: str) -> None:
    y, labels = _accuracy_batch()
    want = float(np.mean(np.argmax(y, axis=1) == labels))
    try:
        got = module.accuracy(y.copy(), t.copy())
    except ValueError as error:
        raise Fail(hint, error) from error
    if got is not None and close(got, want * len(y)):
        raise Fail(
            f"Gave {show(got)}, the number of correct samples: divide by the "
            "batch size for the fraction."
        )
    expect_value(got, want, f"accuracy(y, t) for t = {show(t)}")


AXIS = (
    "np.argmax(y, axis=0) finds the best sample for each class; the best class "
    "of each sample is np.argmax(y, axis=1)."
)


@ACCURACY.check("a random batch of 5 samples, 4 classes, labels t")
def accuracy_labels(module: ModuleType) -> None:
    _check_accuracy(module, _accuracy_batch()[1], AXIS)


@ACCURACY.check("the same batch with one-hot targets t")
def accuracy_one_hot(module: ModuleType) -> None:
    hint = (
        "With one-hot t, each row of t marks its class: turn t into labels "
        "first, t = np.argmax(t, axis=1), then compare."
    )
    _check_accuracy(module, np.eye(4)[_accuracy_batch()[1]], hint)


EXERCISES = (STEP, SIGMOID, RELU, SOFTMAX, FORWARD, SOFTMAX_BATCH, ACCURACY)
