"""What every dlfs command line is built from.

``python -m dlfs`` (``train``, ``exercises``), ``python -m dlfs.exercises``,
``python -m book`` and ``python -m benchmarks`` share one parser class, whose
usage errors are two lines (the problem, then where to look) with exit status
2; the option types; the one table of exit statuses, and the ``--help`` epilog
that lists them; the check that a file can be written, made before any work;
writing a result as JSON, whole or not at all; writing several results as
one unit (:func:`write_together`); the two-line report of missing
or damaged MNIST; a progress bar; :func:`run`, which turns a broken pipe
or Ctrl-C into an exit status instead of a traceback; and the refusal of a
``numpy.py`` that would hide NumPy from ``python -m dlfs``.

Importing it imports only the standard library and :mod:`dlfs._files`,
never NumPy: ``python -m benchmarks`` parses its options with this kit before
it sets the BLAS thread count, which must happen before NumPy is imported.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import signal
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from dlfs._files import (
    NotRestoredError,
    atomic_write,
    commit,
    discard,
    make_folders,
    missing_folders,
    remove_folders,
    stage,
)

#: Exit statuses, the same for every command: each ``--help`` says what they
#: mean for that command (see :func:`exit_epilog`).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_DATA = 0, 1, 2, 3
EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 4, 130
EXIT_STATUSES: Mapping[int, str] = MappingProxyType(
    {
        EXIT_OK: "done",
        EXIT_FAILED: "it ran, and the result is a failure (a failed check, a "
        "missed target, a stale figure, a diverged training run)",
        EXIT_USAGE: "a bad option or path: nothing was done",
        EXIT_NO_DATA: "the MNIST files are missing or damaged",
        EXIT_NOT_WRITTEN: "the results could not be written (a full or "
        "read-only disk, a file another run created meanwhile); the message "
        "says which files changed",
        EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    }
)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written; an option's default after its help.

    The default is added unless it is None or False, or the help already
    names it; a list default is shown as its items (``50 100``). Sub-commands
    are listed with their help beside them, however long their names.
    """

    def _get_help_string(self, action: argparse.Action) -> str:
        text, default = action.help or "", action.default
        if default is None or default is False or default == argparse.SUPPRESS:
            return text
        if not action.option_strings or "default" in text:
            return text
        if isinstance(default, list | tuple):
            default = " ".join(map(str, default))
        return f"{text} (default: {str(default).replace('%', '%%')})".lstrip()

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        for command in self._iter_indented_subactions(action):  # shown indented
            length = len(self._format_action_invocation(command)) + self._current_indent
            self._action_max_length = max(self._action_max_length, length)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two lines, with exit status 2.

    The first line is the problem, the second where to read more; argparse's
    own errors repeat the whole usage first. Help is formatted by
    :class:`HelpFormatter`. Sub-commands made with ``add_subparsers().add_parser``
    are parsers of this class too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {message}\n(see {self.prog} --help)\n"
        )


def exit_epilog(meanings: Mapping[int, str], note: str = "") -> str:
    """The ``--help`` epilog listing a command's exit statuses in its own words.

    Every status must be one of :data:`EXIT_STATUSES`, so that a number means
    the same for every command.

    >>> print(exit_epilog({EXIT_OK: "trained", EXIT_USAGE: "a bad option"}))
    exit status:
      0  trained
      2  a bad option
    <BLANKLINE>
    """
    unknown = sorted(set(meanings) - set(EXIT_STATUSES))
    if unknown:
        raise ValueError(f"exit statuses {unknown} are not in EXIT_STATUSES")
    width = max(len(str(status)) for status in meanings)
    lines = [
        textwrap.fill(
            text,
            79,
            initial_indent=f"  {status:<{width}}  ",
            subsequent_indent=" " * (width + 4),
        )
        for status, text in meanings.items()
    ]
    return "\n".join(["exit status:", *lines, ""]) + (f"\n{note}\n" if note else "")


