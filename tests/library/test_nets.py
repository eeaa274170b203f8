"""Chapters 4 and 5: TwoLayerNet and MultiLayerNet."""

import inspect
import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dlfs.activations import softmax
from dlfs.layers import Affine, Relu, SoftmaxWithLoss
from dlfs.nets import LayerNet, MultiLayerNet, TwoLayerNet
from dlfs.network import init_network
from dlfs.network import predict as chapter3_predict
from dlfs.optim import SGD

GRAD_TOL = 1e-7
KINK_MARGIN = 1e-2

seeds = st.integers(0, 2**32 - 1)


def one_hot(labels, classes, dtype=np.float64):
    return np.eye(classes, dtype=dtype)[labels]


def randomize_params(net, rng, scale=0.5):
    """Set every parameter (weights *and* biases) in place to random values."""
    for param in net.params.values():
        param[...] = scale * rng.standard_normal(param.shape)


def hidden_preactivations(net, x):
    """The inputs of every activation layer, from a forward pass."""
    values, z = [], x
    for name, layer in net.layers.items():
        if name.startswith("Activation"):
            values.append(z)
        z = layer.forward(z)
    return values


def relu_margin(net, x):
    """Distance of the closest hidden pre-activation to the ReLU kink at 0."""
    pre = hidden_preactivations(net, x)
    return min(float(np.abs(p).min()) for p in pre) if pre else np.inf


def assert_gradients_match(net, x, t):
    numeric = net.numerical_gradient(x, t)
    backprop = net.gradient(x, t)
    assert set(backprop) == set(net.params) == set(numeric)
    for key, param in net.params.items():
        assert backprop[key].shape == param.shape, key
        diff = float(np.max(np.abs(backprop[key] - numeric[key])))
        assert diff < GRAD_TOL, f"{key}: max abs difference {diff}"
    # The check is not vacuous: the gradient is not zero.
    assert max(float(np.abs(g).max()) for g in backprop.values()) > 1e-3


def small_problem(rng, batch, d_in, classes):
    x = rng.standard_normal((batch, d_in))
    labels = rng.integers(0, classes, batch)
    return x, labels


# --- Backpropagation equals numerical gradients -----------------------------


def check_backprop_on_random_problem(net, seed, batch, use_labels):
    """Random weights and data away from ReLU's kink; backprop == numerical."""
    rng = np.random.default_rng(seed)
    d_in, classes = net.affines[0].W.shape[0], net.affines[-1].W.shape[1]
    randomize_params(net, rng)
    x, labels = small_problem(rng, batch, d_in, classes)
    if any(isinstance(layer, Relu) for layer in net.layers.values()):
        assume(relu_margin(net, x) > KINK_MARGIN)
    t = labels if use_labels else one_hot(labels, classes)
    assert_gradients_match(net, x, t)


@settings(max_examples=50, deadline=None)
@given(
    activation=st.sampled_from(["relu", "sigmoid"]),
    batch=st.integers(1, 4),
    d_in=st.integers(1, 4),
    hidden=st.integers(1, 5),
    classes=st.integers(2, 4),
    use_labels=st.booleans(),
    seed=seeds,
)
def test_two_layer_net_backprop_equals_numerical_gradient(
    activation, batch, d_in, hidden, classes, use_labels, seed
):
    net = TwoLayerNet(d_in, hidden, classes, activation=activation, seed=seed)
    check_backprop_on_random_problem(net, seed, batch, use_labels)


@settings(max_examples=50, deadline=None)
@given(
    activation=st.sampled_from(["relu", "sigmoid"]),
    hidden=st.lists(st.integers(1, 5), min_size=1, max_size=3),
    batch=st.integers(1, 4),
    d_in=st.integers(1, 4),
    classes=st.integers(2, 4),
    use_labels=st.booleans(),
    seed=seeds,
)
def test_multi_layer_net_backprop_equals_numerical_gradient(
    activation, hidden, batch, d_in, classes, use_labels, seed
):
    net = MultiLayerNet(d_in, hidden, classes, activation=activation, seed=seed)
    check_backprop_on_random_problem(net, seed, batch, use_labels)


