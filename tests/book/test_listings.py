"""What the pages show of the library reads like the book: short, code first.

Every snippet section a page includes is measured as the page shows it: no
listing longer than 30 lines (45 for a class), every docstring in it one
line, and docstring lines at most 15 % of all lines the pages show.
"""

from __future__ import annotations

import ast
import re

from pages import DOCS, MARKER, pages, section_text

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


def test_a_listing_is_at_book_length_with_one_line_docstrings():
    """Measured as the page shows it: nested section markers dropped (the
    class LayerNet has some), the code dedented (a method's section is)."""
    found = []
    for path, name in SECTIONS:
        lines = section_text(path, name).splitlines()
        limit = MAX_CLASS_LINES if lines[0].startswith("class ") else MAX_FUNCTION_LINES
        if len(lines) > limit:
            found.append(f"{path}:{name} shows {len(lines)} lines (at most {limit})")
        if any(n > 1 for n in docstring_lines("\n".join(lines))):
            found.append(f"{path}:{name} shows a docstring of more than one line")
        if lines[0].startswith((" ", "\t")) or any(map(MARKER.match, lines)):
            found.append(f"{path}:{name} is not shown as the page shows it")
    assert not found, "\n".join(found)


def test_docstrings_are_at_most_15_percent_of_what_the_pages_show():
    texts = [section_text(path, name) for path, name in SECTIONS]
    total = sum(len(text.splitlines()) for text in texts)
    docstrings = sum(sum(docstring_lines(text)) for text in texts)
    assert 0 < docstrings / total <= MAX_DOCSTRING_SHARE, (docstrings, total)


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


def listings() -> list[tuple[str, str, str, str]]:
    """(page, info, body, text after) of every Python listing of every page."""
    return [
        (page.relative_to(DOCS).as_posix(), *fence)
        for page in pages()
        for fence in python_fences(page.read_text(encoding="utf-8"))
    ]


def test_every_python_listing_is_included_from_the_library_never_pasted():
    pasted = [
        f"{page}: {body.strip()[:80]!r}"
        for page, _, body, _ in listings()
        if not body.strip().startswith("--8<--")
    ]
    assert not pasted, "pasted code:\n" + "\n".join(pasted)


def test_a_fragment_says_so_in_its_title_and_links_to_the_whole_right_after():
    fragments = [
        (page, info, after) for page, info, _, after in listings() if ".no-copy" in info
    ]
    assert len(fragments) >= 10
    found = []
    for page, info, after in fragments:
        # a Korean page translates the title: (일부) is "(fragment)"
        if "fragment" not in info and "일부" not in info:
            found.append(f"{page}: the title does not say fragment: {info}")
        if not re.search(r"\]\([^)]*#[^)]+\)", after):
            found.append(f"{page}: no link to the whole right after {info}")
    assert not found, "\n".join(found)
