"""What an exercise is, and the small helpers its checks are written with.

A check is a function of the learner's module that returns quietly when the
learner's code does the right thing and raises :class:`Fail` with a hint
otherwise.  The checks compare with reference maths written out here, in a
line or two of NumPy each, so a verdict never depends on the rest of ``dlfs``
(the book's data, such as its example network, comes from there).
The exercises register nowhere: ``dlfs.exercises.catalog`` lists them.
"""

from __future__ import annotations

import inspect
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

STUBS = Path(__file__).resolve().parent / "stubs"
Check = Callable[[ModuleType], None]
_SEED = [0]  # the run's seed: set_seed() sets it before the checks run


def set_seed(seed: int) -> None:
    """The seed of the random inputs of the checks that run next."""
    _SEED[0] = seed


def rng(salt: int = 0) -> np.random.Generator:
    """A generator of random inputs from the run's seed (and ``salt``, so that
    two checks do not draw the same numbers): the same every time it is asked."""
    return np.random.default_rng([_SEED[0], salt])


class Fail(Exception):
    """A check failed: ``hint`` names the mistake, ``cause`` is the learner's error."""

    def __init__(self, hint: str, cause: BaseException | None = None) -> None:
        super().__init__(hint)
        self.hint = hint
        self.cause = cause


@dataclass
class Exercise:
    """One programming exercise: what to write, and the checks it must pass."""

    id: str
    title: str
    task: str
    expects: tuple[str, ...]
    checks: list[tuple[str, Check]] = field(default_factory=list)
    # Other names the learner's file may use: expected name -> accepted name.
    aliases: dict[str, str] = field(default_factory=dict)
    # Ids this exercise had before, which still work.
    old_ids: tuple[str, ...] = ()
    # What the file may import from dlfs: the blocks of earlier exercises
    # that the starter file imports.
    allowed: tuple[str, ...] = ()

    def use_aliases(self, module: ModuleType) -> None:
        """Give ``module`` each expected name that it defines only under an alias."""
        for name, alias in self.aliases.items():
            if not hasattr(module, name) and hasattr(module, alias):
                setattr(module, name, getattr(module, alias))

    @property
    def stub_path(self) -> Path:
        """The starter file, which the book's page includes too."""
        return STUBS / (self.id.replace(".", "_") + ".py")

    def stub(self) -> str:
        return self.stub_path.read_text(encoding="utf-8")

    def check(self, what: str) -> Callable[[Check], Check]:
        """Register a check; ``what`` says in a few words what it tries."""

        def register(function: Check) -> Check:
            self.checks.append((what, function))
            return function

        return register


# -- the learner's names and signatures ---------------------------------------

EXPECT = re.compile(r"^(\w+)(?:\.(\w+))?\((.*)\)$")


def _accepts(function: Any, params: str, self_too: bool) -> bool:
    """Whether ``function`` can be called as ``params`` (e.g. "f, x, lr=0.01") says."""
    names = [p.strip() for p in params.split(",") if p.strip()]
    required = ["self"] * self_too + [p for p in names if "=" not in p]
    optional = {p.split("=")[0].strip(): None for p in names if "=" in p}
    try:
        signature = inspect.signature(function)
        signature.bind(*required)
        signature.bind(*required, **optional)
    except (TypeError, ValueError):
        return False
    return True


def _yours(function: Any) -> str:
    try:
        return f" (yours is `{function.__name__}{inspect.signature(function)}`)"
    except (TypeError, ValueError, AttributeError):
        return ""


def _def(name: str, params: str, method: bool) -> str:
    """The ``def`` line the learner should write."""
    return f"def {name}({', '.join(['self'] * method + ([params] if params else []))})"


