"""The command line of dlfs: ``python -m dlfs COMMAND`` (or the ``dlfs`` script).

It parses and reports. The network, training loop, weights' record and files
are the library's; the parser, option types, exit statuses and path checks
are :mod:`dlfs.cli_kit`'s; ``exercises`` is :mod:`dlfs.exercises.__main__`.
"""

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from dlfs import cli_kit as kit
from dlfs._files import sha256_of
from dlfs.datasets import IMAGE_SHAPE, NUM_CLASSES, load_mnist
from dlfs.exercises import __main__ as exercises
from dlfs.nets import MultiLayerNet
from dlfs.optim import SGD
from dlfs.train import TrainingLog, iters_per_epoch, train
from dlfs.weights import stage_weights, training_record

PROG = "python -m dlfs train"
# Beyond: memory errors, more samples than MNIST has, or runs that never end.
MAX_HIDDEN, MAX_BATCH, MAX_ITERS = 4096, 60000, 1_000_000
DESCRIPTION = "The commands of dlfs, Deep Learning from Scratch (chapters 2-5)."
NOTE = "python -m dlfs COMMAND --help describes a command."
TRAIN_DESCRIPTION = """\
Train a fully connected MNIST network with backpropagation and mini-batch SGD,
and save its weights (.npz) with a provenance record (.json). The defaults
re-create the shipped chapter 3 weights."""
TRAIN_EPILOG = kit.exit_epilog(
    {
        kit.EXIT_OK: "trained (and wrote --output and --log, if given)",
        kit.EXIT_FAILED: "training diverged: nothing was written",
        kit.EXIT_USAGE: "a bad option or path; nothing was loaded, trained or written",
        kit.EXIT_NO_DATA: "MNIST is missing or damaged: use --data-dir or DLFS_DATA",
        kit.EXIT_NOT_WRITTEN: "writing failed (a full disk, or another run created "
        "an output meanwhile): the message says which files changed, if any",
        kit.EXIT_INTERRUPTED: "interrupted (Ctrl-C): nothing was written",
    }
)


def _train_parser(commands: Any) -> argparse.ArgumentParser:
    """The ``train`` command and its options."""
    parser = commands.add_parser(
        "train",
        help="train an MNIST network and save its weights with their record",
        description=TRAIN_DESCRIPTION,
        epilog=TRAIN_EPILOG,
    )
    add, count = parser.add_argument, kit.whole_number(1)
    text, size = "hidden layer sizes", kit.whole_number(1, maximum=MAX_HIDDEN)
    add("--hidden", type=size, nargs="+", default=[50, 100], metavar="SIZE", help=text)
    text = "hidden activation"
    add("--activation", choices=["sigmoid", "relu"], default="sigmoid", help=text)
    text = "'auto', 'he', 'xavier' or a positive number"
    add("--weight-init", type=kit.positive_float_or_name, default="auto", help=text)
    add("--epochs", type=count, default=20, help="600 iterations each, at batch 100")
    iters = kit.whole_number(1, maximum=MAX_ITERS)
    add("--iters", type=iters, help="number of iterations; overrides --epochs")
    batch = kit.whole_number(1, maximum=MAX_BATCH)
    add("--batch-size", type=batch, default=100, help="samples per mini-batch")
    add("--lr", type=kit.positive_float, default=1.0, help="SGD learning rate")
    seed = kit.whole_number(0, "a seed is a whole number of at least 0")
    add("--seed", type=seed, default=0, help="0 or more")
    text = "number type of the weights and the arithmetic"
    add("--dtype", choices=["float32", "float64"], default="float32", help=text)
    text = "folder with the MNIST files (default: $DLFS_DATA or cache)"
    add("--data-dir", type=kit.folder, help=text)
    text = "write the weights to NAME.npz and their record to NAME.json"
    add("--output", type=kit.file_name, metavar="NAME.npz", help=text)
    text = "also write the full training log (JSON) here"
    add("--log", type=kit.file_name, help=text)
    text = "replace --output (and its .json) or --log if they exist"
    add("--force", action="store_true", help=text)
    add("--no-progress", action="store_true", help="no progress bar")
    return parser


