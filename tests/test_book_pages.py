"""The pages' examples: every ``pycon`` block is collected and each chapter has some."""

from __future__ import annotations

import re

import pytest
from doc_examples import DOCS, PyconParser, count_prompts, count_pycon_blocks, pages
from sybil import Document

CHAPTER_PAGES = [p for p in pages() if p.parent.name in {"ch2", "ch3", "ch4", "ch5"}]


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_prompt_of_every_pycon_block_is_collected(page):
    text = page.read_text(encoding="utf-8")
    collected = list(PyconParser()(Document(text, str(page))))
    assert len(collected) == count_prompts(text) - text.count(">>> #")


def test_the_parser_finds_blocks_with_attributes_and_indentation():
    text = (
        '```pycon title="x.py" hl_lines="1"\n>>> 1 + 1\n2\n```\n\n'
        "!!! note\n\n    ```pycon\n    >>> 2 + 2\n    4\n    ```\n\n"
        '=== "Tab"\n\n    ``` pycon\n    >>> 3 + 3\n    6\n    ```\n'
    )
    assert count_pycon_blocks(text) == 3
    assert len(list(PyconParser()(Document(text, "t.md")))) == 3


@pytest.mark.parametrize(
    "chapter", ["ch2", "ch3", "ch4", "ch5"], ids=lambda c: f"chapter {c[2:]}"
)
def test_each_chapter_has_checked_examples(chapter):
    total = sum(
        count_prompts(p.read_text(encoding="utf-8"))
        for p in CHAPTER_PAGES
        if p.parent.name == chapter
    )
    assert total >= 10


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_function_body_is_pasted_into_a_page(page):
    """Python listings come from dlfs through snippets, never pasted."""
    text = page.read_text(encoding="utf-8")
    for block in re.findall(r"```python[^\n]*\n(.*?)```", text, flags=re.DOTALL):
        assert block.strip().startswith("--8<--"), block[:80]
