"""The pages' examples: every ``pycon`` block is collected and each chapter has some."""

from __future__ import annotations

import re
from pathlib import Path

from doc_examples import PyconParser, count_prompts, count_pycon_blocks
from pages import DOCS, chapters, pages
from sybil import Document

CHAPTERS = chapters()


def rel(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


def test_every_prompt_of_every_pycon_block_is_collected():
    found = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        collected = len(list(PyconParser()(Document(text, str(page)))))
        prompts = count_prompts(text) - text.count(">>> #")
        if collected != prompts:
            found.append(f"{rel(page)}: {collected} examples of {prompts} prompts")
    assert not found, "\n".join(found)


def test_the_parser_finds_blocks_with_attributes_and_indentation():
    text = (
        '```pycon title="x.py" hl_lines="1"\n>>> 1 + 1\n2\n```\n\n'
        "!!! note\n\n    ```pycon\n    >>> 2 + 2\n    4\n    ```\n\n"
        '=== "Tab"\n\n    ``` pycon\n    >>> 3 + 3\n    6\n    ```\n'
    )
    assert count_pycon_blocks(text) == 3
    assert len(list(PyconParser()(Document(text, "t.md")))) == 3


def test_each_chapter_has_at_least_ten_checked_examples():
    prompts = dict.fromkeys(CHAPTERS, 0)
    for page in pages():
        if page.parent.name in prompts:
            prompts[page.parent.name] += count_prompts(page.read_text("utf-8"))
    assert min(prompts.values()) >= 10, prompts


# A lesson page is read as one Python session: it opens with its imports.
SETUP_TITLES = {
    "en": "setup: this page is one Python session, top to bottom",
    "ko": "준비: 이 페이지는 처음부터 끝까지 하나의 파이썬 세션입니다",
}
FIRST_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.M | re.S)
IMPORT = re.compile(r">>> (import \w|from [\w.]+ import \w)")


def lesson_pages() -> list[Path]:
    """Pages of chapters and notes with examples, but not summaries and exercises."""
    return [
        p
        for p in pages()
        if (p.parent.name in CHAPTERS or p.stem.startswith("notes"))
        and not p.stem.startswith(("summary", "exercises"))
        and count_pycon_blocks(p.read_text(encoding="utf-8"))
    ]


def setup_problems(text: str, language: str) -> list[str]:
    first = FIRST_FENCE.search(text)
    if ">>> " in text[: first.start()]:
        return ["an example before the setup block"]
    info, body = first.groups()
    lines = body.splitlines()
    problems = []
    if info != f'pycon title="{SETUP_TITLES[language]}"':
        problems.append(f"the first block is not the setup block: {info}")
    if not 1 <= len(lines) <= 8:
        problems.append(f"a setup block of {len(lines)} lines (1 to 8)")
    problems += [f"not an import: {line}" for line in lines if not IMPORT.match(line)]
    return problems


def test_a_lesson_page_opens_with_a_short_setup_block_of_its_imports():
    found = []
    for page in lesson_pages():
        language = "ko" if page.name.endswith(".ko.md") else "en"
        problems = setup_problems(page.read_text(encoding="utf-8"), language)
        found += [f"{rel(page)}: {problem}" for problem in problems]
    assert len(lesson_pages()) >= 20
    assert not found, "\n".join(found)