def _check_outputs(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> dict[Path, str]:
    """Refuse outputs that would fail or destroy a file; return them, named."""
    targets: dict[Path, str] = {}  # path: which option's file it is
    if args.output:
        record = args.output.with_suffix(".json")
        if args.output.suffix != ".npz" and not args.output.is_dir():
            parser.error(
                f"--output {args.output} must end in .npz: the weights go there "
                f"and their record beside them as {record.name}"
            )
        targets |= {args.output: "--output", record: "--output's record"}
    real = {path.resolve(): what for path, what in targets.items()}  # links too
    if args.log and (also := real.get(args.log.resolve())):
        parser.error(f"--log {args.log} is also {also}: choose another name")
    if args.log:
        targets[args.log] = "--log"
    for path, what in targets.items():
        if problem := kit.unwritable(what, path):
            parser.error(problem)
        if path.exists() and not args.force:
            parser.error(
                f"{what} {path} exists: pass --force to replace it, "
                "or choose another name"
            )
    return targets


def train_command(
    parser: argparse.ArgumentParser, args: argparse.Namespace, command: str
) -> int:
    """``python -m dlfs train``: check, load MNIST, train, report, write."""
    targets = _check_outputs(parser, args)
    epochs = args.epochs * iters_per_epoch(MAX_BATCH, args.batch_size)  # MNIST's
    if not args.iters and epochs > MAX_ITERS:
        parser.error(f"--epochs {args.epochs} is {epochs} iterations, over {MAX_ITERS}")
    net_seed, batch_seed = np.random.SeedSequence(args.seed).generate_state(2)
    try:
        net = MultiLayerNet(
            math.prod(IMAGE_SHAPE),
            args.hidden,
            NUM_CLASSES,
            activation=args.activation,
            weight_init_std=args.weight_init,
            seed=int(net_seed),
            dtype=args.dtype,
        )
    except (ValueError, TypeError) as exc:
        parser.error(f"--weight-init: {exc}")
    # Everything is checked before MNIST is loaded or a minute is spent training.
    try:
        (x_train, t_train), (x_test, t_test) = load_mnist(data_dir=args.data_dir)
    except (OSError, ValueError) as exc:  # missing, unreadable or damaged files
        return kit.data_error(parser.prog, exc, args.data_dir)
    except KeyboardInterrupt:
        return kit.interrupted()
    iters = args.iters or args.epochs * iters_per_epoch(len(x_train), args.batch_size)
    try:
        data = (x_train, t_train, x_test, t_test)
        log, seconds = _fit(net, data, iters, args, batch_seed)
    except KeyboardInterrupt:
        return kit.interrupted()
    if (at := log.diverged_at(net.params)) is not None:  # nothing worth writing
        problem = f"training diverged at iteration {at} (NaN or inf loss or weights)"
        advice = f"nothing was written; try a smaller --lr than {args.lr:g}"
        return kit.failure(PROG, problem, advice)
    accuracy = f"{log.test_acc[-1]:.4f} after {iters} iterations in {seconds:.1f} s"
    print(f"final test accuracy {accuracy}")
    record = None
    if args.output:
        record = training_record(
            net,
            log,
            command=command,
            weight_init=args.weight_init,
            seed=args.seed,
            lr=args.lr,
            batch_size=args.batch_size,
            train_samples=len(x_train),
            test_samples=len(x_test),
            seconds=seconds,
            data_dir=args.data_dir,
        )
    return _write(args, targets, net.params, record, log)


def _fit(
    net: MultiLayerNet,
    data: tuple[np.ndarray, ...],
    iters: int,
    args: argparse.Namespace,
    seed: int,
) -> tuple[TrainingLog, float]:
    """Train with SGD, printing train's epoch lines and a progress bar.

    Returns the log and the seconds it took.
    """
    bar = kit.progress_bar(iters, enabled=not args.no_progress)
    optimizer = SGD(lr=args.lr)
    if bar is not None:  # one step of the bar per update
        update = optimizer.update
        optimizer.update = lambda params, grads: (update(params, grads), bar.update())
    start = time.perf_counter()

    def report(line: str) -> None:  # train's epoch line, and the time so far
        line = f"{line}  ({time.perf_counter() - start:.1f} s)"
        (bar.write if bar is not None else print)(line)

    log = train(
        net,
        *data,
        iters_num=iters,
        batch_size=args.batch_size,
        optimizer=optimizer,
        seed=int(seed),
        report=report,
    )
    if bar is not None:
        bar.close()
    return log, time.perf_counter() - start


def _write(
    args: argparse.Namespace,
    targets: dict[Path, str],
    params: dict[str, np.ndarray],
    record: dict[str, Any] | None,
    log: TrainingLog,
) -> int:
    """Write the weights, their record and the log as one unit: all, or none."""
    steps = []
    if record is not None:
        steps.append(lambda into: stage_weights(args.output, params, record, into))
    if args.log:
        text = (json.dumps(log.to_dict()) + "\n").encode()
        steps.append(kit.staged_bytes(args.log, text))
    status = kit.write_together(PROG, steps, targets, force=args.force)
    if status == kit.EXIT_OK and record is not None:
        sha = sha256_of(args.output)
        print(f"wrote {args.output} (sha256 {sha}) and its .json record")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m dlfs COMMAND [options]``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    parser = kit.Parser(prog="python -m dlfs", description=DESCRIPTION, epilog=NOTE)
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND"
    )
    train_parser = _train_parser(commands)
    exercises_parser = exercises.add_command(commands)
    args = parser.parse_args(argv)
    if args.command == "train":
        return train_command(train_parser, args, " ".join(["python -m dlfs", *argv]))
    if args.command == "exercises":
        return exercises.run_exercises(args, exercises_parser.prog)
    parser.error("name a command: train or exercises")
