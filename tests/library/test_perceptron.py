"""Chapter 2: the gates' truth tables and XOR's need for a second layer."""

import itertools

import numpy as np
import pytest

from dlfs.perceptron import AND, NAND, OR, XOR, perceptron

INPUTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
TRUTH_TABLES = {
    AND: [0, 0, 0, 1],
    NAND: [1, 1, 1, 0],
    OR: [0, 1, 1, 1],
    XOR: [0, 1, 1, 0],
}


@pytest.mark.parametrize("gate", list(TRUTH_TABLES), ids=lambda g: g.__name__)
def test_gate_truth_table_on_scalars(gate):
    outputs = [gate(x1, x2) for x1, x2 in INPUTS]
    assert outputs == TRUTH_TABLES[gate]
    assert all(type(y) is int for y in outputs)


@pytest.mark.parametrize("gate", list(TRUTH_TABLES), ids=lambda g: g.__name__)
def test_gate_truth_table_vectorised_over_pairs_and_columns(gate):
    pairs = np.array(INPUTS)
    expected = np.array(TRUTH_TABLES[gate])
    np.testing.assert_array_equal(gate(pairs), expected)
    np.testing.assert_array_equal(gate(pairs[:, 0], pairs[:, 1]), expected)
    assert gate(pairs).dtype.kind == "i"


def test_gates_use_the_books_parameters():
    assert perceptron([1, 1], [0.5, 0.5], -0.7) == 1
    assert perceptron([1, 0], [0.5, 0.5], -0.7) == 0
    assert perceptron([1, 1], [-0.5, -0.5], 0.7) == 0
    assert perceptron([0, 1], [0.5, 0.5], -0.2) == 1


def test_perceptron_is_silent_at_exactly_zero():
    assert perceptron([1, 0], [0.5, 0.5], -0.5) == 0


def test_no_single_perceptron_makes_xor_on_a_grid_of_parameters():
    pairs = np.array(INPUTS, dtype=float)
    target = np.array(TRUTH_TABLES[XOR])
    grid = np.linspace(-1, 1, 41)
    for w1, w2, b in itertools.product(grid, grid, grid):
        assert not np.array_equal(perceptron(pairs, [w1, w2], b), target)


def test_every_other_gate_is_found_on_the_same_grid():
    pairs = np.array(INPUTS, dtype=float)
    grid = np.linspace(-1, 1, 21)
    found = {
        tuple(perceptron(pairs, [w1, w2], b))
        for w1, w2, b in itertools.product(grid, grid, grid)
    }
    for gate in (AND, NAND, OR):
        assert tuple(TRUTH_TABLES[gate]) in found
    assert tuple(TRUTH_TABLES[XOR]) not in found


def test_gate_rejects_inputs_other_than_zero_and_one():
    with pytest.raises(ValueError, match="AND: inputs must be 0 or 1"):
        AND(2, 1)


def test_gate_rejects_pairs_of_the_wrong_width():
    with pytest.raises(ValueError, match=r"last axis 2, got shape \(4, 3\)"):
        OR(np.zeros((4, 3), dtype=int))
