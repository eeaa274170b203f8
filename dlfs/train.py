"""Chapter 5: mini-batch training, and the log of what it did.

:func:`train_neuralnet` is the book's training loop (``ch05/train_neuralnet.py``)
as one function: pick a random mini-batch, get the gradient by
backpropagation, update, and after every epoch measure and print the accuracy
on the training and test sets.  It records everything in a
:class:`TrainingLog`.  :func:`train` checks its arguments, then runs it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from dlfs._validate import check_train
from dlfs.nets import LayerNet, TwoLayerNet
from dlfs.optim import SGD


@dataclass
class TrainingLog:
    """What happened during training.

    Attributes
    ----------
    loss : list of float
        Mini-batch loss at every iteration (from the forward pass of that
        iteration, before its update).
    eval_iterations : list of int
        How many iterations had run at each evaluation (every epoch end, and
        once more at the end if training stopped mid-epoch).
    train_acc, test_acc : list of float
        Accuracy on the whole training and test sets at each evaluation.
    iters_per_epoch : int
        Iterations in one epoch, ``ceil(train_size / batch_size)``.

    Examples
    --------
    >>> log = TrainingLog(loss=[2.3, 1.9], eval_iterations=[2], train_acc=[0.5],
    ...                   test_acc=[0.25], iters_per_epoch=2)
    >>> log.to_dict()["test_acc"]
    [0.25]
    """

    loss: list[float] = field(default_factory=list)
    eval_iterations: list[int] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)
    iters_per_epoch: int = 0

    def diverged_at(self, params: dict[str, np.ndarray]) -> int | None:
        """The first iteration (from 1) whose loss was NaN or infinite; the
        last one if only the final ``params`` are; else None."""
        bad = np.flatnonzero(~np.isfinite(self.loss))
        if bad.size:
            return int(bad[0]) + 1
        finite = all(np.isfinite(p).all() for p in params.values())
        return None if finite else len(self.loss)

    def to_dict(self) -> dict[str, Any]:
        """The log as plain lists and numbers, ready for JSON."""
        return asdict(self)

    def epoch_losses(self) -> list[float]:
        """The mean mini-batch loss of each epoch, one per evaluation.

        An epoch ends at each entry of ``eval_iterations``; a partial last
        epoch (training stopped mid-epoch) is the mean of its own iterations.

        Examples
        --------
        >>> log = TrainingLog(loss=[4.0, 2.0, 3.0, 1.0, 6.0],
        ...                   eval_iterations=[2, 4, 5], iters_per_epoch=2)
        >>> log.epoch_losses()
        [3.0, 2.0, 6.0]
        """
        ends = [0, *self.eval_iterations]
        return [float(np.mean(self.loss[a:b])) for a, b in itertools.pairwise(ends)]


def iters_per_epoch(train_size: int, batch_size: int) -> int:
    """Iterations in one epoch: ``ceil(train_size / batch_size)``.

    :func:`train` counts epochs so and records this in the log's
    ``iters_per_epoch``; ask here before training, for example to turn a
    number of epochs into ``iters_num``.

    >>> iters_per_epoch(60_000, 100), iters_per_epoch(200, 30), iters_per_epoch(3, 50)
    (600, 7, 1)
    """
    return -(-train_size // batch_size)


# --8<-- [start:train_neuralnet]
def train_neuralnet(
    network: LayerNet,
    x_train: np.ndarray,
    t_train: np.ndarray,
    x_test: np.ndarray,
    t_test: np.ndarray,
    optimizer: SGD,
    iters_num: int = 10_000,
    batch_size: int = 100,
    seed: int | None = 0,
    report: Callable[[str], None] = print,
) -> TrainingLog:
    """The book's training loop; reports the accuracies after every epoch."""
    rng = np.random.default_rng(seed)
    iter_per_epoch = math.ceil(len(x_train) / batch_size)
    log = TrainingLog(iters_per_epoch=iter_per_epoch)
    for i in range(1, iters_num + 1):
        batch_mask = rng.integers(0, len(x_train), batch_size)
        loss, grad = network.loss_and_gradient(x_train[batch_mask], t_train[batch_mask])
        optimizer.update(network.params, grad)
        log.loss.append(loss)
        if i % iter_per_epoch == 0 or i == iters_num:  # each epoch, and the last
            log.eval_iterations.append(i)
            log.train_acc.append(network.accuracy(x_train, t_train))
            log.test_acc.append(network.accuracy(x_test, t_test))
            report(
                f"epoch {len(log.test_acc):3d}  iter {i:6d}  loss {loss:.4f}  "
                f"train acc {log.train_acc[-1]:.4f}  test acc {log.test_acc[-1]:.4f}"
            )
    return log
    # --8<-- [end:train_neuralnet]


