"""``python -m benchmarks [--smoke] [--out FILE | --book] [--iters N] ...``.

Run it from the root of a clone (``benchmarks/`` is not installed), for
example ``python -m benchmarks --book``; ``--help`` lists the exit statuses.
Options are parsed with :mod:`dlfs.cli_kit`, which does not import NumPy, so
that the BLAS thread count is set before anything imports it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks import THREAD_VARIABLES
from dlfs.cli_kit import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NO_DATA,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    data_error,
    exit_epilog,
    folder,
    run,
    unwritable,
    whole_number,
    write_json,
)

PROG = "python -m benchmarks"
EPILOG = exit_epilog(
    {
        EXIT_OK: "every target met (--smoke checks none: its sizes are too small)",
        EXIT_FAILED: "a target was missed (the tables say which)",
        EXIT_USAGE: "a bad option or --out path; nothing was measured",
        EXIT_NO_DATA: "the MNIST files are missing or damaged: use --data-dir "
        "or DLFS_DATA",
        EXIT_INTERRUPTED: "interrupted (Ctrl-C); nothing was written",
    }
)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(
        prog=PROG,
        description="Measure the book's speed lessons: batching and backpropagation.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="tiny sizes (seconds, for tests); the numbers mean nothing",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, help="write the results as JSON here")
    where.add_argument(
        "--book",
        action="store_true",
        help="write the results the Performance page shows (docs/data/"
        "benchmarks.json); python -m book then redraws its figures",
    )
    parser.add_argument(
        "--iters",
        type=whole_number(1),
        help="training iterations (default 10000, smoke 40)",
    )
    parser.add_argument(
        "--threads",
        type=whole_number(1),
        default=2,
        help="BLAS and PyTorch threads (default 2)",
    )
    parser.add_argument(
        "--no-torch", action="store_true", help="leave PyTorch out even if installed"
    )
    parser.add_argument(
        "--data-dir",
        type=folder,
        help="folder with the MNIST files (default: DLFS_DATA or cache)",
    )
    parser.add_argument("--quiet", action="store_true", help="print only the tables")
    args = parser.parse_args(argv)
    if args.book and args.smoke:
        parser.error("--book writes the book's results: run it without --smoke")
    if args.out is not None and (problem := unwritable("--out", args.out)):
        parser.error(problem)
    return args


def set_threads(threads: int) -> bool:
    """Fix the BLAS thread count; only possible before NumPy is imported."""
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(threads)
    return "numpy" not in sys.modules


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not set_threads(args.threads):
        print(
            "warning: NumPy was imported first; BLAS threads not set", file=sys.stderr
        )

    # Only now, with the thread count set: modules that import NumPy.
    from dataclasses import replace

    from benchmarks import suite
    from book.performance import report

    settings = suite.SMOKE if args.smoke else suite.FULL
    block = settings.train_block
    iterations = args.iters or settings.train_iterations
    settings = replace(
        settings,
        threads=args.threads,
        train_iterations=iterations,
        train_block=min(block, iterations),
        use_torch=not args.no_torch,
        data_dir=args.data_dir,
    )
    started = time.perf_counter()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    try:
        results = suite.run(settings, progress=progress)
    except suite.MnistUnavailable as exc:
        return data_error(PROG, exc.args[0], args.data_dir)
    print(report(results))
    out = suite.default_output() if args.book else args.out
    if out is not None:
        write_json(out, results, indent=2)
        print(f"wrote {out}")
    if args.book:
        print("run python -m book to redraw the Performance page's figures")
    if args.smoke:
        print("smoke run: tiny sizes, so no target is measured or checked")
    missed = [name for name, t in results["targets"].items() if t["met"] is False]
    if missed:
        print(f"{PROG}: missed targets: {', '.join(missed)}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    run(main)
