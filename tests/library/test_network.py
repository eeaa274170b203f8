"""Chapter 3: the three-layer forward pass and the general predict."""

import numpy as np

from dlfs.activations import sigmoid, softmax
from dlfs.network import forward, init_network, predict


def test_forward_gives_the_books_output_as_a_1d_array():
    y = forward(init_network(), np.array([1.0, 0.5]))
    assert y.shape == (2,)
    np.testing.assert_allclose(y, [0.31682708, 0.69627909], atol=1e-8)


def test_forward_on_a_batch_equals_forward_on_each_row():
    network = init_network()
    x = np.array([[1.0, 0.5], [0.0, 0.0], [-1.0, 2.0]])
    batch = forward(network, x)
    np.testing.assert_allclose(batch, [forward(network, row) for row in x])


def test_predict_is_softmax_of_the_layers_by_hand():
    rng = np.random.default_rng(0)
    network = {
        "W1": rng.standard_normal((4, 3)),
        "b1": rng.standard_normal(3),
        "W2": rng.standard_normal((3, 2)),
        "b2": rng.standard_normal(2),
    }
    x = rng.standard_normal((5, 4))
    by_hand = softmax(
        sigmoid(x @ network["W1"] + network["b1"]) @ network["W2"] + network["b2"]
    )
    np.testing.assert_allclose(predict(network, x), by_hand)
    np.testing.assert_allclose(predict(network, x[0]), by_hand[0])


def test_predict_of_the_books_network_is_softmax_of_forward():
    network = init_network()
    x = np.array([1.0, 0.5])
    np.testing.assert_allclose(predict(network, x), softmax(forward(network, x)))