def whole_number(
    minimum: int = 1, message: str = "", maximum: int | None = None
) -> Callable[[str], int]:
    """An option type: a whole number of at least ``minimum`` (and at most
    ``maximum``, if given).

    ``message`` replaces "expected a whole number of at least N" in the error.

    >>> whole_number(0)("3")
    3
    >>> whole_number(1)("2.5")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number of at least 1, got '2.5'
    """
    message = message or f"expected a whole number of at least {minimum}"
    if maximum is not None and not message.endswith(f"at most {maximum}"):
        message += f" and at most {maximum}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum and value > maximum):
            raise argparse.ArgumentTypeError(f"{message}, got {text!r}")
        return value

    return parse


def positive_float(text: str) -> float:
    """An option type: a finite number above 0.

    >>> positive_float("0.5")
    0.5
    >>> positive_float("inf")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a positive finite number, got 'inf'
    """
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(
            f"expected a positive finite number, got {text!r}"
        )
    return value


def positive_float_or_name(text: str) -> float | str:
    """An option type: a positive finite number, or a name (checked later).

    >>> positive_float_or_name("0.01"), positive_float_or_name("he")
    (0.01, 'he')
    """
    try:
        float(text)
    except ValueError:
        return text
    return positive_float(text)


def folder(text: str) -> Path:
    """An option type: a folder, or a path where none exists yet (not a file)."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a file, not a folder")
    return path


# What the temporary file written beside a result adds to its name (see
# dlfs._files.stage): ".NAME." before, eight random letters and ".tmp" after.
TEMPORARY_NAME_EXTRA = 14


def file_name(text: str) -> Path:
    """An option type: a path to a file, which an empty string is not; ``~``
    is the home folder, as for ``--data-dir``; no part of it may be longer
    than any file system allows (255 bytes).

    >>> file_name("out/w.npz")
    PosixPath('out/w.npz')
    """
    if not text:
        raise argparse.ArgumentTypeError("expected a file name, got ''")
    path = Path(text).expanduser()
    for part in path.parts:
        if len(os.fsencode(part)) > 255:
            raise argparse.ArgumentTypeError(
                f"{part[:16]}... is longer than 255 bytes, too long for a file name"
            )
    return path


def unwritable(option: str, path: Path, folder: bool = False) -> str | None:
    """Why ``option``'s file ``path`` (or with ``folder``, the folder ``path``,
    for files inside it) cannot be written, or ``None``.

    Asked before any work, so that minutes of training or measuring are not
    lost at the end. ``path`` must not be a folder, nor any other file that is
    not a regular one (a device such as /dev/null, a pipe), and its name must
    leave room for the temporary file's longer name. Missing folders above it
    are fine (they are made when writing), but the nearest existing one must
    be a folder in which a file can really be created: a probe file is
    created there and removed, which also catches read-only file systems and
    access rules that permission bits do not show.
    """
    if folder:
        existing = next(p for p in (path, *path.parents) if p.exists())
    elif path.is_dir():
        return f"{option} {path} is a folder: give a file name inside it"
    elif path.exists() and not path.is_file():  # even with --force
        return f"{option} {path} is not a regular file (a device, pipe or socket)"
    else:
        existing = next(p for p in (path.parent, *path.parent.parents) if p.exists())
    if not existing.is_dir():
        return f"{option} {path}: {existing} is a file, not a folder"
    longest = _longest_name(existing) - TEMPORARY_NAME_EXTRA
    if not folder and len(os.fsencode(path.name)) > longest:
        return (
            f"{option} {path}: the name is longer than {longest} bytes, too "
            "long for the temporary file written beside it first"
        )
    try:
        fd, probe = tempfile.mkstemp(dir=existing, prefix=".dlfs-probe-")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return f"{option} {path}: cannot create files in {existing} ({reason})"
    os.close(fd)
    os.unlink(probe)
    return None


def _longest_name(folder: Path) -> int:
    """The longest file name, in bytes, that ``folder``'s file system allows."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf: the usual limit
        return 255


