"""book.performance: the Performance page's tables in English and in Korean."""

from __future__ import annotations

import re

import markdown
import pytest

from book import performance

TABLES = [name for name in performance.PARTS if name != "environment"]


@pytest.fixture(scope="module")
def results():
    return performance.load_results()


@pytest.mark.parametrize("name", TABLES)
def test_korean_table_has_the_english_numbers_and_no_english_words(name, results):
    table = performance.PARTS[name]
    english, korean = table(results, "en"), table(results, "ko")
    assert english == table(results)  # English is the default
    number = r"\d[\d.,]*(?:e-?\d+)?"
    assert re.findall(number, korean) == re.findall(number, english)
    words = set(re.findall(r"[A-Za-z]{3,}", korean))  # float32 -> "float"
    assert words <= {"PyTorch", "float", "dlfs", "TwoLayerNet", "MFLOP", "GFLOP"}


@pytest.mark.parametrize("lang", performance.LANGUAGES)
@pytest.mark.parametrize("name", TABLES)
def test_a_table_renders_as_markdown_and_lines_up_in_a_terminal(name, lang, results):
    """One text for the page and for ``python -m benchmarks``: a Markdown
    table whose columns line up in a monospace font, where a Hangul
    character takes two columns."""
    text = performance.PARTS[name](results, lang)
    lines = text.splitlines()
    html = markdown.markdown(text, extensions=["tables"])
    assert html.count("<table>") == 1
    assert html.count("<tr>") == len(lines) - 1  # every line but the rule is a row
    columns = lines[0].count("|") - 1
    assert len(re.findall(r"<th[ >]", html)) == columns
    right = html.count('<td style="text-align: right;">')
    assert right == (columns - 1) * (len(lines) - 2)  # all but the first column
    bars = {tuple(performance._width(line[:i]) for i in _bars(line)) for line in lines}
    assert len(bars) == 1, text


def _bars(line: str) -> list[int]:
    return [i for i, c in enumerate(line) if c == "|"]


def test_environment_in_korean(results):
    korean = performance.environment(results, "ko")
    assert "CPU 2개, 스레드 2개" in korean
    assert korean.splitlines()[1] == performance.environment(results).splitlines()[1]


def test_a_table_without_pytorch_says_why_below_it(results):
    training = {**results["training"], "torch_skipped": "not installed"}
    found = {k: v for k, v in training["implementations"].items() if k != "torch"}
    training["implementations"] = found
    results = {**results, "training": training}
    for lang, note in [("en", "(no PyTorch row: "), ("ko", "(PyTorch 행 없음: ")]:
        table, after = performance.training_table(results, lang).split("\n\n")
        assert "PyTorch" not in table
        assert after == f"{note}not installed)"


def test_an_unknown_language_or_phrase_is_an_error(results):
    with pytest.raises(ValueError, match="lang must be one of"):
        performance.gradient_table(results, "de")
    with pytest.raises(ValueError, match=r"add it to book/ko\.py"):
        performance._say("a phrase nobody translated", "ko")
