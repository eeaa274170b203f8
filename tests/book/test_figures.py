"""Figures: drawn from code, deterministic, and the committed ones are fresh."""

from __future__ import annotations

import os
import re

import pytest

import book
from book.__main__ import main
from dlfs.cli_kit import EXIT_FAILED, EXIT_NO_DATA, EXIT_USAGE
from dlfs.datasets import MnistNotFoundError

# The only figures drawn from MNIST; every other one is checked without it.
MNIST_FIGURES = {"ch3_mnist_digits", "ch3_misclassified"}
MNIST_FIGURES |= {f"{name}.ko" for name in MNIST_FIGURES}
CHEAP = "ch4_cross_entropy"  # a figure that needs no data, quick to draw (0.2 s)


@pytest.fixture(scope="module")
def drawn_without_mnist(tmp_path_factory):
    """The SVG of every figure that can be drawn with no MNIST at hand, by
    name, and the names of those that asked for MNIST."""
    empty = tmp_path_factory.mktemp("no-mnist")
    drawn, asked = {}, set()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DLFS_DATA", str(empty))
        patch.setenv("DLFS_CACHE", str(empty))
        patch.setenv("DLFS_OFFLINE", "1")
        for name in sorted(book.figures()):
            try:
                drawn |= book.build([name])
            except MnistNotFoundError:
                asked.add(name)
    return drawn, asked


def stale(drawn: dict[str, bytes]) -> list[str]:
    return [
        name
        for name, svg in drawn.items()
        if (book.OUTPUT_DIR / f"{name}.svg").read_bytes() != svg
    ]


def test_only_the_mnist_figures_need_mnist(drawn_without_mnist):
    _, asked = drawn_without_mnist
    assert asked == MNIST_FIGURES


def test_figures_without_mnist_match_their_committed_svgs(drawn_without_mnist):
    drawn, _ = drawn_without_mnist
    assert stale(drawn) == [], "run: python -m book"


def test_the_mnist_figures_match_their_committed_svgs(mnist_dir):
    assert stale(book.build(sorted(MNIST_FIGURES))) == [], "run: python -m book"


def test_every_committed_svg_is_a_figure_and_every_figure_committed(
    drawn_without_mnist,
):
    drawn, _ = drawn_without_mnist
    committed = {
        str(path.relative_to(book.OUTPUT_DIR).with_suffix(""))
        for path in book.OUTPUT_DIR.rglob("*.svg")
    }
    assert committed == set(drawn) | MNIST_FIGURES


def test_a_figure_drawn_twice_is_the_same_svg(drawn_without_mnist):
    drawn, _ = drawn_without_mnist
    assert book.build([CHEAP])[CHEAP] == drawn[CHEAP]


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
    svg = book.build(["ch4_forward_vs_central"])["ch4_forward_vs_central"]
    assert svg == (book.OUTPUT_DIR / "ch4_forward_vs_central.svg").read_bytes()


def test_a_korean_figure_may_not_keep_an_english_tick_label(monkeypatch):
    """Tick labels are made when asked for, so a check of the figure's texts
    alone missed 'class 0' under the Korean softmax bars."""
    from book import ch3, ko, korean

    monkeypatch.delitem(ko.PATTERNS, "ch3_softmax")
    with pytest.raises(ValueError, match="class 0"):
        korean.koreanize(ch3.softmax_bars(), "ch3_softmax")


def test_svg_has_no_date_or_creator_metadata(drawn_without_mnist):
    drawn, _ = drawn_without_mnist
    for name, svg in drawn.items():
        text = svg.decode()
        assert "<dc:date>" not in text, name
        assert not re.search(r"Matplotlib v\d", text), name


def test_build_rejects_an_unknown_figure_name():
    with pytest.raises(ValueError, match="unknown figures"):
        book.build(["no_such_figure"])


# --------------------------------------------------------------------------
# python -m book
# --------------------------------------------------------------------------


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
    assert (tmp_path / f"{CHEAP}.svg").read_bytes() == book.build([CHEAP])[CHEAP]
    assert run_main(capsys, "--check", "--out", str(tmp_path), CHEAP)[0] == 0


def test_check_exits_1_naming_a_stale_or_missing_figure(tmp_path, capsys):
    (tmp_path / f"{CHEAP}.svg").write_bytes(b"<svg>old</svg>")
    code, out, _ = run_main(capsys, "--check", "--out", str(tmp_path), CHEAP)
    assert code == EXIT_FAILED == 1
    assert str(tmp_path / f"{CHEAP}.svg") in out
    assert (tmp_path / f"{CHEAP}.svg").read_bytes() == b"<svg>old</svg>"
    code, out, _ = run_main(capsys, "--check", "--out", str(tmp_path / "none"), CHEAP)
    assert code == EXIT_FAILED
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    "argv, says",
    [
        (["no_such_figure"], "unknown figures ['no_such_figure']"),
        (["--make-logs", "no_such_log"], "unknown logs ['no_such_log']"),
        (["--check", "--make-logs"], "cannot --make-logs"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        # refused before a minute of drawing, not a traceback after it
        (["--out", "/dev/null/figures"], "/dev/null is a file, not a folder"),
        (["--out", "/proc/figures"], "cannot create files in /proc"),
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
    assert f"--out: {target} is a file, not a folder" in err


def test_help_documents_the_exit_codes(capsys):
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    rows = re.findall(r"^ +(\d+) +(.+)$", out, flags=re.MULTILINE)
    assert ("1", "--check found stale or missing figures") in rows
    assert ("3", "MNIST is needed but missing or damaged (set DLFS_DATA)") in rows


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
    assert code == EXIT_NO_DATA == 3
    assert f"MNIST not found in {empty}" in err
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
