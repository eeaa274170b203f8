"""Chapter 5 exercises: layers with forward and backward, and backpropagation."""

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
    learner_frames,
    rng,
    shape_of,
    show,
    sigmoid,
    softmax,
)


def _two(result: Any, call: str) -> tuple[Any, Any]:
    """The two values a backward of a two-input node returns."""
    if result is None:
        raise Fail(f"{call} returned None: the `return dx, dy` is missing.")
    try:
        dx, dy = result
    except (TypeError, ValueError) as error:
        raise Fail(
            f"{call} returned {show(result)}: a node with two inputs returns two "
            "derivatives, `return dx, dy`."
        ) from error
    return dx, dy


MUL = Exercise(
    id="ch5.mul_layer",
    title="MulLayer: a multiplication node",
    task=(
        "Write a class MulLayer with forward(x, y), which returns x * y and keeps "
        "x and y, and backward(dout), which returns (dx, dy): the upstream "
        "derivative dout times the derivative of x * y with respect to each input."
    ),
    expects=("MulLayer()", "MulLayer.forward(x, y)", "MulLayer.backward(dout)"),
)


@MUL.check("forward(100, 2), then backward(1.5)")
def mul_scalars(module: ModuleType) -> None:
    layer = module.MulLayer()
    expect_value(layer.forward(100.0, 2.0), 200.0, "forward(100, 2)")
    try:
        result = layer.backward(1.5)
    except AttributeError as error:
        raise Fail(
            "backward needs the inputs of forward: keep them in forward "
            "(self.x = x; self.y = y).",
            error,
        ) from error
    dx, dy = _two(result, "backward(1.5)")
    if close(dx, 150.0) and close(dy, 3.0):
        raise Fail(
            "dx and dy are swapped: the derivative of x * y with respect to x "
            "is the other input, so dx = dout * y and dy = dout * x."
        )
    if close(dx, 2.0) and close(dy, 100.0):
        raise Fail(
            "backward(1.5) gave (2, 100), as if dout were 1: multiply by the "
            "upstream derivative, dx = dout * self.y."
        )
    expect_value(dx, 3.0, "dx of backward(1.5)")
    expect_value(dy, 150.0, "dy of backward(1.5)")


ADD = Exercise(
    id="ch5.add_layer",
    title="AddLayer: an addition node",
    task=(
        "Write a class AddLayer with forward(x, y), which returns x + y, and "
        "backward(dout), which returns (dx, dy)."
    ),
    expects=("AddLayer()", "AddLayer.forward(x, y)", "AddLayer.backward(dout)"),
)


@ADD.check("forward(3, 4), then backward(1.5)")
def add_scalars(module: ModuleType) -> None:
    layer = module.AddLayer()
    expect_value(layer.forward(3.0, 4.0), 7.0, "forward(3, 4)")
    dx, dy = _two(layer.backward(1.5), "backward(1.5)")
    if close(dx, 1.0) and close(dy, 1.0):
        raise Fail(
            "backward(1.5) gave (1, 1): the local derivative of x + y is 1, but "
            "backward passes on dout times it: dx = dout * 1, dy = dout * 1."
        )
    expect_value(dx, 1.5, "dx of backward(1.5)")
    expect_value(dy, 1.5, "dy of backward(1.5)")


X = np.array([[1.0, -0.5, 0.0], [-2.0, 3.0, 0.5]])
DOUT = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])

RELU = Exercise(
    id="ch5.relu_layer",
    title="The Relu layer's backward pass",
    task=(
        "Write a class Relu with forward(x), which returns max(0, x) element by "
        "element without changing x and remembers where x <= 0 (self.mask), "
        "and backward(dout), which lets dout through where x > 0 and gives 0 "
        "where x <= 0."
    ),
    expects=("Relu()", "Relu.forward(x)", "Relu.backward(dout)"),
)