def _problem(module: ModuleType, spec: str, classes: set[str]) -> str | None:
    """What is wrong with the learner's ``spec``, e.g. "Affine.forward(x)"."""
    owner, method, params = EXPECT.match(spec).groups()  # type: ignore[union-attr]
    found = getattr(module, owner, None)
    if found is None:
        kind = "class" if owner in classes else "function"
        mine = {n for n, v in vars(module).items() if inspect.getmodule(v) is module}
        defined = f" Your file defines: {', '.join(sorted(mine))}." if mine else ""
        return f"Expected a {kind} `{owner}` in your file.{defined}"
    if method is None and isinstance(found, type):
        if not _accepts(found.__init__, params, self_too=True):
            return f"`{spec}` must work: write `{_def('__init__', params, True)}`."
    elif method is None:
        if not callable(found) or not _accepts(found, params, self_too=False):
            wanted = _def(owner, params, False)
            yours = _yours(found)
            return f"`{owner}` must be callable as `{spec}`{yours}: write `{wanted}:`."
    else:
        function = getattr(found, method, None)
        wanted = _def(method, params, True)
        if function is None:
            return f"`{owner}` has no method `{method}`: write `{wanted}`."
        if not _accepts(function, params, self_too=True):
            return (
                f"`{owner}.{method}` must be callable as `{method}({params})`"
                f"{_yours(function)}: write `{wanted}`."
            )
    return None


def borrowed_names(module: ModuleType, allowed: tuple[str, ...]) -> list[str]:
    """A message for every name the learner's file takes from dlfs but may not:
    the exercise is to write it."""
    problems = []
    for name, value in vars(module).items():
        home = value.__name__ if isinstance(value, ModuleType) else None
        home = home or getattr(value, "__module__", None)
        if not isinstance(home, str) or home.split(".")[0] != "dlfs":
            continue
        if name in allowed and not isinstance(value, ModuleType):
            continue
        may = f" (it may import {', '.join(allowed)})" if allowed else ""
        problems.append(
            f"Your file takes `{name}` from {home}: this exercise is to write the "
            f"code yourself, so import nothing from dlfs{may}."
        )
    return problems


def missing_names(module: ModuleType, expects: tuple[str, ...]) -> list[str]:
    """A message for every expected name the learner's file lacks or mis-declares."""
    classes = {spec.split(".")[0] for spec in expects if "." in spec}
    problems = (_problem(module, spec, classes) for spec in expects)
    return list(dict.fromkeys(p for p in problems if p is not None))


# -- comparing and showing values ------------------------------------------------


def close(got: Any, want: Any, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """True when ``got`` is a number or array of ``want``'s shape and value."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol, atol))


def show(value: Any) -> str:
    """A short, readable form of a learner's value for a message."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, suppress_small=True, separator=", ")
        return " ".join(text.split())
    if isinstance(value, float | np.floating):
        return f"{float(value):.4g}"
    if isinstance(value, np.integer | np.bool_):
        return repr(value.item())
    return repr(value)


def shape_of(value: Any) -> str:
    return str(np.shape(value)) if value is not None else "None"


def expect_value(got: Any, want: Any, call: str, **tolerance: float) -> None:
    """Fail unless ``got`` equals ``want``, saying what the call gave."""
    if got is None:
        raise Fail(
            f"{call} returned None: the `return` is missing "
            "(a function without one gives None)."
        )
    if not close(got, want, **tolerance):
        want = np.asarray(want)
        try:
            shape = np.shape(got)
        except ValueError:  # a ragged list
            shape = None
        if shape == want.shape:
            raise Fail(f"{call} gave {show(got)}, expected {show(want)}.")
        raise Fail(
            f"{call} gave {show(got)} ({_kind(shape)}), expected {show(want)} "
            f"({_kind(want.shape)})."
        )


def _kind(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return "not an array"
    return "a single number" if shape == () else f"shape {shape}"


# -- the learner's lines in a traceback -------------------------------------------


def learner_frames(error: BaseException, path: str | Path) -> traceback.StackSummary:
    """The frames of ``error``'s traceback that are in the learner's file (for
    an error replayed from the learner's process, the frames it recorded)."""
    if hasattr(error, "learner_stack"):
        return error.learner_stack
    path = Path(path).resolve()
    return traceback.StackSummary.from_list(
        [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if Path(frame.filename).resolve() == path
        ]
    )


# -- reference maths ---------------------------------------------------------------

DELTA = 1e-7  # the book's guard inside the log of the cross-entropy


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def softmax(a: np.ndarray) -> np.ndarray:
    """The softmax of a 1-D ``a``, or of each row of a 2-D one."""
    e = np.exp(a - np.max(a, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy(y: np.ndarray, labels: np.ndarray) -> float:
    """The book's loss, the mean of -log(y + DELTA) at the correct classes;
    ``y`` is one output or a batch of them, one row per sample."""
    y = np.atleast_2d(y)
    return float(-np.mean(np.log(y[np.arange(len(y)), labels] + DELTA)))
