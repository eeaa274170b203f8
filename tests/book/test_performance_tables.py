"""book.performance: the Performance page's tables in English and in Korean."""

from __future__ import annotations

import re

import pytest

from book import performance

TABLES = [
    performance.inference_table,
    performance.gradient_table,
    performance.training_table,
    performance.gemm_table,
    performance.targets_table,
]


@pytest.fixture(scope="module")
def results():
    return performance.load_results()


@pytest.mark.parametrize("table", TABLES, ids=lambda f: f.__name__)
def test_korean_table_has_the_english_numbers_and_no_english_words(table, results):
    english = table(results, "English")
    korean = table(results, "한국어")
    assert english == table(results)  # English is the default
    number = r"\d[\d.,]*(?:e-?\d+)?"
    assert re.findall(number, korean) == re.findall(number, english)
    words = set(re.findall(r"[A-Za-z]{3,}", korean))  # float32 -> "float"
    assert words <= {"PyTorch", "float", "dlfs", "TwoLayerNet", "MFLOP", "GFLOP"}


@pytest.mark.parametrize("table", TABLES, ids=lambda f: f.__name__)
def test_korean_columns_line_up_on_screen(table, results):
    """A Hangul character takes two columns of a monospace font."""
    lines = table(results, "한국어").splitlines()
    rule = lines[1]
    gaps = [m.start() for m in re.finditer(r"(?<=-)  (?=-)", rule)]
    for line in lines:
        screen = "".join(c * performance._width(c) for c in line)
        assert all(screen[gap : gap + 2] == "  " for gap in gaps if gap < len(screen))


def test_environment_in_korean(results):
    korean = performance.environment(results, "한국어")
    assert "CPU 2개, 스레드 2개" in korean
    assert korean.splitlines()[1] == performance.environment(results).splitlines()[1]


def test_an_unknown_language_or_phrase_is_an_error(results):
    with pytest.raises(ValueError, match="language must be one of"):
        performance.gradient_table(results, "Deutsch")
    with pytest.raises(ValueError, match=r"add it to book/ko\.py"):
        performance._say("a phrase nobody translated", "한국어")
