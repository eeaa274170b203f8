"""Chapter 4 exercises: losses, numerical gradients, gradient descent."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from dlfs.exercises._core import (
    Exercise,
    Fail,
    close,
    cross_entropy,
    expect_value,
    rng,
    show,
    softmax,
)
from dlfs.exercises.messages import Message

# The book's example: the network gives 0.6 to class 2, which is correct.
Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T = np.eye(10)[2]


def called(call: str, **inputs: Any) -> Message:
    """``call`` with the values of one or two of its arguments, in words."""
    (name, value), *more = inputs.items()
    values = {"call": call, "name": name, "value": show(value)}
    if not more:
        return Message("ch4.call.for", values)
    [(name2, value2)] = more
    values |= {"name2": name2, "value2": show(value2)}
    return Message("ch4.call.for_two", values)


SSE = Exercise(
    id="ch4.sum_squared_error",
    expects=("sum_squared_error(y, t)",),
    aliases={"sum_squared_error": "mean_squared_error"},
    old_ids=("ch4.mean_squared_error",),
)


@SSE.check("ch4.sum_squared_error.check.example")
def sse_example(module: ModuleType) -> None:
    want = 0.5 * np.sum((Y - T) ** 2)
    got = module.sum_squared_error(Y.copy(), T.copy())
    values = {"call": "sum_squared_error(y, t)", "got": show(got), "want": show(want)}
    if got is not None and close(got, 2 * want):
        raise Fail("ch4.sum_squared_error.no_half", **values)
    if got is not None and close(got, want / Y.size):
        raise Fail("ch4.sum_squared_error.mean", **values)
    expect_value(got, want, "sum_squared_error(y, t)")


def random_outputs(rows: int, classes: int, salt: int) -> tuple[np.ndarray, ...]:
    """Softmax outputs of random scores, and random correct labels."""
    generator = rng(salt)
    y = softmax(generator.normal(0.0, 2.0, size=(rows, classes)))
    return y, generator.integers(0, classes, size=rows)


@SSE.check("ch4.sum_squared_error.check.random")
def sse_random(module: ModuleType) -> None:
    [y], [label] = random_outputs(1, 7, salt=1)
    t = np.eye(7)[label]
    call = called("sum_squared_error(y, t)", y=y, t=t)
    expect_value(
        module.sum_squared_error(y.copy(), t.copy()), 0.5 * np.sum((y - t) ** 2), call
    )


CEE = Exercise(
    id="ch4.cross_entropy_error",
    expects=("cross_entropy_error(y, t)",),
)

BATCH = np.array([[0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
LABELS = np.array([2, 0])


@CEE.check("ch4.cross_entropy_error.check.one")
def cee_one(module: ModuleType) -> None:
    expect_value(
        module.cross_entropy_error(Y.copy(), T.copy()),
        cross_entropy(Y, np.array([2])),
        "cross_entropy_error(y, t)",
    )


@CEE.check("ch4.cross_entropy_error.check.zero")
def cee_zero(module: ModuleType) -> None:
    y, t = np.array([0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0])
    got = module.cross_entropy_error(y, t)
    call = called("cross_entropy_error(y, t)", y=y, t=t)
    if got is not None and not np.all(np.isfinite(np.asarray(got, dtype=float))):
        raise Fail("ch4.cross_entropy_error.no_delta", call=call, got=show(got))
    if got is None or not 10 < float(got) < 30:
        raise Fail("ch4.cross_entropy_error.zero_value", call=call, got=show(got))


def _not_summed(got: object, want: float, call: Message) -> None:
    if got is not None and close(got, 2 * want):
        raise Fail(
            "ch4.cross_entropy_error.summed", call=call, got=show(got), want=show(want)
        )


@CEE.check("ch4.cross_entropy_error.check.batch_one_hot")
def cee_batch_one_hot(module: ModuleType) -> None:
    t = np.eye(3)[LABELS]
    got = module.cross_entropy_error(BATCH.copy(), t)
    call = called("cross_entropy_error(y, t)", y=BATCH, t=t)
    _not_summed(got, cross_entropy(BATCH, LABELS), call)
    expect_value(got, cross_entropy(BATCH, LABELS), call)


@CEE.check("ch4.cross_entropy_error.check.batch_labels")
def cee_batch_labels(module: ModuleType) -> None:
    want = cross_entropy(BATCH, LABELS)
    call = called("cross_entropy_error(y, t)", y=BATCH, t=LABELS)
    try:
        got = module.cross_entropy_error(BATCH.copy(), LABELS.copy())
    except (ValueError, IndexError) as error:
        name = type(error).__name__
        raise Fail(
            "ch4.cross_entropy_error.labels_error", error, call=call, error=name
        ) from error
    _not_summed(got, want, call)
    if got is None or not close(got, want):
        raise Fail(
            "ch4.cross_entropy_error.labels_value",
            call=call,
            got=show(got),
            want=show(want),
        )


@CEE.check("ch4.cross_entropy_error.check.random")
def cee_random(module: ModuleType) -> None:
    y, labels = random_outputs(5, 4, salt=2)
    want = cross_entropy(y, labels)
    for t in (labels, np.eye(4)[labels]):
        got = module.cross_entropy_error(y.copy(), t.copy())
        expect_value(got, want, called("cross_entropy_error(y, t)", t=t))


GRADIENT = Exercise(
    id="ch4.numerical_gradient",
    expects=("numerical_gradient(f, x)",),
)


def forward_difference(f, x: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """What the forward difference gives: the mistake to recognise."""
    grad, x = np.zeros_like(x), x.copy()
    for i in np.ndindex(x.shape):
        base = f(x)
        x[i] += h
        grad[i] = (f(x) - base) / h
        x[i] -= h
    return grad


def _call_gradient(module: ModuleType, f, x: np.ndarray, want: np.ndarray) -> None:
    before = x.copy()
    try:
        got = module.numerical_gradient(f, x)
    except IndexError as error:
        shape = str(x.shape)
        raise Fail(
            "ch4.numerical_gradient.one_dimensional", error, shape=shape
        ) from error
    if not np.allclose(x, before, rtol=0, atol=1e-9):
        raise Fail(
            "ch4.numerical_gradient.not_restored", before=show(before), after=show(x)
        )
    call = called("numerical_gradient(f, x)", x=before)
    values = {"call": call, "got": show(got), "want": show(want)}
    if got is not None and close(got, forward_difference(f, before), 1e-6, 1e-7):
        if not close(got, want, rtol=1e-6, atol=1e-7):
            raise Fail("ch4.difference.forward", **values)
    if got is not None and np.shape(got) == x.shape and x.ndim > 1:
        if not close(got, want, rtol=1e-4, atol=1e-4):
            raise Fail("ch4.numerical_gradient.rows", **values)
    expect_value(got, want, call, rtol=1e-4, atol=1e-4)


@GRADIENT.check("ch4.numerical_gradient.check.one_d")
def gradient_1d(module: ModuleType) -> None:
    x = np.array([3.0, 4.0])
    _call_gradient(module, lambda v: np.sum(v**2), x, 2 * x)


@GRADIENT.check("ch4.numerical_gradient.check.two_d")
def gradient_2d(module: ModuleType) -> None:
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
    want = 2 * x
    want[0, 1] += x[1, 2]
    want[1, 2] += x[0, 1]
    _call_gradient(module, lambda v: np.sum(v**2) + v[0, 1] * v[1, 2], x, want)


@GRADIENT.check("ch4.numerical_gradient.check.random")
def gradient_random(module: ModuleType) -> None:
    generator = rng(3)
    c, x = generator.uniform(0.5, 2.0, (3, 2)), generator.uniform(-2.0, 2.0, (3, 2))
    _call_gradient(module, lambda v: np.sum(c * v**3), x, 3 * c * x**2)


DESCENT = Exercise(
    id="ch4.gradient_descent",
    expects=("gradient_descent(f, init_x, lr=0.01, step_num=100)",),
    allowed=("numerical_gradient",),
)


def _f2(x: np.ndarray) -> float:
    return float(x[0] ** 2 + x[1] ** 2)


@DESCENT.check("ch4.gradient_descent.check.five_steps")
def descent_five_steps(module: ModuleType) -> None:
    start = np.array([-3.0, 4.0])
    got = module.gradient_descent(_f2, start.copy(), lr=0.1, step_num=5)
    call = "gradient_descent(f, [-3, 4], 0.1, 5)"
    # Each step multiplies x by 1 - 2 * lr = 0.8.
    if got is not None and close(got, start * 1.2**5, rtol=1e-4):
        raise Fail("ch4.gradient_descent.uphill", call=call, got=show(got))
    if got is not None and close(got, start * 0.8, rtol=1e-4):
        raise Fail("ch4.gradient_descent.one_step", call=call, got=show(got))
    expect_value(got, start * 0.8**5, call, rtol=1e-4)


@DESCENT.check("ch4.gradient_descent.check.defaults")
def descent_defaults(module: ModuleType) -> None:
    start = np.array([-3.0, 4.0])
    got = module.gradient_descent(_f2, start.copy())
    want = start * 0.98**100
    expect_value(got, want, "gradient_descent(f, [-3, 4])", rtol=1e-4)


@DESCENT.check("ch4.gradient_descent.check.random")
def descent_random(module: ModuleType) -> None:
    generator = rng(4)
    c, m = generator.uniform(0.5, 2.0, 3), generator.uniform(-3.0, 3.0, 3)
    start = generator.uniform(-3.0, 3.0, 3)
    got = module.gradient_descent(
        lambda v: float(np.sum(c * (v - m) ** 2)), start.copy(), lr=0.1, step_num=20
    )
    want = m + (start - m) * (1 - 0.2 * c) ** 20  # each step scales x - m
    call = "gradient_descent(f, x, 0.1, 20)"
    if got is not None and not close(got, want, rtol=1e-4, atol=1e-6):
        values = {"call": call, "got": show(got), "want": show(want)}
        raise Fail("ch4.gradient_descent.ignores_f", c=show(c), m=show(m), **values)
    expect_value(got, want, call, rtol=1e-4, atol=1e-6)


DIFF = Exercise(
    id="ch4.numerical_diff",
    expects=("numerical_diff(f, x)",),
)


def _check_diff(module: ModuleType, f: Any, x: float, want: float, call: str) -> None:
    got = module.numerical_diff(f, x)
    if got is not None and close(got, 0.0) and not close(want, 0.0):
        raise Fail("ch4.numerical_diff.tiny_h", call=call)
    forward = (f(x + 1e-4) - f(x)) / 1e-4
    if (
        got is not None
        and close(got, forward, rtol=1e-9)
        and not close(got, want, rtol=1e-7)
    ):
        # 8 digits: the forward difference is off in the 6th or so.
        values = {"call": call, "got": f"{float(got):.8g}", "want": f"{want:.8g}"}
        raise Fail("ch4.difference.forward", **values)
    expect_value(got, want, call, rtol=1e-6)


@DIFF.check("ch4.numerical_diff.check.book")
def diff_book(module: ModuleType) -> None:
    def f(x: float) -> float:
        return 0.01 * x**2 + 0.1 * x

    _check_diff(module, f, 5.0, 0.2, "numerical_diff(f, 5)")
    _check_diff(module, f, 10.0, 0.3, "numerical_diff(f, 10)")


@DIFF.check("ch4.numerical_diff.check.random")
def diff_random(module: ModuleType) -> None:
    c, x = (float(v) for v in rng(12).uniform(0.5, 3.0, size=2))
    _check_diff(
        module, lambda v: c * v**3, x, 3 * c * x**2, f"numerical_diff(f, {x:.3f})"
    )


SIMPLE_NET = Exercise(
    id="ch4.simple_net",
    expects=("SimpleNet(W)", "SimpleNet.loss(x, t)", "SimpleNet.gradient(x, t)"),
    allowed=("numerical_gradient", "softmax", "cross_entropy_error"),
)
BOOK_W = np.array(
    [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
)


def _check_simple_net(
    module: ModuleType, W: np.ndarray, x: np.ndarray, t: np.ndarray
) -> None:
    scores = np.atleast_2d(x @ W)
    y, labels = softmax(scores), np.atleast_2d(t).argmax(axis=1)
    net = module.SimpleNet(W.copy())
    loss = net.loss(x.copy(), t.copy())
    with np.errstate(invalid="ignore"):
        of_scores = cross_entropy(scores, labels)  # no softmax: the mistake
    want = cross_entropy(y, labels)
    if loss is not None and close(loss, of_scores, rtol=1e-4):
        raise Fail("ch4.simple_net.no_softmax", got=show(loss), want=show(want))
    expect_value(loss, want, "loss(x, t)", rtol=1e-4)
    dW = net.gradient(x.copy(), t.copy())
    if dW is not None and np.shape(dW) == x.shape:
        shapes = {"shape": str(x.shape), "w_shape": str(W.shape)}
        raise Fail("ch4.simple_net.x_shape", **shapes)
    if dW is not None and np.shape(dW) == W.shape and not np.any(dW):
        raise Fail("ch4.simple_net.zeros")
    want_dW = np.atleast_2d(x).T @ (y - np.atleast_2d(t)) / len(y)
    expect_value(dW, want_dW, "gradient(x, t)", rtol=1e-4, atol=1e-6)


@SIMPLE_NET.check("ch4.simple_net.check.book")
def simple_net_book(module: ModuleType) -> None:
    _check_simple_net(module, BOOK_W, np.array([0.6, 0.9]), np.array([0.0, 0.0, 1.0]))


@SIMPLE_NET.check("ch4.simple_net.check.random")
def simple_net_random(module: ModuleType) -> None:
    generator = rng(9)
    # Small weights: every probability stays well above the 1e-7 in the log,
    # which the analytic gradient below leaves out.
    W, x = generator.normal(0, 0.3, size=(2, 3)), generator.normal(size=(4, 2))
    _check_simple_net(module, W, x, np.eye(3)[generator.integers(0, 3, size=4)])


TRAINING = Exercise(
    id="ch4.training_loop",
    expects=("train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5)",),
)


class Blobs:
    """Three classes of 2-D points around three centres, and a softmax
    regression to learn them: the model the learner's loop trains."""

    def __init__(self) -> None:
        generator = rng(10)
        centres = np.array([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]])
        labels = generator.integers(0, 3, size=300)
        self.x = centres[labels] + generator.normal(0.0, 0.6, size=(300, 2))
        self.t = np.eye(3)[labels]
        self.batches: list[int] = []

    def gradient(self, params: dict, x: np.ndarray, t: np.ndarray) -> dict:
        self.batches.append(len(x))
        dscore = (softmax(x @ params["W"] + params["b"]) - t) / len(x)
        return {"W": x.T @ dscore, "b": dscore.sum(axis=0)}

    def loss(self, params: dict, x: np.ndarray, t: np.ndarray) -> float:
        y = softmax(x @ params["W"] + params["b"])
        return cross_entropy(y, t.argmax(axis=1))

    def accuracy(self, params: dict) -> float:
        scores = self.x @ params["W"] + params["b"]
        return float(np.mean(scores.argmax(axis=1) == self.t.argmax(axis=1)))


