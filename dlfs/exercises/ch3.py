"""Chapter 3 exercises: activation functions and softmax."""

from __future__ import annotations

from types import ModuleType

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
    if got is not None and not np.all(np.isfinite(np.asarray(got, dtype=float))):
        raise Fail(
            f"{call} gave {show(np.asarray(got))}: exp overflows once a score "
            "is more than 709 above the number subtracted from it. Subtract the "
            "maximum: every exp(a - max(a)) is then at most 1."
        )
    expect_value(got, softmax(a), call)


EXERCISES = (STEP, SIGMOID, RELU, SOFTMAX)
