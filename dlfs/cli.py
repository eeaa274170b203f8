"""Command line of dlfs: ``python -m dlfs train ...`` (or the ``dlfs`` script).

``train`` re-creates the shipped weights; see ``python -m dlfs train --help``.
Every mistake in the options or paths is found before MNIST is loaded or a
minute is spent training, and is reported in two lines (the problem, then
where to look) with exit status 2; missing or damaged MNIST files give exit
status 3.  A run that fails or is interrupted before its results are
written leaves every previous output as it was; the weights and their record
are replaced together or not at all.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from dlfs import __version__
from dlfs._files import atomic_write, ceil_div, make_folders, remove_folders
from dlfs.datasets import MNIST_FILES, _data_dir, load_mnist
from dlfs.nets import MultiLayerNet
from dlfs.optim import SGD
from dlfs.train import TrainingLog, train
from dlfs.weights import save_weights

#: Exit statuses of ``python -m dlfs train`` (listed by its ``--help``).
EXIT_WRITE_FAILED, EXIT_USAGE, EXIT_NO_DATA, EXIT_INTERRUPTED = 1, 2, 3, 130
EXIT_STATUSES = f"""\
exit status:
  0    trained (and wrote --output and --log, if given)
  {EXIT_WRITE_FAILED}    writing the results failed; previous files are as they were
  {EXIT_USAGE}    a bad option or path; nothing was loaded, trained or written
  {EXIT_NO_DATA}    the MNIST files are missing or damaged: use --data-dir or DLFS_DATA
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C): its message says what was saved
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are two lines: the problem, then --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"{self.prog}: error: {message}\n(see {self.prog} --help)\n",
        )


def _whole_number(minimum: int, what: str) -> Any:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(f"{what}, got {text!r}")
        return value

    return parse


_positive_int = _whole_number(1, "expected a whole number of at least 1")
_seed = _whole_number(0, "a seed is a whole number of at least 0")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(
            f"expected a positive finite number, got {text!r}"
        )
    return value


def _weight_init(text: str) -> str:
    """A positive number, or the name of an initialisation (checked by the network)."""
    try:
        float(text)
    except ValueError:
        return text
    _positive_float(text)
    return text


