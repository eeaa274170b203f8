"""The pages' examples: every ``pycon`` block is collected and each chapter has some."""

from __future__ import annotations

import re

import pytest
from doc_examples import PyconParser, count_prompts, count_pycon_blocks
from pages import DOCS, pages
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


# A lesson page is read as one Python session: it opens with its imports.
LESSON_PAGES = [
    p
    for p in pages()
    if (p.parent.name in {"ch2", "ch3", "ch4", "ch5"} or p.stem.startswith("notes"))
    and not p.stem.startswith(("summary", "exercises"))
    and count_pycon_blocks(p.read_text(encoding="utf-8"))
]
SETUP_TITLES = {
    "en": "setup: this page is one Python session, top to bottom",
    "ko": "준비: 이 페이지는 처음부터 끝까지 하나의 파이썬 세션입니다",
}
FIRST_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.M | re.S)
IMPORT = re.compile(r">>> (import \w|from [\w.]+ import \w)")


@pytest.mark.parametrize("page", LESSON_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_a_lesson_page_opens_with_a_short_setup_block_of_its_imports(page):
    text = page.read_text(encoding="utf-8")
    first = FIRST_FENCE.search(text)
    assert ">>> " not in text[: first.start()], "no example before the setup block"
    info, body = first.groups()
    language = "ko" if page.name.endswith(".ko.md") else "en"
    assert info == f'pycon title="{SETUP_TITLES[language]}"'
    lines = body.splitlines()
    assert 1 <= len(lines) <= 8, "a short block"
    assert all(IMPORT.match(line) for line in lines), lines
