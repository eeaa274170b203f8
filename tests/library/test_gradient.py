"""Chapter 4: numerical differentiation, gradients and gradient descent."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlfs.gradient import (
    forward_diff,
    gradient_descent,
    numerical_diff,
    numerical_gradient,
)


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return np.sum(x**2)


def test_forward_difference_with_tiny_h_loses_the_step_to_rounding():
    assert forward_diff(function_1, 5.0) == 0.0
    assert np.float32(1e-50) == 0.0  # the book's demonstration in float32


def test_central_difference_beats_forward_difference():
    f, x, true = np.exp, 1.0, np.exp(1.0)
    central = abs(numerical_diff(f, x) - true)
    forward = abs(forward_diff(f, x, h=1e-4) - true)
    assert central < 1e-7 < forward < 1e-3


def test_numerical_diff_matches_the_books_values():
    assert numerical_diff(function_1, 5.0) == pytest.approx(0.2, abs=1e-9)
    assert numerical_diff(function_1, 10.0) == pytest.approx(0.3, abs=1e-9)


@pytest.mark.parametrize(
    ("point", "expected"),
    [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0)), ((3.0, 0.0), (6.0, 0.0))],
)
def test_numerical_gradient_of_sum_of_squares_matches_the_book(point, expected):
    grad = numerical_gradient(function_2, np.array(point))
    np.testing.assert_allclose(grad, expected, atol=1e-7)


@settings(max_examples=30, deadline=None)
@given(
    arrays(np.float64, array_shapes(max_dims=3, max_side=4), elements=st.floats(-5, 5))
)
def test_numerical_gradient_of_any_shape_equals_two_x_and_restores_x(x):
    before = x.copy()
    grad = numerical_gradient(function_2, x)
    assert grad.shape == x.shape
    np.testing.assert_allclose(grad, 2 * x, atol=1e-6)
    np.testing.assert_array_equal(x, before)


@settings(max_examples=30, deadline=None)
@given(
    arrays(np.float64, array_shapes(max_dims=2, max_side=3), elements=st.floats(-5, 5)),
    st.integers(1, 18),
    st.sampled_from([ValueError, KeyboardInterrupt]),
)
def test_numerical_gradient_puts_x_back_when_f_raises_at_any_call(x, nth, error):
    before, calls = x.copy(), []

    def f(x):
        calls.append(1)
        if len(calls) == nth:
            raise error("stop")
        return function_2(x)

    if nth > 2 * x.size:  # f never raises: the ordinary case
        numerical_gradient(f, x)
    else:
        with pytest.raises(error):
            numerical_gradient(f, x)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_sees_changes_through_shared_memory():
    weights = np.array([[1.0, -2.0], [0.5, 3.0]])
    x = np.array([1.0, 2.0])

    def loss(_):  # reads `weights`, not its argument, like a network's loss
        return float(np.sum(x @ weights))

    np.testing.assert_allclose(
        numerical_gradient(loss, weights), [[1.0, 1.0], [2.0, 2.0]], atol=1e-9
    )


def test_numerical_gradient_refuses_an_integer_array_that_cannot_hold_x_plus_h():
    with pytest.raises(TypeError, match="x must be a float array, got int64"):
        numerical_gradient(function_2, np.array([3, 4]))


def test_gradient_descent_with_lr_0_1_reaches_the_minimum():
    x = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    np.testing.assert_allclose(x, [0.0, 0.0], atol=1e-8)
    expected = np.array([-3.0, 4.0]) * 0.8**100  # each step multiplies x by 1 - 2 lr
    np.testing.assert_allclose(x, expected, rtol=1e-6)


def test_gradient_descent_with_lr_10_diverges():
    x = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert np.linalg.norm(x) > 1e10


def test_gradient_descent_with_lr_1e_10_barely_moves():
    start = np.array([-3.0, 4.0])
    x = gradient_descent(function_2, start, lr=1e-10, step_num=100)
    np.testing.assert_allclose(x, start, atol=1e-6)
    assert not np.array_equal(x, start)


def test_gradient_descent_path_starts_at_init_and_ends_at_result():
    start = np.array([-3.0, 4.0])
    x, path = gradient_descent(function_2, start, lr=0.1, step_num=20, return_path=True)
    assert path.shape == (21, 2)
    np.testing.assert_array_equal(path[0], [-3.0, 4.0])
    np.testing.assert_array_equal(path[-1], x)
    np.testing.assert_array_equal(start, [-3.0, 4.0])  # input not modified
    norms = np.linalg.norm(path, axis=1)
    assert np.all(np.diff(norms) < 0)
