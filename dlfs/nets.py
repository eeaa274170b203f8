"""Chapters 4 and 5: networks built from layers, with two ways to get gradients.

:class:`TwoLayerNet` is the book's network for MNIST (784-50-10);
:class:`MultiLayerNet` stacks any number of hidden layers, which chapter 3's
784-50-100-10 sigmoid network needs.  Both share :class:`LayerNet`:
``predict``, ``loss``, ``accuracy``, and gradients either by
``numerical_gradient`` (chapter 4, slow) or by backpropagation with
``gradient`` (chapter 5, fast).
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import DTypeLike

from dlfs.gradient import numerical_gradient
from dlfs.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss

HIDDEN_ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}


def _activation(name: str) -> type[Relu] | type[Sigmoid]:
    if name not in HIDDEN_ACTIVATIONS:
        raise ValueError(
            f"activation must be one of {sorted(HIDDEN_ACTIVATIONS)}, got {name!r}"
        )
    return HIDDEN_ACTIVATIONS[name]


# --8<-- [start:LayerNet]
class LayerNet:
    """A stack of layers ending in :class:`~dlfs.layers.SoftmaxWithLoss`.

    Subclasses fill ``params`` (``W1, b1, ...``), ``layers`` (in forward
    order) and ``affines`` (the :class:`~dlfs.layers.Affine` layer of each
    ``Wi, bi``).

    Examples
    --------
    >>> net = TwoLayerNet(input_size=3, hidden_size=4, output_size=2, seed=0)
    >>> x, t = np.array([[1.0, 0.0, -1.0]]), np.array([1])
    >>> backprop = net.gradient(x, t)
    >>> numerical = net.numerical_gradient(x, t)
    >>> max(float(np.abs(backprop[k] - numerical[k]).max()) for k in net.params) < 1e-9
    True
    """

    params: dict[str, np.ndarray]
    layers: dict[str, Any]
    affines: list[Affine]
    last_layer: SoftmaxWithLoss

    # --8<-- [start:LayerNet-predict]
    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores (before softmax) for a batch ``x``: each layer's forward in turn."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    # --8<-- [end:LayerNet-predict]

    # --8<-- [start:LayerNet-loss]
    def loss(self, x: np.ndarray, t: np.ndarray) -> float:
        """Mean cross-entropy loss on the batch ``x`` with targets ``t``."""
        return self.last_layer.forward(self.predict(x), t)

    # --8<-- [end:LayerNet-loss]

    # --8<-- [start:LayerNet-accuracy]
    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        """Fraction of samples whose highest score is the target class."""
        y = np.argmax(self.predict(x), axis=1)
        t = np.asarray(t)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))

    # --8<-- [end:LayerNet-accuracy]

    # --8<-- [start:LayerNet-numerical_gradient]
    def numerical_gradient(self, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
        """Gradient of the loss by central differences, one parameter at a time."""

        def loss_w(_: np.ndarray) -> float:
            return self.loss(x, t)

        return {
            key: numerical_gradient(loss_w, param) for key, param in self.params.items()
        }

    # --8<-- [end:LayerNet-numerical_gradient]

    # --8<-- [start:LayerNet-gradient]
    def gradient(self, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
        """Gradient of the loss by backpropagation."""
        return self.loss_and_gradient(x, t)[1]

    # --8<-- [end:LayerNet-gradient]

    # --8<-- [start:LayerNet-loss_and_gradient]
    def loss_and_gradient(
        self, x: np.ndarray, t: np.ndarray
    ) -> tuple[float, dict[str, np.ndarray]]:
        """The loss of the forward pass and the gradient from the backward pass.

        Training needs both; computing them together saves a second forward pass.
        """
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


def _rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    return np.random.default_rng(seed)


def _check_sizes(sizes: list[Any]) -> None:
    """Raise ``ValueError`` unless every layer size is a positive integer."""
    if not all(
        isinstance(s, numbers.Integral) and not isinstance(s, bool) and s >= 1
        for s in sizes
    ):
        raise ValueError(f"layer sizes must be positive integers, got {sizes}")


# --8<-- [start:TwoLayerNet]
class TwoLayerNet(LayerNet):
    """The book's two-layer network: Affine, ReLU (or sigmoid), Affine, softmax.

    Parameters
    ----------
    input_size, hidden_size, output_size : int
        Layer widths, for MNIST 784, 50 and 10.
    weight_init_std : float, default 0.01
        Weights start as this times a standard normal sample; biases at 0.
    activation : {"relu", "sigmoid"}, default "relu"
        Hidden activation: ReLU as in chapter 5, sigmoid as in chapter 4.
    seed : int or numpy.random.Generator, optional
        Makes the initial weights reproducible.
    dtype : dtype, default float64
        Parameter dtype; float32 trains about twice as fast.

    Examples
    --------
    >>> net = TwoLayerNet(input_size=4, hidden_size=5, output_size=3, seed=0)
    >>> {key: value.shape for key, value in net.params.items()}
    {'W1': (4, 5), 'b1': (5,), 'W2': (5, 3), 'b2': (3,)}
    >>> x, t = np.ones((2, 4)), np.array([0, 2])
    >>> round(net.loss(x, t), 4)  # about log(3) while the weights are tiny
    1.0986
    """

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
        _check_sizes([input_size, hidden_size, output_size])
        rng = _rng(seed)
        self.params = {
            "W1": weight_init_std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        self.params = {k: v.astype(dtype) for k, v in self.params.items()}
        p = self.params
        self.affines = [
            Affine(p["W1"], p["b1"], input_grad=False),
            Affine(p["W2"], p["b2"]),
        ]
        self.layers = {
            "Affine1": self.affines[0],
            "Activation1": _activation(activation)(),
            "Affine2": self.affines[1],
        }
        self.last_layer = SoftmaxWithLoss()
        # --8<-- [end:TwoLayerNet]


def _init_scale(weight_init_std: float | str, fan_in: int, activation: str) -> float:
    if isinstance(weight_init_std, str):
        kind = weight_init_std.lower()
        if kind == "auto":
            kind = "he" if activation == "relu" else "xavier"
        if kind in ("he", "relu"):
            return float(np.sqrt(2.0 / fan_in))
        if kind in ("xavier", "sigmoid"):
            return float(np.sqrt(1.0 / fan_in))
        raise ValueError(
            "weight_init_std must be a number or one of 'auto', 'he', 'xavier', "
            f"got {weight_init_std!r}"
        )
    return float(weight_init_std)


# --8<-- [start:MultiLayerNet]
class MultiLayerNet(LayerNet):
    """A fully connected network with any number of hidden layers.

    Parameters
    ----------
    input_size : int
        Width of the input, 784 for MNIST.
    hidden_size_list : sequence of int
        Widths of the hidden layers, for example ``[50, 100]``.
    output_size : int
        Number of classes.
    activation : {"relu", "sigmoid"}, default "relu"
        Hidden activation.
    weight_init_std : float or {"auto", "he", "xavier"}, default "auto"
        A fixed scale, or He (``sqrt(2 / fan_in)``, for ReLU) or Xavier
        (``sqrt(1 / fan_in)``, for sigmoid); "auto" picks by activation.
    seed : int or numpy.random.Generator, optional
        Makes the initial weights reproducible.
    dtype : dtype, default float64
        Parameter dtype.

    Raises
    ------
    ValueError
        On an unknown activation or initialisation, or a non-positive size.

    Examples
    --------
    >>> net = MultiLayerNet(784, [50, 100], 10, activation="sigmoid", seed=0)
    >>> list(net.layers)
    ['Affine1', 'Activation1', 'Affine2', 'Activation2', 'Affine3']
    >>> net.params["W2"].shape
    (50, 100)
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        *,
        activation: str = "relu",
        weight_init_std: float | str = "auto",
        seed: int | np.random.Generator | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        sizes = [input_size, *hidden_size_list, output_size]
        _check_sizes(sizes)
        layer_class = _activation(activation)
        self.activation = activation
        rng = _rng(seed)
        self.params, self.layers, self.affines = {}, {}, []
        for i, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes), start=1):
            scale = _init_scale(weight_init_std, fan_in, activation)
            W = (scale * rng.standard_normal((fan_in, fan_out))).astype(dtype)
            b = np.zeros(fan_out, dtype=dtype)
            self.params[f"W{i}"], self.params[f"b{i}"] = W, b
            affine = Affine(W, b, input_grad=i > 1)
            self.affines.append(affine)
            self.layers[f"Affine{i}"] = affine
            if i < len(sizes) - 1:
                self.layers[f"Activation{i}"] = layer_class()
        self.last_layer = SoftmaxWithLoss()
        # --8<-- [end:MultiLayerNet]

    @classmethod
    def from_params(
        cls, params: dict[str, np.ndarray], *, activation: str = "sigmoid"
    ) -> MultiLayerNet:
        """Build a network around existing parameters ``W1..Wn, b1..bn``.

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
