"""What an exercise is, and the small helpers its checks are written with.

A check is a function of the learner's module that returns quietly when the
learner's code does the right thing and raises :class:`Fail` with a hint
otherwise.  The checks compare with reference maths written out here, in a
line or two of NumPy each, so they never depend on the rest of ``dlfs``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

STUBS = Path(__file__).resolve().parent / "stubs"
EXERCISES: dict[str, Exercise] = {}

Check = Callable[[ModuleType], None]


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

    def __post_init__(self) -> None:
        EXERCISES[self.id] = self

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
    import inspect

    names = [p.strip() for p in params.split(",") if p.strip()]
    required = ["?" for p in names if "=" not in p]
    optional = {p.split("=")[0].strip(): None for p in names if "=" in p}
    if self_too:
        required.insert(0, "self")
    try:
        signature = inspect.signature(function)
        signature.bind(*required)
        signature.bind(*required, **optional)
    except (TypeError, ValueError):
        return False
    return True


def missing_names(module: ModuleType, expects: tuple[str, ...]) -> list[str]:
    """A message for every expected name the learner's file lacks or mis-declares."""
    messages = []
    for spec in expects:
        owner, method, params = EXPECT.match(spec).groups()  # type: ignore[union-attr]
        found = getattr(module, owner, None)
        if found is None:
            defined = sorted(
                name
                for name, value in vars(module).items()
                if callable(value) and getattr(value, "__module__", "") == "learner"
            )
            also = f" Your file defines: {', '.join(defined)}." if defined else ""
            kind = "a class" if owner[0].isupper() and method is None else "a function"
            if method is not None:
                kind, spec = "a class", f"{owner} with a method {spec}"
            messages.append(f"Expected {kind} `{spec}` in your file.{also}")
            continue
        if method is not None:
            function = getattr(found, method, None)
            if function is None:
                messages.append(f"`{owner}` has no method `{method}`: write `{spec}`.")
            elif not _accepts(function, params, self_too=True):
                messages.append(
                    f"`{owner}.{method}` cannot be called as `{spec}`: "
                    f"write it as `def {method}(self, {params})`."
                )
        elif not callable(found) or not _accepts(found, params, self_too=False):
            messages.append(f"`{owner}` cannot be called as `{spec}`: write `{spec}`.")
    return messages


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
        raise Fail(f"{call} gave {show(got)}, expected {show(np.asarray(want))}.")