def _parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "train",
        description=(
            "Train a fully connected MNIST network with backpropagation and "
            "mini-batch SGD, and save its weights (.npz) with a provenance "
            "record (.json). The defaults re-create the shipped chapter 3 weights."
        ),
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--hidden",
        type=_positive_int,
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
        type=_weight_init,
        default="auto",
        help="'auto', 'he', 'xavier' or a positive number (default: auto)",
    )
    parser.add_argument(
        "--epochs",
        type=_positive_int,
        default=20,
        help="epochs of 600 iterations at batch 100 (default: 20)",
    )
    parser.add_argument(
        "--iters",
        type=_positive_int,
        default=None,
        help="number of iterations; overrides --epochs",
    )
    parser.add_argument("--batch-size", type=_positive_int, default=100)
    parser.add_argument(
        "--lr",
        type=_positive_float,
        default=1.0,
        help="SGD learning rate (default: 1.0)",
    )
    parser.add_argument("--seed", type=_seed, default=0, help="0 or more (default: 0)")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument(
        "--data-dir",
        default=None,
        help="folder with the MNIST files (default: $DLFS_DATA or cache)",
    )
    parser.add_argument(
        "--output",
        default=None,
        help="where to write the weights, NAME.npz; the record goes to NAME.json "
        "(default: no weights written)",
    )
    parser.add_argument(
        "--log", default=None, help="also write the full training log (JSON) here"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace --output (and its .json) or --log if they exist",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


MNIST_PIXELS, MNIST_CLASSES = 784, 10


def _writable_folder(option: str, path: Path) -> str | None:
    """Why ``path`` could not be created, or ``None``: its folder must be usable.

    Missing folders are fine (they are made when writing); the nearest
    existing one must be a folder we can create files in.
    """
    existing = next(p for p in (path.parent, *path.parent.parents) if p.exists())
    if not existing.is_dir():
        return f"{option} {path}: {existing} is a file, not a folder"
    try:
        fd, probe = tempfile.mkstemp(dir=existing, prefix=".dlfs-probe-")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return f"{option} {path}: cannot create files in {existing} ({reason})"
    os.close(fd)
    os.unlink(probe)
    return None


def _check_outputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse every output that would fail or destroy a file, before any work."""
    targets: dict[Path, tuple[str, str]] = {}  # path: (option, what it is)
    if args.output:
        output = Path(args.output)
        if output.is_dir():
            parser.error(f"--output {output} is a folder: give a file name inside it")
        if output.suffix != ".npz":
            parser.error(
                f"--output {output} must end in .npz: the weights go there and "
                f"their record beside them as {output.with_suffix('.json').name}"
            )
        targets[output] = ("--output", "--output")
        targets[output.with_suffix(".json")] = ("--output", "--output's record")
    if args.log:
        log = Path(args.log)
        if log in targets:
            parser.error(f"--log {log} is also {targets[log][1]}: choose another name")
        targets[log] = ("--log", "--log")
    for path, (option, what) in targets.items():
        if path.is_dir():
            parser.error(f"{what} {path} is a folder: give a file name inside it")
        if path.exists() and not args.force:
            parser.error(
                f"{what} {path} exists: pass --force to replace it, "
                "or choose another name"
            )
        problem = _writable_folder(option, path)
        if problem:
            parser.error(problem)


def _data_error(
    exc: Exception, data_dir: str | None, prog: str = "python -m dlfs train"
) -> int:
    """Report missing or damaged MNIST in CLI words; return its exit status."""
    folder, _ = _data_dir(data_dir)
    if isinstance(exc, FileNotFoundError):
        names = [f.filename for f in MNIST_FILES.values()]
        missing = ", ".join(n for n in names if not (folder / n).is_file())
        missing = missing or "the four .gz files"
        problem = f"MNIST not found in {folder} (missing: {missing})"
    elif isinstance(exc, OSError):
        problem = f"cannot read the MNIST files in {folder}: {exc}"
    else:
        problem = f"MNIST files in {folder} are damaged: {str(exc).splitlines()[0]}"
    print(
        f"{prog}: error: {problem}\n"
        "pass --data-dir FOLDER, or set DLFS_DATA, to a folder with the four "
        "canonical MNIST .gz files",
        file=sys.stderr,
    )
    return EXIT_NO_DATA


def train_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``python -m dlfs train``: train, print per-epoch lines, save weights."""
    args.written = []
    try:
        return _train(args, parser)
    except KeyboardInterrupt:
        done = "nothing was written"
        if args.written:
            done = f"only {', '.join(args.written)} was written"
        print(f"\ninterrupted: {done}; other files are as they were", file=sys.stderr)
        return EXIT_INTERRUPTED


def _train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        weight_init: float | str = float(args.weight_init)
    except ValueError:
        weight_init = args.weight_init
    if args.data_dir and Path(args.data_dir).exists():
        if not Path(args.data_dir).is_dir():
            parser.error(f"--data-dir {args.data_dir} is a file, not a folder")
    _check_outputs(parser, args)
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
    except (ValueError, TypeError) as exc:
        parser.error(f"--weight-init: {exc}")

    try:
        (x_train, t_train), (x_test, t_test) = load_mnist(data_dir=args.data_dir)
    except (OSError, ValueError) as exc:  # missing, unreadable or damaged files
        return _data_error(exc, args.data_dir)
    iters_per_epoch = ceil_div(len(x_train), args.batch_size)
    iters = args.iters if args.iters is not None else args.epochs * iters_per_epoch

    optimizer = SGD(lr=args.lr)
    bar = None
    if not args.no_progress:
        try:
            from tqdm import tqdm
        except ImportError:
            print("(install tqdm for a progress bar: pip install 'dlfs[data]')")
        else:
            bar = tqdm(total=iters, unit="it", leave=False)
            optimizer = _ProgressSGD(args.lr, bar)

    start = time.perf_counter()

    def report(line: str) -> None:  # train's epoch line, and the time so far
        line = f"{line}  ({time.perf_counter() - start:.1f} s)"
        (bar.write if bar is not None else print)(line)

    log = train(
        net,
        x_train,
        t_train,
        x_test,
        t_test,
        iters_num=iters,
        batch_size=args.batch_size,
        optimizer=optimizer,
        seed=int(batch_seed),
        report=report,
    )
    seconds = time.perf_counter() - start
    if bar is not None:
        bar.close()
    print(
        f"final test accuracy {log.test_acc[-1]:.4f} after {iters} iterations "
        f"in {seconds:.1f} s"
    )
    starts = [0, *log.eval_iterations[:-1]]
    epoch_loss = [
        float(np.mean(log.loss[first:last]))
        for first, last in zip(starts, log.eval_iterations, strict=True)
    ]

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
    else:
        provenance = None
    try:
        _write(args, net.params, provenance, log)
    except OSError as exc:
        print(
            f"python -m dlfs train: error: writing the results failed: {exc}\n"
            "previous files were left as they were; free space or choose "
            "another --output/--log",
            file=sys.stderr,
        )
        return EXIT_WRITE_FAILED
    return 0


class _ProgressSGD(SGD):
    """SGD that also moves the progress bar one step per update."""

    def __init__(self, lr: float, bar: Any) -> None:
        super().__init__(lr)
        self.bar = bar

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]):
        super().update(params, grads)
        self.bar.update(1)


def _write(
    args: argparse.Namespace,
    params: dict[str, np.ndarray],
    provenance: dict[str, Any] | None,
    log: TrainingLog,
) -> None:
    """Write the weights pair and the log (each file complete, or not at all)."""
    if provenance is not None:
        record = save_weights(args.output, params, provenance)
        args.written.append(f"{args.output} and its .json record")
        print(f"wrote {args.output} (sha256 {record['sha256']}) and its .json record")
    if args.log:
        text = json.dumps(log.to_dict()) + "\n"
        created = make_folders(Path(args.log).parent)
        try:
            atomic_write(args.log, lambda f: f.write(text.encode()))
        except BaseException:
            remove_folders(created)
            raise


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m dlfs COMMAND [options]``; returns the exit status."""
    parser = _Parser(
        prog="python -m dlfs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    train_parser = _parser(commands)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("name a command: train")
    args.argv = sys.argv[1:] if argv is None else argv
    return train_command(args, train_parser)