def write_json(path: Path, data: Any, indent: int | None = None) -> None:
    """Write ``data`` as JSON to ``path``: the whole file, or nothing.

    Missing folders above it are made first, and removed again if writing
    fails or is interrupted; an existing file is replaced only when the new
    one is complete.
    """
    text = json.dumps(data, indent=indent) + "\n"
    created = make_folders(path.parent)
    try:
        atomic_write(path, lambda f: f.write(text.encode()))
    except BaseException:
        remove_folders(created)
        raise


def interrupted() -> int:
    """Say that Ctrl-C stopped a command before it wrote anything; its status."""
    print("\ninterrupted: nothing was written", file=sys.stderr)
    return EXIT_INTERRUPTED


def staged_bytes(path: Path, data: bytes) -> Callable[[dict[Path, Path]], object]:
    """A step of :func:`write_together` that writes ``data`` to ``path``."""
    return lambda into: stage(path, lambda f: f.write(data), into)


def write_together(
    prog: str,
    steps: list[Callable[[dict[Path, Path]], object]],
    names: Mapping[Path, str],
    *,
    force: bool = True,
) -> int:
    """Write several files as one unit, all of them or none; return the status.

    Each of ``steps`` writes files to temporary files beside their targets
    and adds them to the dict it is given, ``{target: temporary file}``
    (``into`` of :func:`dlfs._files.stage`);
    only when all are written are they moved into place together
    (:func:`dlfs._files.commit`). Without ``force``, a target that exists by
    then (another run created it meanwhile) is never replaced. Missing
    folders are made first, and removed again when nothing is written.

    ``names`` says what each target is (an option's name) for the messages.
    A failure is reported in two lines, saying truthfully which files
    changed (none, unless even putting them back failed), and gives
    :data:`EXIT_NOT_WRITTEN`; Ctrl-C gives :data:`EXIT_INTERRUPTED`, and
    SIGTERM exits with 143 as it would, but only after the same clean-up.
    """
    folders = list(dict.fromkeys(path.parent for path in names))
    created = [made for folder in folders for made in missing_folders(folder)]
    staged: dict[Path, Path] = {}
    try:
        with _terminate_as_exit():
            for folder in folders:
                folder.mkdir(parents=True, exist_ok=True)
            for step in steps:
                step(staged)
            commit(staged, exclusive=not force)
    except BaseException as error:
        for tmp in staged.values():
            discard(tmp)
        remove_folders(created)
        if isinstance(error, KeyboardInterrupt):
            return interrupted()
        if isinstance(error, SystemExit):  # SIGTERM: see _terminate_as_exit
            print("\nterminated: nothing was written", file=sys.stderr)
        if not isinstance(error, OSError):
            raise
        return _not_written(prog, error, names)
    return EXIT_OK


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While it lasts, SIGTERM (a stop button, a CI timeout) raises SystemExit
    with the status it would have given (143), so that the ``except`` and
    ``finally`` clauses run: no temporary file stays behind, no file is left
    half-replaced.  Only in the main thread, where Python handles signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def exit_(signum: int, frame: object) -> NoReturn:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, exit_)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _not_written(prog: str, error: OSError, names: Mapping[Path, str]) -> int:
    """The two-line report of :func:`write_together`'s failure."""
    path = Path(error.filename) if error.filename else None
    if path not in names:  # a folder made for them: name the first file in it
        path = next((file for file in names if path in file.parents), path)
    what = f"{names.get(path, '')} {path}".lstrip() if path else "the results"
    if isinstance(error, NotRestoredError):
        problem = f"writing the results failed: {error}"
        advice = "only the files named above changed; the others are as they were"
    elif isinstance(error, FileExistsError):
        problem = f"{what} was created by another run meanwhile"
        advice = (
            "nothing was written: pass --force to replace it, or choose another name"
        )
    else:
        problem = f"writing {what} failed: {error.strerror or error}"
        advice = "nothing was written; the previous files are as they were"
    print(f"{prog}: error: {problem}\n{advice}", file=sys.stderr)
    return EXIT_NOT_WRITTEN


