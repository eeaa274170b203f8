"""dlfs: Deep Learning from Scratch, chapters 2-5, in NumPy.

The names a reader of the book expects are importable from the package:

>>> import dlfs
>>> dlfs.softmax([0.3, 2.9, 4.0])
array([0.01821127, 0.24519181, 0.73659691])
"""

from dlfs.activations import (
    identity_function,
    leaky_relu,
    relu,
    sigmoid,
    softmax,
    step_function,
)
from dlfs.datasets import load_mnist
from dlfs.gradient import (
    forward_diff,
    gradient_descent,
    numerical_diff,
    numerical_gradient,
)
from dlfs.layers import AddLayer, Affine, MulLayer, Relu, Sigmoid, SoftmaxWithLoss
from dlfs.losses import cross_entropy_error, sum_squared_error
from dlfs.nets import LayerNet, MultiLayerNet, TwoLayerNet
from dlfs.network import forward, init_network, predict
from dlfs.numerical_net import NumericalTwoLayerNet, train_numerical
from dlfs.optim import SGD
from dlfs.perceptron import AND, NAND, OR, XOR, perceptron
from dlfs.train import TrainingLog, train
from dlfs.weights import load_weights

__version__ = "0.1.0"

__all__ = [
    "AND",
    "NAND",
    "OR",
    "SGD",
    "XOR",
    "AddLayer",
    "Affine",
    "LayerNet",
    "MulLayer",
    "MultiLayerNet",
    "NumericalTwoLayerNet",
    "Relu",
    "Sigmoid",
    "SoftmaxWithLoss",
    "TrainingLog",
    "TwoLayerNet",
    "cross_entropy_error",
    "forward",
    "forward_diff",
    "gradient_descent",
    "identity_function",
    "init_network",
    "leaky_relu",
    "load_mnist",
    "load_weights",
    "numerical_diff",
    "numerical_gradient",
    "perceptron",
    "predict",
    "relu",
    "sigmoid",
    "softmax",
    "step_function",
    "sum_squared_error",
    "train",
    "train_numerical",
]
