"""Checks judged where the learner's code cannot reach: record, then replay.

A check is written as if it called the learner's module directly.  In the
learner's process it gets a :class:`Recording` of the module instead: every
attribute the check reads from the learner's code and every call it makes
runs for real, and what came back (a value, an exception, the arrays the call
changed) is written down as plain JSON data.  In the checker's own process
the same check runs again against a :class:`Replay` of that log, which gives
back the recorded answers in order and calls nothing.  So the verdict comes
from the checker's untouched code and NumPy, and a learner's file that
patches them, or writes records of its own, has nothing to change but the
answers its own functions give.  No pickle: the log is data, never code.
"""

from __future__ import annotations

import builtins
import traceback
from types import MethodType, ModuleType
from typing import Any

import numpy as np

PLAIN_TYPES = (type(None), bool, int, float, str)
MAX_ELEMENTS = 10**6  # a larger array comes back as its text only


class Diverged(Exception):
    """The replayed check asked for something the learner's process never did."""


def encode(value: Any) -> Any:
    """``value`` as JSON data; the learner's own objects become handles."""
    if isinstance(value, PLAIN_TYPES):
        return value
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        if value.size <= MAX_ELEMENTS:
            return {
                "nd": value.tolist(),
                "dtype": value.dtype.str,
                "shape": value.shape,
            }
    if isinstance(value, np.generic):
        return {"np": value.item(), "dtype": value.dtype.str}
    if isinstance(value, tuple | list):
        return {"seq": [encode(v) for v in value], "tuple": type(value) is tuple}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: encode(v) for k, v in value.items()}}
    if callable(value) or _is_learners(value):
        return {"handle": True}
    return {"opaque": repr(value)[:200]}


def _is_learners(value: Any) -> bool:
    return getattr(type(value), "__module__", None) == "learner"


class Opaque:
    """A value of the learner's that is not data: only its text came back."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class Recording:
    """The learner's object as a check sees it in the learner's process."""

    def __init__(self, target: Any, log: list, path: str) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", log)
        object.__setattr__(self, "_path", path)

    def _wrap(self, value: Any, data: Any) -> Any:
        if isinstance(data, dict) and "handle" in data:
            return Recording(value, self._log, self._path)
        return value

    def __getattr__(self, name: str) -> Any:
        try:
            value = getattr(self._target, name)
        except AttributeError:
            self._log.append({"get": name, "missing": True})
            raise
        data = encode(value)
        self._log.append({"get": name, "value": data})
        return self._wrap(value, data)

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, Recording):
            value = object.__getattribute__(value, "_target")
        setattr(self._target, name, value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        mutables = _mutables(args, kwargs)
        before = [encode(m) for m in mutables]
        try:
            value = self._target(*args, **kwargs)
        except BaseException as error:  # the learner's code may raise anything
            entry = {"raise": _error(error, self._path)}
            changed = _changed(mutables, before)
            self._log.append({"call": True, **entry, "changed": changed})
            raise
        data = encode(value)
        changed = _changed(mutables, before)
        self._log.append({"call": True, "value": data, "changed": changed})
        return self._wrap(value, data)


def _mutables(args: tuple, kwargs: dict) -> list:
    """What a call can change in place: the arrays, dicts and lists it is
    given, and the state of the objects whose methods it is given (a check's
    callbacks that count what the learner's code asked of them)."""
    found = []
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, np.ndarray | dict | list):
            found.append(arg)
        elif isinstance(arg, MethodType):
            found.append(vars(arg.__self__))
    return found


def _changed(mutables: list, before: list) -> dict:
    """The encoded state of each mutable that the call changed, by its place."""
    after = [encode(m) for m in mutables]
    return {i: a for i, (a, b) in enumerate(zip(after, before, strict=True)) if a != b}


def _apply(target: Any, new: Any) -> None:
    """Change ``target`` in place to the state the learner's process reported."""
    if isinstance(target, np.ndarray) and np.shape(new) == target.shape:
        target[...] = new
    elif isinstance(target, dict) and isinstance(new, dict):
        target.clear()
        target.update(new)
    elif isinstance(target, list) and isinstance(new, list):
        target[:] = new


