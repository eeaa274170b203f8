"""Figures: drawn from code, deterministic, and the committed ones are fresh."""

from __future__ import annotations

import re

import pytest

import book as figures

NEEDS_MNIST = {"ch3_mnist_digits", "ch3_misclassified"}


@pytest.fixture(scope="module")
def drawn(request):
    if any(name in figures.figures() for name in NEEDS_MNIST):
        request.getfixturevalue("mnist_dir")
    return figures.build()


def test_the_book_has_its_figures():
    names = set(figures.figures())
    assert len(names) >= 12
    assert {p.stem for p in figures.OUTPUT_DIR.glob("*.svg")} == names


def test_committed_figures_are_fresh(drawn):
    stale = [
        name
        for name, svg in drawn.items()
        if (figures.OUTPUT_DIR / f"{name}.svg").read_bytes() != svg
    ]
    assert stale == [], "run: python -m book"


def test_figures_are_deterministic(drawn):
    name = sorted(drawn)[0]
    assert figures.build([name])[name] == drawn[name]


def test_svg_has_no_date_or_creator_metadata(drawn):
    for name, svg in drawn.items():
        text = svg.decode()
        assert "<dc:date>" not in text, name
        assert not re.search(r"Matplotlib v\d", text), name


def test_unknown_figure_names_are_rejected():
    with pytest.raises(ValueError, match="unknown figures"):
        figures.build(["no_such_figure"])
