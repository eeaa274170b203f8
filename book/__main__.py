"""``python -m book [--check] [--out DIR] [NAME ...]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from book import LOG_DIR, OUTPUT_DIR, build, logs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m book",
        description="Draw the book's figures as deterministic SVG files.",
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
        help="write nothing; exit 1 if a file differs from the code",
    )
    parser.add_argument(
        "--make-logs",
        nargs="*",
        metavar="LOG",
        default=None,
        help=f"first re-run the training logs (default: all) into {LOG_DIR}",
    )
    args = parser.parse_args(argv)
    if args.make_logs is not None:
        available = logs()
        for name in args.make_logs or sorted(available):
            path = LOG_DIR / f"{name}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(available[name]()) + "\n")
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
        tmp = path.with_suffix(".svg.tmp")
        tmp.write_bytes(svg)
        tmp.replace(path)
        print(f"wrote {path} ({len(svg)} bytes)")
    if stale:
        print("stale figures (run python -m book):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