@RELU.check("forward and backward on a 2-by-3 x")
def relu_layer(module: ModuleType) -> None:
    layer, x = module.Relu(), X.copy()
    out = layer.forward(x)
    if not np.array_equal(x, X):
        raise Fail(
            f"forward changed its input x into {show(x)}: set the zeros in a "
            "copy, out = x.copy(); out[self.mask] = 0."
        )
    expect_value(out, np.maximum(0, X), "forward(x)")
    dx = layer.backward(DOUT.copy())
    want = DOUT * (X > 0)
    if dx is not None and close(dx, DOUT) and not close(dx, want):
        raise Fail(
            "backward returned dout unchanged: where x <= 0 the ReLU's "
            "derivative is 0, so return np.where(self.mask, 0, dout), or zero a "
            "copy: dx = dout.copy(); dx[self.mask] = 0."
        )
    if dx is not None and close(dx, DOUT * np.maximum(0, X)):
        raise Fail(
            "backward multiplied dout by the output: the ReLU's derivative is 1 "
            "where x > 0 (not x itself) and 0 elsewhere."
        )
    expect_value(dx, want, "backward(dout)")


SIGMOID = Exercise(
    id="ch5.sigmoid_layer",
    title="The Sigmoid layer's backward pass",
    task=(
        "Write a class Sigmoid with forward(x), which returns y = 1 / (1 + exp(-x)) "
        "and keeps it (self.out), and backward(dout), which returns "
        "dout * y * (1 - y)."
    ),
    expects=("Sigmoid()", "Sigmoid.forward(x)", "Sigmoid.backward(dout)"),
)


@SIGMOID.check("forward and backward on a 2-by-3 x")
def sigmoid_layer(module: ModuleType) -> None:
    layer = module.Sigmoid()
    y = sigmoid(X)
    expect_value(layer.forward(X.copy()), y, "forward(x)")
    dx = layer.backward(DOUT.copy())
    if dx is not None and close(dx, DOUT * X * (1 - X)):
        raise Fail(
            "backward used x where it needs the output: the sigmoid's derivative "
            "is y * (1 - y) with y = sigmoid(x), the value forward returned "
            "(keep it as self.out)."
        )
    if dx is not None and close(dx, y * (1 - y)):
        raise Fail(
            "backward ignored dout: multiply the local derivative y * (1 - y) by "
            "the upstream derivative dout."
        )
    expect_value(dx, DOUT * y * (1 - y), "backward(dout)")


def _failing_line(error: BaseException, module: ModuleType) -> str:
    """The source line of the learner's file where ``error`` was raised."""
    mine = learner_frames(error, module.__file__)  # type: ignore[arg-type]
    return (mine[-1].line or "") if mine else ""


AFFINE = Exercise(
    id="ch5.affine_layer",
    title="The Affine layer's backward pass",
    task=(
        "Write a class Affine(W, b) with forward(x) = x @ W + b for a batch x "
        "(one row per sample), and backward(dout), which stores self.dW and "
        "self.db and returns dx. Each gradient has the shape of what it is the "
        "gradient of."
    ),
    expects=("Affine(W, b)", "Affine.forward(x)", "Affine.backward(dout)"),
)


@AFFINE.check("a batch of 2 samples, W of shape (3, 4)")
def affine_layer(module: ModuleType) -> None:
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    dout = rng.normal(size=(2, 4))
    layer = module.Affine(W.copy(), b.copy())
    expect_value(layer.forward(x.copy()), x @ W + b, "forward(x)")
    try:
        dx = layer.backward(dout.copy())
    except ValueError as error:
        line = _failing_line(error, module)
        dx_hint = f"dx must have x's shape {x.shape}, which dout @ W.T gives."
        dw_hint = f"dW must have W's shape {W.shape}, which x.T @ dout gives."
        if "dW" in line:
            which = dw_hint
        elif "dx" in line:
            which = dx_hint
        else:
            which = f"{dx_hint} {dw_hint}"
        raise Fail(
            f"A matrix product in backward failed: dout is {dout.shape}, W is "
            f"{W.shape} and x is {x.shape}. {which}",
            error,
        ) from error
    if np.shape(dx) != x.shape:
        raise Fail(
            f"dx has shape {shape_of(dx)} but must have x's shape {x.shape}: "
            f"dx = dout @ W.T, with dout {dout.shape} and W.T {W.T.shape}."
        )
    dW, db = getattr(layer, "dW", None), getattr(layer, "db", None)
    if np.shape(dW) != W.shape:
        raise Fail(
            f"self.dW has shape {shape_of(dW)} but must have W's shape {W.shape}: "
            f"dW = x.T @ dout, with x.T {x.T.shape} and dout {dout.shape}."
        )
    if np.shape(db) != b.shape:
        raise Fail(
            f"self.db has shape {shape_of(db)} but must have b's shape {b.shape}: "
            "b was added to every row, so its gradient is the sum of dout over "
            "the batch, np.sum(dout, axis=0)."
        )
    expect_value(dx, dout @ W.T, "dx")
    expect_value(dW, x.T @ dout, "self.dW")
    expect_value(db, dout.sum(axis=0), "self.db")


