"""Chapter 5: layers with forward and backward passes."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlfs.activations import softmax
from dlfs.gradient import numerical_gradient
from dlfs.layers import AddLayer, Affine, MulLayer, Relu, Sigmoid, SoftmaxWithLoss
from dlfs.losses import cross_entropy_error

GRAD_TOL = 1e-7

batch_sizes = st.integers(1, 5)
widths = st.integers(1, 6)
seeds = st.integers(0, 2**32 - 1)


def max_abs_diff(a, b):
    assert np.shape(a) == np.shape(b)
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))))


def one_hot(labels, classes, dtype=np.float64):
    return np.eye(classes, dtype=dtype)[labels]


# --- The book's shopping graphs (section 5.4) -------------------------------


def test_apple_graph_forward_price_and_backward_derivatives():
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple, apple_num, tax = 100, 2, 1.1

    price = mul_tax.forward(mul_apple.forward(apple, apple_num), tax)
    assert price == pytest.approx(220)

    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert dapple == pytest.approx(2.2)
    assert dapple_num == pytest.approx(110)
    assert dtax == pytest.approx(200)


def test_apple_and_orange_graph_forward_price_and_backward_derivatives():
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    mul_apple, mul_orange = MulLayer(), MulLayer()
    add_fruit, mul_tax = AddLayer(), MulLayer()

    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    all_price = add_fruit.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, tax)
    assert all_price == 650
    assert price == pytest.approx(715)

    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add_fruit.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert dapple_num == pytest.approx(110)
    assert dapple == pytest.approx(2.2)
    assert dorange == pytest.approx(3.3)
    assert dorange_num == pytest.approx(165)
    assert dtax == pytest.approx(650)


def test_add_layer_backward_passes_dout_unchanged_to_both_inputs():
    add = AddLayer()
    assert add.forward(3.0, 4.5) == 7.5
    assert add.backward(2.5) == (2.5, 2.5)


# --- Gradient checks: backward equals the numerical gradient ----------------


def _away_from_zero(x, margin=1e-2):
    """Push every element at least ``margin`` away from the ReLU kink."""
    return np.where(x >= 0, 1.0, -1.0) * (margin + np.abs(x))


@settings(max_examples=50, deadline=None)
@given(batch=batch_sizes, width=widths, seed=seeds)
def test_relu_backward_equals_numerical_gradient(batch, width, seed):
    rng = np.random.default_rng(seed)
    x = _away_from_zero(rng.standard_normal((batch, width)))
    dout = rng.standard_normal((batch, width))
    layer = Relu()

    np.testing.assert_array_equal(layer.forward(x), np.maximum(x, 0))
    dx = layer.backward(dout)

    numeric = numerical_gradient(lambda v: np.sum(layer.forward(v) * dout), x)
    assert max_abs_diff(dx, numeric) < GRAD_TOL
    np.testing.assert_array_equal(dx, np.where(x > 0, dout, 0.0))


@settings(max_examples=50, deadline=None)
@given(batch=batch_sizes, width=widths, seed=seeds)
def test_sigmoid_backward_equals_numerical_gradient(batch, width, seed):
    rng = np.random.default_rng(seed)
    x = 3 * rng.standard_normal((batch, width))
    dout = rng.standard_normal((batch, width))
    layer = Sigmoid()

    np.testing.assert_allclose(layer.forward(x), 1 / (1 + np.exp(-x)), rtol=1e-12)
    dx = layer.backward(dout)

    numeric = numerical_gradient(lambda v: np.sum(layer.forward(v) * dout), x)
    assert max_abs_diff(dx, numeric) < GRAD_TOL


def _check_affine_gradients(x_shape, out_width, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    features = int(np.prod(x_shape[1:]))
    W = rng.standard_normal((features, out_width))
    b = rng.standard_normal(out_width)
    dout = rng.standard_normal((x_shape[0], out_width))
    layer = Affine(W, b)

    out = layer.forward(x)
    np.testing.assert_allclose(out, x.reshape(x_shape[0], -1) @ W + b, rtol=1e-12)
    dx = layer.backward(dout)
    dW, db = layer.dW.copy(), layer.db.copy()
    assert dx.shape == x.shape

    def f(_):
        return np.sum(layer.forward(x) * dout)

    def f_x(v):
        return np.sum(layer.forward(v) * dout)

    assert max_abs_diff(dx, numerical_gradient(f_x, x)) < GRAD_TOL
    assert max_abs_diff(dW, numerical_gradient(f, layer.W)) < GRAD_TOL
    assert max_abs_diff(db, numerical_gradient(f, layer.b)) < GRAD_TOL


@settings(max_examples=50, deadline=None)
@given(batch=batch_sizes, d_in=widths, d_out=widths, seed=seeds)
def test_affine_backward_equals_numerical_gradient_for_rows(batch, d_in, d_out, seed):
    _check_affine_gradients((batch, d_in), d_out, seed)


@settings(max_examples=30, deadline=None)
@given(
    shape=st.tuples(
        st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)
    ),
    d_out=widths,
    seed=seeds,
)
def test_affine_backward_flattens_images_and_restores_image_shape(shape, d_out, seed):
    _check_affine_gradients(shape, d_out, seed)


@settings(max_examples=50, deadline=None)
@given(
    batch=batch_sizes, classes=st.integers(2, 6), seed=seeds, use_labels=st.booleans()
)
def test_softmax_with_loss_backward_equals_numerical_gradient(
    batch, classes, seed, use_labels
):
    rng = np.random.default_rng(seed)
    x = 2 * rng.standard_normal((batch, classes))
    labels = rng.integers(0, classes, batch)
    t = labels if use_labels else one_hot(labels, classes)
    dout = float(rng.uniform(0.5, 2.0))
    layer = SoftmaxWithLoss()

    layer.forward(x, t)
    dx = layer.backward(dout)

    numeric = numerical_gradient(lambda v: layer.forward(v, t) * dout, x)
    assert max_abs_diff(dx, numeric) < GRAD_TOL


# --- SoftmaxWithLoss values --------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(batch=batch_sizes, classes=st.integers(2, 6), seed=seeds)
def test_softmax_with_loss_labels_and_one_hot_agree_and_backward_is_y_minus_t(
    batch, classes, seed
):
    rng = np.random.default_rng(seed)
    x = 2 * rng.standard_normal((batch, classes))
    labels = rng.integers(0, classes, batch)
    t = one_hot(labels, classes)
    y = softmax(x)

    by_label, by_one_hot = SoftmaxWithLoss(), SoftmaxWithLoss()
    loss_label = by_label.forward(x, labels)
    loss_one_hot = by_one_hot.forward(x, t)
    assert loss_label == pytest.approx(loss_one_hot, abs=1e-12)
    expected_loss = -np.mean(np.log(y[np.arange(batch), labels]))
    assert loss_label == pytest.approx(expected_loss, abs=1e-12)
    # cross_entropy_error adds delta=1e-7 inside the log, which moves the loss
    # by at most delta / (the smallest target probability).
    assert loss_label == pytest.approx(cross_entropy_error(y, t, delta=0), abs=1e-12)
    picked = y[np.arange(batch), labels]
    tol = 1e-7 / picked.min() + 1e-12
    assert loss_label == pytest.approx(cross_entropy_error(y, t), abs=tol)
    assert loss_label == pytest.approx(cross_entropy_error(y, labels), abs=tol)

    expected_dx = (y - t) / batch
    np.testing.assert_allclose(by_label.backward(), expected_dx, atol=1e-15)
    np.testing.assert_allclose(by_one_hot.backward(), expected_dx, atol=1e-15)


def test_softmax_with_loss_backward_can_be_called_twice_with_same_result():
    layer = SoftmaxWithLoss()
    layer.forward(np.array([[1.0, 2.0, 3.0]]), np.array([1]))
    first = layer.backward()
    np.testing.assert_array_equal(layer.backward(), first)
    np.testing.assert_allclose(layer.backward(2.0), 2 * first, rtol=1e-15)


@pytest.mark.parametrize(
    ("label", "expected_loss"), [(0, 0.0), (1, 1000.0), (2, 2000.0)]
)
def test_softmax_with_loss_is_stable_for_huge_scores(label, expected_loss):
    x = np.array([[1000.0, 0.0, -1000.0]])
    layer = SoftmaxWithLoss()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = layer.forward(x, np.array([label]))
        dx = layer.backward()
    assert np.isfinite(loss)
    assert loss == pytest.approx(expected_loss, abs=1e-9)
    expected_dx = np.array([[1.0, 0.0, 0.0]]) - one_hot([label], 3)
    np.testing.assert_allclose(dx, expected_dx, atol=1e-12)


# --- Affine errors and options -----------------------------------------------


def test_affine_without_input_grad_returns_none_but_sets_dw_and_db():
    rng = np.random.default_rng(0)
    W, b = rng.standard_normal((3, 2)), rng.standard_normal(2)
    x, dout = rng.standard_normal((4, 3)), rng.standard_normal((4, 2))

    full, skip = Affine(W, b), Affine(W, b, input_grad=False)
    np.testing.assert_array_equal(skip.forward(x), full.forward(x))
    full.backward(dout)
    assert skip.backward(dout) is None
    np.testing.assert_allclose(skip.dW, x.T @ dout, rtol=1e-12)
    np.testing.assert_allclose(skip.db, dout.sum(axis=0), rtol=1e-12)
    np.testing.assert_array_equal(skip.dW, full.dW)
    np.testing.assert_array_equal(skip.db, full.db)


def test_affine_holds_parameters_by_reference():
    W, b = np.ones((2, 2)), np.zeros(2)
    layer = Affine(W, b)
    W *= 3.0
    b += 1.0
    np.testing.assert_array_equal(layer.forward(np.array([[1.0, 1.0]])), [[7.0, 7.0]])


# --- float32 stays float32 ---------------------------------------------------


def test_relu_and_sigmoid_keep_float32():
    x = np.array([[-1.5, 0.5], [2.0, -0.25]], dtype=np.float32)
    dout = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)

    relu = Relu()
    out = relu.forward(x)
    dx = relu.backward(dout)
    assert out.dtype == np.float32
    assert dx.dtype == np.float32
    np.testing.assert_array_equal(out, [[0.0, 0.5], [2.0, 0.0]])
    np.testing.assert_array_equal(dx, [[0.0, 2.0], [3.0, 0.0]])

    sigmoid = Sigmoid()
    out = sigmoid.forward(x)
    dx = sigmoid.backward(dout)
    assert out.dtype == np.float32
    assert dx.dtype == np.float32
    x64 = x.astype(np.float64)
    s = 1 / (1 + np.exp(-x64))
    np.testing.assert_allclose(out, s, rtol=1e-6)
    np.testing.assert_allclose(dx, dout * s * (1 - s), rtol=1e-5)


def test_affine_keeps_float32():
    rng = np.random.default_rng(1)
    W = rng.standard_normal((3, 2)).astype(np.float32)
    b = rng.standard_normal(2).astype(np.float32)
    x = rng.standard_normal((4, 3)).astype(np.float32)
    dout = rng.standard_normal((4, 2)).astype(np.float32)
    layer = Affine(W, b)

    out = layer.forward(x)
    dx = layer.backward(dout)
    assert out.dtype == dx.dtype == layer.dW.dtype == layer.db.dtype == np.float32
    np.testing.assert_allclose(out, x @ W + b, rtol=1e-6)
    np.testing.assert_allclose(dx, dout @ W.T, rtol=1e-5)
    np.testing.assert_allclose(layer.dW, x.T @ dout, rtol=1e-5)


@pytest.mark.parametrize("target", ["labels", "one-hot float32"])
def test_softmax_with_loss_keeps_float32(target):
    x = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], dtype=np.float32)
    labels = np.array([1, 2])
    t = labels if target == "labels" else one_hot(labels, 3, np.float32)
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    dx = layer.backward()
    assert layer.y.dtype == np.float32
    assert dx.dtype == np.float32
    y = softmax(x.astype(np.float64))
    assert loss == pytest.approx(-np.mean(np.log(y[[0, 1], labels])), rel=1e-6)
    np.testing.assert_allclose(dx, (y - one_hot(labels, 3)) / 2, atol=1e-7)


@pytest.mark.parametrize("t_dtype", [np.float64, np.int64])
def test_softmax_with_loss_gradient_keeps_float32_with_wider_one_hot_targets(t_dtype):
    # The gradient is with respect to the float32 scores, so it should be
    # float32 whatever dtype the one-hot targets happen to have
    # (np.eye(10)[labels] is float64).
    x = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], dtype=np.float32)
    t = one_hot([1, 2], 3, t_dtype)
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward()
    y = softmax(x.astype(np.float64))
    np.testing.assert_allclose(dx, (y - t) / 2, atol=1e-7)
    assert dx.dtype == np.float32


def test_softmax_with_loss_with_a_minus_infinity_score_and_one_hot_target():
    x = np.array([[2.0, -np.inf, 0.0]])
    one_hot_loss = SoftmaxWithLoss().forward(x, np.array([[1, 0, 0]]))
    label_loss = SoftmaxWithLoss().forward(x, np.array([0]))
    assert one_hot_loss == label_loss == pytest.approx(0.12692801104297263)


@settings(max_examples=50, deadline=None)
@given(batch=batch_sizes, classes=st.integers(2, 6), seed=seeds)
def test_minus_infinity_scores_off_target_give_the_same_finite_loss_for_both_targets(
    batch, classes, seed
):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, classes))
    labels = rng.integers(0, classes, batch)
    x[rng.random((batch, classes)) < 0.5] = -np.inf  # impossible classes ...
    x[np.arange(batch), labels] = rng.standard_normal(batch)  # ... but the target
    by_label, by_one_hot = SoftmaxWithLoss(), SoftmaxWithLoss()
    loss = by_label.forward(x, labels)
    assert np.isfinite(loss)
    assert by_one_hot.forward(x, one_hot(labels, classes)) == loss
    np.testing.assert_array_equal(by_one_hot.backward(), by_label.backward())
    assert np.isfinite(by_label.backward()).all()
