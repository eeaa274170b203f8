"""Chapter 4: sum of squared errors and cross-entropy, on the book's example."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

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


def test_cross_entropy_error_with_delta_0_treats_0_log_0_as_0():
    y, t = np.array([1.0, 0.0, 0.0]), np.array([1, 0, 0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cross_entropy_error(y, t, delta=0) == 0.0


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 4), st.integers(2, 6)),
        elements=st.floats(0, 1),
    ),
    st.data(),
)
def test_one_hot_and_label_targets_give_the_same_loss_even_with_delta_0(y, data):
    batch_size, classes = y.shape
    labels = np.array(
        data.draw(
            st.lists(
                st.integers(0, classes - 1), min_size=batch_size, max_size=batch_size
            )
        )
    )
    y[np.arange(batch_size), labels] += 0.5  # the target class is never 0
    one_hot = np.eye(classes, dtype=int)[labels]
    for delta in (0.0, 1e-7):
        by_label = cross_entropy_error(y, labels, delta=delta)
        assert np.isfinite(by_label)
        assert cross_entropy_error(y, one_hot, delta=delta) == by_label
