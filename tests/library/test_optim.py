"""Chapter 5: the SGD optimiser."""

import numpy as np

from dlfs.nets import TwoLayerNet
from dlfs.optim import SGD


def test_sgd_updates_in_place_by_minus_lr_times_grad():
    W, b = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.5, -0.5])
    params = {"W": W, "b": b}
    grads = {"W": np.array([[10.0, -10.0], [0.0, 2.0]]), "b": np.array([1.0, 1.0])}
    grads_before = {key: g.copy() for key, g in grads.items()}

    SGD(lr=0.1).update(params, grads)

    assert params["W"] is W
    assert params["b"] is b
    np.testing.assert_allclose(W, [[0.0, 3.0], [3.0, 3.8]], atol=1e-15)
    np.testing.assert_allclose(b, [0.4, -0.6], atol=1e-15)
    for key in grads:  # the gradients are left alone
        np.testing.assert_array_equal(grads[key], grads_before[key])


def test_sgd_default_learning_rate_is_0_01():
    params = {"W": np.array([1.0, -1.0])}
    SGD().update(params, {"W": np.array([100.0, 50.0])})
    np.testing.assert_allclose(params["W"], [0.0, -1.5], atol=1e-15)


def test_sgd_keeps_float32_params_float32():
    params = {"W": np.array([1.0, 2.0], dtype=np.float32)}
    SGD(lr=0.5).update(params, {"W": np.array([2.0, 2.0], dtype=np.float32)})
    assert params["W"].dtype == np.float32
    np.testing.assert_array_equal(params["W"], [0.0, 1.0])


def test_sgd_update_is_seen_by_the_layers_of_a_network():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(3, 4, 2, weight_init_std=1.0, seed=0)
    x, t = rng.standard_normal((5, 3)), rng.integers(0, 2, 5)
    arrays = dict(net.params)
    old = {key: value.copy() for key, value in net.params.items()}
    grads = net.gradient(x, t)
    loss_before = net.loss(x, t)

    SGD(lr=0.01).update(net.params, grads)

    for key, value in net.params.items():
        assert value is arrays[key]
        np.testing.assert_array_equal(value, old[key] - 0.01 * grads[key])
    assert net.layers["Affine1"].W is net.params["W1"]
    assert net.layers["Affine2"].b is net.params["b2"]
    np.testing.assert_array_equal(
        net.layers["Affine1"].W, old["W1"] - 0.01 * grads["W1"]
    )
    # The network's predictions use the new weights...
    hidden = np.maximum(x @ net.params["W1"] + net.params["b1"], 0)
    np.testing.assert_allclose(
        net.predict(x), hidden @ net.params["W2"] + net.params["b2"], rtol=1e-12
    )
    # ...and a small step against the gradient lowers the loss.
    assert net.loss(x, t) < loss_before
