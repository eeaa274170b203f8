"""What a code block's copy button must give, and the blocks of a built page.

A ``pycon`` block copies its input lines only, without prompts and output; a
listing (a whole function or class) copies exactly as shown; a fragment (one
method shown alone, in a ``.no-copy`` block) has no copy button.  The browser
checks that each button gives :func:`expected_copy`
(tests/site/test_browser_layout.py); tests/site/test_copy_paste.py runs what
they give, read from the built page (:func:`code_blocks`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

from pages import DOCS, chapter_pages

PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
ANNOTATION = re.compile(r"[ \t]+#\s*\(\d+\)!")  # Material's code annotation marker
PYTHON = ("python", "pycon", "py")


def copied_pages() -> list[str]:
    """The pages whose copied code must run (source paths): the home page
    and every chapter page, each chapter's opening page first.  The English
    ones only: a Korean page's blocks hold the same code, differing only in
    comments and Korean text (tests/book/test_i18n.py checks that), so they
    copy and run the same."""
    return ["index.md"] + [p.relative_to(DOCS).as_posix() for p in chapter_pages()]


def listing_text(text: str) -> str:
    """A listing's lines as a copy must give them: no annotation markers."""
    lines = [ANNOTATION.sub("", line).rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n")


def pycon_input(shown: str) -> str:
    """What the copy button of a pycon block must give: the input lines only."""
    lines, in_traceback = [], False
    for line in shown.splitlines():
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True  # its "..." lines are output, not prompts
        elif line.startswith(">>>"):
            in_traceback = False
        if PROMPT.match(line) and not in_traceback:
            lines.append(ANNOTATION.sub("", PROMPT.sub("", line)).rstrip())
    return "\n".join(lines)


def expected_copy(language: str, shown: str) -> str:
    """What the copy button of a block must give, compared as
    :func:`same_copy` does."""
    return pycon_input(shown) if language == "pycon" else listing_text(shown)


def same_copy(language: str, copied: str, shown: str) -> bool:
    """Whether a copy is what the block's button must give."""
    if language == "pycon":
        return copied.strip() == pycon_input(shown).strip()
    return listing_text(copied) == listing_text(shown)


class _Blocks(HTMLParser):
    """The Python code blocks of a page with a copy button, in page order,
    with the file name a block is titled with and whether it sits in a box
    (``<details>``: an exercise's solution)."""

    VOID: ClassVar[set[str]] = {
        "br",
        "img",
        "input",
        "meta",
        "link",
        "hr",
        "source",
        "wbr",
        "col",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[str]]] = []
        self.blocks: list[dict] = []
        self.text: list[str] | None = None
        self.title: str | None = None  # of the block being read
        self.title_text: list[str] | None = None
        self.title_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if any(c.startswith("language-") for c in classes):
            self.title = None
        if tag == "span" and "filename" in classes:
            self.title_text, self.title_depth = [], len(self.stack)
        if tag == "code" and self.stack and self.stack[-1][0] == "pre":
            language = next(
                (
                    c.removeprefix("language-")
                    for _, cs in self.stack
                    for c in cs
                    if c.startswith("language-")
                ),
                "text",
            )
            copied = not any("no-copy" in cs for _, cs in self.stack)
            if language in PYTHON and copied:
                solution = any(name == "details" for name, _ in self.stack)
                self.blocks.append(
                    {"language": language, "title": self.title, "solution": solution}
                )
                self.text = []
        self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == "code" and self.text is not None:
            self.blocks[-1]["shown"] = "".join(self.text)
            self.text = None
        if self.title_text is not None and len(self.stack) == self.title_depth:
            self.title = "".join(self.title_text).strip()
            self.title_text = None

    def handle_data(self, data: str) -> None:
        for text in (self.text, self.title_text):
            if text is not None:
                text.append(data)


def code_blocks(page_html: str) -> list[dict]:
    """The Python blocks of a built page that have a copy button, in page
    order: ``{"language", "shown": its text, "title": its file name or None,
    "solution": whether it is in a box}``."""
    parser = _Blocks()
    parser.feed(page_html)
    return parser.blocks