@TRAINING.check("ch4.training_loop.check.blobs")
def training_loop(module: ModuleType) -> None:
    blobs = Blobs()
    params = {"W": np.zeros((2, 3)), "b": np.zeros(3)}
    losses = module.train(
        params,
        blobs.gradient,
        blobs.loss,
        blobs.x,
        blobs.t,
        iters=100,
        batch_size=20,
        lr=0.5,
    )
    if sorted(set(blobs.batches)) != [20] or len(blobs.batches) != 100:
        sizes = str(sorted(set(blobs.batches)))
        calls = len(blobs.batches)
        raise Fail(
            "ch4.training_loop.batches",
            calls=calls,
            sizes=sizes,
            iters=100,
            batch_size=20,
        )
    if losses is None or np.shape(losses) != (100,):
        raise Fail("ch4.training_loop.losses", got=show(losses), iters=100)
    first, last = float(np.mean(losses[:10])), float(np.mean(losses[-10:]))
    if not last < first:
        raise Fail("ch4.training_loop.rising", first=f"{first:.3f}", last=f"{last:.3f}")
    accuracy = blobs.accuracy(params)
    if accuracy < 0.9:
        raise Fail("ch4.training_loop.accuracy", accuracy=f"{accuracy:.2f}")


EXERCISES = (SSE, CEE, GRADIENT, DESCENT, SIMPLE_NET, TRAINING, DIFF)