SOFTMAX_LOSS = Exercise(
    id="ch5.softmax_with_loss",
    title="SoftmaxWithLoss: softmax and cross-entropy as one layer",
    task=(
        "Write a class SoftmaxWithLoss with forward(x, t), which takes a batch "
        "of scores x (one row per sample) and one-hot targets t, applies softmax "
        "to each row and returns the mean cross-entropy error, and "
        "backward(dout=1), which returns (y - t) / batch_size. Either form of "
        "the loss is fine: the exact one, from the log-softmax, or the book's, "
        "-log(y + 1e-7)."
    ),
    expects=(
        "SoftmaxWithLoss()",
        "SoftmaxWithLoss.forward(x, t)",
        "SoftmaxWithLoss.backward(dout=1)",
    ),
    allowed=("cross_entropy_error", "softmax"),
)


def _loss(x: np.ndarray, t: np.ndarray) -> float:
    """The book's loss of scores ``x`` for one-hot targets ``t``."""
    return cross_entropy(softmax(x), t.argmax(axis=1))


def _exact_loss(x: np.ndarray, t: np.ndarray) -> float:
    """The loss from the log-softmax, as dlfs's SoftmaxWithLoss computes it."""
    shifted = x - x.max(axis=1, keepdims=True)
    log_y = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(np.sum(log_y * t, axis=1)))


SCORES = np.array([[0.3, 2.9, 4.0], [1.0, -1.0, 0.5]])
TARGETS = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])


@SOFTMAX_LOSS.check("forward on a batch of 2 scores with one-hot targets")
def softmax_loss_forward(module: ModuleType) -> None:
    got = module.SoftmaxWithLoss().forward(SCORES.copy(), TARGETS.copy())
    whole = np.exp(SCORES) / np.exp(SCORES).sum()
    if got is not None and close(
        got, cross_entropy(whole, TARGETS.argmax(axis=1)), rtol=1e-4
    ):
        raise Fail(
            "The softmax was taken over the whole batch at once: each row is one "
            "sample and gets its own softmax (sum along axis=1, keepdims=True)."
        )
    expect_value(got, _loss(SCORES, TARGETS), "forward(x, t)", rtol=1e-4)


@SOFTMAX_LOSS.check("forward on large scores [1010, 1000, 990]")
def softmax_loss_large(module: ModuleType) -> None:
    x = np.array([[1010.0, 1000.0, 990.0], [990.0, 1000.0, 1010.0]])
    got = module.SoftmaxWithLoss().forward(x.copy(), TARGETS.copy())
    if got is not None and not np.isfinite(float(np.asarray(got))):
        raise Fail(
            f"forward gave {show(got)}: exp(1010) overflows. Subtract each row's "
            "maximum before exp in the softmax."
        )
    # Here the correct class of the first row has a probability of about 2e-9,
    # so the 1e-7 of the book's loss shows: accept the exact loss and the book's.
    guarded = _loss(x, TARGETS)
    if got is not None and close(got, guarded, rtol=1e-4):
        return
    try:
        expect_value(got, _exact_loss(x, TARGETS), "forward(x, t)", rtol=1e-4)
    except Fail as failure:
        if got is None:
            raise
        raise Fail(
            f"{failure.hint} (With the book's -log(y + 1e-7), {guarded:.4f} is "
            "right too.)"
        ) from None


@SOFTMAX_LOSS.check("backward() after forward")
def softmax_loss_backward(module: ModuleType) -> None:
    layer = module.SoftmaxWithLoss()
    layer.forward(SCORES.copy(), TARGETS.copy())
    got = layer.backward()
    y = softmax(SCORES)
    want = (y - TARGETS) / len(SCORES)
    if got is not None and close(got, y - TARGETS):
        raise Fail(
            "backward gave y - t, the gradient of the summed loss: forward "
            "returns the mean over the batch, so divide by the batch size."
        )
    if got is not None and close(got, (SCORES - TARGETS) / len(SCORES)):
        raise Fail(
            "backward used the scores x: the gradient is (y - t) / batch_size "
            "with y the softmax output that forward kept (self.y)."
        )
    expect_value(got, want, "backward()")


