"""What an exercise is, and the small helpers its checks are written with.

A check is a function of the learner's module that returns quietly when the
learner's code does the right thing and raises :class:`Fail` with a hint
otherwise.  The checks compare with reference maths written out here, in a
line or two of NumPy each, so a verdict never depends on the rest of ``dlfs``
(the book's data, such as its example network, comes from there).
The exercises register nowhere: ``dlfs.exercises.catalog`` lists them.
"""

from __future__ import annotations

import ast
import inspect
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from dlfs.exercises.messages import Message, say

STUBS = Path(__file__).resolve().parent / "stubs"
SOLUTIONS = STUBS.with_name("solutions")
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
    """A check failed: the catalogue's ``key`` names the mistake, shown with
    ``values``; ``fix`` names another entry to say how to fix it; ``cause``
    is the learner's error."""

    def __init__(
        self,
        key: str,
        cause: BaseException | None = None,
        *,
        fix: str | None = None,
        **values: Any,
    ) -> None:
        super().__init__(key)
        self.message = Message(key, values, fix)
        self.cause = cause

    @property
    def hint(self) -> str:
        """The first tier of the message, in English."""
        return say(self.message)


@dataclass
class Exercise:
    """One programming exercise: what to write, and the checks it must pass.
    Its title and task are in the catalogue, as ``ID.title`` and ``ID.task``."""

    id: str
    expects: tuple[str, ...]
    checks: list[tuple[str, Check]] = field(default_factory=list)
    # Other names the learner's file may use: expected name -> accepted name.
    aliases: dict[str, str] = field(default_factory=dict)
    # Ids this exercise had before, which still work.
    old_ids: tuple[str, ...] = ()
    # What the file may import from dlfs: the blocks of earlier exercises
    # that the starter file imports.
    allowed: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.text("title", "en")

    @property
    def task(self) -> str:
        return self.text("task", "en")

    def text(self, part: str, lang: str) -> str:
        """The exercise's ``part`` ("title" or "task") in ``lang``."""
        return say(f"{self.id}.{part}", lang)

    def use_aliases(self, module: ModuleType) -> None:
        """Give ``module`` each expected name that it defines only under an alias."""
        for name, alias in self.aliases.items():
            if not hasattr(module, name) and hasattr(module, alias):
                setattr(module, name, getattr(module, alias))

    @property
    def stub_path(self) -> Path:
        """The starter file, which the book's page includes too."""
        return STUBS / (self.id.replace(".", "_") + ".py")

    def stub(self, lang: str = "en") -> str:
        return _twin(self.stub_path, lang).read_text(encoding="utf-8")

    @property
    def solution_path(self) -> Path:
        """The worked solution, with a few lines on why it works."""
        return SOLUTIONS / self.stub_path.name

    def solution(self, lang: str = "en") -> str:
        return _twin(self.solution_path, lang).read_text(encoding="utf-8")

    def check(self, what: str) -> Callable[[Check], Check]:
        """Register a check; ``what`` says in a few words what it tries."""

        def register(function: Check) -> Check:
            self.checks.append((what, function))
            return function

        return register


def _twin(path: Path, lang: str) -> Path:
    """``path``, or its Korean twin ``X.ko.py`` for ``lang`` "ko"."""
    return path if lang == "en" else path.with_suffix(f".{lang}.py")


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


def _yours(function: Any) -> Message | str:
    try:
        return Message("common.names.yours", {"signature": _signature(function)})
    except (TypeError, ValueError, AttributeError):
        return ""


def _signature(function: Any) -> str:
    return f"{function.__name__}{inspect.signature(function)}"


def _def(name: str, params: str, method: bool) -> str:
    """The ``def`` line the learner should write."""
    return f"def {name}({', '.join(['self'] * method + ([params] if params else []))})"


def _problem(module: ModuleType, spec: str, classes: set[str]) -> Message | None:
    """What is wrong with the learner's ``spec``, e.g. "Affine.forward(x)"."""
    owner, method, params = EXPECT.match(spec).groups()  # type: ignore[union-attr]
    found = getattr(module, owner, None)
    if found is None:
        kind = Message("common.names." + ("class" if owner in classes else "function"))
        mine = {n for n, v in vars(module).items() if inspect.getmodule(v) is module}
        names = ", ".join(sorted(mine))
        defined = Message("common.names.defined", {"names": names}) if mine else ""
        return Message(
            "common.names.missing", {"kind": kind, "name": owner, "defined": defined}
        )
    if method is None and isinstance(found, type):
        if not _accepts(found.__init__, params, self_too=True):
            wanted = _def("__init__", params, True)
            return Message("common.names.init", {"spec": spec, "wanted": wanted})
    elif method is None:
        if not callable(found) or not _accepts(found, params, self_too=False):
            values = {"name": owner, "spec": spec, "yours": _yours(found)}
            values["wanted"] = _def(owner, params, False)
            return Message("common.names.callable", values)
    else:
        function = getattr(found, method, None)
        wanted = _def(method, params, True)
        values = {"name": owner, "method": method, "wanted": wanted}
        if function is None:
            return Message("common.names.no_method", values)
        if not _accepts(function, params, self_too=True):
            values |= {"params": params, "yours": _yours(function)}
            return Message("common.names.method_callable", values)
    return None