def test_multi_layer_net_backprop_on_images_equals_numerical_gradient():
    rng = np.random.default_rng(3)
    net = MultiLayerNet(12, [4], 3, activation="sigmoid", seed=3)
    randomize_params(net, rng)
    x = rng.standard_normal((2, 1, 3, 4))  # flattened to 12 features
    assert_gradients_match(net, x, np.array([2, 0]))


@pytest.mark.parametrize("net_class", ["two", "multi"])
def test_loss_and_gradient_matches_loss_and_gradient(net_class):
    rng = np.random.default_rng(5)
    if net_class == "two":
        net = TwoLayerNet(4, 5, 3, weight_init_std=1.0, seed=5)
    else:
        net = MultiLayerNet(4, [5, 4], 3, seed=5)
    randomize_params(net, rng)
    x, labels = small_problem(rng, 6, 4, 3)

    loss, grads = net.loss_and_gradient(x, labels)
    assert loss == net.loss(x, labels)
    assert loss == pytest.approx(
        -np.mean(np.log(softmax(net.predict(x))[np.arange(6), labels])), abs=1e-12
    )
    separate = net.gradient(x, labels)
    assert set(grads) == set(separate) == set(net.params)
    for key in grads:
        np.testing.assert_array_equal(grads[key], separate[key])


def test_numerical_gradient_restores_parameters():
    rng = np.random.default_rng(7)
    net = MultiLayerNet(3, [4, 2], 2, activation="sigmoid", seed=7)
    randomize_params(net, rng)
    x, labels = small_problem(rng, 5, 3, 2)
    arrays = dict(net.params)
    before = {key: value.copy() for key, value in net.params.items()}
    loss_before = net.loss(x, labels)

    net.numerical_gradient(x, labels)

    for key, value in net.params.items():
        assert value is arrays[key]
        np.testing.assert_array_equal(value, before[key])
    assert net.loss(x, labels) == loss_before


# --- Accuracy -----------------------------------------------------------------


def test_accuracy_with_labels_and_one_hot_agrees_on_a_hand_made_case():
    net = TwoLayerNet(2, 2, 2)
    net.params["W1"][...] = np.eye(2)
    net.params["W2"][...] = np.eye(2)  # scores = relu(x): predict the larger
    x = np.array([[3.0, 1.0], [0.0, 2.0], [5.0, 4.0], [1.0, 6.0]])
    np.testing.assert_array_equal(net.predict(x), x)
    labels = np.array([0, 1, 1, 1])  # the third sample is wrong
    assert net.accuracy(x, labels) == 0.75
    assert net.accuracy(x, one_hot(labels, 2)) == 0.75
    assert net.accuracy(x, np.array([1, 0, 1, 0])) == 0.0
    assert net.accuracy(x, one_hot([0, 1, 0, 1], 2)) == 1.0


# --- Initialisation -------------------------------------------------------------


def test_same_seed_gives_identical_initial_params_and_different_seed_differs():
    for make in (
        lambda seed: TwoLayerNet(5, 4, 3, seed=seed),
        lambda seed: MultiLayerNet(5, [4, 3], 2, seed=seed),
    ):
        a, b, c = make(11), make(11), make(12)
        assert list(a.params) == list(b.params)
        for key in a.params:
            np.testing.assert_array_equal(a.params[key], b.params[key])
        assert not np.array_equal(a.params["W1"], c.params["W1"])
        assert not np.array_equal(a.params["W2"], c.params["W2"])


def test_two_layer_net_initial_weights_scale_with_weight_init_std():
    net = TwoLayerNet(100, 50, 10, weight_init_std=0.5, seed=0)
    assert np.std(net.params["W1"]) == pytest.approx(0.5, rel=0.05)
    np.testing.assert_array_equal(net.params["b1"], np.zeros(50))
    np.testing.assert_array_equal(net.params["b2"], np.zeros(10))


