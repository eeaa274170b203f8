"""Chapter 2 exercises: logic gates from perceptrons."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from dlfs.exercises._core import Exercise, Fail, rng, show

INPUTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
TABLES = {
    "AND": [0, 0, 0, 1],
    "NAND": [1, 1, 1, 0],
    "OR": [0, 1, 1, 1],
    "XOR": [0, 1, 1, 0],
}
TASKS = {
    "AND": "outputs 1 only when both inputs are 1",
    "NAND": "outputs 0 only when both inputs are 1",
    "OR": "outputs 1 when at least one input is 1",
    "XOR": "outputs 1 when exactly one input is 1",
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
        raise Fail(
            f"{gate}{x} returned {show(g)}: a gate answers 0 or 1. Return 1 when "
            "the weighted sum plus bias is above 0, else 0 "
            "(not the sum itself)."
        )
    got = [_bit(g) for g in got]
    wrong = [i for i, g in enumerate(got) if g != TABLES[gate][i]]
    if not wrong:
        return
    right = [INPUTS[i] for i in range(4) if i not in wrong]
    first = wrong[0]
    message = (
        f"{gate} is right for {_pairs(right) or 'none of the inputs'} but wrong for "
        f"{_pairs([INPUTS[i] for i in wrong])}: it gives {got[first]} for "
        f"{INPUTS[first]}, expected {TABLES[gate][first]}."
    )
    if gate == "XOR":
        message += (
            " No single perceptron can do this; combine gates: "
            "XOR(x1, x2) = AND(NAND(x1, x2), OR(x1, x2))."
        )
    elif TABLES[gate][first] == 1:
        message += (
            f" It should fire for {INPUTS[first]}, so there the weighted sum "
            "w1*x1 + w2*x2 + b must be above 0: raise the weights or the bias."
        )
    else:
        message += (
            f" It should not fire for {INPUTS[first]}, so there w1*x1 + w2*x2 + b "
            "must be 0 or below: lower the bias (a more negative b)."
        )
    raise Fail(message)


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
                f"{call} raised {type(error).__name__}: a perceptron takes any "
                "two numbers, computes w1*x1 + w2*x2 + b and compares it with 0. "
                "A table of the four answers is not a perceptron.",
                error,
            ) from error
        corner = _bit(function(x1, x2))
        if got != corner:
            raise Fail(
                f"{call} gave {got}, but {gate}({x1}, {x2}) gives {corner}: a "
                "perceptron's answer changes only across its line "
                "w1*x1 + w2*x2 + b = 0, and inputs this close to a corner "
                "should get the corner's answer. Compute the weighted sum and "
                "compare it with 0, rather than testing for the four inputs."
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
        raise Fail(
            f"Your file has no {', '.join(missing)}: write AND, NAND and OR as "
            "perceptrons in the same file, and build XOR from them."
        )
    saved = {g: getattr(module, g) for g in ("AND", "NAND", "OR")}
    try:
        for gate in saved:
            setattr(module, gate, zero_gate)
        got = [_bit(module.XOR(x1, x2)) for x1, x2 in INPUTS]
    finally:
        for gate, function in saved.items():
            setattr(module, gate, function)
    if got == TABLES["XOR"]:
        raise Fail(
            "XOR gave the same answers when your AND, NAND and OR were swapped "
            "for gates that always answer 0, so it does not use them. Build it "
            "from them in two layers: XOR(x1, x2) = AND(NAND(x1, x2), OR(x1, x2))."
        )


def _gate_exercise(gate: str, title: str, how: str) -> Exercise:
    exercise = Exercise(
        id=f"ch2.{gate.lower()}_gate",
        title=title,
        task=f"Write {gate}(x1, x2), which {TASKS[gate]}. {how}",
        expects=(f"{gate}(x1, x2)",),
    )

    @exercise.check("the four inputs (0, 0), (1, 0), (0, 1), (1, 1)")
    def truth_table(module: ModuleType) -> None:
        check_gate(module, gate)

    @exercise.check("random inputs near the four corners, such as (0.03, 0.98)")
    def near_corners(module: ModuleType) -> None:
        check_near_corners(module, gate)

    if gate == "XOR":
        exercise.check("with your AND, NAND and OR swapped for wrong gates")(
            check_xor_uses_the_gates
        )
    return exercise


ONE_PERCEPTRON = (
    "Use one perceptron: choose weights w1, w2 and a bias b, and return 1 when "
    "w1*x1 + w2*x2 + b > 0, else 0."
)
AND_GATE = _gate_exercise("AND", "An AND gate from a perceptron", ONE_PERCEPTRON)
NAND_GATE = _gate_exercise("NAND", "A NAND gate from a perceptron", ONE_PERCEPTRON)
OR_GATE = _gate_exercise("OR", "An OR gate from a perceptron", ONE_PERCEPTRON)
XOR_GATE = _gate_exercise(
    "XOR",
    "An XOR gate from two layers of gates",
    "One perceptron cannot do it: combine AND, NAND and OR (write them in the "
    "same file) in two layers.",
)

PERCEPTRON = Exercise(
    id="ch2.perceptron",
    title="A perceptron with any number of inputs",
    task=(
        "Write perceptron(x, w, b): x and w are NumPy arrays of the same length, "
        "b a number. Return 1 when np.sum(w * x) + b > 0, else 0."
    ),
    expects=("perceptron(x, w, b)",),
)


def _check_perceptron(
    module: ModuleType, x: np.ndarray, w: np.ndarray, b: float
) -> None:
    call = f"perceptron({show(x)}, {show(w)}, {b:g})"
    got = module.perceptron(x.copy(), w.copy(), b)
    weighted = float(np.sum(w * x) + b)
    if np.shape(got) == x.shape:
        raise Fail(
            f"{call} returned {show(got)}, one number per input: add the "
            "weighted inputs up with np.sum(w * x) before adding b."
        )
    if _bit(got) is None:
        raise Fail(
            f"{call} returned {show(got)}: a perceptron answers 0 or 1, 1 when "
            "the weighted sum plus bias is above 0."
        )
    want = int(weighted > 0)
    if _bit(got) != want and weighted == 0:
        raise Fail(
            f"{call} gave 1 where w * x summed with b is exactly 0: a perceptron "
            "fires only above 0 (>, not >=)."
        )
    if _bit(got) != want:
        raise Fail(f"{call} gave {_bit(got)}, expected {want}.")


@PERCEPTRON.check("AND's weights (0.5, 0.5) and bias -0.7 on the four inputs")
def perceptron_and(module: ModuleType) -> None:
    for x in INPUTS:
        _check_perceptron(module, np.array(x, dtype=float), np.array([0.5, 0.5]), -0.7)
    _check_perceptron(module, np.array([1.0, 1.0]), np.array([0.5, 0.5]), -1.0)


@PERCEPTRON.check("random inputs, weights and biases of 3 to 6 inputs")
def perceptron_random(module: ModuleType) -> None:
    generator = rng(13)
    for size in range(3, 7):
        x, w = generator.normal(size=size), generator.normal(size=size)
        _check_perceptron(module, x, w, float(generator.normal()))


EXERCISES = (AND_GATE, NAND_GATE, OR_GATE, XOR_GATE, PERCEPTRON)
