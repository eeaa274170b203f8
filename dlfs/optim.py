"""Chapter 5 (and 6): optimisers that update parameters from their gradients.

Examples
--------
>>> params = {"W": np.array([1.0, 2.0])}
>>> SGD(lr=0.1).update(params, {"W": np.array([10.0, -10.0])})
>>> params["W"]
array([0., 3.])
"""

from __future__ import annotations

import numpy as np

from dlfs._validate import check_sgd, checks


@checks(__init__=check_sgd)  # lr must be a positive number, or a clear error
# --8<-- [start:SGD]
class SGD:
    """Stochastic gradient descent: param -= lr * grad, in place."""

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]):
        for key in params:
            params[key] -= self.lr * grads[key]
        # --8<-- [end:SGD]
