"""``python -m dlfs.exercises list | show ID | check ID FILE.py``."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

from dlfs.exercises import EXERCISES, check
from dlfs.exercises._core import OLD_IDS
from dlfs.exercises.checker import NOT_RUN, TIMEOUT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dlfs.exercises",
        description="The exercises of chapters 2-5 and a checker for your answers.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="every exercise id with its title")
    show = commands.add_parser("show", help="the task and a starter stub")
    show.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    run = commands.add_parser("check", help="run an exercise's checks on your file")
    run.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    run.add_argument("file", help="your Python file")
    run.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        help=f"seconds before the checks are stopped (default: {TIMEOUT:g})",
    )
    args = parser.parse_args(argv)

    if args.command == "list":
        width = max(map(len, EXERCISES))
        for exercise in EXERCISES.values():
            print(f"{exercise.id:<{width}}  {exercise.title}")
        return 0
    args.id = OLD_IDS.get(args.id, args.id)
    if args.id not in EXERCISES:
        print(
            f"Unknown exercise id {args.id!r}; `python -m dlfs.exercises list` "
            "prints the known ones.",
            file=sys.stderr,
        )
        return NOT_RUN
    if args.command == "show":
        exercise = EXERCISES[args.id]
        task = textwrap.fill(exercise.task, 79)
        print(f"{exercise.id}: {exercise.title}\n\n{task}\n")
        print(f"Starter file ({exercise.stub_path.name}):\n")
        print(exercise.stub(), end="")
        print(f"\nCheck it with: python -m dlfs.exercises check {exercise.id} FILE.py")
        return 0
    if not 0 < args.timeout < float("inf"):
        print("--timeout must be a positive number of seconds.", file=sys.stderr)
        return NOT_RUN
    try:
        report = check(args.id, args.file, args.timeout)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    print(report.text, file=sys.stdout if report.status != NOT_RUN else sys.stderr)
    return report.status


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # e.g. `show ... | head`: the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
