"""``python -m book [--check] [--out DIR] [--make-logs [LOG ...]] [NAME ...]``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from book import LOG_DIR, OUTPUT_DIR, build, figures, logs
from dlfs._files import atomic_write
from dlfs.datasets import MnistChecksumError, MnistNotFoundError, mnist_available

EXIT_STALE, EXIT_USAGE, EXIT_NO_MNIST = 1, 2, 3

EPILOG = f"""\
exit status:
  0  every figure written, or with --check every figure up to date
  {EXIT_STALE}  --check found stale or missing figures
  {EXIT_USAGE}  a usage error (unknown figure or log, bad option)
  {EXIT_NO_MNIST}  MNIST is needed but missing or damaged (set DLFS_DATA)

--check never downloads and writes nothing outside a temporary folder.
"""


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m book",
        usage="%(prog)s [--check] [--out DIR] [--make-logs [LOG ...]] [NAME ...]",
        description="Draw the book's figures as deterministic SVG files.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("names", nargs="*", help="figures to draw (default: all)")
    parser.add_argument(
        "--out",
        type=Path,
        default=OUTPUT_DIR,
        help=f"output folder (default: {OUTPUT_DIR})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"write nothing; exit {EXIT_STALE} if a file differs from the code",
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
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"--out {args.out} is a file, not a folder")
    return args


@contextlib.contextmanager
def offline_and_read_only() -> Iterator[None]:
    """No downloads, and MNIST's .npz cache in a temporary folder."""
    from dlfs.datasets import _data_dir

    saved = {k: os.environ.get(k) for k in ("DLFS_OFFLINE", "DLFS_DATA", "DLFS_CACHE")}
    with tempfile.TemporaryDirectory(prefix="dlfs-check-") as cache:
        if mnist_available():  # perhaps in the user cache: read it from there
            os.environ["DLFS_DATA"] = str(_data_dir(None)[0])
        os.environ |= {"DLFS_OFFLINE": "1", "DLFS_CACHE": cache}
        try:
            yield
        finally:
            for key, value in saved.items():
                os.environ.pop(key, None)
                if value is not None:
                    os.environ[key] = value


def run(args: argparse.Namespace) -> int:
    if args.make_logs is not None:
        available = logs()
        for name in args.make_logs or sorted(available):
            path = LOG_DIR / f"{name}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(available[name]()) + "\n"
            atomic_write(path, lambda f, text=text: f.write(text.encode()))
            print(f"wrote {path}")
    drawn = build(args.names or None)
    stale = []
    for name, svg in drawn.items():
        path = args.out / f"{name}.svg"
        if args.check:
            if not path.is_file() or path.read_bytes() != svg:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda f, svg=svg: f.write(svg))
        print(f"wrote {path} ({len(svg)} bytes)")
    if stale:
        print("stale figures (run python -m book):", *stale, sep="\n  ")
        return EXIT_STALE
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    guard = offline_and_read_only() if args.check else contextlib.nullcontext()
    try:
        with guard:
            return run(args)
    except (MnistNotFoundError, MnistChecksumError) as error:
        first = str(error).splitlines()[0]
        print(f"python -m book: MNIST is needed: {first}", file=sys.stderr)
        print(
            "Set DLFS_DATA to a folder holding the four MNIST files.", file=sys.stderr
        )
        return EXIT_NO_MNIST


if __name__ == "__main__":
    sys.exit(main())
