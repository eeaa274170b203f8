"""The book's MNIST results (chapters 3 and 5), reproduced and checked."""

from __future__ import annotations

import time

import numpy as np
import pytest

from dlfs.datasets import load_mnist
from dlfs.nets import MultiLayerNet, TwoLayerNet
from dlfs.network import predict
from dlfs.train import train_like_chapter5
from dlfs.weights import load_provenance, load_weights

BOOK_CH3_ACCURACY = 0.9352  # "Accuracy:0.9352" with the book's sample_weight.pkl


@pytest.fixture(scope="module")
def mnist(mnist_dir):
    """``(x_train, t_train), (x_test, t_test)``, loaded once for the module."""
    return load_mnist(data_dir=mnist_dir)


def test_shapes_and_first_label_are_the_ones_the_book_prints(mnist):
    (x_train, t_train), (x_test, t_test) = mnist
    assert x_train.shape == (60000, 784)
    assert t_train.shape == (60000,)
    assert x_test.shape == (10000, 784)
    assert t_test.shape == (10000,)
    assert t_train[0] == 5
    assert x_train.dtype == np.float32
    assert 0.0 == x_train.min() < x_train.max() == 1.0


# --------------------------------------------------------------------------
# Chapter 3: inference with the shipped weights
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ch3_predictions(mnist):
    _, (x_test, _) = mnist
    return np.argmax(predict(load_weights(), x_test), axis=1)


def test_ch3_shipped_weights_beat_the_books_accuracy(mnist, ch3_predictions):
    _, (_, t_test) = mnist
    accuracy = float(np.mean(ch3_predictions == t_test))
    print(f"chapter 3 accuracy of the shipped weights: {accuracy}")
    assert accuracy >= BOOK_CH3_ACCURACY
    assert accuracy >= 0.95


def test_ch3_one_sample_at_a_time_and_batches_of_100_count_the_same(
    mnist, ch3_predictions
):
    _, (x_test, t_test) = mnist
    network = load_weights()

    # The book's first loop: one image at a time.
    one_by_one = np.empty(len(x_test), dtype=np.intp)
    for i in range(len(x_test)):
        y = predict(network, x_test[i])
        one_by_one[i] = np.argmax(y)

    # The book's batched loop: batch_size = 100.
    batch_size = 100
    batched = np.empty(len(x_test), dtype=np.intp)
    for i in range(0, len(x_test), batch_size):
        y_batch = predict(network, x_test[i : i + batch_size])
        batched[i : i + batch_size] = np.argmax(y_batch, axis=1)

    count = int(np.sum(ch3_predictions == t_test))
    assert int(np.sum(one_by_one == t_test)) == count
    assert int(np.sum(batched == t_test)) == count
    # Not only the counts: every single prediction agrees.
    np.testing.assert_array_equal(one_by_one, ch3_predictions)
    np.testing.assert_array_equal(batched, ch3_predictions)


def test_ch3_accuracy_is_the_final_test_accuracy_in_the_provenance(
    mnist, ch3_predictions
):
    _, (x_test, t_test) = mnist
    recorded = load_provenance()["final_test_accuracy"]
    accuracy = float(np.mean(ch3_predictions == t_test))
    assert round(accuracy, 4) == round(recorded, 4)
    net = MultiLayerNet.from_params(load_weights(), activation="sigmoid")
    assert net.params["W1"].dtype == np.float32
    assert round(net.accuracy(x_test, t_test), 4) == round(recorded, 4)


# Chapter 4's "numerical gradient descent lowers the loss" is shown, on
# MNIST, by docs/ch4/training.md; TwoLayerNet.numerical_gradient is checked
# against backpropagation on MNIST samples below.


# --------------------------------------------------------------------------
# Chapter 5: backpropagation
# --------------------------------------------------------------------------


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_ch5_backprop_equals_numerical_gradient_on_mnist_samples(mnist, activation):
    (x_train, t_train), _ = mnist
    net = TwoLayerNet(784, 10, 10, activation=activation, seed=0)
    x, t = x_train[:3].astype(np.float64), t_train[:3]

    backprop = net.gradient(x, t)
    numerical = net.numerical_gradient(x, t)

    assert sorted(backprop) == sorted(numerical) == ["W1", "W2", "b1", "b2"]
    for key in backprop:
        assert backprop[key].shape == net.params[key].shape
        diff = float(np.max(np.abs(backprop[key] - numerical[key])))
        assert diff < 1e-7, (key, diff)
        assert float(np.max(np.abs(backprop[key]))) > 1e-4  # not trivially zero


@pytest.mark.slow
def test_ch5_two_layer_net_reaches_96_5_percent_on_the_test_set(mnist):
    _, (x_test, t_test) = mnist
    start = time.perf_counter()
    net, log = train_like_chapter5(mnist)
    seconds = time.perf_counter() - start
    print(
        f"chapter 5: TwoLayerNet test accuracy {log.test_acc[-1]}, "
        f"train accuracy {log.train_acc[-1]}, {seconds:.1f} s for 10,000 iterations"
    )

    assert len(log.loss) == 10_000
    assert log.eval_iterations[-1] == 10_000
    assert np.mean(log.loss[-100:]) < 0.25 * np.mean(log.loss[:100])
    assert log.test_acc[-1] >= 0.965
    assert log.train_acc[-1] >= 0.965
    assert log.test_acc[-1] == net.accuracy(x_test, t_test)
    assert net.params["W1"].dtype == np.float32
