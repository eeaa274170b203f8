"""Chapter 5: layers that know their own derivative.

Every layer has ``forward`` (compute the output, remember what backward will
need) and ``backward`` (take the upstream derivative ``dout`` and return the
derivative with respect to the inputs).  Chaining ``backward`` calls in
reverse order is backpropagation.  Inputs are batches: one sample per row.

Examples
--------
>>> mul = MulLayer()
>>> mul.forward(100, 2), mul.backward(1.1)
(200, (2.2, 110.00000000000001))
>>> layer = Affine(np.ones((3, 2)), np.array([0.5, -0.5]))
>>> layer.forward(np.array([[1.0, 2.0, 3.0]]))
array([[6.5, 5.5]])
>>> layer.backward(np.array([[1.0, 0.0]])), layer.db
(array([[1., 1., 1.]]), array([1., 0.]))
>>> loss = SoftmaxWithLoss()
>>> round(loss.forward(np.array([[0.0, 0.0]]), np.array([1])), 6), loss.backward()
(0.693147, array([[ 0.5, -0.5]]))
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from dlfs.activations import sigmoid


# --8<-- [start:MulLayer]
class MulLayer:
    """Multiply node out = x * y; backward swaps the inputs."""

    def __init__(self) -> None:
        self.x = None
        self.y = None

    def forward(self, x: ArrayLike, y: ArrayLike) -> ArrayLike:
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout: ArrayLike) -> tuple[ArrayLike, ArrayLike]:
        dx = dout * self.y  # each input gets the *other* one
        dy = dout * self.x
        return dx, dy
        # --8<-- [end:MulLayer]


# --8<-- [start:AddLayer]
class AddLayer:
    """Add node out = x + y; backward passes dout to both inputs."""

    def forward(self, x: ArrayLike, y: ArrayLike) -> ArrayLike:
        return x + y

    def backward(self, dout: ArrayLike) -> tuple[ArrayLike, ArrayLike]:
        return dout, dout
        # --8<-- [end:AddLayer]


# --8<-- [start:Relu]
class Relu:
    """ReLU layer: passes positive inputs, blocks the rest, both ways."""

    def __init__(self) -> None:
        self.mask = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.mask = x <= 0
        return np.where(self.mask, 0, x)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return np.where(self.mask, 0, dout)  # a new array: dout is left alone
        # --8<-- [end:Relu]


# --8<-- [start:Sigmoid]
class Sigmoid:
    """Sigmoid layer; its derivative is y * (1 - y) of its own output y."""

    def __init__(self) -> None:
        self.out = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout * (1.0 - self.out) * self.out
        # --8<-- [end:Sigmoid]


# --8<-- [start:Affine]
class Affine:
    """Fully connected layer out = x @ W + b, for a batch of rows x."""

    def __init__(self, W: np.ndarray, b: np.ndarray, *, input_grad: bool = True):
        self.W = W
        self.b = b
        self.input_grad = input_grad  # False: the first layer skips dx
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.original_x_shape = x.shape  # images (N, 1, 28, 28) become rows
        self.x = x.reshape(x.shape[0], -1)
        return self.x @ self.W + self.b

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        if not self.input_grad:
            return None
        dx = dout @ self.W.T
        return dx.reshape(self.original_x_shape)
        # --8<-- [end:Affine]


# --8<-- [start:SoftmaxWithLoss]
class SoftmaxWithLoss:
    """Softmax output and cross-entropy loss in one layer; backward is y - t."""

    def __init__(self) -> None:
        self.y = None  # softmax output
        self.t = None  # targets, as labels

    def forward(self, x: np.ndarray, t: np.ndarray) -> float:
        t = np.asarray(t)
        if t.size == x.size:  # one-hot rows: take the label of each row
            t = t.reshape(x.shape).argmax(axis=1)
        log_y = x - x.max(axis=1, keepdims=True)  # log-softmax, never log(0)
        log_y -= np.log(np.exp(log_y).sum(axis=1, keepdims=True))
        self.y, self.t = np.exp(log_y), t
        return float(-log_y[np.arange(len(t)), t].mean())

    def backward(self, dout: float = 1.0) -> np.ndarray:
        batch_size = len(self.t)
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx * (dout / batch_size)
        # --8<-- [end:SoftmaxWithLoss]
