"""The exercises command: ``python -m dlfs exercises list | show ID | check ID FILE``.

``python -m dlfs.exercises ...`` is the same command under its older name.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import textwrap
from typing import Any

from dlfs._validate import check_timeout
from dlfs.cli_kit import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    exit_epilog,
    run,
    whole_number,
)
from dlfs.exercises import EXERCISES, OLD_IDS, check
from dlfs.exercises.reporting import MAX_TIMEOUT, NOT_RUN, TIMEOUT

SUMMARY = "list, show and check the exercises of chapters 2-5"
DESCRIPTION = "The exercises of chapters 2-5 and a checker for your answers."
EPILOG = exit_epilog(
    {
        EXIT_OK: "listed, shown, or every check passed",
        EXIT_FAILED: "a check failed or took too long (the report says which)",
        EXIT_USAGE: "nothing was checked: a bad option, an unknown id, no such "
        "file, or your file cannot be imported",
        EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    }
)


def add_command(commands: Any) -> argparse.ArgumentParser:
    """Mount the command as ``exercises`` on ``python -m dlfs``'s sub-commands."""
    parser = commands.add_parser(
        "exercises", help=SUMMARY, description=DESCRIPTION, epilog=EPILOG
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` (the exercises command) its sub-commands and options."""
    commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    commands.add_parser("list", help="every exercise id with its title")
    show = commands.add_parser("show", help="the task and a starter stub")
    show.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    check_ = commands.add_parser("check", help="run an exercise's checks on your file")
    check_.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    check_.add_argument("file", help="your Python file")
    check_.add_argument(
        "--timeout",
        type=timeout_seconds,
        default=TIMEOUT,
        help=f"seconds before the checks are stopped (default: {TIMEOUT:g}, "
        f"at most {MAX_TIMEOUT:g})",
    )
    check_.add_argument(
        "--seed",
        type=whole_number(minimum=0),
        help="the seed of the random inputs, to repeat a run (default: a new one, "
        "printed)",
    )


def timeout_seconds(text: str) -> float:
    """The ``--timeout`` option: what :func:`check` takes as its time limit."""
    try:
        value = float(text)
        check_timeout("--timeout", value, MAX_TIMEOUT)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(
            f"expected a positive number of seconds, at most {MAX_TIMEOUT:g}, "
            f"got {text!r}"
        ) from None
    return value


def run_exercises(args: argparse.Namespace, prog: str) -> int:
    """Do what ``args`` ask; ``prog`` is the command as typed, for the hints."""
    if args.action == "list":
        width = max(map(len, EXERCISES))
        for exercise in EXERCISES.values():
            print(f"{exercise.id:<{width}}  {exercise.title}")
        return EXIT_OK
    exercise_id = OLD_IDS.get(args.id, args.id)
    if exercise_id not in EXERCISES:
        known = f"`{prog} list` prints the known ones"
        print(f"Unknown exercise id {exercise_id!r}; {known}.", file=sys.stderr)
        return NOT_RUN
    if args.action == "show":
        exercise = EXERCISES[exercise_id]
        task = textwrap.fill(exercise.task, 79)
        print(f"{exercise.id}: {exercise.title}\n\n{task}\n")
        print(f"Starter file ({exercise.stub_path.name}):\n")
        print(exercise.stub(), end="")
        print(f"\nCheck it with: {prog} check {exercise.id} FILE.py")
        return EXIT_OK
    seed = secrets.randbelow(2**32) if args.seed is None else args.seed
    report = check(exercise_id, args.file, args.timeout, seed)
    print(report.text, file=sys.stdout if report.status != NOT_RUN else sys.stderr)
    if args.seed is None and report.status != NOT_RUN:
        print(f"(Random inputs from seed {seed}: --seed {seed} repeats this run.)")
    return report.status


def main(argv: list[str] | None = None) -> int:
    """``python -m dlfs.exercises ...``; returns the exit status."""
    parser = Parser(
        prog="python -m dlfs.exercises", description=DESCRIPTION, epilog=EPILOG
    )
    add_arguments(parser)
    return run_exercises(parser.parse_args(argv), parser.prog)


if __name__ == "__main__":
    run(main)
