"""Collecting the ``>>>`` examples of the book's pages for pytest (with Sybil).

Stock Sybil only picks up a fenced block whose info line is exactly its
language, so a block written ```` ```pycon title="..." ```` (or with
``hl_lines``) would silently go unchecked.  :class:`PyconParser` takes every
``pycon`` fence, whatever follows the language and however deeply it is
indented (inside admonitions and content tabs), and turns each ``>>>``
example in it into a doctest region.
"""

from __future__ import annotations

import doctest
import re
from collections.abc import Iterable
from pathlib import Path

from sybil import Document, Region
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OPTIONFLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS

# A fence line opening a pycon block: any indentation, any attributes after.
PYCON_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*pycon\b", re.MULTILINE)


class PyconParser:
    """A Sybil parser for every ``pycon`` fenced block of a Markdown page."""

    def __init__(self, optionflags: int = OPTIONFLAGS) -> None:
        self.lexer = RawFencedCodeBlockLexer(
            info_pattern=re.compile(r"[ \t]*pycon\b[^\n]*$\n", re.MULTILINE)
        )
        self.doctests = DocTestStringParser(DocTestEvaluator(optionflags))

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.lexer(document):
            source = region.lexemes["source"]
            for example in self.doctests(source, document.path):
                example.adjust(region, source)
                yield example


def pages() -> list[Path]:
    """Every Markdown page of the book."""
    return sorted(DOCS.rglob("*.md"))


def count_pycon_blocks(text: str) -> int:
    """How many ``pycon`` fences a page's text opens."""
    return len(PYCON_FENCE.findall(text))


def count_prompts(text: str) -> int:
    """How many ``>>>`` prompts the ``pycon`` blocks of a page hold."""
    document = Document(text, "page.md")
    lexer = PyconParser().lexer
    return sum(
        line.lstrip().startswith(">>>")
        for region in lexer(document)
        for line in str(region.lexemes["source"]).splitlines()
    )
