"""Chapter 5 (and 6): optimisers that update parameters from their gradients."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np


# --8<-- [start:SGD]
class SGD:
    """Stochastic gradient descent: ``param -= lr * grad`` for every parameter.

    The update is in place, so layers that hold the parameter arrays see it.

    Parameters
    ----------
    lr : float, default 0.01
        The learning rate.

    Raises
    ------
    ValueError
        If ``lr`` is not positive.

    Examples
    --------
    >>> params = {"W": np.array([1.0, 2.0])}
    >>> SGD(lr=0.1).update(params, {"W": np.array([10.0, -10.0])})
    >>> params["W"]
    array([0., 3.])
    """

    def __init__(self, lr: float = 0.01) -> None:
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr}")
        self.lr = lr

    def update(
        self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]
    ) -> None:
        """Move each ``params[key]`` against ``grads[key]``, in place."""
        if set(params) != set(grads):
            raise ValueError(
                f"params and grads must have the same keys, got {sorted(params)} "
                f"and {sorted(grads)}"
            )
        for key, param in params.items():  # check all first: no half-done update
            if grads[key].shape != param.shape:
                raise ValueError(
                    f"grads[{key!r}] has shape {grads[key].shape} but "
                    f"params[{key!r}] has shape {param.shape}"
                )
        for key, param in params.items():
            param -= self.lr * grads[key]
        # --8<-- [end:SGD]