TWO_LAYER = Exercise(
    id="ch5.two_layer_gradient",
    title="The gradient of a two-layer net by backpropagation",
    task=(
        "Write gradient(params, x, t) for the net Affine(W1, b1) -> ReLU -> "
        "Affine(W2, b2) -> SoftmaxWithLoss, whose loss is the mean cross-entropy "
        "over the batch x with one-hot targets t. params is a dict with W1, b1, "
        "W2, b2; return a dict with the gradient of the loss for each key."
    ),
    expects=("gradient(params, x, t)",),
)


def _two_layer(params: dict, x: np.ndarray, t: np.ndarray) -> dict:
    a1 = x @ params["W1"] + params["b1"]
    h = np.maximum(0, a1)
    y = softmax(h @ params["W2"] + params["b2"])
    dscore = (y - t) / len(x)
    da1 = (dscore @ params["W2"].T) * (a1 > 0)
    return {
        "W1": x.T @ da1,
        "b1": da1.sum(axis=0),
        "W2": h.T @ dscore,
        "b2": dscore.sum(axis=0),
    }


@TWO_LAYER.check("a batch of 3, 4 inputs, 5 hidden units, 3 classes")
def two_layer_gradient(module: ModuleType) -> None:
    rng = np.random.default_rng(2)
    params = {
        "W1": rng.normal(size=(4, 5)),
        "b1": rng.normal(size=5),
        "W2": rng.normal(size=(5, 3)),
        "b2": rng.normal(size=3),
    }
    x, t = rng.normal(size=(3, 4)), np.eye(3)[[0, 2, 1]]
    got = module.gradient({k: v.copy() for k, v in params.items()}, x, t)
    want = _two_layer(params, x, t)
    if not isinstance(got, dict):
        raise Fail(
            f"gradient returned {type(got).__name__}: return a dict with "
            "the keys 'W1', 'b1', 'W2', 'b2'."
        )
    missing = [k for k in want if k not in got]
    if missing:
        raise Fail(f"The returned dict lacks {', '.join(missing)}.")
    for key in want:
        if np.shape(got[key]) != want[key].shape:
            raise Fail(
                f"grads['{key}'] has shape {shape_of(got[key])}, but {key} has "
                f"shape {want[key].shape}: a gradient has the shape of its "
                "parameter."
            )
    wrong = [k for k in want if not close(got[k], want[k])]
    if not wrong:
        return
    if all(close(got[k], len(x) * want[k]) for k in want):
        raise Fail(
            "Every gradient is 3 times too large for a batch of 3: the loss is "
            "the mean over the batch, so divide dout by the batch size."
        )
    if wrong == ["W1", "b1"]:
        raise Fail(
            "W2 and b2 are right, W1 and b1 are wrong: the mistake is on the way "
            "back through the ReLU. dh = dout @ W2.T, then zero it where the "
            "first Affine's output was <= 0, then dW1 = x.T @ dh."
        )
    raise Fail(f"Wrong gradients for {', '.join(wrong)}.")


GRADIENT_CHECK = Exercise(
    id="ch5.gradient_check",
    title="A gradient check",
    task=(
        "Write gradient_check(numerical, backprop): both are dicts of gradients "
        "with the same keys (W1, b1, ...). Return a dict with, for each key, the "
        "average absolute difference between the two: how far backpropagation "
        "is from the numerical gradient."
    ),
    expects=("gradient_check(numerical, backprop)",),
)


