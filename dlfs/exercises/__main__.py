"""The exercises command: ``python -m dlfs exercises list | show ID | check ID FILE``.

``python -m dlfs.exercises ...`` is the same command under its older name.
"""

from __future__ import annotations

import argparse
import secrets
import sys
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
from dlfs.exercises import EXERCISES, OLD_IDS, Exercise, check
from dlfs.exercises.messages import LANGUAGES, Message, language, say
from dlfs.exercises.reporting import (
    FAILED,
    HINT_TIERS,
    MAX_TIMEOUT,
    NOT_RUN,
    TIMEOUT,
    wrap,
)

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
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of titles, tasks and hints (default: the locale's, "
        "when it is Korean, else English)",
    )
    commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    commands.add_parser(
        "list", help="every exercise id with its title", parents=[common]
    )
    show = commands.add_parser(
        "show", help="the task and a starter stub", parents=[common]
    )
    show.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    show.add_argument(
        "--solution", action="store_true", help="a worked solution instead of the stub"
    )
    check_ = commands.add_parser(
        "check", help="run an exercise's checks on your file", parents=[common]
    )
    check_.add_argument("id", help="an exercise id, e.g. ch3.softmax")
    check_.add_argument("file", help="your Python file")
    check_.add_argument(
        "--hint",
        type=int,
        choices=HINT_TIERS,
        default=1,
        help="1: each hint says what is wrong (default); 2: also how to fix it",
    )
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
    lang = language(args.lang)
    if args.action == "list":
        width = max(map(len, EXERCISES))
        for exercise in EXERCISES.values():
            print(f"{exercise.id:<{width}}  {exercise.text('title', lang)}")
        return EXIT_OK
    exercise_id = OLD_IDS.get(args.id, args.id)
    if exercise_id not in EXERCISES:
        unknown = Message(
            "common.command.unknown_id", {"id": repr(exercise_id), "prog": prog}
        )
        print(say(unknown, lang), file=sys.stderr)
        return NOT_RUN
    exercise = EXERCISES[exercise_id]
    if args.action == "show":
        show(exercise, prog, lang, args.solution)
        return EXIT_OK
    seed = secrets.randbelow(2**32) if args.seed is None else args.seed
    report = check(
        exercise_id, args.file, args.timeout, seed, lang=lang, hint=args.hint
    )
    print(report.text, file=sys.stdout if report.status != NOT_RUN else sys.stderr)
    values = {"prog": prog, "id": exercise.id, "seed": seed}
    if report.status == FAILED and args.hint == 1:
        print(wrap(say(Message("common.command.more_help", values), lang), width=79))
    if args.seed is None and report.status != NOT_RUN:
        print(say(Message("common.command.seed", values), lang))
    return report.status


def show(exercise: Exercise, prog: str, lang: str, solution: bool) -> None:
    """Print the exercise's task, and its starter file or a worked solution."""
    task = wrap(exercise.text("task", lang), width=79)
    print(f"{exercise.id}: {exercise.text('title', lang)}\n\n{task}\n")
    path = exercise.solution_path if solution else exercise.stub_path
    key = "solution" if solution else "starter"
    print(say(Message(f"common.command.{key}", {"name": path.name}), lang) + "\n")
    print(exercise.solution(lang) if solution else exercise.stub(lang), end="")
    check_it = Message("common.command.check_it", {"prog": prog, "id": exercise.id})
    print("\n" + say(check_it, lang))


def main(argv: list[str] | None = None) -> int:
    """``python -m dlfs.exercises ...``; returns the exit status."""
    parser = Parser(
        prog="python -m dlfs.exercises", description=DESCRIPTION, epilog=EPILOG
    )
    add_arguments(parser)
    return run_exercises(parser.parse_args(argv), parser.prog)


if __name__ == "__main__":
    run(main)
