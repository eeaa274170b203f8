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

# The book's example: the network gives 0.6 to class 2, which is correct.
Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T = np.eye(10)[2]

SSE = Exercise(
    id="ch4.sum_squared_error",
    title="The sum of squared errors",
    task=(
        "Write sum_squared_error(y, t) = 0.5 * sum((y - t)**2) for an output y "
        "and a one-hot target t of the same shape. (The old name "
        "mean_squared_error is accepted too.)"
    ),
    expects=("sum_squared_error(y, t)",),
    aliases={"sum_squared_error": "mean_squared_error"},
    old_ids=("ch4.mean_squared_error",),
)


@SSE.check("the book's example: 0.6 on the correct class 2")
def sse_example(module: ModuleType) -> None:
    want = 0.5 * np.sum((Y - T) ** 2)
    got = module.sum_squared_error(Y.copy(), T.copy())
    if got is not None and close(got, 2 * want):
        raise Fail(
            f"Gave {show(got)}, twice the expected {want:.4f}: the loss is "
            "0.5 * sum((y - t)**2); the 0.5 is missing."
        )
    if got is not None and close(got, want / Y.size):
        raise Fail(
            f"Gave {show(got)}, expected {want:.4f}: that is the mean over the "
            "outputs; the book's loss adds them up: 0.5 * np.sum((y - t)**2)."
        )
    expect_value(got, want, "sum_squared_error(y, t)")


def random_outputs(rows: int, classes: int, salt: int) -> tuple[np.ndarray, ...]:
    """Softmax outputs of random scores, and random correct labels."""
    generator = rng(salt)
    y = softmax(generator.normal(0.0, 2.0, size=(rows, classes)))
    return y, generator.integers(0, classes, size=rows)


@SSE.check("random outputs and targets")
def sse_random(module: ModuleType) -> None:
    [y], [label] = random_outputs(1, 7, salt=1)
    t = np.eye(7)[label]
    call = f"sum_squared_error({show(y)}, {show(t)})"
    expect_value(
        module.sum_squared_error(y.copy(), t.copy()), 0.5 * np.sum((y - t) ** 2), call
    )


CEE = Exercise(
    id="ch4.cross_entropy_error",
    title="Cross-entropy for one-hot targets and for labels, in batches",
    task=(
        "Write cross_entropy_error(y, t): minus the log of the probability y "
        "gives the correct class, averaged over the batch. y is one output "
        "(1-D) or a batch (2-D, one row per sample); t is one-hot (same shape "
        "as y) or holds class labels (one integer per sample). Add a small "
        "delta (1e-7) inside the log so that log(0) cannot happen."
    ),
    expects=("cross_entropy_error(y, t)",),
)