def train(
    network: LayerNet,
    x_train: np.ndarray,
    t_train: np.ndarray,
    x_test: np.ndarray,
    t_test: np.ndarray,
    *,
    iters_num: int = 10_000,
    batch_size: int = 100,
    optimizer: SGD | None = None,
    seed: int | None = 0,
    report: Callable[[str], None] | None = None,
) -> TrainingLog:
    """Check the arguments, then train ``network`` with :func:`train_neuralnet`.

    Parameters
    ----------
    network : LayerNet
        A :class:`~dlfs.nets.TwoLayerNet` or :class:`~dlfs.nets.MultiLayerNet`;
        its parameters are updated in place.
    x_train, t_train : numpy.ndarray
        Training inputs (rows) and targets (labels or one-hot).
    x_test, t_test : numpy.ndarray
        Test inputs and targets, used only to measure accuracy.
    iters_num : int, default 10000
        Number of updates.
    batch_size : int, default 100
        Samples per mini-batch, drawn at random (with replacement, as in the book).
    optimizer : SGD, optional
        Defaults to ``SGD(lr=0.1)``.
    seed : int, optional
        Seed of the mini-batch sampler; same seed, network and data, same run.
    report : callable, optional
        Called with one line of text after each evaluation (epoch, iteration,
        the loss of that iteration's mini-batch, train and test accuracy),
        for example ``print``.  Default: a silent run.

    Returns
    -------
    TrainingLog

    Raises
    ------
    TypeError
        If ``network`` has no backpropagation (a ``NumericalTwoLayerNet``:
        use :func:`dlfs.numerical_net.train_numerical`), or ``iters_num``,
        ``batch_size`` or ``seed`` is not a whole number.
    ValueError
        If a count is out of range, the seed is negative, the inputs hold NaN
        or inf, or the inputs and targets do not fit the network or each other
        (rows as wide as its input, labels or one-hot rows as wide as its
        output, one target per row, at least one row).

    Examples
    --------
    >>> from dlfs.nets import TwoLayerNet
    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal((200, 2))
    >>> t = (x[:, 0] * x[:, 1] > 0).astype(int)  # the XOR pattern of signs
    >>> net = TwoLayerNet(2, 16, 2, weight_init_std=0.5, seed=0)
    >>> log = train(net, x, t, x, t, iters_num=2000, batch_size=20,
    ...             optimizer=SGD(lr=0.2))
    >>> log.iters_per_epoch, len(log.loss), log.eval_iterations[-1]
    (10, 2000, 2000)
    >>> round(log.loss[0], 3), round(log.loss[-1], 3)
    (0.687, 0.019)
    >>> log.test_acc[-1]
    0.995
    >>> log = train(TwoLayerNet(2, 16, 2, weight_init_std=0.5, seed=0), x, t, x, t,
    ...             iters_num=20, batch_size=40, optimizer=SGD(lr=0.5), report=print)
    epoch   1  iter      5  loss 0.6332  train acc 0.9000  test acc 0.9000
    epoch   2  iter     10  loss 0.4146  train acc 0.8950  test acc 0.8950
    epoch   3  iter     15  loss 0.3385  train acc 0.9200  test acc 0.9200
    epoch   4  iter     20  loss 0.3409  train acc 0.9300  test acc 0.9300
    """
    check_train(network, x_train, t_train, x_test, t_test, iters_num, batch_size, seed)
    x_train, t_train = np.asarray(x_train), np.asarray(t_train)
    optimizer = optimizer or SGD(lr=0.1)
    return train_neuralnet(
        network,
        x_train,
        t_train,
        x_test,
        t_test,
        optimizer,
        iters_num=iters_num,
        batch_size=batch_size,
        seed=seed,
        report=report or _silent,
    )


def _silent(line: str) -> None:
    """A ``report`` that reports nothing."""


def train_like_chapter5(
    mnist: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    *,
    iters_num: int = 10_000,
    seed: int = 0,
    report: Callable[[str], None] | None = None,
) -> tuple[TwoLayerNet, TrainingLog]:
    """The book's chapter 5 run (``ch05/train_neuralnet.py``), in float32.

    ``TwoLayerNet(784, 50, 10)`` trained by backpropagation on mini-batches of
    100 with ``SGD(lr=0.1)``.  The test suite, the committed training log of
    the chapter 5 page and the Performance page all use this one recipe.

    Parameters
    ----------
    mnist : tuple
        ``((x_train, t_train), (x_test, t_test))`` as :func:`dlfs.load_mnist`
        returns them (normalised, flattened, labels).
    iters_num : int, default 10000
        Number of updates.
    seed : int, default 0
        Seeds both the initial weights and the mini-batch sampler.
    report : callable, optional
        Gets the line :func:`train_neuralnet` writes after each epoch (see
        :func:`train`); default: a silent run.

    Returns
    -------
    net : TwoLayerNet
        The trained network.
    log : TrainingLog

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((300, 784), dtype=np.float32)
    >>> t = (x[:, :392].sum(axis=1) > x[:, 392:].sum(axis=1)).astype(np.uint8)
    >>> net, log = train_like_chapter5(((x, t), (x, t)), iters_num=30)
    >>> net.params["W1"].dtype, len(log.loss), log.iters_per_epoch
    (dtype('float32'), 30, 3)
    """
    (x_train, t_train), (x_test, t_test) = mnist
    net = TwoLayerNet(784, 50, 10, seed=seed, dtype=np.float32)
    log = train(
        net,
        x_train,
        t_train,
        x_test,
        t_test,
        iters_num=iters_num,
        batch_size=100,
        optimizer=SGD(lr=0.1),
        seed=seed,
        report=report,
    )
    return net, log