@pytest.mark.parametrize(
    ("activation", "init", "factor"),
    [("relu", "auto", 2.0), ("sigmoid", "auto", 1.0), ("relu", "xavier", 1.0)],
)
def test_multi_layer_net_auto_init_uses_he_or_xavier(activation, init, factor):
    net = MultiLayerNet(
        400, [200], 10, activation=activation, weight_init_std=init, seed=0
    )
    assert np.std(net.params["W1"]) == pytest.approx(np.sqrt(factor / 400), rel=0.03)
    assert np.std(net.params["W2"]) == pytest.approx(np.sqrt(factor / 200), rel=0.1)


# --- float32 --------------------------------------------------------------------


@pytest.mark.parametrize("target", ["labels", "one-hot float32"])
@pytest.mark.parametrize("net_class", ["two", "multi"])
def test_float32_network_keeps_params_predictions_and_grads_float32(net_class, target):
    if net_class == "two":
        net = TwoLayerNet(4, 5, 3, weight_init_std=0.5, seed=0, dtype=np.float32)
    else:
        net = MultiLayerNet(4, [5, 4], 3, seed=0, dtype=np.float32)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((6, 4)).astype(np.float32)
    labels = rng.integers(0, 3, 6)
    t = labels if target == "labels" else one_hot(labels, 3, np.float32)

    assert all(p.dtype == np.float32 for p in net.params.values())
    scores = net.predict(x)
    assert scores.dtype == np.float32
    grads = net.gradient(x, t)
    assert {key: g.dtype for key, g in grads.items()} == dict.fromkeys(
        net.params, np.float32
    )

    # The values agree with the same network in float64.
    params64 = {key: p.astype(np.float64) for key, p in net.params.items()}
    net64 = MultiLayerNet.from_params(params64, activation="relu")
    np.testing.assert_allclose(scores, net64.predict(x.astype(np.float64)), atol=1e-5)
    grads64 = net64.gradient(x.astype(np.float64), labels)
    for key in grads:
        np.testing.assert_allclose(grads[key], grads64[key], atol=1e-5)


# --- Chapter 3's network as a MultiLayerNet ---------------------------------------


def test_mnist_shaped_sigmoid_net_matches_chapter_3_predict():
    net = MultiLayerNet(784, [50, 100], 10, activation="sigmoid", seed=0)
    assert {key: value.shape for key, value in net.params.items()} == {
        "W1": (784, 50),
        "b1": (50,),
        "W2": (50, 100),
        "b2": (100,),
        "W3": (100, 10),
        "b3": (10,),
    }
    rng = np.random.default_rng(1)
    for key in ("b1", "b2", "b3"):
        net.params[key][...] = rng.standard_normal(net.params[key].shape)
    x = rng.uniform(0, 1, (5, 784))
    probs = softmax(net.predict(x))
    expected = chapter3_predict(net.params, x)
    assert np.max(np.abs(probs - expected)) < 1e-12
    assert np.max(np.abs(probs - 0.1)) > 1e-3  # not uniform: a real check


def test_from_params_round_trip_gives_same_predictions():
    rng = np.random.default_rng(2)
    original = MultiLayerNet(6, [5, 4], 3, activation="sigmoid", seed=2)
    randomize_params(original, rng)
    x = rng.standard_normal((4, 6))

    copy = MultiLayerNet.from_params(original.params, activation="sigmoid")
    np.testing.assert_array_equal(copy.predict(x), original.predict(x))
    for key in original.params:
        np.testing.assert_array_equal(copy.params[key], original.params[key])
        assert copy.params[key] is not original.params[key]
    assert copy.layers["Affine1"].W is copy.params["W1"]


