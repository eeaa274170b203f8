"""Chapter 3: activation functions and softmax."""

import warnings
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlfs.activations import (
    identity_function,
    leaky_relu,
    relu,
    sigmoid,
    softmax,
    step_function,
)

finite = st.floats(-1e6, 1e6, allow_nan=False)


INTEGERS = st.sampled_from(
    [np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32, np.int64]
)


@given(INTEGERS.flatmap(lambda dtype: arrays(dtype, st.integers(1, 6))))
def test_sigmoid_and_softmax_of_integers_are_those_of_the_same_floats(x):
    """Raw uint8 pixels included: -x and x - max must not wrap around."""
    as_floats = x.astype(np.float64)
    np.testing.assert_array_equal(sigmoid(x), sigmoid(as_floats))
    np.testing.assert_array_equal(softmax(x), softmax(as_floats))


def test_step_function_is_one_only_for_positive_input():
    np.testing.assert_array_equal(step_function([-1.0, 0.0, 1e-9, 2.0]), [0, 0, 1, 1])
    assert step_function([1.0]).dtype.kind == "i"


def test_sigmoid_matches_the_books_values():
    np.testing.assert_allclose(
        sigmoid(np.array([-1.0, 1.0, 2.0])),
        [0.26894142, 0.73105858, 0.88079708],
        atol=1e-8,
    )
    assert sigmoid(0.0) == 0.5


def true_sigmoid(x: float) -> float:
    """1 / (1 + exp(-x)) in 60-digit decimal arithmetic, rounded to a float."""
    with localcontext() as context:
        context.prec = 60
        e = (-abs(Decimal(float(x)))).exp()  # underflows to 0, never overflows
        return float(1 / (1 + e) if x >= 0 else e / (1 + e))


@pytest.mark.parametrize(
    ("x", "dtype", "true"),
    [(-40.0, np.float64, 4.248354255291589e-18), (-20.0, np.float32, 2.0611537e-09)],
)
def test_sigmoid_keeps_tiny_values_that_the_tanh_form_lost(x, dtype, true):
    y = sigmoid(dtype(x))
    assert y.dtype == dtype
    np.testing.assert_allclose(y, true, rtol=4 * np.finfo(dtype).eps)


@pytest.mark.parametrize("x", [-1e308, -1000.0, -710.0, 0.0, 710.0, 1000.0, 1e308])
def test_sigmoid_has_no_warning_for_any_finite_input(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = sigmoid(np.array([x]))
    assert 0.0 <= y[0] <= 1.0
    assert y[0] == true_sigmoid(x) or abs(y[0] - true_sigmoid(x)) < 1e-300


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@given(data=st.data())
def test_sigmoid_is_within_a_few_ulps_of_the_true_value_everywhere(dtype, data):
    info = np.finfo(dtype)
    x = dtype(data.draw(st.floats(-1e4, 1e4, width=info.bits)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = sigmoid(x)
    true = dtype(true_sigmoid(x))  # rounded once more, to the dtype
    assert y.dtype == dtype
    assert abs(y - true) <= 4 * np.spacing(true), (x, y, true)


def test_sigmoid_keeps_float32():
    assert sigmoid(np.ones(3, dtype=np.float32)).dtype == np.float32


def test_relu_clips_negatives_to_zero():
    np.testing.assert_array_equal(relu([-2.0, -0.0, 0.5, 3.0]), [0.0, 0.0, 0.5, 3.0])


def test_leaky_relu_uses_the_given_slope():
    np.testing.assert_allclose(leaky_relu([-2.0, 0.0, 3.0], alpha=0.2), [-0.4, 0, 3])
    np.testing.assert_allclose(leaky_relu([-100.0]), [-1.0])


def test_identity_function_returns_its_input():
    x = np.array([0.3, -1.5])
    np.testing.assert_array_equal(identity_function(x), x)


def test_softmax_matches_the_books_example():
    np.testing.assert_allclose(
        softmax(np.array([0.3, 2.9, 4.0])),
        [0.01821127, 0.24519181, 0.73659691],
        atol=1e-8,
    )


def test_softmax_is_stable_for_large_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = softmax(np.array([1010.0, 1000.0, 990.0]))
    np.testing.assert_allclose(
        y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-6
    )
    naive = np.exp(np.array([10.0, 0.0, -10.0]))
    np.testing.assert_allclose(y, naive / naive.sum(), rtol=1e-12)


def test_softmax_normalises_each_row_of_a_batch_on_its_own():
    x = np.array([[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0]])
    y = softmax(x)
    np.testing.assert_allclose(y[0], softmax(x[0]))
    np.testing.assert_allclose(y[1], softmax(x[1]))


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 5), st.integers(1, 8)),
        elements=finite,
    )
)
def test_softmax_rows_are_probabilities_that_sum_to_one(x):
    y = softmax(x)
    assert np.all(y >= 0)
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-12)
    # a larger score never gets a smaller probability
    y_by_score = np.take_along_axis(y, np.argsort(x, axis=1), axis=1)
    assert np.all(np.diff(y_by_score, axis=1) >= 0)


@given(arrays(np.float64, 6, elements=st.floats(-100, 100)), st.floats(-1e3, 1e3))
def test_softmax_ignores_a_constant_shift(x, c):
    np.testing.assert_allclose(softmax(x + c), softmax(x), atol=1e-9)
