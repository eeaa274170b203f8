"""dlfs: Deep Learning from Scratch, chapters 2-5, in NumPy.

The names a reader of the book expects are importable from the package:

>>> import dlfs
>>> dlfs.softmax([0.3, 2.9, 4.0])
array([0.01821127, 0.24519181, 0.73659691])

Each name is imported from its module when first used, so that ``import
dlfs.cli_kit`` (the command lines' kit) does not import NumPy.
"""

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

if sys.argv[:1] == ["-m"]:  # python -m dlfs...: the current folder is on the path
    from dlfs.cli_kit import refuse_hidden_numpy

    refuse_hidden_numpy()

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

# Where each name of __all__ lives: dlfs.<module>.
_MODULES = {
    "activations": "identity_function leaky_relu relu sigmoid softmax step_function",
    "datasets": "load_mnist",
    "gradient": "forward_diff gradient_descent numerical_diff numerical_gradient",
    "layers": "AddLayer Affine MulLayer Relu Sigmoid SoftmaxWithLoss",
    "losses": "cross_entropy_error sum_squared_error",
    "nets": "LayerNet MultiLayerNet TwoLayerNet",
    "network": "forward init_network predict",
    "numerical_net": "NumericalTwoLayerNet train_numerical",
    "optim": "SGD",
    "perceptron": "AND NAND OR XOR perceptron",
    "train": "TrainingLog train",
    "weights": "load_weights",
}
_HOME = {name: module for module, names in _MODULES.items() for name in names.split()}


def __getattr__(name: str) -> Any:
    """Import a public name (or one of the modules above) on first use."""
    if name in _HOME:
        value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
        globals()[name] = value  # later uses find it without this function
        return value
    if name in _MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, *_MODULES})


class _Package(types.ModuleType):
    """Keep ``dlfs.train`` and ``dlfs.perceptron`` the functions.

    Importing a submodule binds it on its package, so ``import dlfs.train``
    would bind the module over the function of the same name.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _HOME.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
