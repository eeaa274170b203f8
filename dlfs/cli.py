"""Command line of dlfs: ``python -m dlfs train ...`` (or the ``dlfs`` script).

``train`` re-creates the shipped weights; see ``python -m dlfs train --help``.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from dlfs import __version__
from dlfs.datasets import MNIST_FILES, load_mnist
from dlfs.nets import MultiLayerNet
from dlfs.optim import SGD
from dlfs.train import TrainingLog, train
from dlfs.weights import save_weights


def _parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "train",
        description=(
            "Train a fully connected MNIST network with backpropagation and "
            "mini-batch SGD, and save its weights (.npz) with a provenance "
            "record (.json). The defaults re-create the shipped chapter 3 weights."
        ),
    )
    parser.add_argument(
        "--hidden",
        type=int,
        nargs="+",
        default=[50, 100],
        metavar="SIZE",
        help="hidden layer sizes (default: 50 100)",
    )
    parser.add_argument(
        "--activation",
        choices=["sigmoid", "relu"],
        default="sigmoid",
        help="hidden activation (default: sigmoid)",
    )
    parser.add_argument(
        "--weight-init",
        default="auto",
        help="'auto', 'he', 'xavier' or a number (default: auto)",
    )
    parser.add_argument(
        "--epochs",
        type=int,
        default=20,
        help="epochs of 600 iterations at batch 100 (default: 20)",
    )
    parser.add_argument(
        "--iters",
        type=int,
        default=None,
        help="number of iterations; overrides --epochs",
    )
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument(
        "--lr", type=float, default=1.0, help="SGD learning rate (default: 1.0)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument(
        "--data-dir",
        default=None,
        help="folder with the MNIST files (default: $DLFS_DATA or cache)",
    )
    parser.add_argument(
        "--output",
        default=None,
        help="where to write the .npz (default: no weights written)",
    )
    parser.add_argument(
        "--log", default=None, help="also write the full training log (JSON) here"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


MNIST_PIXELS, MNIST_CLASSES = 784, 10


def _positive(parser: Any, **values: float) -> None:
    for name, value in values.items():
        if value is not None and not (math.isfinite(value) and value > 0):
            parser.error(
                f"--{name.replace('_', '-')} must be a positive finite number, "
                f"got {value}"
            )


def _weight_init(parser: Any, text: str) -> float | str:
    """A number, or the name of an initialisation (checked by the network)."""
    try:
        value = float(text)
    except ValueError:
        return text
    _positive(parser, weight_init=value)
    return value


def train_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``python -m dlfs train``: train, print per-epoch lines, save weights."""
    _positive(
        parser,
        epochs=args.epochs,
        iters=args.iters,
        batch_size=args.batch_size,
        lr=args.lr,
    )
    weight_init = _weight_init(parser, args.weight_init)
    if min(args.hidden) < 1:
        parser.error(f"--hidden sizes must be positive, got {args.hidden}")
    # Everything is checked before MNIST is loaded or a minute is spent training.
    net_seed, batch_seed = np.random.SeedSequence(args.seed).generate_state(2)
    sizes = [MNIST_PIXELS, *args.hidden, MNIST_CLASSES]
    try:
        net = MultiLayerNet(
            sizes[0],
            args.hidden,
            sizes[-1],
            activation=args.activation,
            weight_init_std=weight_init,
            seed=int(net_seed),
            dtype=args.dtype,
        )
    except ValueError as exc:
        parser.error(f"--weight-init: {exc}")
    for path in (args.output, args.log):
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    (x_train, t_train), (x_test, t_test) = load_mnist(data_dir=args.data_dir)
    iters_per_epoch = -(-len(x_train) // args.batch_size)
    iters = args.iters if args.iters is not None else args.epochs * iters_per_epoch

    bar = None
    if not args.no_progress:
        try:
            from tqdm import tqdm
        except ImportError:
            print("(install tqdm for a progress bar: pip install 'dlfs[data]')")
        else:
            bar = tqdm(total=iters, unit="it", leave=False)

    def on_iteration(i: int, loss: float) -> None:
        if bar is not None:
            bar.update(1)
            if i % 100 == 0:
                bar.set_postfix(loss=f"{loss:.4f}")

    start = time.perf_counter()
    epoch_loss: list[float] = []

    def on_epoch(epoch: int, log: TrainingLog) -> None:
        first = log.eval_iterations[-2] if len(log.eval_iterations) > 1 else 0
        epoch_loss.append(float(np.mean(log.loss[first:])))
        line = (
            f"epoch {epoch:3d}  iter {log.eval_iterations[-1]:6d}  "
            f"loss {epoch_loss[-1]:.4f}  train acc {log.train_acc[-1]:.4f}  "
            f"test acc {log.test_acc[-1]:.4f}  "
            f"({time.perf_counter() - start:.1f} s)"
        )
        (bar.write if bar is not None else print)(line)

    log = train(
        net,
        x_train,
        t_train,
        x_test,
        t_test,
        iters_num=iters,
        batch_size=args.batch_size,
        optimizer=SGD(lr=args.lr),
        seed=int(batch_seed),
        on_iteration=on_iteration,
        on_epoch=on_epoch,
    )
    seconds = time.perf_counter() - start
    if bar is not None:
        bar.close()
    print(
        f"final test accuracy {log.test_acc[-1]:.4f} after {iters} iterations "
        f"in {seconds:.1f} s"
    )

    if args.output:
        data_dir = args.data_dir or "$DLFS_DATA or the per-user cache"
        provenance = {
            "description": (
                f"MNIST classifier {'-'.join(map(str, sizes))}, {args.activation} "
                "hidden layers, softmax output, trained by dlfs (backprop, "
                "mini-batch SGD)"
            ),
            "command": "python -m dlfs " + " ".join(args.argv),
            "architecture": {
                "sizes": sizes,
                "hidden_activation": args.activation,
                "output": "softmax",
                "weight_init": args.weight_init,
            },
            "dataset": {
                "name": "MNIST",
                "train_samples": len(x_train),
                "test_samples": len(x_test),
                "normalize": True,
                "data_dir": str(data_dir),
                "files": {f.filename: f.sha256 for f in MNIST_FILES.values()},
            },
            "training": {
                "seed": args.seed,
                "optimizer": "SGD",
                "lr": args.lr,
                "batch_size": args.batch_size,
                "iterations": iters,
                "epochs": round(iters / iters_per_epoch, 4),
                "dtype": args.dtype,
                "seconds": round(seconds, 1),
            },
            "per_epoch": {
                "iterations": log.eval_iterations,
                "loss": epoch_loss,
                "train_acc": log.train_acc,
                "test_acc": log.test_acc,
            },
            "final_test_accuracy": log.test_acc[-1],
            "versions": {
                "dlfs": __version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
            },
        }
        record = save_weights(args.output, net.params, provenance)
        print(f"wrote {args.output} (sha256 {record['sha256']}) and its .json record")
    if args.log:
        Path(args.log).write_text(json.dumps(log.to_dict()) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m dlfs COMMAND [options]``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m dlfs", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train_parser = _parser(commands)
    args = parser.parse_args(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    return train_command(args, train_parser)
