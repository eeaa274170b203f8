"""Chapter 5: layers that know their own derivative.

Every layer has ``forward`` (compute the output, remember what backward will
need) and ``backward`` (take the upstream derivative ``dout`` and return the
derivative with respect to the inputs).  Chaining ``backward`` calls in
reverse order is backpropagation.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlfs._validate import float_array
from dlfs.activations import sigmoid
from dlfs.losses import batch_targets


# --8<-- [start:MulLayer]
class MulLayer:
    """Multiply node ``out = x * y``; backward swaps the inputs.

    Examples
    --------
    >>> mul = MulLayer()
    >>> mul.forward(100, 2)
    200
    >>> mul.backward(1.1)
    (2.2, 110.00000000000001)
    """

    def __init__(self) -> None:
        self.x: Any = None
        self.y: Any = None

    def forward(self, x: Any, y: Any) -> Any:
        """Return ``x * y`` and remember both inputs."""
        self.x, self.y = x, y
        return x * y

    def backward(self, dout: Any) -> tuple[Any, Any]:
        """Return ``(dout * y, dout * x)``: each input gets the *other* one."""
        if self.x is None:
            raise RuntimeError("MulLayer.backward called before forward")
        return dout * self.y, dout * self.x
        # --8<-- [end:MulLayer]


# --8<-- [start:AddLayer]
class AddLayer:
    """Add node ``out = x + y``; backward passes ``dout`` to both inputs.

    Examples
    --------
    >>> add = AddLayer()
    >>> add.forward(200, 450)
    650
    >>> add.backward(1.1)
    (1.1, 1.1)
    """

    def forward(self, x: Any, y: Any) -> Any:
        """Return ``x + y`` (nothing to remember)."""
        return x + y

    def backward(self, dout: Any) -> tuple[Any, Any]:
        """Return ``(dout, dout)``: the derivative of a sum is 1 for each term."""
        return dout, dout
        # --8<-- [end:AddLayer]


# --8<-- [start:Relu]
class Relu:
    """ReLU layer: passes positive inputs, blocks the rest, both ways.

    Examples
    --------
    >>> relu = Relu()
    >>> relu.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]))
    array([[1., 0.],
           [0., 3.]])
    >>> relu.backward(np.ones((2, 2)))
    array([[1., 0.],
           [0., 1.]])
    """

    def __init__(self) -> None:
        self.mask: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``max(x, 0)`` and remember where ``x <= 0``."""
        self.mask = x <= 0
        return np.maximum(x, 0)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Zero the derivative where the input was not positive."""
        if self.mask is None:
            raise RuntimeError("Relu.backward called before forward")
        return np.where(self.mask, 0, dout)
        # --8<-- [end:Relu]


# --8<-- [start:Sigmoid]
class Sigmoid:
    """Sigmoid layer; its derivative is ``y * (1 - y)`` of its own output ``y``.

    Examples
    --------
    >>> layer = Sigmoid()
    >>> layer.forward(np.array([0.0, 2.0]))
    array([0.5       , 0.88079708])
    >>> layer.backward(np.array([1.0, 1.0]))
    array([0.25      , 0.10499359])
    """

    def __init__(self) -> None:
        self.out: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``sigmoid(x)`` and remember it."""
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Return ``dout * y * (1 - y)``."""
        if self.out is None:
            raise RuntimeError("Sigmoid.backward called before forward")
        return dout * (1.0 - self.out) * self.out
        # --8<-- [end:Sigmoid]


# --8<-- [start:Affine]
class Affine:
    """Fully connected layer ``out = x @ W + b``.

    Inputs with more than two axes (such as images of shape (N, 1, 28, 28))
    are flattened to rows (N, 784); ``backward`` returns the input gradient in
    the original shape.  ``W`` and ``b`` are held by reference, so an
    optimiser that updates a network's parameter arrays in place updates the
    layer too.

    Parameters
    ----------
    W : numpy.ndarray, shape (d, k)
        Weights.
    b : numpy.ndarray, shape (k,)
        Biases.
    input_grad : bool, default True
        Compute ``dx`` in ``backward``.  The first layer of a network can skip
        it (``backward`` then returns ``None``): nothing uses the gradient of
        the input images, and it costs as much as ``dW``.

    Raises
    ------
    ValueError
        If ``W`` is not 2-D or ``b`` does not match its columns.

    Examples
    --------
    >>> layer = Affine(np.ones((3, 2)), np.array([0.5, -0.5]))
    >>> layer.forward(np.array([[1.0, 2.0, 3.0]]))
    array([[6.5, 5.5]])
    >>> layer.backward(np.array([[1.0, 0.0]]))
    array([[1., 1., 1.]])
    >>> layer.dW
    array([[1., 0.],
           [2., 0.],
           [3., 0.]])
    """

    def __init__(self, W: np.ndarray, b: np.ndarray, *, input_grad: bool = True):
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise ValueError(
                f"Affine needs W of shape (d, k) and b of shape (k,), "
                f"got W {W.shape} and b {b.shape}"
            )
        self.W, self.b = W, b
        self.input_grad = input_grad
        self.x: np.ndarray | None = None
        self.x_shape: tuple[int, ...] = ()
        self.dW: np.ndarray | None = None
        self.db: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``x @ W + b`` for a batch of rows (or one 1-D sample)."""
        x = float_array("x", x)
        if x.ndim == 0:
            raise ValueError("Affine.forward: x must have at least one axis")
        self.x_shape = x.shape
        rows = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        if rows.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"Affine.forward: x of shape {x.shape} has {rows.shape[1]} features "
                f"per sample, but W has shape {self.W.shape} and needs "
                f"{self.W.shape[0]}"
            )
        self.x = rows
        out = rows @ self.W + self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """Store ``dW = x.T @ dout`` and ``db``; return ``dx = dout @ W.T``."""
        if self.x is None:
            raise RuntimeError("Affine.backward called before forward")
        dout = dout.reshape(self.x.shape[0], -1)
        if dout.shape[1] != self.W.shape[1]:
            raise ValueError(
                f"Affine.backward: dout of shape {dout.shape} does not match "
                f"the output width {self.W.shape[1]}"
            )
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        if not self.input_grad:
            return None
        return (dout @ self.W.T).reshape(self.x_shape)
        # --8<-- [end:Affine]


