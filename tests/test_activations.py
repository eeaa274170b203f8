"""Chapter 3: activation functions and softmax."""

import warnings

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


@pytest.mark.parametrize("x", [-1000.0, -710.0, 710.0, 1000.0, -1e308, 1e308])
def test_sigmoid_has_no_overflow_warning_for_finite_input(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = sigmoid(np.array([x]))
    assert y[0] == (0.0 if x < 0 else 1.0)


@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_equals_the_logistic_formula_and_stays_in_unit_interval(x):
    y = sigmoid(x)
    assert np.all((y >= 0) & (y <= 1))
    moderate = np.abs(x) < 500
    np.testing.assert_allclose(
        y[moderate], 1 / (1 + np.exp(-x[moderate])), rtol=1e-12, atol=1e-15
    )


def test_sigmoid_keeps_float32():
    assert sigmoid(np.ones(3, dtype=np.float32)).dtype == np.float32


def test_relu_clips_negatives_to_zero():
    np.testing.assert_array_equal(relu([-2.0, -0.0, 0.5, 3.0]), [0.0, 0.0, 0.5, 3.0])


def test_leaky_relu_uses_the_given_slope():
    np.testing.assert_allclose(leaky_relu([-2.0, 0.0, 3.0], alpha=0.2), [-0.4, 0, 3])
    np.testing.assert_allclose(leaky_relu([-100.0]), [-1.0])


@pytest.mark.parametrize("alpha", [-0.1, 1.0, 2.0])
def test_leaky_relu_rejects_slopes_outside_unit_interval(alpha):
    with pytest.raises(ValueError, match="alpha must be in"):
        leaky_relu([1.0], alpha=alpha)


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


def test_softmax_rejects_a_scalar_and_an_empty_axis():
    with pytest.raises(ValueError, match="non-empty last axis"):
        softmax(1.0)
    with pytest.raises(ValueError, match=r"shape \(2, 0\)"):
        softmax(np.zeros((2, 0)))


def test_activations_reject_non_numeric_input():
    with pytest.raises(TypeError, match="x must hold real numbers"):
        sigmoid(np.array(["a", "b"]))
