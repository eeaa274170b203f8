"""What the pages show of the library reads like the book: short, code first.

Every snippet section a page includes is measured as the page shows it: no
listing longer than 30 lines (45 for a class), every docstring in it one
line, and docstring lines at most 15 % of all lines the pages show.
"""

from __future__ import annotations

import ast
import re

import pytest
from pages import DOCS, pages, section_text

INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"([^":]+\.py):([\w-]+)"', re.MULTILINE)
MAX_FUNCTION_LINES = 30
MAX_CLASS_LINES = 45
MAX_DOCSTRING_SHARE = 0.15


def included_sections() -> list[tuple[str, str]]:
    """Every (file, section) that some page includes, in page order, once."""
    found = []
    for page in pages():
        found += INCLUDE.findall(page.read_text(encoding="utf-8"))
    return list(dict.fromkeys(found))


def docstring_lines(text: str) -> list[int]:
    """Line counts of every docstring in a piece of code."""
    tree = ast.parse(text)
    counts = []
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, kinds) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                counts.append(first.end_lineno - first.lineno + 1)
    return counts


SECTIONS = included_sections()


def test_the_pages_include_listings():
    assert len(SECTIONS) >= 30


@pytest.mark.parametrize(
    ("path", "name"),
    SECTIONS,
    ids=[f"{p}:{n}" for p, n in SECTIONS],
)
def test_a_listing_is_at_book_length_with_one_line_docstrings(path, name):
    text = section_text(path, name)
    lines = text.splitlines()
    limit = MAX_CLASS_LINES if lines[0].startswith("class ") else MAX_FUNCTION_LINES
    assert len(lines) <= limit, f"{path}:{name} shows {len(lines)} lines"
    assert all(n == 1 for n in docstring_lines(text)), (
        f"{path}:{name} shows a docstring of more than one line"
    )


def test_docstrings_are_at_most_15_percent_of_what_the_pages_show():
    texts = [section_text(path, name) for path, name in SECTIONS]
    total = sum(len(text.splitlines()) for text in texts)
    docstrings = sum(sum(docstring_lines(text)) for text in texts)
    assert docstrings / total <= MAX_DOCSTRING_SHARE, (docstrings, total)


def test_section_text_drops_nested_markers_and_dedents(tmp_path):
    (tmp_path / "m.py").write_text(
        "class A:\n    # --8<-- [start:f]\n    def f(self):\n"
        '        """One line."""\n        # --8<-- [start:g]\n'
        "        return 1\n        # --8<-- [end:g]\n    # --8<-- [end:f]\n"
    )
    text = section_text("m.py", "f", root=tmp_path)
    assert text == 'def f(self):\n    """One line."""\n    return 1\n'
    assert docstring_lines(text) == [1]


FENCE = re.compile(r"^([ \t]*)(`{3,})[ \t]*(\{[^}\n]*\}|python\b[^\n]*)$", re.MULTILINE)


def python_fences(text: str) -> list[tuple[str, str, str]]:
    """(info, body, text after the fence) of every Python listing fence."""
    found = []
    for match in FENCE.finditer(text):
        info = match.group(3)
        if "python" not in info.split()[0] and ".python" not in info:
            continue
        close = text.index(match.group(2), match.end())
        found.append((info, text[match.end() : close], text[close : close + 600]))
    return found


PAGES = pages()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_listing_is_included_and_every_fragment_links_to_the_whole(page):
    text = page.read_text(encoding="utf-8")
    for info, body, after in python_fences(text):
        assert body.strip().startswith("--8<--"), f"pasted code: {body[:80]}"
        if ".no-copy" in info:
            # a Korean page translates the title: (일부) is "(fragment)"
            assert "fragment" in info or "일부" in info, (
                f"a fragment's title says so: {info}"
            )
            assert re.search(r"\]\([^)]*#[^)]+\)", after), (
                f"{page.name}: the fragment {info} links to the whole class or "
                "function right after it"
            )


def test_the_pages_mark_fragments():
    fragments = [
        info
        for page in PAGES
        for info, _, _ in python_fences(page.read_text(encoding="utf-8"))
        if ".no-copy" in info
    ]
    assert len(fragments) >= 10