def _error(error: BaseException, path: str) -> dict:
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if f.filename == path]
    return {
        "type": type(error).__name__,
        "message": str(error)[:2000],
        "frames": [[f.filename, f.lineno, f.name, f.line] for f in mine],
    }


class Replay:
    """The learner's object as a check sees it in the checker's process."""

    def __init__(self, log: list) -> None:
        object.__setattr__(self, "_log", log)

    def _next(self, kind: str, name: str | None = None) -> dict:
        if not self._log:
            raise Diverged(f"no answer recorded for {kind} {name or ''}")
        entry = self._log.pop(0)
        if not isinstance(entry, dict) or kind not in entry:
            raise Diverged(f"expected {kind} {name or ''}, the log has {entry!r:.80}")
        if name is not None and entry[kind] != name:
            raise Diverged(f"expected {kind} {name}, the log has {entry[kind]!r:.80}")
        return entry

    def __getattr__(self, name: str) -> Any:
        entry = self._next("get", name)
        if entry.get("missing"):
            raise AttributeError(name)
        return _decoded(entry.get("value"), self._log)

    def __setattr__(self, name: str, value: Any) -> None:
        pass  # it happened in the learner's process; the answers show its effect

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        entry = self._next("call")
        mutables = _mutables(args, kwargs)
        try:
            for index, data in dict(entry.get("changed", {})).items():
                _apply(mutables[int(index)], decode(data, self._log))
            error = replayed(entry["raise"]) if "raise" in entry else None
        except Exception as bad:  # a log the checker did not write
            raise Diverged(f"unreadable answer: {bad!r:.80}") from None
        if error is not None:
            raise error
        return _decoded(entry.get("value"), self._log)


def _decoded(data: Any, log: list) -> Any:
    try:
        return decode(data, log)
    except Exception as bad:  # a log the checker did not write
        raise Diverged(f"unreadable answer: {bad!r:.80}") from None


def decode(data: Any, log: list) -> Any:
    """The value ``encode`` wrote; a handle becomes a :class:`Replay`."""
    if not isinstance(data, dict):
        return data
    if "nd" in data:
        return np.array(data["nd"], dtype=_dtype(data)).reshape(data["shape"])
    if "np" in data:
        return _dtype(data).type(data["np"])
    if "seq" in data:
        items = [decode(v, log) for v in data["seq"]]
        return tuple(items) if data["tuple"] else items
    if "dict" in data:
        return {k: decode(v, log) for k, v in data["dict"].items()}
    if "handle" in data:
        return Replay(log)
    return Opaque(str(data.get("opaque")))


def _dtype(data: dict) -> np.dtype:
    """A number dtype, as ``encode`` writes them, and no other."""
    dtype = np.dtype(str(data["dtype"]))
    if dtype.kind not in "biuf" or dtype.itemsize > 16:
        raise ValueError(f"not a number dtype: {dtype}")
    return dtype


def replayed(record: dict) -> BaseException:
    """The learner's exception, rebuilt: its type where Python has it by name,
    its message, and its frames in the learner's file (``learner_stack``)."""
    kind = getattr(builtins, str(record["type"]), None)
    if not (isinstance(kind, type) and issubclass(kind, BaseException)):
        kind = type(str(record["type"]), (Exception,), {})
    try:
        error = kind(str(record["message"]))
    except Exception:
        error = Exception(str(record["message"]))
    error.learner_stack = traceback.StackSummary.from_list(  # type: ignore[attr-defined]
        [
            (str(f), int(n), str(name), str(line))
            for f, n, name, line in record["frames"]
        ]
    )
    return error


def recording(module: ModuleType, log: list, path: str) -> Recording:
    """The learner's module as the checks see it in the learner's process;
    ``path`` is its file, whose frames an exception's record keeps."""
    return Recording(module, log, path)
