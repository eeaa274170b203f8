"""Chapter 4: the two-layer network that learns by numerical gradients.

This is the book's ``ch04/two_layer_net.py``: the forward pass written out by
hand (sigmoid hidden layer, softmax output), so ``predict`` returns
probabilities, and ``numerical_gradient`` for learning.  It uses nothing from
chapter 5; :class:`dlfs.nets.TwoLayerNet` is the same network built from the
layers of chapter 5, with backpropagation.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from dlfs._validate import is_whole
from dlfs.activations import sigmoid, softmax
from dlfs.gradient import numerical_gradient
from dlfs.losses import cross_entropy_error


def _check_init(sizes: dict[str, object], weight_init_std: object) -> None:
    """Raise ``ValueError`` naming the first argument that cannot build a network."""
    for name, size in sizes.items():
        if not (is_whole(size) and size >= 1):
            raise ValueError(f"{name} must be a positive integer, got {size!r}")
    if not (isinstance(weight_init_std, numbers.Real) and weight_init_std > 0):
        raise ValueError(
            f"weight_init_std must be a positive number, got {weight_init_std!r}"
        )


class NumericalTwoLayerNet:
    """The book's chapter 4 ``TwoLayerNet``: sigmoid, softmax, numerical gradients.

    Parameters
    ----------
    input_size, hidden_size, output_size : int
        Layer widths, for MNIST 784, 50 and 10.
    weight_init_std : float, default 0.01
        Weights start as this times a standard normal sample; biases at 0.
    seed : int or numpy.random.Generator, optional
        Makes the initial weights reproducible.

    Raises
    ------
    ValueError
        If a size is not a positive integer or ``weight_init_std`` is not
        a positive number.

    Examples
    --------
    >>> net = NumericalTwoLayerNet(input_size=4, hidden_size=3, output_size=2, seed=0)
    >>> {key: value.shape for key, value in net.params.items()}
    {'W1': (4, 3), 'b1': (3,), 'W2': (3, 2), 'b2': (2,)}
    >>> y = net.predict(np.ones((2, 4)))  # one row of probabilities per sample
    >>> y.shape, [round(float(row_sum), 12) for row_sum in y.sum(axis=1)]
    ((2, 2), [1.0, 1.0])
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std: float = 0.01,
        *,
        seed: int | np.random.Generator | None = None,
    ) -> None:
        sizes = {"input_size": input_size, "hidden_size": hidden_size}
        _check_init({**sizes, "output_size": output_size}, weight_init_std)
        # --8<-- [start:init]
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": weight_init_std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        # --8<-- [end:init]

    # --8<-- [start:predict]
    def predict(self, x: ArrayLike) -> np.ndarray:
        """Class probabilities for a batch ``x``: affine, sigmoid, affine, softmax."""
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        return softmax(a2)

    # --8<-- [end:predict]

    # --8<-- [start:loss]
    def loss(self, x: ArrayLike, t: ArrayLike) -> float:
        """Mean cross-entropy error of the predictions for ``x`` against ``t``."""
        return cross_entropy_error(self.predict(x), t)

    # --8<-- [end:loss]

    # --8<-- [start:accuracy]
    def accuracy(self, x: ArrayLike, t: ArrayLike) -> float:
        """Fraction of samples whose most probable class is the label."""
        y = np.argmax(self.predict(x), axis=1)
        t = np.asarray(t)
        if t.ndim != 1:  # one-hot rows to labels
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))

    # --8<-- [end:accuracy]

    # --8<-- [start:numerical_gradient]
    def numerical_gradient(self, x: ArrayLike, t: ArrayLike) -> dict[str, np.ndarray]:
        """Gradient of the loss by central differences, one parameter at a time."""

        def loss_W(W: np.ndarray) -> float:  # W is nudged in place; loss reads it
            return self.loss(x, t)

        return {
            key: numerical_gradient(loss_W, self.params[key]) for key in self.params
        }

    # --8<-- [end:numerical_gradient]