def test_from_params_of_the_books_network_matches_chapter_3_predict():
    params = init_network()
    net = MultiLayerNet.from_params(params)
    x = np.array([[1.0, 0.5], [0.0, 0.0]])
    np.testing.assert_allclose(
        softmax(net.predict(x)), chapter3_predict(params, x), atol=1e-15
    )
    np.testing.assert_allclose(
        softmax(net.predict(x))[0], [0.40625907, 0.59374093], atol=1e-8
    )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"W1": np.zeros((2, 3))},
        {"W1": np.zeros((2, 3)), "c1": np.zeros(3)},
        {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W3": np.zeros((3, 2))},
    ],
    ids=["empty", "no-bias", "wrong-name", "gap"],
)
def test_from_params_rejects_wrong_keys(params):
    with pytest.raises(ValueError, match=re.escape("W1..Wn and b1..bn")):
        MultiLayerNet.from_params(params)


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"W1": np.zeros((2, 3)), "b1": np.zeros(4)}, "b1"),
        (
            {
                "W1": np.zeros((2, 3)),
                "b1": np.zeros(3),
                "W2": np.zeros((4, 2)),
                "b2": np.zeros(2),
            },
            "W2",
        ),
    ],
    ids=["bias-length", "weights-do-not-chain"],
)
def test_from_params_rejects_wrong_shapes_naming_the_key(params, key):
    with pytest.raises(ValueError, match=re.escape(f"params['{key}']")):
        MultiLayerNet.from_params(params)


# --- Argument errors ----------------------------------------------------------------


@pytest.mark.parametrize("make", [TwoLayerNet, MultiLayerNet], ids=["two", "multi"])
def test_unknown_activation_raises_value_error_naming_it(make):
    hidden = 3 if make is TwoLayerNet else [3]
    with pytest.raises(ValueError, match="'tanh'"):
        make(2, hidden, 2, activation="tanh")


@pytest.mark.parametrize("make", [TwoLayerNet, MultiLayerNet], ids=["two", "multi"])
@pytest.mark.parametrize("dtype", [str, int, "int32", bool, "no such dtype", None])
def test_a_dtype_that_is_not_floating_point_is_refused_naming_dtype(make, dtype):
    hidden = 3 if make is TwoLayerNet else [3]
    with pytest.raises(TypeError, match="dtype must be a floating-point dtype"):
        make(2, hidden, 2, dtype=dtype)


@pytest.mark.parametrize(
    ("init", "activation", "factor"),
    [
        ("he", "sigmoid", 2.0),
        ("xavier", "relu", 1.0),
        ("auto", "relu", 2.0),
        ("auto", "sigmoid", 1.0),
        ("HE", "relu", 2.0),
    ],
)
def test_he_and_xavier_scale_every_layer_by_its_fan_in(init, activation, factor):
    net = MultiLayerNet(900, [400], 300, init, activation=activation, seed=0)
    for key, fan_in in (("W1", 900), ("W2", 400)):
        expected = np.sqrt(factor / fan_in)
        assert net.params[key].std() == pytest.approx(expected, rel=0.02)


@pytest.mark.parametrize("init", ["he", "xavier", "auto"])
def test_two_layer_net_takes_a_number_like_the_books_and_names_multi_layer_net(init):
    with pytest.raises(TypeError, match=f"weight_init_std .*MultiLayerNet.*'{init}'"):
        TwoLayerNet(4, 3, 2, weight_init_std=init)


def test_checks_run_before_the_constructors_and_keep_their_signatures():
    """The decorator of dlfs._validate wraps __init__ and accuracy; the
    signatures stay those of the classes the pages show (test_validate.py
    checks what the checks refuse)."""
    assert TwoLayerNet.__init__.__wrapped__.__qualname__ == "TwoLayerNet.__init__"
    assert LayerNet.accuracy.__wrapped__.__qualname__ == "LayerNet.accuracy"
    params = inspect.signature(TwoLayerNet).parameters
    assert list(params)[:3] == ["input_size", "hidden_size", "output_size"]