# --8<-- [start:SoftmaxWithLoss]
class SoftmaxWithLoss:
    """Softmax output and cross-entropy loss in one layer; backward is ``y - t``.

    The loss is computed from the log-softmax, ``x - max(x) - log(sum(exp(...)))``,
    which is exact and never takes ``log(0)``.

    Examples
    --------
    >>> layer = SoftmaxWithLoss()
    >>> round(layer.forward(np.array([[0.0, 0.0]]), np.array([1])), 6)
    0.693147
    >>> layer.backward()
    array([[ 0.5, -0.5]])
    """

    def __init__(self) -> None:
        self.y: np.ndarray | None = None
        self.t: np.ndarray | None = None
        self.one_hot = False
        self.loss: float | None = None
        self.x_shape: tuple[int, ...] = ()

    def forward(self, x: np.ndarray, t: np.ndarray) -> float:
        """Return the mean cross-entropy of ``softmax(x)`` against ``t``.

        ``t`` is one-hot with the shape of ``x``, or integer labels (batch,).
        """
        self.x_shape = np.shape(x)
        x, t, self.one_hot = batch_targets(x, t, "SoftmaxWithLoss.forward")
        if self.one_hot:  # keep float32 gradients float32 for wider targets
            t = t.astype(x.dtype, copy=False)
        shifted = x - x.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        self.y, self.t = exp / total, t
        log_y = shifted - np.log(total)
        if self.one_hot:
            picked = np.sum(t * log_y)
        else:
            picked = log_y[np.arange(x.shape[0]), t].sum()
        self.loss = float(-picked / x.shape[0])
        return self.loss

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """Return ``dout * (y - t) / batch_size``."""
        if self.y is None:
            raise RuntimeError("SoftmaxWithLoss.backward called before forward")
        batch_size = self.y.shape[0]
        if self.one_hot:
            dx = self.y - self.t
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
        dx *= dout / batch_size
        return dx.reshape(self.x_shape)
        # --8<-- [end:SoftmaxWithLoss]
