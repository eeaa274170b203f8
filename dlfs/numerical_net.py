"""Chapter 4: the two-layer network that learns by numerical gradients.

This is the book's ``ch04/two_layer_net.py``: the forward pass written out by
hand (sigmoid hidden layer, softmax output), so ``predict`` returns
probabilities, and ``numerical_gradient`` for learning.  ``train_numerical``
is the mini-batch training loop of the book's ``ch04/train_neuralnet.py`` as
a function.  It uses nothing from chapter 5; :class:`dlfs.nets.TwoLayerNet` is
the same network built from the layers of chapter 5, with backpropagation.

Examples
--------
Four made-up samples of two classes, learned in 50 steps:

>>> x = np.array([[1.0, 0.0], [0.9, 0.2], [0.0, 1.0], [0.1, 0.8]])
>>> t = np.array([0, 0, 1, 1])
>>> net = NumericalTwoLayerNet(2, 3, 2, weight_init_std=1.0, seed=0)
>>> losses, train_acc, test_acc = train_numerical(
...     net, ((x, t), (x, t)), iters_num=50, batch_size=4, eval_every=25, eval_size=4
... )
iteration 0: train acc 0.500, test acc 0.500
iteration 25: train acc 1.000, test acc 1.000
iteration 50: train acc 1.000, test acc 1.000
>>> len(losses), losses[-1] < losses[0]
(50, True)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from dlfs._validate import (
    check_batch,
    check_numerical_two_layer_net,
    check_train_numerical,
    checked,
    checks,
)
from dlfs.activations import sigmoid, softmax
from dlfs.gradient import numerical_gradient
from dlfs.losses import cross_entropy_error


# sizes, scale, seed; then batches that fit: a clear error, not a wrong number
@checks(
    __init__=check_numerical_two_layer_net,
    loss=check_batch,
    accuracy=check_batch,
    numerical_gradient=check_batch,
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
    TypeError
        If a size or ``seed`` is not a whole number, or ``weight_init_std``
        is not a number.
    ValueError
        If a size is below 1, ``seed`` negative, or ``weight_init_std`` not
        positive and finite.

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


@checked(check_train_numerical)  # counts, rate, seed and data; a clear error
# --8<-- [start:train_numerical]
def train_numerical(
    network: NumericalTwoLayerNet,
    data: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    *,
    iters_num: int = 100,
    batch_size: int = 20,
    learning_rate: float = 1.0,
    eval_every: int = 10,
    eval_size: int = 1000,
    seed: int = 0,
) -> tuple[list[float], list[float], list[float]]:
    """Train by mini-batch SGD with numerical gradients, printing the accuracy."""
    (x_train, t_train), (x_test, t_test) = data  # as load_mnist() returns them
    rng = np.random.default_rng(seed)
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    for i in range(iters_num + 1):  # i = 0 only measures the start
        if i > 0:  # one iteration: mini-batch, gradient, update
            batch_mask = rng.integers(0, len(x_train), batch_size)
            x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
            train_loss_list.append(network.loss(x_batch, t_batch))  # before the update
            grad = network.numerical_gradient(x_batch, t_batch)  # the slow part
            for key in network.params:
                network.params[key] -= learning_rate * grad[key]
        if i % eval_every == 0:  # accuracy on the first eval_size images of each set
            train_acc = network.accuracy(x_train[:eval_size], t_train[:eval_size])
            test_acc = network.accuracy(x_test[:eval_size], t_test[:eval_size])
            train_acc_list.append(train_acc)
            test_acc_list.append(test_acc)
            print(f"iteration {i}: train acc {train_acc:.3f}, test acc {test_acc:.3f}")
    return train_loss_list, train_acc_list, test_acc_list
    # --8<-- [end:train_numerical]