def borrowed_imports(source: str, allowed: tuple[str, ...]) -> list[Message]:
    """A message for every ``import`` of dlfs in the learner's ``source``, at
    any depth (inside a function too), that takes what the exercise is to write."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []  # the import in the learner's process reports it
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            taken = [(a.name, "dlfs") for a in node.names if _in_dlfs(a.name)]
        elif isinstance(node, ast.ImportFrom) and _in_dlfs(node.module or ""):
            taken = [(a.name, node.module) for a in node.names if a.name not in allowed]
        else:
            continue
        problems += [_borrowed(name, home, allowed) for name, home in taken]
    return problems


def _in_dlfs(module: str) -> bool:
    return module.split(".")[0] == "dlfs"


def _borrowed(name: str, home: str, allowed: tuple[str, ...]) -> Message:
    """The message for ``name``, taken from dlfs's ``home``: write it yourself."""
    may = ""
    if allowed:
        may = Message("common.names.may_import", {"names": ", ".join(allowed)})
    return Message("common.names.borrowed", {"name": name, "home": home, "may": may})


def borrowed_names(module: ModuleType, allowed: tuple[str, ...]) -> list[Message]:
    """A message for every name the learner's file takes from dlfs but may not:
    the exercise is to write it."""
    problems = []
    for name, value in vars(module).items():
        home = value.__name__ if isinstance(value, ModuleType) else None
        home = home or getattr(value, "__module__", None)
        if not isinstance(home, str) or not _in_dlfs(home):
            continue
        if name in allowed and not isinstance(value, ModuleType):
            continue
        problems.append(_borrowed(name, home, allowed))
    return problems


def missing_names(module: ModuleType, expects: tuple[str, ...]) -> list[Message]:
    """A message for every expected name the learner's file lacks or mis-declares."""
    classes = {spec.split(".")[0] for spec in expects if "." in spec}
    problems: list[Message] = []
    for spec in expects:
        problem = _problem(module, spec, classes)
        if problem is not None and problem not in problems:
            problems.append(problem)
    return problems


# -- comparing and showing values ------------------------------------------------


def close(got: Any, want: Any, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """True when ``got`` is a number or array of ``want``'s shape and value."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol, atol))


def show(value: Any, digits: int = 4) -> str:
    """A short, readable form of a learner's value for a message."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, np.ndarray):
        text = np.array2string(
            value, precision=digits, suppress_small=True, separator=", "
        )
        return " ".join(text.split())
    if isinstance(value, float | np.floating):
        return f"{float(value):.{digits}g}"
    if isinstance(value, np.integer | np.bool_):
        return repr(value.item())
    return repr(value)


def shape_of(value: Any) -> str:
    return str(np.shape(value)) if value is not None else "None"


def expect_value(got: Any, want: Any, call: str | Message, **tolerance: float) -> None:
    """Fail unless ``got`` equals ``want``, saying what the call gave (with
    as many digits as it takes to tell the two apart)."""
    if got is None:
        raise Fail("common.value.none", call=call)
    if not close(got, want, **tolerance):
        want = np.asarray(want)
        try:
            shape = np.shape(got)
        except ValueError:  # a ragged list
            shape = None
        digits = 4
        while digits < 16 and show(got, digits) == show(want, digits):
            digits += 4
        values = {"call": call, "got": show(got, digits), "want": show(want, digits)}
        if shape == want.shape:
            raise Fail("common.value.wrong", **values)
        got_kind, want_kind = _kind(shape), _kind(want.shape)
        raise Fail(
            "common.value.wrong_kind", got_kind=got_kind, want_kind=want_kind, **values
        )


def _kind(shape: tuple[int, ...] | None) -> Message:
    if shape is None:
        return Message("common.value.not_array")
    if shape == ():
        return Message("common.value.number")
    return Message("common.value.shape", {"shape": str(shape)})


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
