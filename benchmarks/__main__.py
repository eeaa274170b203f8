"""``python -m benchmarks [--smoke] [--out FILE | --book] [--iters N] ...``.

Run it from the root of a clone (``benchmarks/`` is not installed), for
example ``python -m benchmarks --book``.  Exit status: 0 when every target is
met (a ``--smoke`` run checks none), 1 when one is missed, 2 for a bad option
or ``--out`` path, 3 when the MNIST files are missing or damaged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import NoReturn

from benchmarks import THREAD_VARIABLES

PROG = "python -m benchmarks"
EXIT_MISSED, EXIT_USAGE, EXIT_NO_DATA = 1, 2, 3
EXIT_STATUSES = f"""\
exit status:
  0  every target met (--smoke checks none: its sizes are too small)
  {EXIT_MISSED}  a target was missed (the tables say which)
  {EXIT_USAGE}  a bad option or --out path; nothing was measured
  {EXIT_NO_DATA}  the MNIST files are missing or damaged: use --data-dir or DLFS_DATA
"""


# The parser and its checks run before the BLAS thread count is set, so they
# cannot import dlfs (that imports NumPy); dlfs.cli has their twins.
class Parser(argparse.ArgumentParser):
    """Errors in two lines (the problem, then --help), not the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {message}\n(see {self.prog} --help)\n"
        )


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 1, got {text!r}"
        )
    return value


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(
        prog=PROG,
        description="Measure the book's speed lessons: batching and backpropagation.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        "--iters",
        type=positive_int,
        help="training iterations (default 10000, smoke 40)",
    )
    parser.add_argument(
        "--threads",
        type=positive_int,
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
    if args.book and args.smoke:
        parser.error("--book writes the book's results: run it without --smoke")
    if args.out is not None:
        problem = unwritable(args.out)
        if problem:
            parser.error(f"--out {args.out}: {problem}")
    if args.data_dir and Path(args.data_dir).is_file():
        parser.error(f"--data-dir {args.data_dir} is a file, not a folder")
    return args


def unwritable(path: Path) -> str | None:
    """Why ``path`` cannot be written (before minutes of measuring), or None."""
    if path.is_dir():
        return "is a folder: give a file name inside it"
    existing = next(p for p in (path.parent, *path.parent.parents) if p.exists())
    if not existing.is_dir():
        return f"{existing} is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"cannot create files in {existing}"
    return None


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

    try:
        results = suite.run(settings, progress=progress)
    except suite.MnistUnavailable as exc:
        from dlfs.cli import _data_error

        return _data_error(exc.args[0], args.data_dir, PROG)
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
    if args.smoke:
        print("smoke run: tiny sizes, so no target is measured or checked")
    missed = [name for name, t in results["targets"].items() if t["met"] is False]
    if missed:
        print(f"{PROG}: missed targets: {', '.join(missed)}", file=sys.stderr)
        return EXIT_MISSED
    return 0


if __name__ == "__main__":
    sys.exit(main())
