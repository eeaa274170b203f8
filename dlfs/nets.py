"""Chapters 4 and 5: networks built from layers, with two ways to get gradients.

:class:`TwoLayerNet` is the book's network for MNIST (784-50-10);
:class:`MultiLayerNet` stacks any number of hidden layers, which chapter 3's
784-50-100-10 sigmoid network needs.  Both share :class:`LayerNet`:
``predict``, ``loss``, ``accuracy``, and gradients either by
``numerical_gradient`` (chapter 4, slow) or by backpropagation with
``gradient`` (chapter 5, fast).

Both constructors take the same arguments after the layer sizes:

- ``weight_init_std`` (default 0.01, as in the book's ``TwoLayerNet``): the
  standard deviation of the initial weights, a positive number.
  ``MultiLayerNet``, like the book's chapter 6 class, also takes a name:
  ``"he"`` (``sqrt(2 / fan_in)``, for ReLU), ``"xavier"`` (``sqrt(1 / fan_in)``,
  for sigmoid) or ``"auto"`` (He for ReLU, Xavier for sigmoid).  Biases start
  at 0.
- ``activation`` (keyword, default ``"relu"``): the hidden activation,
  ``"relu"`` (chapter 5) or ``"sigmoid"`` (chapter 4).
- ``seed`` (keyword, default None): an int or ``numpy.random.Generator`` that
  makes the initial weights reproducible; NumPy's global ``np.random.seed`` has
  no effect.
- ``dtype`` (keyword, default float64): a floating-point dtype for the
  parameters; float32 trains about twice as fast.

Unusable arguments raise ``TypeError`` (not a number, a bool, a fraction
where a whole number belongs) or ``ValueError`` (out of range) naming the
argument.  The checks run before each constructor, through the decorator
:func:`dlfs._validate.checks`, so the classes themselves hold none.

Examples
--------
>>> net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3, seed=0)
>>> {key: value.shape for key, value in net.params.items()}
{'W1': (4, 5), 'b1': (5,), 'W2': (5, 3), 'b2': (3,)}
>>> x, t = np.ones((2, 4)), np.array([0, 2])
>>> round(net.loss(x, t), 4)  # about log(3) while the weights are tiny
1.0986
>>> deep = MultiLayerNet(784, [50, 100], 10, activation="sigmoid", seed=0)
>>> list(deep.layers)
['Affine1', 'Activation1', 'Affine2', 'Activation2', 'Affine3']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from dlfs._validate import (
    check_layer_batch,
    check_multi_layer_net,
    check_two_layer_net,
    checks,
)
from dlfs.gradient import numerical_gradient
from dlfs.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss


# --8<-- [start:init_std]
def init_std(weight_init_std: float | str, fan_in: int, activation: str) -> float:
    """The scale of a layer's initial weights: a number, or He/Xavier by name."""
    if not isinstance(weight_init_std, str):
        return float(weight_init_std)
    kind = weight_init_std.lower()
    if kind == "auto":
        kind = "he" if activation == "relu" else "xavier"
    return float(np.sqrt((2.0 if kind in ("he", "relu") else 1.0) / fan_in))
    # --8<-- [end:init_std]


@checks(accuracy=check_layer_batch, loss=check_layer_batch)
# --8<-- [start:LayerNet]
class LayerNet:
    """A stack of layers ending in SoftmaxWithLoss; subclasses build the layers."""

    # --8<-- [start:LayerNet-predict]
    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores (before softmax): each layer's forward in turn."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    # --8<-- [end:LayerNet-predict]
    # --8<-- [start:LayerNet-loss]
    def loss(self, x: np.ndarray, t: ArrayLike) -> float:
        """Mean cross-entropy loss on the batch x with targets t."""
        return self.last_layer.forward(self.predict(x), t)

    # --8<-- [end:LayerNet-loss]
    # --8<-- [start:LayerNet-accuracy]
    def accuracy(self, x: np.ndarray, t: ArrayLike) -> float:
        """Fraction of samples whose highest score is the target class."""
        y = np.argmax(self.predict(x), axis=1)
        if np.ndim(t) == 2:  # one-hot rows: take the label of each row
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))

    # --8<-- [end:LayerNet-accuracy]
    # --8<-- [start:LayerNet-numerical_gradient]
    def numerical_gradient(self, x: np.ndarray, t: ArrayLike) -> dict:
        """Gradient of the loss by central differences, one parameter at a time."""

        def loss_W(W: np.ndarray) -> float:  # W is in self.params: loss reads it
            return self.loss(x, t)

        return {key: numerical_gradient(loss_W, W) for key, W in self.params.items()}

    # --8<-- [end:LayerNet-numerical_gradient]
    # --8<-- [start:LayerNet-gradient]
    def gradient(self, x: np.ndarray, t: ArrayLike) -> dict:
        """Gradient of the loss by backpropagation."""
        return self.loss_and_gradient(x, t)[1]

    # --8<-- [end:LayerNet-gradient]
    # --8<-- [start:LayerNet-loss_and_gradient]
    def loss_and_gradient(self, x: np.ndarray, t: ArrayLike) -> tuple[float, dict]:
        """The loss of the forward pass and the gradient of the backward pass."""
        loss = self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {}
        for i, affine in enumerate(self.affines, start=1):
            grads[f"W{i}"], grads[f"b{i}"] = affine.dW, affine.db
        return loss, grads
        # --8<-- [end:LayerNet-loss_and_gradient]
        # --8<-- [end:LayerNet]


