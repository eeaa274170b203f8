"""The book's chapter 5 training algorithm, re-implemented plainly for comparison.

Written for this benchmark (not taken from the book's repository) to do the
same work as the book's code for ``TwoLayerNet`` and its training script:

* parameters in float64 (``0.01 * randn``), so every product with the
  float32 images first converts the batch to float64;
* one-hot float64 targets, as ``load_mnist(one_hot_label=True)`` gives;
* ``Affine.backward`` computes the input gradient ``dx`` in every layer,
  also the first, where nothing uses it;
* after each update the loss is computed again, by a second forward pass,
  only to record it.

dlfs's own :class:`~dlfs.nets.TwoLayerNet` avoids all three.  Use this module
for timing and accuracy comparisons only.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a batch."""
    x = x - x.max(axis=1, keepdims=True)
    exp = np.exp(x)
    return exp / exp.sum(axis=1, keepdims=True)


def cross_entropy_error(y: np.ndarray, t: np.ndarray) -> float:
    """Mean cross-entropy of probabilities ``y`` against one-hot ``t``."""
    labels = t.argmax(axis=1)
    batch_size = y.shape[0]
    return float(-np.sum(np.log(y[np.arange(batch_size), labels] + 1e-7)) / batch_size)


class Relu:
    """ReLU as the book writes it: copy, then zero where ``x <= 0``."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dout[self.mask] = 0
        return dout


class Affine:
    """``x @ W + b``; backward always returns ``dx`` too."""

    def __init__(self, W: np.ndarray, b: np.ndarray) -> None:
        self.W, self.b = W, b

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.x = x
        return np.dot(x, self.W) + self.b

    # --8<-- [start:Affine-backward]
    def backward(self, dout: np.ndarray) -> np.ndarray:
        dx = np.dot(dout, self.W.T)  # also in the first layer, where it is unused
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx

    # --8<-- [end:Affine-backward]


class SoftmaxWithLoss:
    """Softmax and cross-entropy against one-hot targets."""

    def forward(self, x: np.ndarray, t: np.ndarray) -> float:
        self.t = t
        self.y = softmax(x)
        return cross_entropy_error(self.y, t)

    def backward(self, dout: float = 1.0) -> np.ndarray:
        batch_size = self.t.shape[0]
        return (self.y - self.t) / batch_size


class BookTwoLayerNet:
    """Affine, ReLU, Affine, softmax-with-loss, in float64."""

    def __init__(self, params: dict[str, np.ndarray]) -> None:
        self.params = {
            key: np.array(value, dtype=np.float64) for key, value in params.items()
        }
        p = self.params
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(p["W1"], p["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(p["W2"], p["b2"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x: np.ndarray) -> np.ndarray:
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x: np.ndarray, t: np.ndarray) -> float:
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        y = self.predict(x).argmax(axis=1)
        if t.ndim != 1:
            t = t.argmax(axis=1)
        return float(np.mean(y == t))

    def gradient(self, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
        self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }


def one_hot(labels: np.ndarray, classes: int = 10) -> np.ndarray:
    """Float64 one-hot rows, as the book's ``load_mnist(one_hot_label=True)``."""
    t = np.zeros((labels.size, classes))
    t[np.arange(labels.size), labels] = 1
    return t


class BookTrainer:
    """One training iteration of the book's script: gradient, update, loss again.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> params = {"W1": 0.01 * rng.standard_normal((4, 3)), "b1": np.zeros(3),
    ...           "W2": 0.01 * rng.standard_normal((3, 2)), "b2": np.zeros(2)}
    >>> x = rng.random((6, 4), dtype=np.float32)
    >>> trainer = BookTrainer(params, x, np.array([0, 1, 0, 1, 0, 1]), lr=0.1)
    >>> round(trainer.step(np.arange(6)), 4)
    0.6931
    """

    label = "book's algorithm (float64)"
    dtype = "float64"

    def __init__(
        self,
        params: dict[str, np.ndarray],
        x_train: np.ndarray,
        t_train: np.ndarray,
        *,
        lr: float,
    ) -> None:
        self.network = BookTwoLayerNet(params)
        classes = self.network.params["W2"].shape[1]
        self.x_train, self.t_train = x_train, one_hot(t_train, classes)
        self.lr = lr

    # --8<-- [start:step]
    def step(self, batch: np.ndarray) -> float:
        x_batch, t_batch = self.x_train[batch], self.t_train[batch]
        grad = self.network.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            self.network.params[key] -= self.lr * grad[key]
        return self.network.loss(x_batch, t_batch)  # a second forward pass

    # --8<-- [end:step]

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        return self.network.accuracy(x, t)
