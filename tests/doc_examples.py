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
import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sybil import Document, Region
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

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


# ---- the Korean pages ------------------------------------------------------
#
# A Korean page ``X.ko.md`` runs as doctests of its own only when its examples
# differ from the English page's ``X.md`` in more than comments (a translated
# string literal, the output it prints): a page is one session, so then the
# whole page runs.  With the same examples it is not collected, as the English
# page runs them and tests/book/test_i18n.py proves the code the same.


def examples(text: str) -> list[tuple[str, str]]:
    """(source with comments masked, expected output) of each ``>>>`` example."""
    document = Document(text, "page.md")
    found = []
    for region in PyconParser()(document):
        example = region.parsed
        source = mask_code(example.source, strings=False).text
        found.append((source, example.want))
    return found


def english_twin(page: Path) -> Path | None:
    """docs/X.ko.md -> docs/X.md (None for a page that is not a Korean twin)."""
    if not page.name.endswith(".ko.md"):
        return None
    english = page.with_name(page.name.replace(".ko.md", ".md"))
    return english if english.is_file() else None


def runs_as_doctests(page: Path) -> bool:
    """Whether a page's ``>>>`` examples run: every page but a Korean twin
    whose examples are its English page's, comments aside."""
    english = english_twin(page)
    if english is None:
        return True
    return examples(page.read_text("utf-8")) != examples(english.read_text("utf-8"))


# ---- masking comments and strings (also the Korean parity rule's) -----------

STRING = re.compile(
    r"(?is)(?P<prefix>[a-z]*)(?P<quote>'''|\"\"\"|'|\")(?P<body>.*)(?P=quote)"
)
FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}")  # an f-string's fields; {{ }} are text
# Comments that are code: snippet section markers, Material's code annotation
# markers, doctest directives.
KEPT_COMMENT = re.compile(r"#\s*(?:--8<--.*|\(\d+\)!\s*|doctest:.*)")
# The fallback scan: string literals (with a prefix) and comments.
SCAN = re.compile(
    r"(?P<string>(?<!\w)[rRbBuUfF]{0,2}"
    r"(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'))"
    r"|(?P<comment>(?<!\S)#[^\n]*)"
)


@dataclass
class Masked:
    """Code with comments and string contents masked, and the strings it had."""

    text: str
    strings: list[str] = field(default_factory=list)


def masked_comment(comment: str) -> str:
    kept = KEPT_COMMENT.fullmatch(comment.rstrip())
    return comment if kept else "#…"


def masked_string(literal: str) -> str:
    match = STRING.fullmatch(literal)
    if not match:
        return "'…'"
    prefix, quote, body = match.group("prefix", "quote", "body")
    kept = "…"
    if "f" in prefix.lower():
        kept += "…".join(f for f in FIELD.findall(body) if f not in ("{{", "}}"))
    return f"{prefix}{quote}{kept}{quote}"


def mask_code(code: str, python: bool = True, strings: bool = True) -> Masked:
    """``code`` with its comments masked, and the contents of its string
    literals unless ``strings`` is false.  Python's tokenizer tells a comment
    from a ``#`` in a string; other code (or Python it cannot read) is
    scanned for quotes and ``#``."""
    if python:
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
        except (tokenize.TokenError, SyntaxError):  # IndentationError too
            tokens = None
        if tokens is not None:
            starts = [0]
            for line in code.splitlines(keepends=True):
                starts.append(starts[-1] + len(line))
            offset = lambda row, col: starts[row - 1] + col  # noqa: E731
            edits, found = [], []
            for tok in tokens:
                if tok.type not in (tokenize.COMMENT, tokenize.STRING):
                    continue
                span = (offset(*tok.start), offset(*tok.end))
                if tok.type == tokenize.COMMENT:
                    edits.append((*span, masked_comment(tok.string)))
                else:
                    found.append(tok.string)
                    if strings:
                        edits.append((*span, masked_string(tok.string)))
            text = code
            for start, end, new in reversed(edits):
                text = text[:start] + new + text[end:]
            return Masked(text, found)
    found = []

    def replace(match: re.Match[str]) -> str:
        if match.group("comment") is not None:
            return masked_comment(match.group("comment"))
        found.append(match.group("string"))
        return masked_string(match.group("string")) if strings else match.group(0)

    return Masked(SCAN.sub(replace, code), found)