@checks(__init__=check_two_layer_net)
# --8<-- [start:TwoLayerNet]
class TwoLayerNet(LayerNet):
    """The book's two-layer network: Affine, ReLU (or sigmoid), Affine, softmax."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std: float = 0.01,
        *,
        activation: str = "relu",
        seed: int | np.random.Generator | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        rng = np.random.default_rng(seed)
        W1 = weight_init_std * rng.standard_normal((input_size, hidden_size))
        W2 = weight_init_std * rng.standard_normal((hidden_size, output_size))
        self.params = {
            "W1": W1.astype(dtype),
            "b1": np.zeros(hidden_size, dtype=dtype),
            "W2": W2.astype(dtype),
            "b2": np.zeros(output_size, dtype=dtype),
        }
        p = self.params  # the layers hold these very arrays
        self.affines = [
            Affine(p["W1"], p["b1"], input_grad=False),  # dx of pixels: unused
            Affine(p["W2"], p["b2"]),
        ]
        self.layers = {
            "Affine1": self.affines[0],
            "Activation1": Relu() if activation == "relu" else Sigmoid(),
            "Affine2": self.affines[1],
        }
        self.last_layer = SoftmaxWithLoss()
        # --8<-- [end:TwoLayerNet]


@checks(__init__=check_multi_layer_net)
# --8<-- [start:MultiLayerNet]
class MultiLayerNet(LayerNet):
    """A fully connected network with any number of hidden layers."""

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        weight_init_std: float | str = 0.01,
        *,
        activation: str = "relu",
        seed: int | np.random.Generator | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        sizes = [input_size, *hidden_size_list, output_size]
        Activation = Relu if activation == "relu" else Sigmoid
        rng = np.random.default_rng(seed)
        self.params, self.layers, self.affines = {}, {}, []
        for i in range(1, len(sizes)):
            fan_in, fan_out = sizes[i - 1], sizes[i]
            std = init_std(weight_init_std, fan_in, activation)
            W = (std * rng.standard_normal((fan_in, fan_out))).astype(dtype)
            b = np.zeros(fan_out, dtype=dtype)
            self.params[f"W{i}"], self.params[f"b{i}"] = W, b
            self.affines.append(Affine(W, b, input_grad=i > 1))
            self.layers[f"Affine{i}"] = self.affines[-1]
            if i < len(sizes) - 1:
                self.layers[f"Activation{i}"] = Activation()
        self.last_layer = SoftmaxWithLoss()
        # --8<-- [end:MultiLayerNet]

    @classmethod
    def from_params(
        cls, params: dict[str, np.ndarray], *, activation: str = "sigmoid"
    ) -> MultiLayerNet:
        """Build a network around existing parameters ``W1..Wn, b1..bn``.

        The default activation is sigmoid, as in the chapter 3 weights that
        ``load_weights`` returns.

        Examples
        --------
        >>> from dlfs.network import init_network
        >>> net = MultiLayerNet.from_params(init_network())
        >>> net.predict(np.array([[1.0, 0.5]])).shape
        (1, 2)
        """
        n = len(params) // 2
        if n == 0 or set(params) != {f"{p}{i}" for i in range(1, n + 1) for p in "Wb"}:
            raise ValueError(
                f"params must hold W1..Wn and b1..bn, got keys {sorted(params)}"
            )
        first = params["W1"]
        sizes = [first.shape[0]] + [params[f"W{i}"].shape[-1] for i in range(1, n + 1)]
        net = cls(
            sizes[0], sizes[1:-1], sizes[-1], activation=activation, dtype=first.dtype
        )
        for key, param in net.params.items():
            if params[key].shape != param.shape:
                raise ValueError(
                    f"params[{key!r}] has shape {params[key].shape}, "
                    f"expected {param.shape} for layer sizes {sizes}"
                )
            param[...] = params[key]
        return net