def test_both_nets_take_the_same_arguments_after_the_layer_sizes():
    two = list(inspect.signature(TwoLayerNet).parameters.values())[3:]
    multi = list(inspect.signature(MultiLayerNet).parameters.values())[3:]
    same = [(p.name, p.kind, p.default) for p in two]
    assert same == [(p.name, p.kind, p.default) for p in multi]
    assert [p.annotation for p in two[1:]] == [p.annotation for p in multi[1:]]
    assert [p.name for p in two] == ["weight_init_std", "activation", "seed", "dtype"]
    assert two[0].default == 0.01
    assert two[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert two[1].default == "relu"
    assert two[1].kind is inspect.Parameter.KEYWORD_ONLY


def test_same_seed_and_sizes_give_the_same_weights_in_both_nets():
    two = TwoLayerNet(5, 4, 3, seed=9)
    multi = MultiLayerNet(5, [4], 3, seed=9)
    for key in two.params:
        np.testing.assert_array_equal(two.params[key], multi.params[key])


@pytest.mark.parametrize(
    ("x", "t", "message"),
    [
        (
            np.ones((3, 2)),
            np.eye(4)[[0, 1, 2]],
            r"^t must be labels \(samples,\) or one-hot rows \(samples, 3\), "
            r"got shape \(3, 4\)$",
        ),
        (
            np.ones((3, 2)),
            np.array([0, 1]),
            r"^t must be one target for each of the 3 samples of x, got shape \(2,\)$",
        ),
        (
            np.ones((3, 2)),
            np.eye(3)[[0, 1]],
            r"^t must be one target for each of the 3",
        ),
        (
            np.ones((0, 2)),
            np.array([], dtype=int),
            r"^x must be a batch of at least one",
        ),
        (
            np.ones((3, 4)),
            np.array([0, 1, 2]),
            r"^x must be an array of shape \(samples, 2\)",
        ),
    ],
    ids=[
        "one-hot too wide",
        "too few labels",
        "too few one-hot rows",
        "empty",
        "too wide",
    ],
)
def test_accuracy_refuses_a_batch_that_does_not_fit_the_network(x, t, message):
    net = TwoLayerNet(2, 3, 3, seed=0)
    with pytest.raises(ValueError, match=message):
        net.accuracy(x, t)


def test_accuracy_takes_labels_or_one_hot_rows_alike():
    net = TwoLayerNet(2, 3, 3, weight_init_std=1.0, seed=0)
    x = np.random.default_rng(0).standard_normal((6, 2))
    labels = np.array([0, 1, 2, 0, 1, 2])
    assert net.accuracy(x, labels) == net.accuracy(x, np.eye(3)[labels])


def test_layers_keep_no_attribute_that_nothing_reads():
    assert not hasattr(MultiLayerNet(2, [3], 2), "activation")
    assert not hasattr(SoftmaxWithLoss(), "loss")


# --- Learning -----------------------------------------------------------------------


def test_two_layer_net_learns_a_separable_problem_with_sgd():
    rng = np.random.default_rng(0)
    centers = np.array([[3.0, 0.0], [-3.0, 3.0], [-3.0, -3.0]])
    labels = np.repeat(np.arange(3), 40)
    x = centers[labels] + 0.7 * rng.standard_normal((120, 2))

    net = TwoLayerNet(2, 8, 3, weight_init_std=0.5, seed=0)
    optimizer = SGD(lr=0.1)
    initial_loss = net.loss(x, labels)
    assert net.accuracy(x, labels) < 0.9
    for _ in range(300):
        batch = rng.integers(0, 120, 20)
        optimizer.update(net.params, net.gradient(x[batch], labels[batch]))

    assert net.accuracy(x, labels) >= 0.98
    assert net.loss(x, labels) < 0.2 * initial_loss
    assert isinstance(net.layers["Affine1"], Affine)
    assert net.layers["Affine1"].W is net.params["W1"]