def data_error(
    prog: str, error: Exception, data_dir: Any = None, *, option: bool = True
) -> int:
    """Report missing or damaged MNIST in two lines; return :data:`EXIT_NO_DATA`.

    The first line is the problem, from the loader's exception: the folder and
    the missing files of a ``MnistNotFoundError``, the damaged file of a
    ``MnistChecksumError``, or why the folder (``mnist_dir(data_dir)``) could
    not be read. The second says how to point the command at the files: with
    its ``--data-dir`` (if ``option``) or ``DLFS_DATA``.
    """
    from dlfs.datasets import mnist_dir  # NumPy is loaded by now: MNIST was

    folder = getattr(error, "folder", None) or mnist_dir(data_dir)
    if getattr(error, "missing", None) is not None:
        problem = f"MNIST not found in {folder} (missing: {', '.join(error.missing)})"
    elif getattr(error, "file", None) is not None:
        problem = f"MNIST files in {folder} are damaged: {error.file} is not canonical"
    else:
        reason = (str(error) or type(error).__name__).splitlines()[0]
        problem = f"cannot read the MNIST files in {folder}: {reason}"
    how = "pass --data-dir FOLDER, or set DLFS_DATA," if option else "set DLFS_DATA"
    hint = f"{how} to a folder with the four canonical MNIST .gz files"
    print(f"{prog}: error: {problem}\n{hint}", file=sys.stderr)
    return EXIT_NO_DATA


def progress_bar(total: int, enabled: bool = True) -> Any:
    """A progress bar of ``total`` steps, or None if not ``enabled``.

    Also None, after a hint how to install it, when tqdm is not installed.
    """
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        print("(install tqdm for a progress bar: pip install 'dlfs[data]')")
        return None
    return tqdm(total=total, unit="it", leave=False)


def refuse_hidden_numpy() -> None:
    """Exit with a two-line usage error when a file or folder ``numpy`` in the
    current folder would hide NumPy.

    ``python -m dlfs ...`` puts the current folder first on ``sys.path``,
    where a learner may well keep a ``numpy.py`` of their own; importing it
    instead of NumPy would fail somewhere deep inside dlfs, as a traceback.
    """
    here = Path.cwd().resolve()
    spec = importlib.util.find_spec("numpy")
    if spec is None:
        return
    places = [spec.origin] if spec.origin else []
    places += list(spec.submodule_search_locations or [])
    for place in map(Path, places):
        shadow = place if place.parent == here else place.parent
        if shadow.parent == here and shadow.name in ("numpy", "numpy.py"):
            sys.stderr.write(
                f"python -m dlfs: error: {shadow} hides NumPy: rename it, or run "
                "the command from another folder\n(the `dlfs` command does not "
                "look in the current folder)\n"
            )
            raise SystemExit(EXIT_USAGE)


def failure(prog: str, problem: str, advice: str) -> int:
    """Print a failed run's two-line error (the problem, then what to do);
    return :data:`EXIT_FAILED`."""
    print(f"{prog}: error: {problem}\n{advice}", file=sys.stderr)
    return EXIT_FAILED


def run(main: Callable[[], int]) -> NoReturn:
    """Exit with ``main()``'s status; Ctrl-C and a closed pipe are not tracebacks.

    Ctrl-C exits with :data:`EXIT_INTERRUPTED`. When the reader of the output
    has gone (``python -m dlfs exercises show ID | head``), the rest of the
    output is dropped and the status is :data:`EXIT_FAILED`.
    """
    try:
        status = main()
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_FAILED
    raise SystemExit(status)