BATCH = np.array([[0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
LABELS = np.array([2, 0])


@CEE.check("one output, one-hot target (the book's example)")
def cee_one(module: ModuleType) -> None:
    expect_value(
        module.cross_entropy_error(Y.copy(), T.copy()),
        cross_entropy(Y, np.array([2])),
        "for y, t",
    )


@CEE.check("a probability of 0 on the correct class")
def cee_zero(module: ModuleType) -> None:
    y, t = np.array([0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0])
    got = module.cross_entropy_error(y, t)
    if got is not None and not np.all(np.isfinite(np.asarray(got, dtype=float))):
        raise Fail(
            f"Gave {show(got)}: log(0) is -inf. Add a small delta inside the "
            "log, np.log(y + 1e-7), so a zero probability gives a large but "
            "finite loss."
        )
    if got is None or not 10 < float(got) < 30:
        raise Fail(f"Gave {show(got)}, expected about 16.1 (= -log(1e-7)).")


def _not_summed(got: object, want: float) -> None:
    if got is not None and close(got, 2 * want):
        raise Fail(
            f"Gave {show(got)}, the sum over the batch; expected the mean "
            f"{want:.4f}: divide by the batch size y.shape[0]."
        )


@CEE.check("a batch of two, one-hot targets")
def cee_batch_one_hot(module: ModuleType) -> None:
    got = module.cross_entropy_error(BATCH.copy(), np.eye(3)[LABELS])
    _not_summed(got, cross_entropy(BATCH, LABELS))
    expect_value(got, cross_entropy(BATCH, LABELS), "for a batch of 2")


@CEE.check("a batch of two, labels t = [2, 0]")
def cee_batch_labels(module: ModuleType) -> None:
    hint = (
        "When t holds labels, t.size is the batch size, not y.size; pick the "
        "probability of each correct class with y[np.arange(batch_size), t]. "
        "(Turn one-hot t into labels first with t.argmax(axis=1).)"
    )
    try:
        got = module.cross_entropy_error(BATCH.copy(), LABELS.copy())
    except (ValueError, IndexError) as error:
        raise Fail(hint, error) from error
    _not_summed(got, cross_entropy(BATCH, LABELS))
    if got is None or not close(got, cross_entropy(BATCH, LABELS)):
        raise Fail(
            f"Gave {show(got)}, expected {cross_entropy(BATCH, LABELS):.4f}. {hint}"
        )


@CEE.check("a random batch, with labels and one-hot")
def cee_random(module: ModuleType) -> None:
    y, labels = random_outputs(5, 4, salt=2)
    want = cross_entropy(y, labels)
    for t in (labels, np.eye(4)[labels]):
        got = module.cross_entropy_error(y.copy(), t.copy())
        expect_value(got, want, f"cross_entropy_error(y, t) for t = {show(t)}")


GRADIENT = Exercise(
    id="ch4.numerical_gradient",
    title="The numerical gradient of f at an array x of any shape",
    task=(
        "Write numerical_gradient(f, x): an array of x's shape whose every "
        "element is the central difference (f(x+h) - f(x-h)) / 2h in that "
        "element alone, with h = 1e-4. x is a float array of any shape; change "
        "one element at a time and put it back as it was."
    ),
    expects=("numerical_gradient(f, x)",),
)


FORWARD = (
    "This is the forward difference (f(x+h) - f(x)) / h, whose error grows "
    "with h. Use the central difference (f(x+h) - f(x-h)) / (2*h)."
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
        raise Fail(
            f"Indexing failed for an x of shape {x.shape}: `for i in "
            "range(x.size)` with x[i] works for 1-D arrays only. Visit every "
            "element with np.nditer(x, flags=['multi_index']) and use "
            "it.multi_index (or loop over np.ndindex(x.shape)).",
            error,
        ) from error
    if not np.allclose(x, before, rtol=0, atol=1e-9):
        raise Fail(
            f"x was {show(before)} before the call and {show(x)} after: x[i] was "
            "not restored. Save tmp_val = x[i] and put x[i] = tmp_val back after "
            "computing both f values."
        )
    if got is not None and close(got, forward_difference(f, before), 1e-6, 1e-7):
        if not close(got, want, rtol=1e-6, atol=1e-7):
            raise Fail(FORWARD)
    if got is not None and np.shape(got) == x.shape and x.ndim > 1:
        if not close(got, want, rtol=1e-4, atol=1e-4):
            raise Fail(
                f"Gave {show(got)}, expected {show(want)} for a 2-D x: with x[i] "
                "on a 2-D array you change a whole row. Visit every element, "
                "with np.nditer(x, flags=['multi_index']) or np.ndindex(x.shape)."
            )
    call = f"numerical_gradient(f, x) for x = {show(before)}"
    expect_value(got, want, call, rtol=1e-4, atol=1e-4)


@GRADIENT.check("f = x0**2 + x1**2 at x = [3.0, 4.0]")
def gradient_1d(module: ModuleType) -> None:
    x = np.array([3.0, 4.0])
    _call_gradient(module, lambda v: np.sum(v**2), x, 2 * x)


@GRADIENT.check("f = sum(x**2) + x[0, 1] * x[1, 2] at a 2-by-3 x")
def gradient_2d(module: ModuleType) -> None:
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]])
    want = 2 * x
    want[0, 1] += x[1, 2]
    want[1, 2] += x[0, 1]
    _call_gradient(module, lambda v: np.sum(v**2) + v[0, 1] * v[1, 2], x, want)


@GRADIENT.check("f = sum(c * x**3) at a random 3-by-2 x")
def gradient_random(module: ModuleType) -> None:
    generator = rng(3)
    c, x = generator.uniform(0.5, 2.0, (3, 2)), generator.uniform(-2.0, 2.0, (3, 2))
    _call_gradient(module, lambda v: np.sum(c * v**3), x, 3 * c * x**2)


DESCENT = Exercise(
    id="ch4.gradient_descent",
    title="Gradient descent",
    task=(
        "Write gradient_descent(f, init_x, lr=0.01, step_num=100): starting at "
        "init_x, take step_num steps x <- x - lr * grad f(x), with the gradient "
        "from numerical_gradient, and return the last x."
    ),
    expects=("gradient_descent(f, init_x, lr=0.01, step_num=100)",),
    allowed=("numerical_gradient",),
)


def _f2(x: np.ndarray) -> float:
    return float(x[0] ** 2 + x[1] ** 2)


@DESCENT.check("f = x0**2 + x1**2 from [-3.0, 4.0], lr=0.1, step_num=5")
def descent_five_steps(module: ModuleType) -> None:
    start = np.array([-3.0, 4.0])
    got = module.gradient_descent(_f2, start.copy(), lr=0.1, step_num=5)
    # Each step multiplies x by 1 - 2 * lr = 0.8.
    if got is not None and close(got, start * 1.2**5, rtol=1e-4):
        raise Fail(
            f"Gave {show(got)}: x moved away from the minimum at (0, 0). Go "
            "downhill: x -= lr * grad (not +=)."
        )
    if got is not None and close(got, start * 0.8, rtol=1e-4):
        raise Fail(
            f"Gave {show(got)}, the point after one step: is the `return` "
            "inside the loop? It must come after all step_num steps."
        )
    expect_value(got, start * 0.8**5, "gradient_descent(f, [-3, 4], 0.1, 5)", rtol=1e-4)


@DESCENT.check("the defaults lr=0.01, step_num=100")
def descent_defaults(module: ModuleType) -> None:
    start = np.array([-3.0, 4.0])
    got = module.gradient_descent(_f2, start.copy())
    want = start * 0.98**100
    expect_value(got, want, "gradient_descent(f, [-3, 4])", rtol=1e-4)


@DESCENT.check("a random f = sum(c * (x - m)**2), lr=0.1, step_num=20")
def descent_random(module: ModuleType) -> None:
    generator = rng(4)
    c, m = generator.uniform(0.5, 2.0, 3), generator.uniform(-3.0, 3.0, 3)
    start = generator.uniform(-3.0, 3.0, 3)
    got = module.gradient_descent(
        lambda v: float(np.sum(c * (v - m) ** 2)), start.copy(), lr=0.1, step_num=20
    )
    want = m + (start - m) * (1 - 0.2 * c) ** 20  # each step scales x - m
    if got is not None and not close(got, want, rtol=1e-4, atol=1e-6):
        raise Fail(
            f"Gave {show(got)}, expected {show(want)} for f = sum(c * (x - m)**2) "
            f"with c = {show(c)} and m = {show(m)}: the minimum is at m. Each "
            "step must follow this f's gradient, numerical_gradient(f, x)."
        )
    expect_value(got, want, "gradient_descent(f, x, 0.1, 20)", rtol=1e-4, atol=1e-6)


DIFF = Exercise(
    id="ch4.numerical_diff",
    title="The numerical derivative of a function of one number",
    task=(
        "Write numerical_diff(f, x): the central difference "
        "(f(x + h) - f(x - h)) / (2 * h) with h = 1e-4, the slope of f at x."
    ),
    expects=("numerical_diff(f, x)",),
)


def _check_diff(module: ModuleType, f: Any, x: float, want: float, call: str) -> None:
    got = module.numerical_diff(f, x)
    if got is not None and close(got, 0.0) and not close(want, 0.0):
        raise Fail(
            f"{call} gave 0: with a tiny h such as 1e-50, x + h rounds back to x, "
            "so f(x + h) - f(x) is 0. Use h = 1e-4."
        )
    forward = (f(x + 1e-4) - f(x)) / 1e-4
    if (
        got is not None
        and close(got, forward, rtol=1e-9)
        and not close(got, want, rtol=1e-7)
    ):
        raise Fail(FORWARD)
    expect_value(got, want, call, rtol=1e-6)


@DIFF.check("the book's f(x) = 0.01x**2 + 0.1x at x = 5 and x = 10")
def diff_book(module: ModuleType) -> None:
    def f(x: float) -> float:
        return 0.01 * x**2 + 0.1 * x

    _check_diff(module, f, 5.0, 0.2, "numerical_diff(f, 5)")
    _check_diff(module, f, 10.0, 0.3, "numerical_diff(f, 10)")


@DIFF.check("a random cubic at a random x")
def diff_random(module: ModuleType) -> None:
    c, x = (float(v) for v in rng(12).uniform(0.5, 3.0, size=2))
    _check_diff(
        module, lambda v: c * v**3, x, 3 * c * x**2, f"numerical_diff(f, {x:.3f})"
    )


SIMPLE_NET = Exercise(
    id="ch4.simple_net",
    title="SimpleNet and the gradient of its loss",
    task=(
        "Write a class SimpleNet(W) that keeps its 2-by-3 weights as self.W, with "
        "predict(x) = x @ self.W, loss(x, t) = the cross-entropy error of "
        "softmax(predict(x)) for the one-hot target t, and gradient(x, t): the "
        "numerical gradient of the loss with respect to self.W, from "
        "numerical_gradient(f, self.W) with f(w) = self.loss(x, t)."
    ),
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
    if loss is not None and close(loss, of_scores, rtol=1e-4):
        raise Fail(
            "loss took the cross-entropy of the scores x @ W themselves: turn "
            "them into probabilities with softmax first."
        )
    expect_value(loss, cross_entropy(y, labels), "loss(x, t)", rtol=1e-4)
    dW = net.gradient(x.copy(), t.copy())
    if dW is not None and np.shape(dW) == x.shape:
        raise Fail(
            f"gradient gave an array of x's shape {x.shape}: the gradient is "
            "with respect to the weights, numerical_gradient(f, self.W)."
        )
    if dW is not None and np.shape(dW) == W.shape and not np.any(dW):
        raise Fail(
            "gradient gave all zeros: numerical_gradient changes the array it "
            "is given, and f reads self.W, so pass self.W itself, not a copy."
        )
    want = np.atleast_2d(x).T @ (y - np.atleast_2d(t)) / len(y)
    expect_value(dW, want, "gradient(x, t)", rtol=1e-4, atol=1e-6)


@SIMPLE_NET.check("the book's W, x = [0.6, 0.9], t = [0, 0, 1]")
def simple_net_book(module: ModuleType) -> None:
    _check_simple_net(module, BOOK_W, np.array([0.6, 0.9]), np.array([0.0, 0.0, 1.0]))


@SIMPLE_NET.check("a random W and a batch of 4")
def simple_net_random(module: ModuleType) -> None:
    generator = rng(9)
    # Small weights: every probability stays well above the 1e-7 in the log,
    # which the analytic gradient below leaves out.
    W, x = generator.normal(0, 0.3, size=(2, 3)), generator.normal(size=(4, 2))
    _check_simple_net(module, W, x, np.eye(3)[generator.integers(0, 3, size=4)])


TRAINING = Exercise(
    id="ch4.training_loop",
    title="A mini-batch training loop",
    task=(
        "Write train(params, gradient, loss, x, t, iters=300, batch_size=20, "
        "lr=0.5): make one generator, rng = np.random.default_rng(0); then, "
        "iters times, draw a mini-batch of batch_size random rows of x and t "
        "(rng.choice(len(x), batch_size)), compute grads = gradient(params, "
        "x_batch, t_batch), update every params[key] -= lr * grads[key], and "
        "append loss(params, x_batch, t_batch) to a list. Return the list."
    ),
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


@TRAINING.check("a softmax regression on 300 points of 3 classes, 100 iterations")
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
        sizes = sorted(set(blobs.batches))
        raise Fail(
            f"gradient was called {len(blobs.batches)} times with batches of "
            f"{sizes} rows; expected 100 calls with 20 rows each: draw "
            "rng.choice(len(x), batch_size) each iteration and pass x[batch_mask]."
        )
    if losses is None or np.shape(losses) != (100,):
        raise Fail(
            f"train returned {show(losses)}: return the list of the 100 losses, "
            "one appended each iteration."
        )
    first, last = float(np.mean(losses[:10])), float(np.mean(losses[-10:]))
    if not last < first:
        raise Fail(
            f"The loss went from {first:.3f} to {last:.3f} on average: it must "
            "fall. Step against the gradient: params[key] -= lr * grads[key]."
        )
    accuracy = blobs.accuracy(params)
    if accuracy < 0.9:
        raise Fail(
            f"After training, the accuracy on the 300 points is {accuracy:.2f}, "
            "expected above 0.9: update params in place (params[key] -= ...), "
            "so that the next gradient sees the new values."
        )


EXERCISES = (SSE, CEE, GRADIENT, DESCENT, SIMPLE_NET, TRAINING, DIFF)
