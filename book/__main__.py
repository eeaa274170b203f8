"""``python -m book [--check] [--out DIR] [--make-logs [LOG ...]] [NAME ...]``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from book import LOG_DIR, OUTPUT_DIR, build, figures, logs
from dlfs.cli_kit import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NO_DATA,
    EXIT_NOT_WRITTEN,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    data_error,
    exit_epilog,
    folder,
    run,
    staged_bytes,
    unwritable,
    write_together,
)
from dlfs.datasets import (
    MnistChecksumError,
    MnistNotFoundError,
    mnist_available,
    mnist_dir,
)

PROG = "python -m book"
EPILOG = exit_epilog(
    {
        EXIT_OK: "every figure written, or with --check every figure up to date",
        EXIT_FAILED: "--check found stale or missing figures",
        EXIT_USAGE: "a usage error (unknown figure or log, bad option, a folder "
        "that cannot be written into)",
        EXIT_NO_DATA: "MNIST is needed but missing or damaged (set DLFS_DATA)",
        EXIT_NOT_WRITTEN: "the figures or logs could not be written (a full or "
        "read-only disk): none of them was, the previous files are as they were",
        EXIT_INTERRUPTED: "interrupted (Ctrl-C); the figures are written all or none",
    },
    note="--check never downloads and writes nothing outside a temporary folder.",
)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(
        prog=PROG,
        usage="%(prog)s [--check] [--out DIR] [--make-logs [LOG ...]] [NAME ...]",
        description="Draw the book's figures as deterministic SVG files.",
        epilog=EPILOG,
    )
    parser.add_argument("names", nargs="*", help="figures to draw (default: all)")
    parser.add_argument(
        "--out",
        type=folder,
        default=OUTPUT_DIR,
        help=f"output folder (default: {OUTPUT_DIR})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"write nothing; exit {EXIT_FAILED} if a file differs from the code",
    )
    parser.add_argument(
        "--make-logs",
        nargs="*",
        metavar="LOG",
        default=None,
        help=f"first re-run the training logs (default: all) into {LOG_DIR}",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(figures()))
    if unknown:
        parser.error(f"unknown figures {unknown}; known: {sorted(figures())}")
    unknown = sorted(set(args.make_logs or []) - set(logs()))
    if unknown:
        parser.error(f"unknown logs {unknown}; known: {sorted(logs())}")
    if args.check and args.make_logs is not None:
        parser.error("--check writes nothing, so it cannot --make-logs")
    if not args.check and (problem := unwritable("--out", args.out, folder=True)):
        parser.error(problem)  # before a minute of drawing
    if args.make_logs is not None and (
        problem := unwritable("--make-logs", LOG_DIR, folder=True)
    ):
        parser.error(problem)
    return args


@contextlib.contextmanager
def offline_and_read_only() -> Iterator[None]:
    """No downloads, and MNIST's .npz cache in a temporary folder."""
    saved = {k: os.environ.get(k) for k in ("DLFS_OFFLINE", "DLFS_DATA", "DLFS_CACHE")}
    with tempfile.TemporaryDirectory(prefix="dlfs-check-") as cache:
        if mnist_available():  # perhaps in the user cache: read it from there
            os.environ["DLFS_DATA"] = str(mnist_dir())
        os.environ |= {"DLFS_OFFLINE": "1", "DLFS_CACHE": cache}
        try:
            yield
        finally:
            for key, value in saved.items():
                os.environ.pop(key, None)
                if value is not None:
                    os.environ[key] = value


def write_all(files: dict[Path, bytes], what: str) -> int:
    """Write ``files`` as one unit (all, or none); say so; return the status."""
    steps = [staged_bytes(path, data) for path, data in files.items()]
    status = write_together(PROG, steps, dict.fromkeys(files, what))
    if status == EXIT_OK:
        print(
            *(f"wrote {path} ({len(data)} bytes)" for path, data in files.items()),
            sep="\n",
        )
    return status


def draw(args: argparse.Namespace) -> int:
    """Re-run the logs if asked, then write (or with --check compare) the figures."""
    if args.make_logs is not None:
        available = logs()
        made = {
            LOG_DIR / f"{name}.json": (json.dumps(available[name]()) + "\n").encode()
            for name in args.make_logs or sorted(available)
        }
        if status := write_all(made, "log"):
            return status
    drawn = {
        args.out / f"{name}.svg": svg for name, svg in build(args.names or None).items()
    }
    if not args.check:
        return write_all(drawn, "figure")
    stale = [
        path
        for path, svg in drawn.items()
        if not path.is_file() or path.read_bytes() != svg
    ]
    if stale:
        print("stale figures (run python -m book):", *stale, sep="\n  ")
        return EXIT_FAILED
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    guard = offline_and_read_only() if args.check else contextlib.nullcontext()
    try:
        with guard:
            return draw(args)
    except (MnistNotFoundError, MnistChecksumError) as error:
        return data_error(PROG, error, option=False)


if __name__ == "__main__":
    run(main)
