"""The same training in PyTorch: CPU, eager mode, float32, a fixed thread count.

Same architecture (Linear 784-50, ReLU, Linear 50-10), same initial weights,
same mini-batches, same learning rate, plain SGD.  PyTorch is an optional
extra (``pip install torch``); :func:`available` tells whether it is there.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def available() -> str | None:
    """PyTorch's version, or ``None`` when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    return str(torch.__version__)


class TorchTrainer:
    """One training iteration in PyTorch eager mode.

    Parameters
    ----------
    params : dict
        ``W1`` (784, 50), ``b1``, ``W2`` (50, 10), ``b2`` as NumPy arrays; copied
        as float32 into ``nn.Linear`` layers (which store ``W.T``).
    x_train, t_train : numpy.ndarray
        Training images (float32 rows) and integer labels.
    lr : float
        SGD learning rate.
    threads : int
        ``torch.set_num_threads``.
    """

    label = "PyTorch eager (float32)"
    dtype = "float32"

    def __init__(
        self,
        params: dict[str, np.ndarray],
        x_train: np.ndarray,
        t_train: np.ndarray,
        *,
        lr: float,
        threads: int,
    ) -> None:
        import torch
        from torch import nn
        from torch.nn import functional

        torch.set_num_threads(threads)
        self.torch, self.functional = torch, functional
        self.model = nn.Sequential(
            nn.Linear(*params["W1"].shape), nn.ReLU(), nn.Linear(*params["W2"].shape)
        )
        with torch.no_grad():
            for layer, i in ((self.model[0], 1), (self.model[2], 2)):
                layer.weight.copy_(
                    torch.from_numpy(params[f"W{i}"].T.astype(np.float32))
                )
                layer.bias.copy_(torch.from_numpy(params[f"b{i}"].astype(np.float32)))
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=lr)
        self.x_train = torch.from_numpy(np.ascontiguousarray(x_train, dtype=np.float32))
        self.t_train = torch.from_numpy(t_train.astype(np.int64))

    def batches(self, indices: np.ndarray) -> Any:
        """The pre-drawn mini-batch indices as a tensor (done before timing)."""
        return self.torch.from_numpy(indices)

    # --8<-- [start:step]
    def step(self, batch: Any) -> float:
        x_batch, t_batch = self.x_train[batch], self.t_train[batch]
        loss = self.functional.cross_entropy(self.model(x_batch), t_batch)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        return float(loss.item())

    # --8<-- [end:step]

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        with self.torch.no_grad():
            scores = self.model(self.torch.from_numpy(np.asarray(x, dtype=np.float32)))
        return float(np.mean(scores.argmax(dim=1).numpy() == np.asarray(t)))
