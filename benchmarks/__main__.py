"""``python -m benchmarks [--smoke] [--out FILE | --book] [--iters N] ...``.

Run it from the root of a clone, for example ``python -m benchmarks --book``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from benchmarks import THREAD_VARIABLES


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure the book's speed lessons: batching and backpropagation.",
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
        help="write docs/data/benchmarks.json, redraw the Performance page's "
        "figures and refresh the outputs of its examples",
    )
    parser.add_argument(
        "--iters", type=int, help="training iterations (default 10000, smoke 40)"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=2,
        help="BLAS and PyTorch threads (default 2)",
    )
    parser.add_argument(
        "--no-torch", action="store_true", help="leave PyTorch out even if installed"
    )
    parser.add_argument(
        "--data-dir", help="folder with the MNIST files (default: DLFS_DATA or cache)"
    )
    parser.add_argument("--quiet", action="store_true", help="print only the tables")
    args = parser.parse_args(argv)
    if args.threads < 1 or (args.iters is not None and args.iters < 1):
        parser.error("--threads and --iters must be positive")
    if args.book and args.smoke:
        parser.error("--book writes the book's results: run it without --smoke")
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

    from dataclasses import replace

    from benchmarks import suite
    from book.performance import report
    from dlfs._files import atomic_write

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

    results = suite.run(settings, progress=progress)
    print(report(results))
    out = suite.default_output() if args.book else args.out
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(results, indent=2) + "\n"
        atomic_write(out, lambda f: f.write(text.encode()))
        print(f"wrote {out}")
    if args.book:
        from benchmarks.book import refresh_book

        for path in refresh_book():
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
