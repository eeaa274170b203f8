"""Figures: drawn from code, deterministic, and the committed ones are fresh."""

from __future__ import annotations

import os
import re

import pytest

import book as figures
from book.__main__ import EXIT_NO_MNIST, EXIT_STALE, EXIT_USAGE, main

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


def test_the_rounding_error_figure_is_the_same_on_every_cpu(monkeypatch):
    """At a tiny h the error of a difference quotient is made of exp's last
    bits, which differ between NumPy's SIMD exp (AVX-512 or not) and libm:
    the figure computes exp and its steps by decimal arithmetic instead."""
    import types

    import book.ch4

    def cpu_dependent(*args, **kwargs):
        raise AssertionError("its last bit depends on the CPU")

    # book/ch4.py's NumPy, without the functions it must not use here.
    numpy = types.SimpleNamespace(**vars(book.ch4.np))
    numpy.exp = numpy.logspace = numpy.power = cpu_dependent
    monkeypatch.setattr(book.ch4, "np", numpy)
    monkeypatch.setattr(book.ch4, "math", types.SimpleNamespace(), raising=False)
    svg = figures.build(["ch4_forward_vs_central"])["ch4_forward_vs_central"]
    assert svg == (figures.OUTPUT_DIR / "ch4_forward_vs_central.svg").read_bytes()


def test_a_korean_figure_may_not_keep_an_english_tick_label(monkeypatch):
    """Tick labels are made when asked for, so a check of the figure's texts
    alone missed 'class 0' under the Korean softmax bars."""
    from book import ch3, ko

    monkeypatch.delitem(ko.PATTERNS, "ch3_softmax")
    with pytest.raises(ValueError, match="class 0"):
        ko.koreanize(ch3.softmax_bars(), "ch3_softmax")


def test_svg_has_no_date_or_creator_metadata(drawn):
    for name, svg in drawn.items():
        text = svg.decode()
        assert "<dc:date>" not in text, name
        assert not re.search(r"Matplotlib v\d", text), name


def test_unknown_figure_names_are_rejected():
    with pytest.raises(ValueError, match="unknown figures"):
        figures.build(["no_such_figure"])


# --------------------------------------------------------------------------
# python -m book
# --------------------------------------------------------------------------

CHEAP = "ch2_gates"  # a figure that needs no data


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's errors and --help
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_writes_a_figure_then_check_finds_it_fresh(tmp_path, capsys):
    code, out, _ = run_main(capsys, "--out", str(tmp_path), CHEAP)
    assert code == 0
    assert f"wrote {tmp_path / CHEAP}.svg" in out
    assert (tmp_path / f"{CHEAP}.svg").read_bytes() == figures.build([CHEAP])[CHEAP]
    assert run_main(capsys, "--check", "--out", str(tmp_path), CHEAP)[0] == 0


def test_check_exits_1_naming_a_stale_or_missing_figure(tmp_path, capsys):
    (tmp_path / f"{CHEAP}.svg").write_bytes(b"<svg>old</svg>")
    code, out, _ = run_main(capsys, "--check", "--out", str(tmp_path), CHEAP)
    assert code == EXIT_STALE == 1
    assert str(tmp_path / f"{CHEAP}.svg") in out
    assert (tmp_path / f"{CHEAP}.svg").read_bytes() == b"<svg>old</svg>"
    code, out, _ = run_main(capsys, "--check", "--out", str(tmp_path / "none"), CHEAP)
    assert code == EXIT_STALE
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    "argv, says",
    [
        (["no_such_figure"], "unknown figures ['no_such_figure']"),
        (["--make-logs", "no_such_log"], "unknown logs ['no_such_log']"),
        (["--check", "--make-logs"], "cannot --make-logs"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_user_errors_exit_2_with_a_short_message(capsys, argv, says):
    code, out, err = run_main(capsys, *argv)
    assert code == EXIT_USAGE == 2
    assert says in err
    assert len(err.strip().splitlines()) <= 2
    assert out == ""


def test_out_that_is_a_file_is_a_user_error(tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x")
    code, _, err = run_main(capsys, "--out", str(target), CHEAP)
    assert code == EXIT_USAGE
    assert f"--out {target} is a file" in err


def test_help_documents_the_exit_codes(capsys):
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    assert "1  --check found stale or missing figures" in out
    assert "3  MNIST is needed but missing or damaged" in out


@pytest.mark.parametrize("offline", ["", "1"])
def test_check_without_mnist_exits_3_and_neither_downloads_nor_writes(
    tmp_path, capsys, monkeypatch, offline
):
    import pooch

    def no_network(*args, **kwargs):
        raise AssertionError("python -m book --check tried to download")

    monkeypatch.setattr(pooch, "retrieve", no_network)
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("DLFS_DATA", str(empty))
    monkeypatch.setenv("DLFS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DLFS_OFFLINE", offline)
    code, _, err = run_main(
        capsys, "--check", "--out", str(tmp_path / "figs"), "ch3_mnist_digits"
    )
    assert code == EXIT_NO_MNIST == 3
    assert "MNIST is needed" in err
    assert "DLFS_DATA" in err
    assert len(err.strip().splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
    assert list(empty.iterdir()) == []
    assert os.environ["DLFS_OFFLINE"] == offline  # restored afterwards


def test_check_reads_mnist_but_writes_its_cache_only_in_tmp(
    mnist_dir, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("DLFS_CACHE", str(tmp_path / "cache"))
    code, _, _ = run_main(capsys, "--check", "ch3_mnist_digits")
    assert code == 0
    assert not (tmp_path / "cache").exists()
