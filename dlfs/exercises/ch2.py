"""Chapter 2 exercises: logic gates from perceptrons.

The words of the hints are in ``text/ch2.toml``.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from dlfs.exercises._core import Exercise, Fail, rng, show
from dlfs.exercises.messages import Message

INPUTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
TABLES = {
    "AND": [0, 0, 0, 1],
    "NAND": [1, 1, 1, 0],
    "OR": [0, 1, 1, 1],
    "XOR": [0, 1, 1, 0],
}


def _pairs(cases: list[tuple[int, int]]) -> str:
    return ", ".join(str(c) for c in cases)


def _bit(value: object) -> int | None:
    """0 or 1 for a value that is one of them (an int, bool, float or array)."""
    try:
        number = float(np.asarray(value, dtype=float).item())
    except (TypeError, ValueError):
        return None
    return int(number) if number in (0.0, 1.0) else None


def check_gate(module: ModuleType, gate: str) -> None:
    """Fail with a hint naming the inputs for which ``gate`` is wrong."""
    function = getattr(module, gate)
    got = [function(x1, x2) for x1, x2 in INPUTS]
    odd = [(x, g) for x, g in zip(INPUTS, got, strict=True) if _bit(g) is None]
    if odd:
        (x, g), *_ = odd
        raise Fail("ch2.gate.not_bit", call=f"{gate}{x}", got=show(g))
    got = [_bit(g) for g in got]
    wrong = [i for i, g in enumerate(got) if g != TABLES[gate][i]]
    if not wrong:
        return
    first = wrong[0]
    right = [INPUTS[i] for i in range(4) if i not in wrong]
    if right:
        right_for = Message("ch2.gate.right_for", {"inputs": _pairs(right)})
    else:
        right_for = Message("ch2.gate.right_for_none")
    values = {
        "gate": gate,
        "right": right_for,
        "wrong": _pairs([INPUTS[i] for i in wrong]),
        "got": got[first],
        "first": str(INPUTS[first]),
        "want": TABLES[gate][first],
    }
    if gate == "XOR":
        case = "xor"  # no single perceptron can do it
    elif TABLES[gate][first] == 1:
        case = "fire"
    else:
        case = "quiet"
    wrong_for = Message("ch2.gate.wrong_for", values)
    raise Fail(f"ch2.gate.wrong.{case}", first=values["first"], wrong_for=wrong_for)


def check_near_corners(module: ModuleType, gate: str) -> None:
    """A perceptron answers any two numbers, the same near a corner as at it."""
    function = getattr(module, gate)
    nudges = rng().uniform(0.01, 0.05, size=(4, 2))
    for (x1, x2), (d1, d2) in zip(INPUTS, nudges, strict=True):
        near = (abs(x1 - d1), abs(x2 - d2))  # inside the square, near the corner
        call = f"{gate}({near[0]:.2f}, {near[1]:.2f})"
        try:
            got = _bit(function(*near))
        except Exception as error:
            raise Fail(
                "ch2.gate.near.raised", error, call=call, error=type(error).__name__
            ) from error
        corner = _bit(function(x1, x2))
        if got != corner:
            raise Fail(
                "ch2.gate.near.differs",
                call=call,
                got=got,
                corner_call=f"{gate}({x1}, {x2})",
                corner=corner,
            )


def zero_gate(x1: float, x2: float) -> int:
    """A wrong gate that swaps in for the learner's own."""
    return 0


def check_xor_uses_the_gates(module: ModuleType) -> None:
    """XOR built from the learner's gates changes when they are wrong."""
    missing = [
        g for g in ("AND", "NAND", "OR") if not callable(getattr(module, g, None))
    ]
    if missing:
        raise Fail("ch2.xor_gate.missing", missing=", ".join(missing))
    saved = {g: getattr(module, g) for g in ("AND", "NAND", "OR")}
    try:
        for gate in saved:
            setattr(module, gate, zero_gate)
        got = [_bit(module.XOR(x1, x2)) for x1, x2 in INPUTS]
    finally:
        for gate, function in saved.items():
            setattr(module, gate, function)
    if got == TABLES["XOR"]:
        raise Fail("ch2.xor_gate.ignores_gates")


def _gate_exercise(gate: str) -> Exercise:
    exercise = Exercise(id=f"ch2.{gate.lower()}_gate", expects=(f"{gate}(x1, x2)",))

    @exercise.check("ch2.gate.check.four_inputs")
    def truth_table(module: ModuleType) -> None:
        check_gate(module, gate)

    @exercise.check("ch2.gate.check.near_corners")
    def near_corners(module: ModuleType) -> None:
        check_near_corners(module, gate)

    if gate == "XOR":
        exercise.check("ch2.xor_gate.check.swapped")(check_xor_uses_the_gates)
    return exercise


AND_GATE = _gate_exercise("AND")
NAND_GATE = _gate_exercise("NAND")
OR_GATE = _gate_exercise("OR")
XOR_GATE = _gate_exercise("XOR")

PERCEPTRON = Exercise(id="ch2.perceptron", expects=("perceptron(x, w, b)",))


def _check_perceptron(
    module: ModuleType, x: np.ndarray, w: np.ndarray, b: float
) -> None:
    call = f"perceptron({show(x)}, {show(w)}, {b:g})"
    got = module.perceptron(x.copy(), w.copy(), b)
    weighted = float(np.sum(w * x) + b)
    if np.shape(got) == x.shape:
        raise Fail("ch2.perceptron.no_sum", call=call, got=show(got))
    if _bit(got) is None:
        raise Fail("ch2.perceptron.not_bit", call=call, got=show(got))
    want = int(weighted > 0)
    if _bit(got) != want and weighted == 0:
        raise Fail("ch2.perceptron.at_zero", call=call)
    if _bit(got) != want:
        raise Fail(
            "ch2.perceptron.wrong",
            call=call,
            got=_bit(got),
            want=want,
            weighted=show(weighted),
        )


@PERCEPTRON.check("ch2.perceptron.check.and_weights")
def perceptron_and(module: ModuleType) -> None:
    for x in INPUTS:
        _check_perceptron(module, np.array(x, dtype=float), np.array([0.5, 0.5]), -0.7)
    _check_perceptron(module, np.array([1.0, 1.0]), np.array([0.5, 0.5]), -1.0)


@PERCEPTRON.check("ch2.perceptron.check.random")
def perceptron_random(module: ModuleType) -> None:
    generator = rng(13)
    for size in range(3, 7):
        x, w = generator.normal(size=size), generator.normal(size=size)
        _check_perceptron(module, x, w, float(generator.normal()))


EXERCISES = (AND_GATE, NAND_GATE, OR_GATE, XOR_GATE, PERCEPTRON)
