"""Chapter 4: NumericalTwoLayerNet, the book's ch04/two_layer_net.py."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlfs.numerical_net import NumericalTwoLayerNet, train_numerical

seeds = st.integers(0, 2**32 - 1)


def randomize(net, rng, scale=0.5):
    for param in net.params.values():
        param[...] = scale * rng.standard_normal(param.shape)


def analytic_gradient(net, x, t_one_hot):
    """The gradient worked out by hand (the book's TwoLayerNet.gradient).

    The book's loss is -log(y + delta) with delta = 1e-7, so dL/dy is
    -t / (y + delta) / N, and through softmax dL/da = y * (g - sum(g * y)).
    With delta = 0 this is the book's (y - t) / N; keeping delta makes the
    comparison exact, where (y - t) / N is off by about delta / y, up to
    1e-6 for a class the net gives little probability.
    """
    W1, b1, W2, b2 = (net.params[k] for k in ("W1", "b1", "W2", "b2"))
    z1 = 1 / (1 + np.exp(-(x @ W1 + b1)))
    a2 = z1 @ W2 + b2
    y = np.exp(a2 - a2.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    g = -t_one_hot / (y + 1e-7) / len(x)
    dy = y * (g - (g * y).sum(axis=1, keepdims=True))
    da1 = (dy @ W2.T) * z1 * (1 - z1)
    return {"W1": x.T @ da1, "b1": da1.sum(0), "W2": z1.T @ dy, "b2": dy.sum(0)}


def test_params_have_the_books_names_shapes_and_initial_values():
    net = NumericalTwoLayerNet(784, 50, 10, seed=0)
    shapes = {key: value.shape for key, value in net.params.items()}
    assert shapes == {"W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    assert not net.params["b1"].any() and not net.params["b2"].any()
    assert 0.009 < net.params["W1"].std() < 0.011  # weight_init_std 0.01


def test_same_seed_same_weights_as_chapter_5s_network():
    from dlfs.nets import TwoLayerNet

    ours = NumericalTwoLayerNet(6, 4, 3, seed=7)
    layered = TwoLayerNet(6, 4, 3, activation="sigmoid", seed=7)
    for key in ours.params:
        np.testing.assert_array_equal(ours.params[key], layered.params[key])
    x = np.random.default_rng(1).random((5, 6))
    t = np.array([0, 1, 2, 1, 0])
    assert ours.loss(x, t) == pytest.approx(layered.loss(x, t), abs=1e-6)


@settings(max_examples=30, deadline=None)
@given(seeds)
def test_predict_returns_one_row_of_probabilities_per_sample(seed):
    rng = np.random.default_rng(seed)
    net = NumericalTwoLayerNet(5, 4, 3, seed=seed)
    randomize(net, rng, scale=3.0)
    y = net.predict(rng.standard_normal((6, 5)))
    assert y.shape == (6, 3)
    assert (y >= 0).all()
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-12)


def test_predict_matches_the_forward_pass_written_out():
    net = NumericalTwoLayerNet(2, 3, 2, seed=0)
    randomize(net, np.random.default_rng(0))
    x = np.array([[1.0, 0.5]])
    z1 = 1 / (1 + np.exp(-(x @ net.params["W1"] + net.params["b1"])))
    a2 = z1 @ net.params["W2"] + net.params["b2"]
    expected = np.exp(a2) / np.exp(a2).sum()
    np.testing.assert_allclose(net.predict(x), expected, rtol=1e-12)


def test_untrained_loss_is_near_log_of_the_number_of_classes():
    net = NumericalTwoLayerNet(20, 10, 10, seed=0)
    x = np.random.default_rng(0).random((50, 20))
    t = np.arange(50) % 10
    assert net.loss(x, t) == pytest.approx(np.log(10), abs=0.01)


def test_loss_and_accuracy_take_labels_or_one_hot_rows():
    net = NumericalTwoLayerNet(4, 3, 3, seed=0)
    randomize(net, np.random.default_rng(2), scale=2.0)
    x = np.random.default_rng(3).random((8, 4))
    labels = np.array([0, 1, 2, 0, 1, 2, 0, 1])
    one_hot = np.eye(3)[labels]
    assert net.loss(x, labels) == pytest.approx(net.loss(x, one_hot), rel=1e-12)
    assert net.accuracy(x, labels) == net.accuracy(x, one_hot)
    expected = np.mean(np.argmax(net.predict(x), axis=1) == labels)
    assert net.accuracy(x, labels) == expected


@settings(max_examples=10, deadline=None)
@given(seeds)
def test_numerical_gradient_matches_the_gradient_worked_out_by_hand(seed):
    rng = np.random.default_rng(seed)
    net = NumericalTwoLayerNet(4, 3, 3, seed=seed)
    randomize(net, rng)
    x = rng.standard_normal((5, 4))
    labels = rng.integers(0, 3, 5)
    numerical = net.numerical_gradient(x, labels)
    exact = analytic_gradient(net, x, np.eye(3)[labels])
    assert set(numerical) == {"W1", "b1", "W2", "b2"}
    for key in numerical:
        assert numerical[key].shape == net.params[key].shape
        np.testing.assert_allclose(numerical[key], exact[key], atol=1e-7)


def test_numerical_gradient_leaves_the_parameters_unchanged():
    net = NumericalTwoLayerNet(3, 2, 2, seed=0)
    before = {key: value.copy() for key, value in net.params.items()}
    net.numerical_gradient(np.ones((2, 3)), np.array([0, 1]))
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])


def test_gradient_descent_steps_lower_the_loss():
    rng = np.random.default_rng(0)
    net = NumericalTwoLayerNet(6, 5, 3, weight_init_std=0.5, seed=0)
    x = rng.standard_normal((12, 6))
    t = rng.integers(0, 3, 12)
    losses = [net.loss(x, t)]
    for _ in range(5):
        grads = net.numerical_gradient(x, t)
        for key in net.params:
            net.params[key] -= 0.5 * grads[key]
        losses.append(net.loss(x, t))
    assert all(after < before for before, after in itertools.pairwise(losses))
    assert losses[-1] < 0.9 * losses[0]


# train_numerical: the chapter 4 training loop as a function


def toy_data(seed=0, n=120):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 2))
    t = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
    return (x[: n // 2], t[: n // 2]), (x[n // 2 :], t[n // 2 :])


def test_train_numerical_is_the_four_steps_written_out():
    data = toy_data()
    (x_train, t_train), _ = data
    net = NumericalTwoLayerNet(2, 3, 2, weight_init_std=1.0, seed=0)
    by_hand = NumericalTwoLayerNet(2, 3, 2, weight_init_std=1.0, seed=0)
    losses, _, _ = train_numerical(
        net, data, iters_num=6, batch_size=5, learning_rate=0.3, eval_every=3, seed=4
    )
    rng = np.random.default_rng(4)
    expected = []
    for _ in range(6):
        batch = rng.integers(0, len(x_train), 5)
        expected.append(by_hand.loss(x_train[batch], t_train[batch]))
        grads = by_hand.numerical_gradient(x_train[batch], t_train[batch])
        for key in by_hand.params:
            by_hand.params[key] -= 0.3 * grads[key]
    assert losses == expected
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], by_hand.params[key])


def test_train_numerical_measures_at_the_start_and_every_eval_every(capsys):
    data = toy_data()
    net = NumericalTwoLayerNet(2, 3, 2, weight_init_std=1.0, seed=0)
    losses, train_acc, test_acc = train_numerical(
        net, data, iters_num=7, batch_size=4, eval_every=3, eval_size=10
    )
    lines = capsys.readouterr().out.splitlines()
    assert len(losses) == 7 and len(train_acc) == len(test_acc) == 3
    assert lines == [
        f"iteration {i}: train acc {train:.3f}, test acc {test:.3f}"
        for i, train, test in zip([0, 3, 6], train_acc, test_acc, strict=True)
    ]


def test_train_numerical_measures_the_first_eval_size_images():
    (x_train, t_train), (x_test, t_test) = data = toy_data()
    net = NumericalTwoLayerNet(2, 3, 2, weight_init_std=1.0, seed=0)
    _, train_acc, test_acc = train_numerical(
        net, data, iters_num=2, batch_size=4, eval_every=2, eval_size=10
    )
    assert train_acc[-1] == net.accuracy(x_train[:10], t_train[:10])
    assert test_acc[-1] == net.accuracy(x_test[:10], t_test[:10])


def test_train_numerical_learns_the_toy_problem(capsys):
    data = toy_data(n=400)
    net = NumericalTwoLayerNet(2, 4, 2, weight_init_std=1.0, seed=0)
    losses, _, test_acc = train_numerical(
        net,
        data,
        iters_num=100,
        batch_size=10,
        learning_rate=0.5,
        eval_every=50,
        eval_size=200,
    )
    assert np.mean(losses[-10:]) < 0.5 * np.mean(losses[:10])
    assert test_acc[-1] > 0.9 > test_acc[0]


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("x_test", r"^x_test must be an array of shape \(samples, 2\)"),
        ("t_train", r"^t_train must be one target for each of the 60 samples"),
    ],
)
def test_train_numerical_refuses_data_that_does_not_fit_before_training(
    which, message, capsys
):
    (x_train, t_train), (x_test, t_test) = toy_data()
    if which == "x_test":
        x_test = np.hstack([x_test, x_test])
    else:
        t_train = t_train[:-1]
    net = NumericalTwoLayerNet(2, 3, 2, seed=0)
    before = {key: value.copy() for key, value in net.params.items()}
    with pytest.raises(ValueError, match=message):
        train_numerical(net, ((x_train, t_train), (x_test, t_test)), iters_num=1)
    assert capsys.readouterr().out == ""  # not even iteration 0 was measured
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], before[key])