@GRADIENT_CHECK.check("random gradients of a two-layer net's shapes")
def gradient_check(module: ModuleType) -> None:
    generator = rng(11)
    shapes = {"W1": (4, 5), "b1": (5,), "W2": (5, 3), "b2": (3,)}
    backprop = {k: generator.normal(size=shape) for k, shape in shapes.items()}
    numerical = {}
    for key, value in backprop.items():  # off by 0.5e-3 to 1.5e-3, signs mixed
        signs = np.resize([1.0, -1.0], value.size).reshape(value.shape)
        off = generator.uniform(0.5e-3, 1.5e-3, size=value.shape) * signs
        numerical[key] = value + off
    got = module.gradient_check(
        {k: v.copy() for k, v in numerical.items()},
        {k: v.copy() for k, v in backprop.items()},
    )
    if not isinstance(got, dict) or set(got) != set(shapes):
        raise Fail(
            f"gradient_check returned {show(got)}: return a dict with one number "
            f"for each key, {', '.join(shapes)}."
        )
    for key in shapes:
        diff = backprop[key] - numerical[key]
        if close(got[key], np.average(diff)) or close(got[key], -np.average(diff)):
            raise Fail(
                f"For {key} you gave {show(got[key])}, the average of the signed "
                "differences, where positive and negative ones cancel: take "
                "np.abs of the differences before averaging."
            )
        if close(got[key], np.sum(np.abs(diff))) or close(
            got[key], np.max(np.abs(diff))
        ):
            raise Fail(
                f"For {key} you gave {show(got[key])}: take the average of the "
                "absolute differences, np.average(np.abs(...)), not their sum "
                "or largest."
            )
        expect_value(got[key], np.average(np.abs(diff)), f"the difference for {key}")


SHOPPING = Exercise(
    id="ch5.shopping",
    title="Backpropagation through the shopping graph",
    task=(
        "Write shopping(apple, apple_num, orange, orange_num, tax) for the graph "
        "(apple * apple_num + orange * orange_num) * tax, built from MulLayer "
        "and AddLayer: return (price, grads), where grads is a dict with the "
        "derivative of the price for each of the five inputs, by their names, "
        "from one backward pass with dout = 1."
    ),
    expects=("shopping(apple, apple_num, orange, orange_num, tax)",),
    allowed=("MulLayer", "AddLayer"),
)
NAMES = ("apple", "apple_num", "orange", "orange_num", "tax")


def _shopping(
    apple: float, apple_num: float, orange: float, orange_num: float, tax: float
) -> tuple[float, dict]:
    total = apple * apple_num + orange * orange_num
    grads = {
        "apple": apple_num * tax,
        "apple_num": apple * tax,
        "orange": orange_num * tax,
        "orange_num": orange * tax,
        "tax": total,
    }
    return total * tax, grads


def _check_shopping(module: ModuleType, values: tuple[float, ...]) -> None:
    call = f"shopping{tuple(round(v, 4) for v in values)}"
    want_price, want = _shopping(*values)
    result = module.shopping(*values)
    if not (isinstance(result, tuple | list) and len(result) == 2):
        raise Fail(
            f"{call} returned {show(result)}: return the price and the dict of "
            "derivatives, `return price, grads`."
        )
    price, grads = result
    expect_value(price, want_price, f"the price of {call}")
    if not isinstance(grads, dict) or set(grads) != set(NAMES):
        raise Fail(f"grads must be a dict with the keys {', '.join(NAMES)}.")
    untaxed = {k: v / values[4] for k, v in want.items() if k != "tax"}
    if all(close(grads[k], untaxed[k]) for k in untaxed):
        raise Fail(
            "The fruits' derivatives leave out the tax: the backward pass starts "
            "at the tax node, whose dx = dout * tax flows back to everything "
            "before it."
        )
    for name in NAMES:
        expect_value(grads[name], want[name], f"grads['{name}'] of {call}")


@SHOPPING.check("the book's 2 apples at 100, 3 oranges at 150, tax 1.1")
def shopping_book(module: ModuleType) -> None:
    _check_shopping(module, (100.0, 2.0, 150.0, 3.0, 1.1))


@SHOPPING.check("random prices, counts and tax")
def shopping_random(module: ModuleType) -> None:
    generator = rng(14)
    apple, orange = generator.uniform(50, 300, size=2)
    apple_num, orange_num = generator.integers(1, 10, size=2)
    tax = generator.uniform(1.0, 1.3)
    _check_shopping(
        module, tuple(map(float, (apple, apple_num, orange, orange_num, tax)))
    )


EXERCISES = (
    MUL,
    ADD,
    RELU,
    SIGMOID,
    AFFINE,
    SOFTMAX_LOSS,
    TWO_LAYER,
    GRADIENT_CHECK,
    SHOPPING,
)
