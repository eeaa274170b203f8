"""Chapter 4: sum of squared errors and cross-entropy, on the book's example."""

import warnings

import numpy as np
import pytest

from dlfs.activations import softmax
from dlfs.losses import cross_entropy_error, sum_squared_error

T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
Y_GOOD = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_BAD = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])


def test_sum_squared_error_matches_the_books_values():
    assert sum_squared_error(Y_GOOD, T) == pytest.approx(0.0975)
    assert sum_squared_error(Y_BAD, T) == pytest.approx(0.5975)


def test_sum_squared_error_of_a_batch_is_the_mean_over_rows():
    y = np.stack([Y_GOOD, Y_BAD])
    t = np.stack([T, T])
    assert sum_squared_error(y, t) == pytest.approx((0.0975 + 0.5975) / 2)


def test_cross_entropy_error_matches_the_books_values():
    assert cross_entropy_error(Y_GOOD, T) == pytest.approx(0.510825457, abs=1e-9)
    assert cross_entropy_error(Y_BAD, T) == pytest.approx(2.302584092, abs=1e-9)


def test_cross_entropy_error_accepts_a_label_instead_of_one_hot():
    assert cross_entropy_error(Y_GOOD, 2) == cross_entropy_error(Y_GOOD, T)
    assert cross_entropy_error(Y_BAD, np.array([2])) == cross_entropy_error(Y_BAD, T)


def test_cross_entropy_error_of_a_batch_is_the_mean_with_either_target_form():
    y = np.stack([Y_GOOD, Y_BAD])
    expected = (0.510825457 + 2.302584092) / 2
    assert cross_entropy_error(y, np.stack([T, T])) == pytest.approx(expected)
    assert cross_entropy_error(y, np.array([2, 2])) == pytest.approx(expected)


def test_cross_entropy_error_never_takes_log_of_zero():
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = cross_entropy_error(y, np.array([1, 0]))
    assert loss == pytest.approx(-np.log(1e-7))


def test_cross_entropy_error_of_softmax_equals_log_sum_exp_form():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 5))
    t = rng.integers(0, 5, 4)
    exact = np.mean(np.log(np.exp(x).sum(axis=1)) - x[np.arange(4), t])
    assert cross_entropy_error(softmax(x), t) == pytest.approx(exact, abs=1e-6)


def test_losses_name_incompatible_shapes():
    with pytest.raises(ValueError, match=r"y has shape \(10,\) but t has shape \(9,\)"):
        sum_squared_error(Y_GOOD, T[:9])
    with pytest.raises(ValueError, match=r"y has shape \(2, 10\).*got shape \(3,\)"):
        cross_entropy_error(np.stack([Y_GOOD, Y_BAD]), np.array([1, 2, 3]))


def test_cross_entropy_error_rejects_float_labels_and_labels_out_of_range():
    y = np.stack([Y_GOOD, Y_BAD])
    with pytest.raises(TypeError, match="must be integers"):
        cross_entropy_error(y, np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match=r"labels t must be in \[0, 10\)"):
        cross_entropy_error(y, np.array([1, 10]))


def test_cross_entropy_error_rejects_three_axes():
    with pytest.raises(ValueError, match="1-D or 2-D"):
        cross_entropy_error(np.ones((1, 2, 3)), np.zeros((1, 2, 3)))
